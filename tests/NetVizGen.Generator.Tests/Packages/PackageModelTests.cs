using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using NetVizGen.Generator.Tests.TestSupport;
using NetVizGen.Model.Specs;

namespace NetVizGen.Generator.Tests.Packages;

/// <summary>
/// Models from packages through the real generator: a "package" assembly of modules is compiled to IL and
/// referenced (no source in the user's compilation); its C# reaches the generator as an AdditionalFile
/// marked as decompiled, as the build's decompile step passes it. (The decompiler itself runs in MSBuild
/// and is covered by the end-to-end and oracle tests on TorchVision.)
/// </summary>
public sealed class PackageModelTests
{
    private const string PackageSource = """
        using System;
        using TorchSharp;
        using static TorchSharp.torch;
        using static TorchSharp.torch.nn;

        namespace Vendor.Models
        {
            public sealed class Block : TorchSharp.torch.nn.Module<Tensor, Tensor>
            {
                private readonly TorchSharp.Modules.Linear fc;
                public Block(long width, string name = "block") : base(name)
                {
                    fc = Linear(width, width);
                    RegisterComponents();
                }
                public override Tensor forward(Tensor x) => functional.relu(fc.forward(x));
            }

            public sealed class Net : TorchSharp.torch.nn.Module<Tensor, Tensor>
            {
                private readonly TorchSharp.Modules.Sequential body;
                private readonly TorchSharp.Modules.Linear head;
                public Net(long width, int depth, int classes) : base("Net")
                {
                    var blocks = new (string, TorchSharp.torch.nn.Module<Tensor, Tensor>)[depth];
                    for (int i = 0; i < depth; i++) blocks[i] = ("b" + i, new Block(width));
                    body = Sequential(blocks);
                    head = Linear(width, classes);
                    RegisterComponents();
                }
                public override Tensor forward(Tensor x) => head.forward(body.forward(x));
            }

            public static class zoo
            {
                public static Net small(int classes = 10) => new Net(32, 3, classes);
            }
        }
        """;

    private const string UserSource = GeneratorHarness.Usings + """
        namespace App;
        public static class Models
        {
            [Diagram(Input = "N,32")]
            public static Module<Tensor, Tensor> FromFactory() => Vendor.Models.zoo.small(classes: 5);

            [Diagram(Input = "N,32")]
            public static Module<Tensor, Tensor> FromConstructor() => new Vendor.Models.Net(32, 2, 4);
        }
        """;

    private static MetadataReference PackageReference()
    {
        var package = GeneratorHarness.Compile(PackageSource).WithAssemblyName("Vendor.Models");
        using var stream = new MemoryStream();
        var emitted = package.Emit(stream);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        return MetadataReference.CreateFromImage(stream.ToArray());
    }

    private static (IReadOnlyList<ModelSpec> Models, ImmutableArray<Diagnostic> Diagnostics) Run(bool withDecompiledSource)
    {
        var compilation = GeneratorHarness.Compile(UserSource).AddReferences(PackageReference());
        var texts = withDecompiledSource
            ? ImmutableArray.Create<AdditionalText>(new InMemoryText("/obj/NetVizGen/decompiled/Vendor.Models/Vendor.Models.Net.cs", PackageSource))
            : ImmutableArray<AdditionalText>.Empty;
        var options = new Options(new Dictionary<string, string>
        {
            ["build_metadata.AdditionalFiles.NetVizGenDecompiledFrom"] = "Vendor.Models",
            ["build_metadata.AdditionalFiles.NetVizGenPackage"] = "Vendor.Models 1.2.3",
        });
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new NetVizGenerator().AsSourceGenerator() }, texts, (CSharpParseOptions)compilation.SyntaxTrees.First().Options, new OptionsProvider(options));
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        Assert.DoesNotContain(generatorDiagnostics, d => d.Id is "CS8784" or "CS8785");
        return (GeneratorHarness.ReadManifests(output), driver.GetRunResult().Diagnostics);
    }

    [Fact]
    public void A_model_built_in_a_referenced_assembly_is_read_from_its_decompiled_source()
    {
        var (models, diagnostics) = Run(withDecompiledSource: true);
        Assert.DoesNotContain(diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);

        var factory = Assert.Single(models, m => m.Id == "FromFactory");
        Assert.Equal("body:Sequential body.b0:Block body.b0.fc:Linear body.b1:Block body.b1.fc:Linear body.b2:Block body.b2.fc:Linear head:Linear",
            GeneratorHarness.Paths(factory.Root));
        Assert.Equal("body.b0.fc body.b1.fc body.b2.fc head", GeneratorHarness.Calls(factory));

        var ctor = Assert.Single(models, m => m.Id == "FromConstructor");
        Assert.Equal("body:Sequential body.b0:Block body.b0.fc:Linear body.b1:Block body.b1.fc:Linear head:Linear", GeneratorHarness.Paths(ctor.Root));

        // Locations name the package and the type, never the obj/ path of the decompiled file.
        Assert.True(PackageSource_(factory.Root.Source?.Path, out var package, out var type), factory.Root.Source?.Path);
        Assert.Equal("Vendor.Models 1.2.3", package);
        Assert.Equal("Vendor.Models.Net", type);
        Assert.DoesNotContain(factory.Root.DescendantsAndSelf(), m => m.Source?.Path.Contains("obj/", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void Without_decompiled_source_the_model_gets_a_located_warning_naming_the_assembly()
    {
        var (_, diagnostics) = Run(withDecompiledSource: false);
        var warnings = diagnostics.Where(d => d.Id == "NVG0120").ToList();
        Assert.Equal(2, warnings.Count);
        Assert.All(warnings, w =>
        {
            Assert.Equal(DiagnosticSeverity.Warning, w.Severity);
            Assert.True(w.Location.IsInSource);
            Assert.Contains("Vendor.Models", w.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        });
        Assert.Contains(warnings, w => w.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("zoo.small", StringComparison.Ordinal));
    }

    private static bool PackageSource_(string? path, out string package, out string type) => Model.Specs.PackageSource.TryParse(path, out package, out type);

    private sealed class InMemoryText(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;
        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }

    private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }

    private sealed class OptionsProvider(AnalyzerConfigOptions additional) : AnalyzerConfigOptionsProvider
    {
        private static readonly AnalyzerConfigOptions None = new Options(new Dictionary<string, string>());
        public override AnalyzerConfigOptions GlobalOptions => None;
        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => None;
        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => additional;
    }
}
