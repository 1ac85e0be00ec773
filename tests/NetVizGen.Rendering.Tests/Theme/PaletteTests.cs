using NetVizGen.Rendering.Describe;
using NetVizGen.Rendering.Theme;

namespace NetVizGen.Rendering.Tests.Theme;

public class PaletteTests
{
    public static TheoryData<string> Themes => new() { "light", "dark" };

    private static DiagramTheme Get(string name) => name == "dark" ? DiagramTheme.Dark : DiagramTheme.Light;

    [Theory]
    [MemberData(nameof(Themes))]
    public void Node_text_reads_on_every_category_fill(string theme)
    {
        var t = Get(theme);
        foreach (var c in Enum.GetValues<NodeCategory>())
        {
            double ratio = Rgb.Contrast(t.NodeText, t.Fill(c));
            Assert.True(ratio >= 4.5, $"{theme} {c}: contrast {ratio:0.00} < 4.5");
        }
    }

    [Theory]
    [MemberData(nameof(Themes))]
    public void Secondary_text_reads_on_background_and_clusters(string theme)
    {
        var t = Get(theme);
        foreach (var bg in new[] { t.Background, t.ClusterFill })
        {
            Assert.True(Rgb.Contrast(t.MutedText, bg) >= 4.5, $"{theme} muted on {bg.Hex}");
            Assert.True(Rgb.Contrast(t.Text, bg) >= 4.5, $"{theme} text on {bg.Hex}");
        }
        Assert.True(Rgb.Contrast(t.Background, t.Text) >= 4.5, "badge text on badge");
    }

    [Fact]
    public void Contrast_formula_matches_WCAG_reference_values()
    {
        Assert.Equal(21.0, Rgb.Contrast(Rgb.Parse("#000000"), Rgb.Parse("#FFFFFF")), 2);
        Assert.Equal(4.48, Rgb.Contrast(Rgb.Parse("#777777"), Rgb.Parse("#FFFFFF")), 2);
    }

    [Fact]
    public void Every_category_but_terminals_and_merges_has_a_glyph()
    {
        foreach (var c in Enum.GetValues<NodeCategory>())
            if (c is not (NodeCategory.Input or NodeCategory.Output or NodeCategory.Merge))
                Assert.NotEqual("", Glyphs.Path(c));
    }
}
