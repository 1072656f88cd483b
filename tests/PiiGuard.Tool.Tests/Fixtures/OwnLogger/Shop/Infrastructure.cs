using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.Extensions.Logging;

namespace Shop.Infrastructure
{
    public enum Level
    {
        Information,
        Error,
    }

    /// <summary>The team's own log: Log writes a row of the Log table (below), nothing a catalogue knows.</summary>
    public interface ILogManager
    {
        void Log(Level level, object source, string message, params object[] args);
    }

    public sealed class LogEntry
    {
        public Level Level { get; set; }

        public string Source { get; set; } = "";

        public string Message { get; set; } = "";
    }

    /// <summary>An EF-like context: a table of log rows and SaveChanges.</summary>
    public sealed class ShopDb
    {
        public List<LogEntry> Log { get; } = new List<LogEntry>();

        public int SaveChanges() => Log.Count;
    }

    public sealed class DbLogManager : ILogManager
    {
        private readonly ShopDb _db;

        public DbLogManager(ShopDb db) => _db = db;

        public void Log(Level level, object source, string message, params object[] args)
        {
            _db.Log.Add(new LogEntry { Level = level, Source = source.GetType().Name, Message = string.Format(message, args) });
            _db.SaveChanges();
        }
    }

    /// <summary>Named in piiguard.catalog already.</summary>
    public interface IAuditTrail
    {
        void Record(string message);
    }

    /// <summary>Wraps ILogger: its body reaches a known sink, so the leak analysis follows it already.</summary>
    public sealed class AppLog
    {
        private readonly ILogger<AppLog> _logger;

        public AppLog(ILogger<AppLog> logger) => _logger = logger;

        public void Write(string message, params object[] args) => _logger.LogInformation(message, args);
    }

    /// <summary>Passes its message on to ILogManager.Log: listed under it, not as a row of its own.</summary>
    public sealed class CheckoutLog
    {
        private readonly ILogManager _log;

        public CheckoutLog(ILogManager log) => _log = log;

        public void Info(string message, params object[] args) => _log.Log(Level.Information, this, message, args);
    }

    /// <summary>Not a log: "Catalog" is not the word "log", and a stream is not a message.</summary>
    public sealed class Catalog
    {
        public void Write(Stream stream) => stream.WriteByte(1);

        public void Describe(string text) => Console.Error.Flush();
    }

    /// <summary>Not a log: "Login" is not the word "log".</summary>
    public sealed class LoginService
    {
        public bool Login(string userName, string message) => userName.Length > 0 && message.Length > 0;
    }
}
