using System.Text.RegularExpressions;

namespace NetVizGen.Rendering.Tests.Markdown;

public class MarkdownPageTests
{
    private static IEnumerable<GeneratedFile> Pages => Support.RenderSamples().Where(f => f.RelativePath.EndsWith(".md", StringComparison.Ordinal));

    [Fact]
    public void Every_image_has_meaningful_alt_text()
    {
        foreach (var page in Pages)
            foreach (Match img in Regex.Matches(page.Content, "<img [^>]*>"))
            {
                var alt = Regex.Match(img.Value, "alt=\"([^\"]*)\"");
                Assert.True(alt.Success && alt.Groups[1].Value.Length > 30, $"{page.RelativePath}: {img.Value}");
            }
    }

    [Fact]
    public void Pictures_reference_both_themes_and_existing_files()
    {
        var files = Support.RenderSamples().Select(f => f.RelativePath).ToHashSet();
        var page = Pages.Single(p => p.RelativePath == "ResNet18.md").Content;
        Assert.Contains("<source media=\"(prefers-color-scheme: dark)\" srcset=\"ResNet18.dark.svg\">", page);
        foreach (Match m in Regex.Matches(page, "(?:src|srcset)=\"([^\"]+)\""))
            Assert.Contains(m.Groups[1].Value, files);
    }

    [Fact]
    public void Page_has_sections_in_order()
    {
        var page = Pages.Single(p => p.RelativePath == "ResNet18.md").Content;
        int Pos(string s) { int i = page.IndexOf(s, StringComparison.Ordinal); Assert.True(i >= 0, s); return i; }
        Assert.True(Pos("# ResNet-18") < Pos("<picture>"));
        Assert.True(Pos("<picture>") < Pos("## Blocks") && Pos("## Blocks") < Pos("### BasicBlock-downsample"));
        Assert.True(Pos("## Layers") < Pos("## Diagnostics") && Pos("## Diagnostics") < Pos("## Source"));
        Assert.Contains("[Models/ResNet.cs:42](../Models/ResNet.cs#L42)", page);
        Assert.Contains("11,689,512 parameters", page);
    }

    [Fact]
    public void Mermaid_overview_is_inside_details()
    {
        var page = Pages.Single(p => p.RelativePath == "Mlp.md").Content;
        Assert.Contains("<details>\n<summary>Mermaid overview</summary>\n\n```mermaid\nflowchart TD\n", page);
    }
}
