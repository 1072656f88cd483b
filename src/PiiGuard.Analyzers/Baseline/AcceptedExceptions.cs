using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace PiiGuard.Analyzers.Baseline
{
    /// <summary>A <c>[PiiAccepted]</c> on a member or type.</summary>
    public sealed class AcceptedException
    {
        /// <summary>The attribute.</summary>
        public AttributeData Attribute { get; set; } = null!;

        /// <summary>The symbol it marks.</summary>
        public ISymbol Target { get; set; } = null!;

        /// <summary>Why the finding is acceptable.</summary>
        public string Reason { get; set; } = "";

        /// <summary>Who reviewed it.</summary>
        public string? Reviewer { get; set; }

        /// <summary>Its last day, yyyy-MM-dd, or null.</summary>
        public string? Expires { get; set; }

        /// <summary>The one rule it accepts, or null for all.</summary>
        public string? Rule { get; set; }

        /// <summary>Past its date (or with a date that cannot be read: fail closed).</summary>
        public bool IsExpired(DateTime today) => Expires != null && (!BaselineDocument.TryParseDate(Expires, out DateTime last) || today.Date > last);
    }

    /// <summary>Reads <c>[PiiAccepted]</c> attributes and finds the one that covers a finding.</summary>
    public static class AcceptedExceptions
    {
        /// <summary>The attribute's metadata name.</summary>
        public const string AttributeName = "PiiGuard.PiiAcceptedAttribute";

        /// <summary>The <c>[PiiAccepted]</c> attributes on a symbol.</summary>
        public static IEnumerable<AcceptedException> On(ISymbol symbol, INamedTypeSymbol attributeType)
        {
            foreach (AttributeData attribute in symbol.GetAttributes())
            {
                if (!SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType))
                {
                    continue;
                }

                var accepted = new AcceptedException
                {
                    Attribute = attribute,
                    Target = symbol,
                    Reason = attribute.ConstructorArguments.Length > 0 ? attribute.ConstructorArguments[0].Value as string ?? "" : "",
                };
                foreach (KeyValuePair<string, TypedConstant> named in attribute.NamedArguments)
                {
                    string? value = named.Value.Value as string;
                    switch (named.Key)
                    {
                        case "Reviewer": accepted.Reviewer = value; break;
                        case "Expires": accepted.Expires = value; break;
                        case "Rule": accepted.Rule = value; break;
                    }
                }

                yield return accepted;
            }
        }

        /// <summary>
        /// The exception that covers a finding: on the member it is in or that member's containing types, or on its carrier
        /// (the member named by the diagnostic's <c>type</c> and <c>name</c> properties). Null when none does.
        /// </summary>
        public static AcceptedException? For(Diagnostic diagnostic, Compilation compilation, ISymbol? containing, INamedTypeSymbol attributeType)
        {
            for (ISymbol? symbol = containing; symbol != null && symbol is not INamespaceSymbol; symbol = symbol.ContainingSymbol)
            {
                AcceptedException? found = On(symbol, attributeType).FirstOrDefault(a => a.Rule is null || a.Rule == diagnostic.Id);
                if (found != null)
                {
                    return found;
                }
            }

            if (diagnostic.Properties.TryGetValue(DiagnosticPropertyNames.Type, out string? type) && !string.IsNullOrEmpty(type)
                && diagnostic.Properties.TryGetValue(DiagnosticPropertyNames.Name, out string? name) && !string.IsNullOrEmpty(name))
            {
                INamedTypeSymbol? carrierType = compilation.GetTypeByMetadataName(type!) ?? compilation.GetTypeByMetadataName(NestedMetadataName(type!));
                foreach (ISymbol member in carrierType?.GetMembers(name!) ?? ImmutableArrayOfNone)
                {
                    AcceptedException? found = On(member, attributeType).FirstOrDefault(a => a.Rule is null || a.Rule == diagnostic.Id);
                    if (found != null)
                    {
                        return found;
                    }
                }
            }

            return null;
        }

        private static readonly System.Collections.Immutable.ImmutableArray<ISymbol> ImmutableArrayOfNone = System.Collections.Immutable.ImmutableArray<ISymbol>.Empty;

        /// <summary>"Outer.Inner" as the metadata name of a nested type when "Outer" is a type: tries the last dot as '+'.</summary>
        private static string NestedMetadataName(string type)
        {
            int dot = type.LastIndexOf('.');
            return dot < 0 ? type : type.Substring(0, dot) + "+" + type.Substring(dot + 1);
        }
    }
}
