using Microsoft.AspNetCore.Identity;
using Shop.Infrastructure;

namespace Shop
{
    public sealed class Customer
    {
        [PersonalData]
        public string Email { get; set; } = "";

        public string OrderId { get; set; } = "";
    }

    public sealed class Checkout
    {
        private readonly ILogManager _log;
        private readonly IAuditTrail _audit;
        private readonly AppLog _appLog;
        private readonly CheckoutLog _checkoutLog;
        private readonly Catalog _catalog;
        private readonly LoginService _login;

        public Checkout(ILogManager log, IAuditTrail audit, AppLog appLog, CheckoutLog checkoutLog, Catalog catalog, LoginService login)
        {
            _log = log;
            _audit = audit;
            _appLog = appLog;
            _checkoutLog = checkoutLog;
            _catalog = catalog;
            _login = login;
        }

        public void Pay(Customer customer)
        {
            _log.Log(Level.Information, this, "Paid by {0}", customer.Email); // CANDIDATE: ILogManager.Log (a leak once its row is added)
            _log.Log(Level.Information, this, "Payment started"); // a constant message: a call, not a call with data
            _audit.Record("Order " + customer.OrderId); // catalogued
            _appLog.Write("Receipt for {Email}", customer.Email); // LEAK: PII001 through AppLog.Write -> ILogger.LogInformation
            _checkoutLog.Info("Shipped to {0}", customer.Email); // through CheckoutLog.Info -> ILogManager.Log
            _catalog.Write(System.IO.Stream.Null);
            _catalog.Describe(customer.OrderId);
            _login.Login(customer.Email, customer.OrderId);
        }
    }
}
