using System;
using PiiGuard.Serilog;
using Serilog.Configuration;

namespace Serilog
{
    /// <summary>Registers PiiGuard's masking with Serilog.</summary>
    public static class PiiGuardLoggerConfigurationExtensions
    {
        /// <summary>
        /// Destructures PiiGuard's maskable types (<c>[GenerateMasking]</c> types and every <c>IMaskable</c>) with their
        /// personal members masked: <c>new LoggerConfiguration().Destructure.WithPiiGuard()</c>.
        /// </summary>
        /// <param name="destructure">The logger configuration's destructuring options.</param>
        /// <returns>The logger configuration, for chaining.</returns>
        public static LoggerConfiguration WithPiiGuard(this LoggerDestructuringConfiguration destructure)
        {
            if (destructure is null)
            {
                throw new ArgumentNullException(nameof(destructure));
            }

            return destructure.With(new PiiGuardDestructuringPolicy());
        }
    }
}
