using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PiiGuard.Analyzers.Flow.Catalog;
using PiiGuard.Analyzers.Tests.Infrastructure;

namespace PiiGuard.Analyzers.Tests.Engine;

/// <summary>
/// The built-in catalogue resolved against a compilation (issue 18): each type is looked up once per compilation and
/// shared by the flow engine and the effect-name closure, instead of through the compilation's small lookup cache.
/// </summary>
public class CatalogMapTests
{
    private const string LoggerExtensions = "Microsoft.Extensions.Logging.LoggerExtensions";

    [Fact]
    public void A_catalogue_type_is_resolved_once_per_compilation_as_the_compilation_resolves_it()
    {
        CSharpCompilation compilation = CSharpCompilation.Create("Catalog", new[] { CSharpSyntaxTree.ParseText("public class C { }") }, TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        CatalogMap map = CatalogMap.ForCompilation(compilation);

        INamedTypeSymbol? resolved = map.ResolveType(LoggerExtensions);

        Assert.NotNull(resolved);
        Assert.True(SymbolEqualityComparer.Default.Equals(compilation.GetTypeByMetadataName(LoggerExtensions), resolved));
        Assert.Same(resolved, map.ResolveType(LoggerExtensions));
        Assert.Null(map.ResolveType("PiiGuard.Tests.NoSuchType"));
        Assert.Same(map, CatalogMap.ForCompilation(compilation));
    }

    [Fact]
    public void Another_compilation_resolves_its_own()
    {
        CSharpCompilation first = CSharpCompilation.Create("Catalog", new[] { CSharpSyntaxTree.ParseText("public class C { }") }, TestReferences.All);
        CSharpCompilation withoutLogging = CSharpCompilation.Create("Catalog", new[] { CSharpSyntaxTree.ParseText("public class C { }") },
            new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) });

        Assert.NotNull(CatalogMap.ForCompilation(first).ResolveType(LoggerExtensions));
        Assert.Null(CatalogMap.ForCompilation(withoutLogging).ResolveType(LoggerExtensions));
    }
}
