using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using System.Linq;
using PiiGuard.Analyzers.Core;

namespace PiiGuard.Analyzers.Flow.Catalog
{
    /// <summary>
    /// A project's own catalogue rows, read from its AdditionalFiles named <c>piiguard.catalog</c> or <c>*.piiguard.catalog</c>
    /// (docs/configuration.md): one row a line, columns separated by spaces or tabs, <c>#</c> starts a comment.
    /// <code>
    /// sink       M:Acme.Audit.Write(System.String)          log     0
    /// source     P:Acme.Legacy.Account.Login                Username
    /// sanitizer  M:Acme.Masking.Hide(System.String)
    /// </code>
    /// Rows are resolved against the compilation by documentation-comment id; a row naming no symbol of this compilation is
    /// ignored (a catalogue shared by several projects), a malformed row is an error with its file and line (PII106).
    /// </summary>
    internal sealed class UserCatalog
    {
        public const string FileName = "piiguard.catalog";

        public static readonly UserCatalog Empty = new UserCatalog(
            ImmutableDictionary.Create<IMethodSymbol, Sink>(SymbolEqualityComparer.Default),
            ImmutableDictionary.Create<ISymbol, int>(SymbolEqualityComparer.Default),
            ImmutableHashSet.Create<IMethodSymbol>(SymbolEqualityComparer.Default),
            ImmutableArray<Diagnostic>.Empty);

        private UserCatalog(ImmutableDictionary<IMethodSymbol, Sink> sinks, ImmutableDictionary<ISymbol, int> sources, ImmutableHashSet<IMethodSymbol> sanitizers, ImmutableArray<Diagnostic> errors)
        {
            Sinks = sinks;
            Sources = sources;
            Sanitizers = sanitizers;
            Errors = errors;
        }

        public ImmutableDictionary<IMethodSymbol, Sink> Sinks { get; }

        /// <summary>Members (properties, fields, methods' return values) that are personal data, with their PiiKind.</summary>
        public ImmutableDictionary<ISymbol, int> Sources { get; }

        public ImmutableHashSet<IMethodSymbol> Sanitizers { get; }

        /// <summary>PII106 diagnostics for malformed rows, located at their file and line.</summary>
        public ImmutableArray<Diagnostic> Errors { get; }

        public bool IsEmpty => Sinks.IsEmpty && Sources.IsEmpty && Sanitizers.IsEmpty && Errors.IsEmpty;

        /// <summary>Whether an additional file is a catalogue file.</summary>
        public static bool IsCatalogFile(string path)
        {
            string name = Path.GetFileName(path);
            return string.Equals(name, FileName, StringComparison.OrdinalIgnoreCase) || name.EndsWith("." + FileName, StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>Reads every catalogue file of a compilation's additional files; never throws.</summary>
        public static UserCatalog Read(ImmutableArray<AdditionalText> files, Compilation compilation, CancellationToken cancellationToken)
        {
            UserCatalog? result = null;
            foreach (AdditionalText file in files)
            {
                if (IsCatalogFile(file.Path) && file.GetText(cancellationToken) is { } text)
                {
                    result = Parse(file.Path, text, compilation, result ?? Empty);
                }
            }

            return result ?? Empty;
        }

        /// <summary>Parses one file's rows on top of <paramref name="previous"/>.</summary>
        public static UserCatalog Parse(string path, SourceText text, Compilation compilation, UserCatalog previous)
        {
            var sinks = previous.Sinks.ToBuilder();
            var sources = previous.Sources.ToBuilder();
            var sanitizers = previous.Sanitizers.ToBuilder();
            var errors = previous.Errors.ToBuilder();
            foreach (TextLine line in text.Lines)
            {
                string row = line.ToString();
                int comment = row.IndexOf('#');
                if (comment >= 0)
                {
                    row = row.Substring(0, comment);
                }

                string[] columns = row.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
                if (columns.Length == 0)
                {
                    continue;
                }

                string? error = ParseRow(columns, compilation, sinks, sources, sanitizers);
                if (error != null)
                {
                    Location location = Location.Create(path, line.Span, new LinePositionSpan(new LinePosition(line.LineNumber, 0), new LinePosition(line.LineNumber, line.Span.Length)));
                    errors.Add(Diagnostic.Create(Rules.InvalidConfiguration, location, Path.GetFileName(path) + " line " + (line.LineNumber + 1), row.Trim(), error));
                }
            }

            return new UserCatalog(sinks.ToImmutable(), sources.ToImmutable(), sanitizers.ToImmutable(), errors.ToImmutable());
        }

        private static string? ParseRow(string[] columns, Compilation compilation, ImmutableDictionary<IMethodSymbol, Sink>.Builder sinks,
            ImmutableDictionary<ISymbol, int>.Builder sources, ImmutableHashSet<IMethodSymbol>.Builder sanitizers)
        {
            string what = columns[0].ToLowerInvariant();
            if (columns.Length < 2)
            {
                return "a row is '<sink|source|sanitizer> <documentation-comment id> …'";
            }

            string id = columns[1];
            if (id.Length < 3 || id[1] != ':' || id.IndexOf('.') < 0)
            {
                return "expected a documentation-comment id such as M:Acme.Audit.Write(System.String) or P:Acme.User.Login";
            }

            ImmutableArray<ISymbol> symbols;
            try
            {
                symbols = DocumentationCommentId.GetSymbolsForDeclarationId(id, compilation);
            }
            catch (Exception)
            {
                return "the documentation-comment id could not be parsed";
            }

            switch (what)
            {
                case "sink":
                    {
                        if (id[0] != 'M')
                        {
                            return "a sink is a method (M:…)";
                        }

                        SinkRule rule = SinkRule.Egress;
                        if (columns.Length >= 3 && !PiiGuardOptions.TryParseRule(columns[2], out rule))
                        {
                            return "the rule must be log, egress, telemetry or exception (or PII001 to PII004)";
                        }

                        if (columns.Length > 4)
                        {
                            return "a sink row has at most four columns: sink, id, rule, parameters";
                        }

                        foreach (ISymbol symbol in symbols)
                        {
                            if (symbol is not IMethodSymbol method)
                            {
                                continue;
                            }

                            ImmutableHashSet<string>? parameters = null;
                            if (columns.Length == 4)
                            {
                                parameters = ParseParameters(columns[3], method, out string? error);
                                if (error != null)
                                {
                                    return error;
                                }
                            }

                            sinks[method] = new Sink(rule, method.ContainingType.Name + "." + method.Name, parameters);
                        }

                        return null;
                    }

                case "source":
                    {
                        if (columns.Length != 3)
                        {
                            return "a source row is 'source <id> <PiiKind>'";
                        }

                        int kind = PiiKindInfo.FromName(columns[2]);
                        if (kind < 0)
                        {
                            return "unknown PiiKind '" + columns[2] + "'";
                        }

                        if (id[0] is not ('P' or 'F' or 'M'))
                        {
                            return "a source is a property (P:), a field (F:) or a method's return value (M:)";
                        }

                        foreach (ISymbol symbol in symbols)
                        {
                            sources[symbol.OriginalDefinition] = kind;
                        }

                        return null;
                    }

                case "sanitizer":
                    {
                        if (id[0] != 'M' || columns.Length != 2)
                        {
                            return "a sanitizer row is 'sanitizer M:<method id>'";
                        }

                        foreach (ISymbol symbol in symbols)
                        {
                            if (symbol is IMethodSymbol method)
                            {
                                sanitizers.Add(method);
                            }
                        }

                        return null;
                    }

                default:
                    return "the first column must be sink, source or sanitizer";
            }
        }

        /// <summary>"0", "1,2" or "message,body": parameter ordinals or names of the method.</summary>
        private static ImmutableHashSet<string>? ParseParameters(string text, IMethodSymbol method, out string? error)
        {
            error = null;
            var names = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
            foreach (string part in text.Split(','))
            {
                string item = part.Trim();
                if (int.TryParse(item, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int ordinal))
                {
                    if (ordinal >= method.Parameters.Length)
                    {
                        error = method.Name + " has no parameter " + ordinal + " (parameters count from 0)";
                        return null;
                    }

                    names.Add(method.Parameters[ordinal].Name);
                }
                else if (method.Parameters.Any(p => p.Name == item))
                {
                    names.Add(item);
                }
                else
                {
                    error = method.Name + " has no parameter '" + item + "'";
                    return null;
                }
            }

            return names.ToImmutable();
        }
    }
}
