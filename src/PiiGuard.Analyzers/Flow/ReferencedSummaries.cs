using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using PiiGuard.Analyzers.Core;

namespace PiiGuard.Analyzers.Flow
{
    /// <summary>
    /// The summaries a referenced assembly carries (<c>[assembly: AssemblyMetadata("PiiGuard.Summaries", …)]</c>, written by
    /// <see cref="Generator.SummaryGenerator"/> when the assembly was built), read once per assembly symbol. Roslyn shares the
    /// symbol of a metadata reference between the compilations that reference the same file, so an assembly is read once
    /// per build or IDE session rather than once per compilation. An assembly without summaries, or with summaries of a
    /// format version this build does not know, has none: its methods are treated as before (their result carries what
    /// their arguments carry).
    /// </summary>
    internal sealed class ReferencedSummaries
    {
        private static readonly ConditionalWeakTable<IAssemblySymbol, ReferencedSummaries> PerAssembly = new ConditionalWeakTable<IAssemblySymbol, ReferencedSummaries>();
        private static readonly ConditionalWeakTable<IAssemblySymbol, ReferencedSummaries>.CreateValueCallback ReadCallback = Read;

        private readonly Dictionary<string, SummaryFacts>? _facts;
        private readonly ConcurrentDictionary<IMethodSymbol, MethodSummary?>? _summaries;

        private ReferencedSummaries(Dictionary<string, SummaryFacts>? facts)
        {
            _facts = facts is { Count: > 0 } ? facts : null;
            _summaries = _facts is null ? null : SymbolCache.Create<IMethodSymbol, MethodSummary?>(capacity: 64);
        }

        /// <summary>The facts by documentation-comment id (for the tool and tests); empty when the assembly has none.</summary>
        public IReadOnlyDictionary<string, SummaryFacts> Facts => (IReadOnlyDictionary<string, SummaryFacts>?)_facts ?? new Dictionary<string, SummaryFacts>();

        public static ReferencedSummaries Of(IAssemblySymbol assembly) => PerAssembly.GetValue(assembly, ReadCallback);

        /// <summary>The summary of a method of this assembly, or null when the assembly recorded none for it.</summary>
        public MethodSummary? Find(IMethodSymbol method)
        {
            if (_facts is null)
            {
                return null;
            }

            if (_summaries!.TryGetValue(method, out MethodSummary? cached))
            {
                return cached;
            }

            MethodSummary? summary = method.GetDocumentationCommentId() is { } id && _facts.TryGetValue(id, out SummaryFacts? facts)
                ? facts.ToSummary(origin => ResolveOrigin(method.ContainingAssembly, origin))
                : null;
            _summaries.TryAdd(method, summary);
            return summary;
        }

        /// <summary>
        /// The symbol of an origin id (<c>P:Lib.Member.Email</c>, <c>T:Lib.Customer</c>), looked up in the assembly that recorded
        /// it and the assemblies it references (a model project below the library); null when it is not found.
        /// </summary>
        internal static ISymbol? ResolveOrigin(IAssemblySymbol assembly, string id)
        {
            if (id.Length < 3 || id[1] != ':')
            {
                return null;
            }

            string name = id.Substring(2);
            int parameters = name.IndexOf('(');
            if (parameters >= 0)
            {
                name = name.Substring(0, parameters);
            }

            string typeName = name;
            string? memberName = null;
            if (id[0] != 'T')
            {
                int dot = name.LastIndexOf('.');
                if (dot <= 0)
                {
                    return null;
                }

                typeName = name.Substring(0, dot);
                memberName = name.Substring(dot + 1);
            }

            INamedTypeSymbol? type = assembly.GetTypeByMetadataName(typeName);
            if (type is null)
            {
                foreach (IModuleSymbol module in assembly.Modules)
                {
                    foreach (IAssemblySymbol referenced in module.ReferencedAssemblySymbols)
                    {
                        if ((type = referenced.GetTypeByMetadataName(typeName)) != null)
                        {
                            break;
                        }
                    }

                    if (type != null)
                    {
                        break;
                    }
                }
            }

            if (type is null || memberName is null)
            {
                return type;
            }

            foreach (ISymbol member in type.GetMembers(memberName))
            {
                if (member.GetDocumentationCommentId() == id)
                {
                    return member;
                }
            }

            return null;
        }

        /// <summary>The payload of an assembly's AssemblyMetadata("PiiGuard.Summaries", …), or null.</summary>
        public static string? PayloadOf(IAssemblySymbol assembly)
        {
            foreach (AttributeData attribute in assembly.GetAttributes())
            {
                if (attribute.AttributeClass is { Name: "AssemblyMetadataAttribute" } type && type.ToDisplayString() == SummaryFormat.AttributeTypeName
                    && attribute.ConstructorArguments.Length == 2
                    && attribute.ConstructorArguments[0].Value is string key && key == SummaryFormat.MetadataKey
                    && attribute.ConstructorArguments[1].Value is string payload)
                {
                    return payload;
                }
            }

            return null;
        }

        private static ReferencedSummaries Read(IAssemblySymbol assembly)
        {
            try
            {
                return new ReferencedSummaries(SummaryFormat.Read(PayloadOf(assembly)));
            }
            catch (Exception)
            {
                // A malformed payload is ignored: the assembly is treated as one built without PiiGuard.
                return new ReferencedSummaries(null);
            }
        }
    }
}
