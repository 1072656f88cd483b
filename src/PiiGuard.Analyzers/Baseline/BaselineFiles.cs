using System;
using System.IO;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace PiiGuard.Analyzers.Baseline
{
    /// <summary>
    /// Finds the baseline among the compilation's additional files: the one the package's targets mark with the
    /// <c>PiiGuardBaseline</c> item metadata (the file <c>$(PiiGuardBaseline)</c> names, default
    /// <c>piiguard.baseline.json</c> beside the solution or the project), or a file named <c>piiguard.baseline.json</c>.
    /// </summary>
    public static class BaselineFiles
    {
        /// <summary>The compiler-visible item metadata that marks the baseline.</summary>
        public const string MetadataKey = "build_metadata.AdditionalFiles.PiiGuardBaseline";

        /// <summary>The baseline file of the compilation, or null.</summary>
        public static AdditionalText? Find(AnalyzerOptions options)
        {
            AdditionalText? byName = null;
            foreach (AdditionalText file in options.AdditionalFiles)
            {
                if (options.AnalyzerConfigOptionsProvider.GetOptions(file).TryGetValue(MetadataKey, out string? marked)
                    && string.Equals(marked, "true", StringComparison.OrdinalIgnoreCase))
                {
                    return file;
                }

                if (byName is null && string.Equals(Path.GetFileName(file.Path), BaselineDocument.DefaultFileName, StringComparison.OrdinalIgnoreCase))
                {
                    byName = file;
                }
            }

            return byName;
        }

        /// <summary>Reads the baseline: the document, or the reason it cannot be read (and the line, 1-based, 0 if unknown).</summary>
        public static BaselineDocument? Read(AdditionalText file, CancellationToken cancellationToken, out string? error, out int line)
        {
            error = null;
            line = 0;
            SourceText? text = file.GetText(cancellationToken);
            if (text is null)
            {
                error = "the file cannot be read";
                return null;
            }

            try
            {
                return BaselineDocument.Parse(text.ToString());
            }
            catch (FormatException e)
            {
                error = e.Message;
                if (e.Message.StartsWith("line ", StringComparison.Ordinal))
                {
                    int colon = e.Message.IndexOf(':');
                    if (colon > 5)
                    {
                        int.TryParse(e.Message.Substring(5, colon - 5), out line);
                    }
                }

                return null;
            }
        }

        /// <summary>A location in the baseline file (the whole line, 1-based), for PII111/PII112.</summary>
        public static Location LocationOf(AdditionalText file, int line, CancellationToken cancellationToken)
        {
            SourceText? text = file.GetText(cancellationToken);
            if (text is null || line < 1 || line > text.Lines.Count)
            {
                return Location.Create(file.Path, default, new LinePositionSpan(default, default));
            }

            TextLine textLine = text.Lines[line - 1];
            return Location.Create(file.Path, textLine.Span, text.Lines.GetLinePositionSpan(textLine.Span));
        }
    }
}
