namespace PiiGuard.Analyzers.Flow
{
    /// <summary>What a walk of a body is for; it decides which sinks are checked and what is collected.</summary>
    internal enum WalkMode
    {
        /// <summary>Analyse a body and report its leaks through <see cref="LeakReporter"/>.</summary>
        Report,

        /// <summary>
        /// Compute a method's summary: what its return value carries and which parameters reach sinks. Nothing is reported.
        /// </summary>
        Summarize,

        /// <summary>
        /// Scan a method for the personal data it assigns to members of its own type, without reading fields or using
        /// summaries, so that the scan is deterministic and cannot recurse. No sink is checked.
        /// </summary>
        ScanAssignments,
    }
}
