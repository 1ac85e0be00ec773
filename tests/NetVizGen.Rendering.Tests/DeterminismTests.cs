using System.Globalization;

namespace NetVizGen.Rendering.Tests;

public class DeterminismTests
{
    [Fact]
    public void Output_is_byte_identical_across_runs_and_cultures()
    {
        var reference = Snapshot();
        Assert.Equal(reference, Snapshot());
        foreach (var culture in new[] { "de-DE", "tr-TR", "ar-SA", "fa-IR" })
        {
            var (c, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
            try
            {
                CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
                Assert.Equal(reference, Snapshot());
            }
            finally
            {
                CultureInfo.CurrentCulture = c;
                CultureInfo.CurrentUICulture = ui;
            }
        }
    }

    [Fact]
    public void File_list_is_complete_and_ordered()
    {
        var paths = Support.RenderSamples().Select(f => f.RelativePath).ToList();
        Assert.Equal(
        [
            "Decoder.svg", "Decoder.dark.svg", "Decoder.model.json", "Decoder.DecoderLayer.svg", "Decoder.DecoderLayer.dark.svg", "Decoder.md", "Decoder.html",
            "FlatEncoder.svg", "FlatEncoder.dark.svg", "FlatEncoder.model.json", "FlatEncoder.md", "FlatEncoder.html",
            "Mlp.svg", "Mlp.dark.svg", "Mlp.model.json", "Mlp.md", "Mlp.html",
            "ResNet18.svg", "ResNet18.dark.svg", "ResNet18.model.json",
            "ResNet18.BasicBlock.svg", "ResNet18.BasicBlock.dark.svg",
            "ResNet18.BasicBlock-downsample.svg", "ResNet18.BasicBlock-downsample.dark.svg",
            "ResNet18.md", "ResNet18.html", "README.md",
        ], paths);
    }

    private static List<(string, string)> Snapshot() => Support.RenderSamples().Select(f => (f.RelativePath, f.Content)).ToList();
}
