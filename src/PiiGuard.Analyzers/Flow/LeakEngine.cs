using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using PiiGuard.Analyzers.Core;

namespace PiiGuard.Analyzers.Flow
{
    /// <summary>
    /// The per-compilation state of the leak analysis: well-known symbols, type facts and the cache of method
    /// summaries ("which personal data, and which parameters, does this method's return value carry").
    /// </summary>
    internal sealed class LeakEngine
    {
        /// <summary>How deep summaries of callees of callees are computed.</summary>
        public const int MaxSummaryDepth = 4;

        private readonly ConcurrentDictionary<ISymbol, Taint?> _memberTaints = new ConcurrentDictionary<ISymbol, Taint?>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IMethodSymbol, ImmutableDictionary<ISymbol, Taint>> _assignments = new ConcurrentDictionary<IMethodSymbol, ImmutableDictionary<ISymbol, Taint>>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IMethodSymbol, MethodSummary?> _summaries = new ConcurrentDictionary<IMethodSymbol, MethodSummary?>(SymbolEqualityComparer.Default);

        public LeakEngine(KnownSymbols known)
        {
            Known = known;
            Facts = new TypeFacts(known.Pii);
        }

        public KnownSymbols Known { get; }

        public TypeFacts Facts { get; }

        public PiiSymbols Pii => Known.Pii;

        public Compilation Compilation => Known.Compilation;

        /// <summary>
        /// The summary of a method declared in this compilation, or null when it has no body here (then callers assume
        /// that the result carries what the arguments carry).
        /// </summary>
        public MethodSummary? GetSummary(IMethodSymbol method, int depth, HashSet<IMethodSymbol> inProgress, CancellationToken cancellationToken)
        {
            method = method.PartialImplementationPart ?? method.OriginalDefinition;
            if (_summaries.TryGetValue(method, out MethodSummary? cached))
            {
                return cached;
            }

            if (depth > MaxSummaryDepth || !inProgress.Add(method))
            {
                return MethodSummary.Empty;
            }

            try
            {
                IOperation? body = GetBody(method, cancellationToken);
                MethodSummary? summary = body is null ? null : TaintWalker.Summarize(this, method, body, depth, inProgress, cancellationToken);
                _summaries.TryAdd(method, summary);
                return summary;
            }
            finally
            {
                inProgress.Remove(method);
            }
        }

        /// <summary>
        /// What a private field or property of a type of this compilation is given by the methods of its type
        /// (<c>_email = email</c> in a constructor): the union of the personal data assigned to it. Computed by a scan that
        /// neither reads fields nor uses summaries, so that it is deterministic and cannot recurse.
        /// </summary>
        public Taint? GetMemberTaint(ISymbol member, CancellationToken cancellationToken)
        {
            member = member.OriginalDefinition;
            if (member.DeclaredAccessibility != Accessibility.Private || member.IsImplicitlyDeclared || member.DeclaringSyntaxReferences.Length == 0
                || member is IFieldSymbol { IsConst: true } || member.ContainingType is null)
            {
                return null;
            }

            if (_memberTaints.TryGetValue(member, out Taint? cached))
            {
                return cached;
            }

            Taint? result = null;
            foreach (ISymbol candidate in member.ContainingType.GetMembers())
            {
                if (candidate is IMethodSymbol method && !method.IsImplicitlyDeclared)
                {
                    if (GetAssignments(method, cancellationToken).TryGetValue(member, out Taint? assigned))
                    {
                        result = Taint.Union(result, assigned);
                    }
                }
            }

            _memberTaints.TryAdd(member, result);
            return result;
        }

        private ImmutableDictionary<ISymbol, Taint> GetAssignments(IMethodSymbol method, CancellationToken cancellationToken)
        {
            method = method.PartialImplementationPart ?? method.OriginalDefinition;
            if (_assignments.TryGetValue(method, out ImmutableDictionary<ISymbol, Taint>? cached))
            {
                return cached;
            }

            IOperation? body = GetBody(method, cancellationToken);
            ImmutableDictionary<ISymbol, Taint> result = body is null
                ? ImmutableDictionary<ISymbol, Taint>.Empty
                : TaintWalker.ScanMemberAssignments(this, method, body, cancellationToken);
            _assignments.TryAdd(method, result);
            return result;
        }

        private IOperation? GetBody(IMethodSymbol method, CancellationToken cancellationToken)
        {
            if (method.IsAbstract || method.IsExtern || method.DeclaringSyntaxReferences.Length != 1)
            {
                return null;
            }

            SyntaxNode node = method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
            if (!Compilation.ContainsSyntaxTree(node.SyntaxTree))
            {
                return null;
            }

#pragma warning disable RS1030 // Interprocedural summaries read the bodies of callees, which may be in other trees of the same compilation.
            SemanticModel model = Compilation.GetSemanticModel(node.SyntaxTree);
#pragma warning restore RS1030
            return model.GetOperation(node, cancellationToken);
        }
    }

    /// <summary>What a method's return value carries: fixed personal data, and the parameters that flow into it.</summary>
    internal sealed class MethodSummary
    {
        public static readonly MethodSummary Empty = new MethodSummary(null, 0, 0, ImmutableArray<ParameterSink>.Empty);

        public MethodSummary(Taint? fixedTaint, ulong parameters, ulong hashedParameters, ImmutableArray<ParameterSink> parameterSinks)
        {
            Fixed = fixedTaint;
            Parameters = parameters;
            HashedParameters = hashedParameters;
            ParameterSinks = parameterSinks;
        }

        /// <summary>Parameters that reach a sink inside the method (a logging helper): the caller's argument is reported.</summary>
        public ImmutableArray<ParameterSink> ParameterSinks { get; }

        /// <summary>Personal data the return value carries whatever the arguments.</summary>
        public Taint? Fixed { get; }

        /// <summary>Bit i: parameter i flows to the return value.</summary>
        public ulong Parameters { get; }

        /// <summary>Bit i: parameter i flows to the return value through an unkeyed hash.</summary>
        public ulong HashedParameters { get; }
    }
}

namespace PiiGuard.Analyzers.Flow
{
    /// <summary>A parameter of a summarised method that reaches a sink in its body.</summary>
    internal readonly struct ParameterSink
    {
        public ParameterSink(int ordinal, Sink sink, string display)
        {
            Ordinal = ordinal;
            Sink = sink;
            Display = display;
        }

        public int Ordinal { get; }

        public Sink Sink { get; }

        /// <summary>"ILogger.LogInformation" (the sink inside the method).</summary>
        public string Display { get; }
    }
}
