using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NetVizGen.Generator;
using NetVizGen.Model.Json;
using NetVizGen.Model.Specs;

namespace NetVizGen.Generator.Tests.TestSupport;

/// <summary>Compiles model sources against TorchSharp and runs the real generator on them.</summary>
internal static class GeneratorHarness
{
    private static readonly ImmutableArray<MetadataReference> References =
        Basic.Reference.Assemblies.Net100.References.All
            .Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(TorchSharp.torch).Assembly.Location))
            .Append(MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.Options.Options).Assembly.Location))
            .ToImmutableArray();

    public const string Usings = "using System; using System.Collections.Generic; using System.Linq; using TorchSharp; using TorchSharp.Modules; using static TorchSharp.torch; using static TorchSharp.torch.nn; using NetVizGen;\n";

    public static CSharpCompilation Compile(params string[] sources) =>
        CSharpCompilation.Create("Models",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest), path: $"/src/Model{i}.cs")),
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver Driver() =>
        CSharpGeneratorDriver.Create(new[] { new NetVizGenerator().AsSourceGenerator() },
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public sealed record Result(Compilation Output, ImmutableArray<Diagnostic> Diagnostics, IReadOnlyList<ModelSpec> Models, GeneratorDriverRunResult Run);

    public static Result Run(params string[] sources)
    {
        var compilation = Compile(sources);
        var driver = Driver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var run = driver.GetRunResult();
        // A generator that throws reports CS8785 and loses all output: that must never happen.
        Assert.DoesNotContain(generatorDiagnostics, d => d.Id is "CS8784" or "CS8785");
        var compileErrors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error && !d.Id.StartsWith("NVG", StringComparison.Ordinal)).ToList();
        Assert.True(compileErrors.Count == 0, "test sources do not compile: " + string.Join("\n", compileErrors));
        return new Result(output, run.Diagnostics, ReadManifests(output), run);
    }

    public static ModelSpec Single(params string[] sources)
    {
        var result = Run(sources);
        return Assert.Single(result.Models);
    }

    /// <summary>Reads the manifests back from the generated carrier constants (the task reads the same constants from metadata).</summary>
    public static IReadOnlyList<ModelSpec> ReadManifests(Compilation output) =>
        (output.GetTypeByMetadataName(ManifestJson.CarrierNamespace + "." + ManifestJson.CarrierTypeName)?.GetMembers() ?? default)
            .OfType<IFieldSymbol>()
            .Where(f => f.IsConst && f.Name.StartsWith(ManifestJson.CarrierFieldPrefix, StringComparison.Ordinal) && f.ConstantValue is string)
            .Select(f => ManifestJson.Read(ManifestCarrier.Decode((string)f.ConstantValue!)))
            .ToList();

    public static string Paths(ModuleSpec root) =>
        string.Join(" ", root.DescendantsAndSelf().Skip(1).Select(m => m.Path + ":" + m.TypeName));

    public static string Calls(ModelSpec model) =>
        string.Join(" ", model.Flow.Nodes.Where(n => n.Kind == FlowNodeKind.Module).Select(n => n.ModulePath));
}
