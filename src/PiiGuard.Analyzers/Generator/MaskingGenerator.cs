using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PiiGuard.Analyzers.Core;

namespace PiiGuard.Analyzers.Generator
{
    /// <summary>
    /// Writes <c>ToMaskedString()</c>, the <c>PiiGuard.IMaskable</c> implementation and a masked <c>ToString()</c>
    /// (<c>PrintMembers</c> for records) for every partial type marked [GenerateMasking]. Types it cannot extend are
    /// skipped; GenerateMaskingAnalyzer reports them (PII101, PII104).
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class MaskingGenerator : IIncrementalGenerator
    {
        /// <inheritdoc />
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            IncrementalValuesProvider<MaskingTypeModel> models = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    PiiSymbols.GenerateMaskingAttributeName,
                    static (node, _) => node is TypeDeclarationSyntax,
                    static (context, cancellationToken) => MaskingParser.Parse(context, cancellationToken))
                .WithTrackingName(TrackingNames.Parse)
                .Where(static model => model != null)
                .Select(static (model, _) => model!)
                .WithTrackingName(TrackingNames.Models);

            context.RegisterSourceOutput(models, static (output, model) => output.AddSource(model.HintName, MaskingEmitter.Emit(model)));
        }
    }
}
