using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace PiiGuard.Analyzers.Flow
{
    /// <summary>One leak the walk found: what reached which sink, where. The walk's result, before any diagnostic is built.</summary>
    internal readonly struct LeakFinding
    {
        public LeakFinding(Taint taint, IOperation location, Sink sink, string sinkDisplay)
        {
            Taint = taint;
            Location = location;
            Sink = sink;
            SinkDisplay = sinkDisplay;
        }

        /// <summary>The personal datum and where it came from.</summary>
        public Taint Taint { get; }

        /// <summary>The value that reached the sink.</summary>
        public IOperation Location { get; }

        public Sink Sink { get; }

        /// <summary>The sink as the message names it (<c>ILogger.LogInformation</c>, or the path through a summary).</summary>
        public string SinkDisplay { get; }
    }

    /// <summary>
    /// The leaks of one operation block: the walk records each as a <see cref="LeakFinding"/>, one per location (loops and
    /// local functions are walked more than once), and the diagnostics are built from these findings once the walk is
    /// over, with their properties (<see cref="DiagnosticPropertyNames"/>): <c>member</c>, <c>piiKind</c>,
    /// <c>sensitivity</c> and <c>sink</c> for the inventory and the tool, <c>hash</c> (PII007) and <c>piiKinds</c>
    /// (PII005), and <c>fix</c> for the code fixes.
    /// </summary>
    internal sealed class LeakReporter
    {
        public const string PiiKindProperty = DiagnosticPropertyNames.PiiKind;
        public const string FixProperty = DiagnosticPropertyNames.Fix;
        public const string FixMask = "mask";
        public const string FixToMaskedString = "toMaskedString";
        public const string FixPseudonymize = "pseudonymize";

        private readonly Dictionary<(SyntaxTree?, TextSpan), LeakFinding> _findings = new Dictionary<(SyntaxTree?, TextSpan), LeakFinding>();
        private readonly List<(SyntaxTree?, TextSpan)> _order = new List<(SyntaxTree?, TextSpan)>();
        private readonly SyntaxTree? _tree;
        private readonly Func<SyntaxNode, bool>? _isUserCode;
        private TypeFacts? _facts;

        public LeakReporter(SyntaxTree? tree)
        {
            _tree = tree;
        }

        /// <summary>
        /// A reporter for generated code that holds the user's code (Razor output): a leak is reported only where
        /// <paramref name="isUserCode"/> says the location is the user's, and with no code fix, which would edit the
        /// generated file.
        /// </summary>
        public LeakReporter(SyntaxTree tree, Func<SyntaxNode, bool> isUserCode)
        {
            _tree = tree;
            _isUserCode = isUserCode;
        }

        /// <summary>The walk's result: the leaks found, in the order they were first met, one per location.</summary>
        public IEnumerable<LeakFinding> Findings
        {
            get
            {
                foreach (var key in _order)
                {
                    yield return _findings[key];
                }
            }
        }

        /// <summary>The diagnostics of <see cref="Findings"/>, built now that the walk is over.</summary>
        public IEnumerable<Diagnostic> Diagnostics
        {
            get
            {
                foreach (LeakFinding finding in Findings)
                {
                    yield return CreateDiagnostic(finding, _facts!);
                }
            }
        }

        /// <summary>Records a leak met by the walk; nothing is built until <see cref="Diagnostics"/> is read.</summary>
        public void Report(Taint taint, IOperation location, Sink sink, string sinkDisplay, TypeFacts facts)
        {
            // One leak, one finding, and only in the tree being analysed (a location in a summarised callee is not
            // reported here).
            Location where = (taint.Hash ?? location).Syntax.GetLocation();
            var key = (where.SourceTree, where.SourceSpan);
            if ((where.SourceTree != null && _tree != null && where.SourceTree != _tree) || _findings.ContainsKey(key)
                || (_isUserCode != null && !_isUserCode((taint.Hash ?? location).Syntax)))
            {
                return;
            }

            _facts = facts;
            _findings[key] = new LeakFinding(taint, location, sink, sinkDisplay);
            _order.Add(key);
        }

        private Diagnostic CreateDiagnostic(LeakFinding finding, TypeFacts facts)
        {
            Taint taint = finding.Taint;
            IOperation location = finding.Location;
            Sink sink = finding.Sink;
            string sinkDisplay = finding.SinkDisplay;
            Location where = (taint.Hash ?? location).Syntax.GetLocation();
            var properties = ImmutableDictionary.CreateBuilder<string, string?>(StringComparer.Ordinal);
            properties[DiagnosticPropertyNames.Member] = taint.Display;
            properties[PiiKindProperty] = taint.Info.KindName;
            properties[DiagnosticPropertyNames.Sensitivity] = DiagnosticPropertyNames.SensitivityOf(taint.Info.Sensitive);
            properties[DiagnosticPropertyNames.Sink] = sinkDisplay;
            DiagnosticDescriptor descriptor;
            object?[] arguments;
            if (taint.Hash != null)
            {
                descriptor = Rules.UnkeyedHash;
                arguments = new object?[] { taint.Display, taint.Info.Describe(), taint.HashDisplay, sinkDisplay };
                properties[DiagnosticPropertyNames.Hash] = taint.HashDisplay;
                properties[FixProperty] = FixPseudonymize;
            }
            else if (taint.IsWholeObject)
            {
                string kinds = taint.Kinds ?? taint.Info.KindName;
                string kindList = kinds.Replace(" ", string.Empty);
                properties[DiagnosticPropertyNames.PiiKinds] = kindList;
                properties[DiagnosticPropertyNames.Sensitivity] = DiagnosticPropertyNames.SensitivityOf(taint.Info.Sensitive || AnySensitive(kindList));
                if (taint.IsSerialized && sink.Rule == SinkRule.Egress)
                {
                    // DESIGN: serialisation of a type with personal members is PII002 when the serialised form is sent out;
                    // its ToMaskedString would not help (serializers do not call ToString).
                    descriptor = Rules.EgressLeak;
                    arguments = new object?[] { taint.Display, "serialised with " + kinds, sinkDisplay };
                }
                else
                {
                    descriptor = Rules.WholeObjectLeak;
                    arguments = new object?[] { taint.Display, kinds, sinkDisplay };
                    if (facts.HasMaskedString(location.Type) && !IsAssignedToTypedMember(location))
                    {
                        properties[FixProperty] = FixToMaskedString;
                    }
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
                arguments = new object?[] { taint.Display, taint.Info.Describe(), sinkDisplay };
                if (location.Type?.SpecialType == SpecialType.System_String)
                {
                    properties[FixProperty] = FixMask;
                }
            }

            AddCarrierSymbol(properties, taint);
            if (taint.Info.Inferred)
            {
                // Name-based discovery: the kind was inferred from the carrier's name; the fixes offer [Pii] and [NotPii] on it.
                properties[DiagnosticPropertyNames.Inferred] = DiagnosticPropertyNames.InferredFromName;
            }

            if (_isUserCode != null)
            {
                properties.Remove(FixProperty);
            }

            return Diagnostic.Create(descriptor, where, properties.ToImmutable(), arguments);
        }

        /// <summary>
        /// <c>type</c> (the carrier's type, fully qualified) and <c>name</c> (the member's own name), from the symbol the
        /// datum came from, however it reached the sink: the inventory matches members by full type rather than by
        /// the short <c>member</c> name. A [Pii] parameter has no type to name.
        /// </summary>
        private static void AddCarrierSymbol(ImmutableDictionary<string, string?>.Builder properties, Taint taint)
        {
            switch (taint.Origin)
            {
                case ITypeSymbol type:
                    properties[DiagnosticPropertyNames.Type] = type.OriginalDefinition.ToDisplayString();
                    break;
                case ISymbol member when member is not IParameterSymbol && member.ContainingType is { } containing:
                    properties[DiagnosticPropertyNames.Type] = containing.OriginalDefinition.ToDisplayString();
                    properties[DiagnosticPropertyNames.Name] = member.Name;
                    break;
            }
        }

        /// <summary>Whether any kind of a comma-separated list is sensitive by default (a whole object holding it is sensitive).</summary>
        private static bool AnySensitive(string kinds)
        {
            foreach (string kind in kinds.Split(','))
            {
                if (Core.PiiKindInfo.IsSensitiveByDefault(Core.PiiKindInfo.FromName(kind)))
                {
                    return true;
                }
            }

            return false;
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
