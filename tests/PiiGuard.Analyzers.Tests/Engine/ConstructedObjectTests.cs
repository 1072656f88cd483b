using System.Threading.Tasks;
using PiiGuard.Analyzers.Tests.Infrastructure;

namespace PiiGuard.Analyzers.Tests.Engine;

/// <summary>
/// An object built from personal data (a notification from its sender and recipient) carries that data as a whole; its
/// members carry their own annotations, or what the constructor stored in them (found on Oqtane, UserProfile/View.razor).
/// </summary>
public class ConstructedObjectTests
{
    private const string Model = """
        using System;
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Logging;
        using PiiGuard;

        public class User
        {
            public int UserId { get; set; }
            [Pii(PiiKind.Username)] public string Username { get; set; } = "";
            [Pii(PiiKind.Name)] public string DisplayName { get; set; } = "";
            [Pii(PiiKind.Email)] public string Email { get; set; } = "";
        }

        public class PageState
        {
            public User User { get; set; } = new User();
            public int SiteId { get; set; }
        }

        public class Notification
        {
            public Notification() { }
            public Notification(int siteId, User from, User to, string subject, string body, int? parentId)
            {
                Construct(siteId, from, "", "", to, subject, body, parentId);
            }

            private void Construct(int siteId, User from, string fromDisplayName, string fromEmail, User to, string subject, string body, int? parentId)
            {
                SiteId = siteId;
                if (from != null)
                {
                    FromUserId = from.UserId;
                    FromDisplayName = from.DisplayName;
                    FromEmail = from.Email ?? "";
                }
                else
                {
                    FromUserId = null;
                    FromDisplayName = fromDisplayName;
                    FromEmail = fromEmail ?? "";
                }
                ToUserId = to.UserId;
                Subject = subject;
                Body = body;
                ParentId = parentId;
                CreatedOn = DateTime.UtcNow;
            }

            public int NotificationId { get; set; }
            public int SiteId { get; set; }
            public int? FromUserId { get; set; }
            public string FromDisplayName { get; set; } = "";
            public string FromEmail { get; set; } = "";
            public int? ToUserId { get; set; }
            public string Subject { get; set; } = "";
            public string Body { get; set; } = "";
            public int? ParentId { get; set; }
            public DateTime CreatedOn { get; set; }
        }

        public interface INotificationService
        {
            Task<Notification> AddNotificationAsync(Notification notification);
        }

        public interface IUserService
        {
            Task<User> GetUserAsync(string username, int siteId);
        }

        public class NotificationService : INotificationService
        {
            private readonly HttpClient _http = new HttpClient();
            public async Task<Notification> AddNotificationAsync(Notification notification)
                => await (await _http.PostAsJsonAsync("api/notification", notification)).Content.ReadFromJsonAsync<Notification>() ?? notification;
        }

        """;

    [Fact]
    public Task AKeyOfAnObjectBuiltFromPersonalData_CarriesNothing() => AnalyzerVerifier<PersonalDataFlowAnalyzer>.VerifyAsync(Model + """
        public class View
        {
            private readonly ILogger _logger;
            private readonly INotificationService _notifications;
            private readonly IUserService _users;
            private readonly PageState _state = new PageState();
            private string username = "";
            private string subject = "";
            private string body = "";
            private int? notificationid;

            public View(ILogger logger, INotificationService notifications, IUserService users)
            {
                _logger = logger;
                _notifications = notifications;
                _users = users;
            }

            private void Reply(User from)
            {
                username = from.Username;
                body = "From " + username + "\n" + body;
            }

            public async Task Send()
            {
                // A lookup by the user name returns a User; the notification built from users carries their personal
                // members as a whole, but its integer key, read back, is not a user name (Oqtane View.razor:170).
                var user = await _users.GetUserAsync(username, _state.SiteId);
                if (user != null)
                {
                    var notification = new Notification(_state.SiteId, _state.User, user, subject, body, notificationid);
                    _logger.LogInformation("Built {NotificationId}", notification.NotificationId);
                    notification = await _notifications.AddNotificationAsync(notification);
                    _logger.LogInformation("Notification Created {NotificationId}", notification.NotificationId);
                    // Posting the notification sends what it holds (its sender's name and e-mail, the body): a true leak.
                    var concrete = await new NotificationService().AddNotificationAsync({|PII002:notification|});
                    _logger.LogInformation("Notification Created {NotificationId}", concrete.NotificationId);
                }
            }
        }
        """);
}
