using System.Collections.Immutable;

namespace PiiGuard.Analyzers.Flow.Catalog
{
    /// <summary>PII004: exception messages (every exception type's constructors) and Exception.Data.</summary>
    internal static class ExceptionSinks
    {
        public static readonly ImmutableArray<SinkRow> Rows = ImmutableArray.Create(
            SinkRow.Constructor("System.Exception", SinkRule.Exception, "new {type}"),
            SinkRow.Container("System.Exception", "Data", SinkRule.Exception, "Exception.Data"));
    }
}
