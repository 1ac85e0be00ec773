using System.Globalization;
using NetVizGen.Generator.Tests.TestSupport;

namespace NetVizGen.Generator.Tests.Generator;

/// <summary>Generated manifests are byte-identical across runs and machine cultures.</summary>
public class DeterminismTests
{
    private const string Model = GeneratorHarness.Usings + """
        [Diagram(Input = "N,3,32,32", Title = "Tiny CNN")]
        public sealed class Tiny : Module<Tensor, Tensor>
        {
            private readonly Module<Tensor, Tensor> body = Sequential(
                ("conv", Conv2d(3, 8, 3, padding: 1)), ("bn", BatchNorm2d(8, eps: 1e-3, momentum: 0.05)), ("act", LeakyReLU(0.2)),
                ("drop", Dropout(0.25)), ("pool", AdaptiveAvgPool2d(1)), ("flat", Flatten()), ("fc", Linear(8, 2)));
            public Tiny() : base("Tiny") { RegisterComponents(); }
            public override Tensor forward(Tensor x) => body.forward(x) * 0.5;
        }
        """;

    private static string Generated()
    {
        // The generated sources (manifests deflated) and the manifest JSON they carry, so a culture-dependent
        // number would show in plain text.
        var result = GeneratorHarness.Run(Model);
        var sources = result.Run.GeneratedTrees.OrderBy(t => t.FilePath, StringComparer.Ordinal).Select(t => t.ToString());
        var manifests = (result.Output.GetTypeByMetadataName(NetVizGen.Model.Json.ManifestJson.CarrierNamespace + "." + NetVizGen.Model.Json.ManifestJson.CarrierTypeName)?.GetMembers() ?? default)
            .OfType<Microsoft.CodeAnalysis.IFieldSymbol>().Where(f => f.ConstantValue is string)
            .Select(f => NetVizGen.Model.Json.ManifestCarrier.Decode((string)f.ConstantValue!));
        return string.Join("\n", sources.Concat(manifests));
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("tr-TR")]
    [InlineData("ar-SA")]
    public void Manifest_text_does_not_depend_on_the_culture(string culture)
    {
        var invariant = WithCulture(CultureInfo.InvariantCulture, Generated);
        var local = WithCulture(new CultureInfo(culture), Generated);
        Assert.Equal(invariant, local);
        Assert.Contains("0.001", invariant); // a decimal point, not a comma
        Assert.Contains("0.25", invariant);
    }

    [Fact]
    public void Two_runs_give_identical_output()
    {
        Assert.Equal(Generated(), Generated());
    }

    private static T WithCulture<T>(CultureInfo culture, Func<T> action)
    {
        var (c, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
        try { return action(); }
        finally { CultureInfo.CurrentCulture = c; CultureInfo.CurrentUICulture = ui; }
    }
}
