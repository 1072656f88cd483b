using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PiiGuard.Analyzers.Core;
using PiiGuard.Analyzers.Flow;
using PiiGuard.Analyzers.Flow.Catalog;

namespace PiiGuard.Tool
{
    /// <summary>
    /// A log-like method that the catalogue does not name and whose calls the leak analysis therefore does not check: a
    /// team's own logging or audit wrapper (an <c>ILogManager.Log</c> that writes to a database table). <see cref="Row"/> is the
    /// user catalogue row that makes it a sink (docs/configuration.md, "Your own catalogue").
    /// </summary>
    internal sealed class SinkCandidate
    {
        /// <summary>The documentation-comment id (<c>M:Acme.ILogManager.Log(System.String,System.Object[])</c>).</summary>
        public string Id { get; init; } = "";

        /// <summary>Short form for people: <c>ILogManager.Log(LogLevel, object, string message, params object[] args)</c>.</summary>
        public string Display { get; init; } = "";

        /// <summary>The ordinals of the message parameter and, when there is one, of the params array after it.</summary>
        public IReadOnlyList<int> Parameters { get; init; } = Array.Empty<int>();

        /// <summary>Where the method is declared: "source" (its body, if any, is in the scanned code) or the assembly's name.</summary>
        public string DeclaredIn { get; set; } = "";

        /// <summary>Calls of the method in the scanned code.</summary>
        public int Calls { get; set; }

        /// <summary>Calls whose message is not a constant or that pass format arguments: the calls that can carry data.</summary>
        public int CallsWithData { get; set; }

        public SortedSet<string> Projects { get; } = new SortedSet<string>(StringComparer.Ordinal);

        /// <summary>The first call with data, as <c>file:line</c> relative to the scan's root.</summary>
        public string FirstCall { get; set; } = "";

        /// <summary>What its implementations (or its own body) do with the message: "LogManager.Log: message -> Log.Message".</summary>
        public SortedSet<string> Evidence { get; } = new SortedSet<string>(StringComparer.Ordinal);

        /// <summary>
        /// Its own body sends the message to a known sink: the leak analysis follows it. Kept by <see cref="SinkCandidates.Find"/> so that
        /// <see cref="SinkCandidates.Merge"/> drops the method for every project (a project that calls it from another one has no body to look at).
        /// </summary>
        public bool Followed { get; set; }

        /// <summary>Set when this method only passes its message on to another candidate (the id of that one): it is then listed under it.</summary>
        public string? WrapperOf { get; set; }

        /// <summary>The interface or base method this one implements or overrides (its id), if any: an implementation is listed under it.</summary>
        public string? ImplementationOf { get; set; }

        /// <summary>How a folded candidate reaches the one it is listed under: "wrapper" or "implementation".</summary>
        public string Via { get; set; } = "";

        /// <summary>The candidates that pass their message on to this one, with their own calls (set by <see cref="SinkCandidates.Merge"/>).</summary>
        public List<SinkCandidate> Wrappers { get; } = new List<SinkCandidate>();

        /// <summary>This method's calls with data and those of its wrappers: the rank.</summary>
        public int TotalCallsWithData => CallsWithData + Wrappers.Sum(w => w.TotalCallsWithData);

        /// <summary>The row to paste into a piiguard.catalog file.</summary>
        public string Row => "sink  " + Id + "  log  " + string.Join(",", Parameters.Select(p => p.ToString(CultureInfo.InvariantCulture)));
    }

    /// <summary>
    /// Finds the candidate sinks of one compilation: methods that look like logging (a log word in the method's name, or a
    /// log-like type and a logging verb), take a string message (message, msg, template, format, text…), are called with
    /// data (a message that is not a constant, or format arguments), are not in the catalogue (built-in rows, the project's
    /// piiguard.catalog files, piiguard.sinks, [PiiSink], [LoggerMessage]) and do not already send their message to a known
    /// sink in their own body (the leak analysis follows those through their summaries). Calls through an interface or an
    /// abstract method are not followed into implementations, so those are candidates whatever their implementations do;
    /// what the implementations do with the message is the evidence shown. A method whose body only passes its message on
    /// to another candidate is listed under that one: the one row makes both sinks.
    /// </summary>
    internal static class SinkCandidates
    {
        /// <summary>Words (PascalCase tokens) that make a method or type name log-like.</summary>
        private static readonly HashSet<string> LogWords = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "Log", "Logger", "Logging", "Logs", "Audit", "Auditor", "Auditing", "Audits", "Journal", "Trace", "Tracer", "Tracing",
        };

        /// <summary>First words of the method names of a log-like type that write an entry.</summary>
        private static readonly HashSet<string> LogVerbs = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "Log", "Write", "Record", "Add", "Append", "Info", "Information", "Debug", "Warn", "Warning", "Error", "Fatal",
            "Critical", "Trace", "Verbose", "Audit", "Track", "Notice", "Entry",
        };

        /// <summary>Names of a message parameter (besides names containing message, msg or template).</summary>
        private static readonly HashSet<string> MessageNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "text", "format", "fmt", "formatString",
        };

        /// <summary>The candidates of one project (wrappers not yet folded: <see cref="Merge"/> does that across projects).</summary>
        public static List<SinkCandidate> Find(Compilation compilation, AnalyzerOptions options, string project, string root, CancellationToken cancellationToken)
        {
            AnalyzerConfigOptions global = options.AnalyzerConfigOptionsProvider.GlobalOptions;
            var known = new KnownSymbols(compilation, PiiSymbols.Create(compilation), PiiGuardOptions.Read(global, compilation),
                PiiGuardOptions.UserIdsArePersonal(global), UserCatalog.Read(options.AdditionalFiles, compilation, cancellationToken));
            var engine = new LeakEngine(known);
            var shapes = new Dictionary<IMethodSymbol, (int Message, int Args)?>(SymbolEqualityComparer.Default);
            var found = new Dictionary<IMethodSymbol, SinkCandidate>(SymbolEqualityComparer.Default);

            foreach (SyntaxTree tree in compilation.SyntaxTrees)
            {
                SemanticModel? model = null;
                foreach (InvocationExpressionSyntax invocation in tree.GetRoot(cancellationToken).DescendantNodes().OfType<InvocationExpressionSyntax>())
                {
                    if (InvokedName(invocation.Expression) is not { } name || !MayBeLogLike(name))
                    {
                        continue;
                    }

                    model ??= compilation.GetSemanticModel(tree);
                    if (model.GetOperation(invocation, cancellationToken) is not IInvocationOperation operation)
                    {
                        continue;
                    }

                    IMethodSymbol method = operation.TargetMethod.OriginalDefinition;
                    if (!shapes.TryGetValue(method, out (int Message, int Args)? shape))
                    {
                        shape = Shape(method, known);
                        shapes[method] = shape;
                    }

                    if (shape is not { } s)
                    {
                        continue;
                    }

                    if (!found.TryGetValue(method, out SinkCandidate? candidate))
                    {
                        candidate = new SinkCandidate
                        {
                            Id = method.GetDocumentationCommentId() ?? "",
                            Display = Describe(method),
                            Parameters = s.Args >= 0 ? new[] { s.Message, s.Args } : new[] { s.Message },
                            DeclaredIn = HasBody(method, compilation) || (method.IsAbstract && InCompilation(method, compilation)) ? "source" : method.ContainingAssembly?.Name ?? "",
                        };
                        candidate.ImplementationOf = Implemented(method)?.GetDocumentationCommentId();
                        candidate.Projects.Add(project);
                        found[method] = candidate;
                    }

                    candidate.Calls++;
                    if (CarriesData(operation, s))
                    {
                        candidate.CallsWithData++;
                        if (candidate.FirstCall.Length == 0)
                        {
                            candidate.FirstCall = Where(invocation, root);
                        }
                    }
                }
            }

            var result = new List<SinkCandidate>();
            List<INamedTypeSymbol>? sourceTypes = null;
            foreach ((IMethodSymbol method, SinkCandidate candidate) in found)
            {
                if (candidate.CallsWithData == 0 || candidate.Id.Length == 0)
                {
                    continue;
                }

                int message = candidate.Parameters[0];
                if (HasBody(method, compilation))
                {
                    // A body that sends the message to a known sink is followed already (its summary), as is a wrapper of another candidate once that one is a sink.
                    if (SinkOf(engine, method, message, cancellationToken) != null)
                    {
                        candidate.Followed = true;
                        result.Add(candidate);
                        continue;
                    }

                    candidate.WrapperOf = WrappedCandidate(method, message, found, compilation, cancellationToken);
                    if (candidate.WrapperOf is null)
                    {
                        AddEvidence(candidate, engine, method, message, compilation, cancellationToken);
                    }
                }

                if (method.IsAbstract || method.IsVirtual)
                {
                    sourceTypes ??= SourceTypes(compilation.Assembly.GlobalNamespace);
                    foreach (IMethodSymbol implementation in Implementations(method, sourceTypes, compilation))
                    {
                        AddEvidence(candidate, engine, implementation, message, compilation, cancellationToken);
                    }
                }

                if (candidate.Evidence.Count == 0 && candidate.WrapperOf is null && !HasBody(method, compilation) && !InCompilation(method, compilation))
                {
                    candidate.Evidence.Add("declared in " + candidate.DeclaredIn + " (no body in " + project + ")");
                }

                result.Add(candidate);
            }

            return result;
        }

        /// <summary>
        /// The candidates of several projects as one list: the same method (by id) counted once with the calls of every
        /// project, wrappers listed under the candidate they pass their message to, ranked by calls with data.
        /// </summary>
        public static List<SinkCandidate> Merge(IEnumerable<SinkCandidate> candidates)
        {
            var byId = new Dictionary<string, SinkCandidate>(StringComparer.Ordinal);
            foreach (SinkCandidate candidate in candidates)
            {
                if (!byId.TryGetValue(candidate.Id, out SinkCandidate? merged))
                {
                    merged = new SinkCandidate { Id = candidate.Id, Display = candidate.Display, Parameters = candidate.Parameters, DeclaredIn = candidate.DeclaredIn };
                    byId[candidate.Id] = merged;
                }

                merged.Calls += candidate.Calls;
                merged.CallsWithData += candidate.CallsWithData;
                merged.Projects.UnionWith(candidate.Projects);
                merged.Evidence.UnionWith(candidate.Evidence);
                merged.WrapperOf ??= candidate.WrapperOf;
                merged.ImplementationOf ??= candidate.ImplementationOf;
                merged.Followed |= candidate.Followed;
                merged.DeclaredIn = merged.DeclaredIn == "source" ? "source" : candidate.DeclaredIn;
                if (merged.FirstCall.Length == 0 || (candidate.FirstCall.Length > 0 && string.CompareOrdinal(candidate.FirstCall, merged.FirstCall) < 0))
                {
                    merged.FirstCall = candidate.FirstCall.Length > 0 ? candidate.FirstCall : merged.FirstCall;
                }
            }

            var roots = new List<SinkCandidate>();
            foreach (SinkCandidate candidate in byId.Values)
            {
                if (candidate.Followed)
                {
                    continue;
                }

                // Fold into the outermost candidate that is listed: a wrapper of a wrapper, or of an implementation, goes to the end of the chain.
                SinkCandidate? target = null;
                SinkCandidate current = candidate;
                for (int hop = 0; hop < 8 && Next(current, byId) is { } next && !ReferenceEquals(next, candidate); hop++)
                {
                    // One hop through an implementation and the row on the interface does not cover these calls.
                    bool throughWrapper = current.WrapperOf != null && byId.TryGetValue(current.WrapperOf, out SinkCandidate? w) && !w.Followed;
                    candidate.Via = candidate.Via == "implementation" || !throughWrapper ? "implementation" : "wrapper";

                    target = next;
                    current = next;
                }

                if (target is null)
                {
                    roots.Add(candidate);
                }
                else
                {
                    target.Wrappers.Add(candidate);
                }
            }

            foreach (SinkCandidate root in roots)
            {
                root.Wrappers.Sort((a, b) => b.CallsWithData != a.CallsWithData ? b.CallsWithData.CompareTo(a.CallsWithData) : string.CompareOrdinal(a.Id, b.Id));
            }

            return roots.OrderByDescending(r => r.TotalCallsWithData).ThenBy(r => r.Id, StringComparer.Ordinal).ToList();
        }

        /// <summary>The listed candidate a candidate passes its message to, or else the one it implements.</summary>
        private static SinkCandidate? Next(SinkCandidate candidate, Dictionary<string, SinkCandidate> byId)
        {
            foreach (string? id in new[] { candidate.WrapperOf, candidate.ImplementationOf })
            {
                if (id != null && byId.TryGetValue(id, out SinkCandidate? next) && !next.Followed)
                {
                    return next;
                }
            }

            return null;
        }

        /// <summary>The interface method a method implements, or the method it overrides.</summary>
        private static IMethodSymbol? Implemented(IMethodSymbol method)
        {
            if (method.OverriddenMethod is { } overridden)
            {
                return overridden.OriginalDefinition;
            }

            foreach (INamedTypeSymbol @interface in method.ContainingType.AllInterfaces)
            {
                foreach (ISymbol member in @interface.GetMembers(method.Name))
                {
                    if (member is IMethodSymbol declared && SymbolEqualityComparer.Default.Equals(method.ContainingType.FindImplementationForInterfaceMember(declared)?.OriginalDefinition, method))
                    {
                        return declared.OriginalDefinition;
                    }
                }
            }

            return null;
        }

        /// <summary>The words of a PascalCase name: <c>ILogManager</c> → I, Log, Manager; <c>Login</c> → Login.</summary>
        public static IEnumerable<string> Words(string name)
        {
            int start = 0;
            for (int i = 1; i <= name.Length; i++)
            {
                bool boundary = i == name.Length
                    || name[i] == '_'
                    || (char.IsUpper(name[i]) && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))));
                if (boundary)
                {
                    if (i > start)
                    {
                        yield return name.Substring(start, i - start).Trim('_');
                    }

                    start = i;
                }
            }
        }

        private static bool HasLogWord(string name) => Words(name).Any(LogWords.Contains);

        /// <summary>The cheap test on the invoked name, before binding: a log word, or a first word that a log-like type's method may start with.</summary>
        private static bool MayBeLogLike(string name) => HasLogWord(name) || LogVerbs.Contains(Words(name).FirstOrDefault() ?? "");

        private static string? InvokedName(ExpressionSyntax expression) => expression switch
        {
            MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
            MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            _ => null,
        };

        /// <summary>The ordinals of the message parameter and of the params array after it (-1: none), or null when the method is not a candidate.</summary>
        private static (int Message, int Args)? Shape(IMethodSymbol method, KnownSymbols known)
        {
            if (method.MethodKind != MethodKind.Ordinary || method.ContainingType is not { } type || IsFramework(type.ContainingNamespace))
            {
                return null;
            }

            bool logLike = HasLogWord(method.Name) || (HasLogWord(type.Name) && LogVerbs.Contains(Words(method.Name).FirstOrDefault() ?? ""));
            if (!logLike)
            {
                return null;
            }

            // A method that returns a string made from its message formats it (Utilities.LogMessage): the leak analysis follows what it returns.
            if (method.ReturnType.SpecialType == SpecialType.System_String)
            {
                return null;
            }

            int message = -1;
            foreach (IParameterSymbol parameter in method.Parameters)
            {
                if (parameter.Type.SpecialType == SpecialType.System_String && !parameter.IsParams && IsMessageName(parameter.Name))
                {
                    message = parameter.Ordinal;
                    break;
                }
            }

            if (message < 0 || IsCatalogued(method, known))
            {
                return null;
            }

            int args = -1;
            if (method.Parameters.Length > 0 && method.Parameters[method.Parameters.Length - 1] is { IsParams: true, Ordinal: > 0 } last && last.Ordinal > message)
            {
                args = last.Ordinal;
            }

            return (message, args);
        }

        private static bool IsMessageName(string name)
        {
            string lower = name.ToLowerInvariant();
            return lower.Contains("message", StringComparison.Ordinal) || lower.Contains("msg", StringComparison.Ordinal) || lower.Contains("template", StringComparison.Ordinal)
                || MessageNames.Contains(name);
        }

        /// <summary>The framework's own APIs (System.*) are the built-in catalogue's business, not a project's row.</summary>
        private static bool IsFramework(INamespaceSymbol? ns)
        {
            INamespaceSymbol? top = null;
            for (INamespaceSymbol? n = ns; n is { IsGlobalNamespace: false }; n = n.ContainingNamespace)
            {
                top = n;
            }

            return top?.Name == "System";
        }

        /// <summary>A sink by the catalogue (built-in or the project's), or the override or implementation of one.</summary>
        private static bool IsCatalogued(IMethodSymbol method, KnownSymbols known)
        {
            for (IMethodSymbol? m = method; m != null; m = m.OverriddenMethod)
            {
                if (known.GetMethodSink(m) != null)
                {
                    return true;
                }
            }

            foreach (INamedTypeSymbol @interface in method.ContainingType.AllInterfaces)
            {
                foreach (ISymbol member in @interface.GetMembers(method.Name))
                {
                    if (member is IMethodSymbol declared && SymbolEqualityComparer.Default.Equals(method.ContainingType.FindImplementationForInterfaceMember(declared), method)
                        && known.GetMethodSink(declared) != null)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>Whether a call can carry data into the method: a message that is not a constant, or format arguments.</summary>
        private static bool CarriesData(IInvocationOperation call, (int Message, int Args) shape)
        {
            foreach (IArgumentOperation argument in call.Arguments)
            {
                if (argument.Parameter is not { } parameter)
                {
                    continue;
                }

                if (parameter.Ordinal == shape.Message && !argument.Value.ConstantValue.HasValue)
                {
                    return true;
                }

                if (parameter.Ordinal == shape.Args)
                {
                    if (argument.ArgumentKind == ArgumentKind.ParamArray)
                    {
                        if (argument.Value is IArrayCreationOperation { Initializer.ElementValues.Length: > 0 })
                        {
                            return true;
                        }
                    }
                    else if (!argument.Value.ConstantValue.HasValue)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>Whether the method has a body in this compilation (a project reference's methods have theirs in another).</summary>
        private static bool HasBody(IMethodSymbol method, Compilation compilation) => !method.IsAbstract && !method.IsExtern && InCompilation(method, compilation);

        private static bool InCompilation(IMethodSymbol method, Compilation compilation) =>
            method.DeclaringSyntaxReferences.Length > 0 && method.DeclaringSyntaxReferences.All(r => compilation.ContainsSyntaxTree(r.SyntaxTree));

        /// <summary>The sink the method's own body sends its message parameter to, by the leak analysis' summary.</summary>
        private static string? SinkOf(LeakEngine engine, IMethodSymbol method, int message, CancellationToken cancellationToken)
        {
            MethodSummary? summary = engine.GetSummary(method, 0, new SummaryContext(), cancellationToken);
            if (summary is null)
            {
                return null;
            }

            foreach (ParameterSink sink in summary.ParameterSinks)
            {
                if (sink.Ordinal == message)
                {
                    return sink.Display;
                }
            }

            return null;
        }

        /// <summary>Where the message goes in a body: the sink (by the summary), else the members and methods it is handed to.</summary>
        private static void AddEvidence(SinkCandidate candidate, LeakEngine engine, IMethodSymbol method, int message, Compilation compilation, CancellationToken cancellationToken)
        {
            string who = method.ContainingType.Name + "." + method.Name;
            if (SinkOf(engine, method, message, cancellationToken) is { } sink)
            {
                candidate.Evidence.Add(who + ": message -> " + sink + " (a known sink, but calls through " + candidate.Display.Split('(')[0] + " are not followed into it)");
                return;
            }

            var targets = new List<string>();
            foreach (IOperation use in ParameterUses(method, message, compilation, cancellationToken))
            {
                if (Destination(use) is { } destination && !targets.Contains(destination))
                {
                    targets.Add(destination);
                }
            }

            candidate.Evidence.Add(who + ": message -> " + (targets.Count == 0 ? "(no known sink)" : string.Join(", ", targets.Take(3))));
        }

        /// <summary>The references to a parameter in a method's body.</summary>
        private static IEnumerable<IParameterReferenceOperation> ParameterUses(IMethodSymbol method, int ordinal, Compilation compilation, CancellationToken cancellationToken)
        {
            foreach (SyntaxReference reference in method.DeclaringSyntaxReferences)
            {
                SyntaxNode node = reference.GetSyntax(cancellationToken);
                if (!compilation.ContainsSyntaxTree(node.SyntaxTree))
                {
                    continue;
                }

                SemanticModel model = compilation.GetSemanticModel(node.SyntaxTree);
                foreach (SyntaxNode body in node.ChildNodes().Where(n => n is BlockSyntax or ArrowExpressionClauseSyntax))
                {
                    if (model.GetOperation(body, cancellationToken) is not { } operation)
                    {
                        continue;
                    }

                    foreach (IOperation descendant in operation.DescendantsAndSelf())
                    {
                        if (descendant is IParameterReferenceOperation use && use.Parameter.Ordinal == ordinal
                            && SymbolEqualityComparer.Default.Equals(use.Parameter.ContainingSymbol, method))
                        {
                            yield return use;
                        }
                    }
                }
            }
        }

        /// <summary>The member a value is stored in or the method it is handed to, through formatting and concatenation.</summary>
        private static string? Destination(IOperation use)
        {
            IOperation current = use;
            for (int hop = 0; hop < 12 && current.Parent is { } parent; hop++, current = parent)
            {
                switch (parent)
                {
                    case IConversionOperation or IInterpolationOperation or IInterpolatedStringOperation or IBinaryOperation or IArgumentOperation
                        or IArrayInitializerOperation or IArrayCreationOperation or ICoalesceOperation or IConditionalOperation:
                        continue;
                    case IInvocationOperation { TargetMethod: { ContainingType.SpecialType: SpecialType.System_String } }:
                        continue;
                    case IInvocationOperation invocation:
                        return invocation.TargetMethod.ContainingType.Name + "." + invocation.TargetMethod.Name;
                    case IObjectCreationOperation creation when creation.Constructor != null:
                        return "new " + creation.Constructor.ContainingType.Name;
                    case ISimpleAssignmentOperation assignment when ReferenceEquals(assignment.Value, current):
                        return assignment.Target switch
                        {
                            IPropertyReferenceOperation property => property.Property.ContainingType.Name + "." + property.Property.Name,
                            IFieldReferenceOperation field => field.Field.ContainingType.Name + "." + field.Field.Name,
                            _ => null,
                        };
                    default:
                        return null;
                }
            }

            return null;
        }

        /// <summary>The other candidate a body passes its message parameter to, if any (by id).</summary>
        private static string? WrappedCandidate(IMethodSymbol method, int message, Dictionary<IMethodSymbol, SinkCandidate> found, Compilation compilation, CancellationToken cancellationToken)
        {
            foreach (IParameterReferenceOperation use in ParameterUses(method, message, compilation, cancellationToken))
            {
                IOperation current = use;
                for (int hop = 0; hop < 12 && current.Parent is { } parent; hop++, current = parent)
                {
                    if (parent is IInvocationOperation invocation && current is IArgumentOperation argument)
                    {
                        IMethodSymbol target = invocation.TargetMethod.OriginalDefinition;
                        if (!SymbolEqualityComparer.Default.Equals(target, method) && found.TryGetValue(target, out SinkCandidate? wrapped)
                            && argument.Parameter?.Ordinal == wrapped.Parameters[0])
                        {
                            return wrapped.Id;
                        }

                        break;
                    }

                    if (parent is not (IConversionOperation or IInterpolationOperation or IInterpolatedStringOperation or IBinaryOperation or IArgumentOperation))
                    {
                        break;
                    }
                }
            }

            return null;
        }

        /// <summary>The implementations and overrides of an interface, abstract or virtual method among the source types.</summary>
        private static IEnumerable<IMethodSymbol> Implementations(IMethodSymbol method, List<INamedTypeSymbol> types, Compilation compilation)
        {
            INamedTypeSymbol declaring = method.ContainingType;
            foreach (INamedTypeSymbol type in types)
            {
                if (SymbolEqualityComparer.Default.Equals(type, declaring))
                {
                    continue;
                }

                if (declaring.TypeKind == TypeKind.Interface)
                {
                    if (type.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i.OriginalDefinition, declaring))
                        && type.FindImplementationForInterfaceMember(method) is IMethodSymbol implementation && HasBody(implementation, compilation)
                        && SymbolEqualityComparer.Default.Equals(implementation.ContainingType, type))
                    {
                        yield return implementation;
                    }

                    continue;
                }

                foreach (ISymbol member in type.GetMembers(method.Name))
                {
                    if (member is IMethodSymbol { IsOverride: true } candidate && HasBody(candidate, compilation))
                    {
                        for (IMethodSymbol? m = candidate.OverriddenMethod; m != null; m = m.OverriddenMethod)
                        {
                            if (SymbolEqualityComparer.Default.Equals(m.OriginalDefinition, method))
                            {
                                yield return candidate;
                                break;
                            }
                        }
                    }
                }
            }
        }

        private static List<INamedTypeSymbol> SourceTypes(INamespaceSymbol root)
        {
            var types = new List<INamedTypeSymbol>();
            var stack = new Stack<INamespaceOrTypeSymbol>();
            stack.Push(root);
            while (stack.Count > 0)
            {
                foreach (ISymbol member in stack.Pop().GetMembers())
                {
                    if (member is INamespaceSymbol ns)
                    {
                        stack.Push(ns);
                    }
                    else if (member is INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } type)
                    {
                        types.Add(type);
                        stack.Push(type);
                    }
                }
            }

            return types;
        }

        /// <summary><c>ILogManager.Log(LogLevel, object, string message, params object[] args)</c>.</summary>
        private static string Describe(IMethodSymbol method) =>
            method.ContainingType.Name + "." + method.Name + "(" + string.Join(", ", method.Parameters.Select(p =>
                (p.IsParams ? "params " : "") + p.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) + (IsMessageName(p.Name) || p.IsParams ? " " + p.Name : ""))) + ")";

        private static string Where(SyntaxNode node, string root)
        {
            FileLinePositionSpan span = node.GetLocation().GetMappedLineSpan();
            string file = span.Path ?? "";
            if (file.Length > 0 && Path.IsPathRooted(file))
            {
                file = Path.GetRelativePath(root, file).Replace('\\', '/');
            }

            return file + ":" + (span.StartLinePosition.Line + 1).ToString(CultureInfo.InvariantCulture);
        }
    }
}
