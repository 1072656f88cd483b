using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace PiiGuard.Analyzers.Flow
{
    /// <summary>
    /// Collects the leaks of one operation block, one diagnostic per location (loops and local functions are walked more
    /// than once), and builds the diagnostics with the properties the code fixes read: <c>piiKind</c> and <c>fix</c>.
    /// </summary>
    internal sealed class LeakReporter
    {
        public const string PiiKindProperty = "piiKind";
        public const string FixProperty = "fix";
        public const string FixMask = "mask";
        public const string FixToMaskedString = "toMaskedString";
        public const string FixPseudonymize = "pseudonymize";

        private readonly Dictionary<(SyntaxTree?, TextSpan), Diagnostic> _diagnostics = new Dictionary<(SyntaxTree?, TextSpan), Diagnostic>();
        private readonly SyntaxTree? _tree;

        public LeakReporter(SyntaxTree? tree)
        {
            _tree = tree;
        }

        public IEnumerable<Diagnostic> Diagnostics => _diagnostics.Values;

        public void Report(Taint taint, IOperation location, Sink sink, string sinkDisplay, TypeFacts facts)
        {
            var properties = ImmutableDictionary.CreateBuilder<string, string?>(StringComparer.Ordinal);
            properties[PiiKindProperty] = taint.Info.KindName;
            DiagnosticDescriptor descriptor;
            Location where;
            object?[] arguments;
            if (taint.Hash != null)
            {
                descriptor = Rules.UnkeyedHash;
                where = taint.Hash.Syntax.GetLocation();
                arguments = new object?[] { taint.Display, taint.Info.Describe(), taint.HashDisplay, sinkDisplay };
                properties[FixProperty] = FixPseudonymize;
            }
            else if (taint.IsWholeObject)
            {
                descriptor = Rules.WholeObjectLeak;
                where = location.Syntax.GetLocation();
                arguments = new object?[] { taint.Display, taint.Kinds ?? taint.Info.KindName, sinkDisplay };
                if (facts.HasMaskedString(location.Type) && !IsAssignedToTypedMember(location))
                {
                    properties[FixProperty] = FixToMaskedString;
                }
            }
            else
            {
                descriptor = sink.Rule switch
                {
                    SinkRule.Egress => Rules.EgressLeak,
                    SinkRule.Telemetry => Rules.TelemetryLeak,
                    SinkRule.Exception => Rules.ExceptionLeak,
                    _ => Rules.LogLeak,
                };
                where = location.Syntax.GetLocation();
                arguments = new object?[] { taint.Display, taint.Info.Describe(), sinkDisplay };
                if (location.Type?.SpecialType == SpecialType.System_String)
                {
                    properties[FixProperty] = FixMask;
                }
            }

            // A diagnostic must lie in the tree being analysed; a location elsewhere (a summarised callee) is not reported here.
            if (where.SourceTree != null && _tree != null && where.SourceTree != _tree)
            {
                return;
            }

            var key = (where.SourceTree, where.SourceSpan);
            if (!_diagnostics.ContainsKey(key))
            {
                _diagnostics[key] = Diagnostic.Create(descriptor, where, properties.ToImmutable(), arguments);
            }
        }

        /// <summary>
        /// <c>message.Value = customer</c> where Value is of the object's own type (Kafka's Message&lt;K, Customer&gt;): its
        /// ToMaskedString() (a string) would not compile there, so the fix is not offered.
        /// </summary>
        private static bool IsAssignedToTypedMember(IOperation location) =>
            location.Parent is ISimpleAssignmentOperation assignment && ReferenceEquals(assignment.Value, location)
            && assignment.Target.Type?.SpecialType is not (SpecialType.System_String or SpecialType.System_Object);
    }
}
