using System.Xml.Linq;

namespace NetVizGen.Rendering.Tests.Svg;

public class SvgValidityTests
{
    public static TheoryData<string> SvgFiles()
    {
        var data = new TheoryData<string>();
        foreach (var f in Support.RenderSamples().Where(f => f.RelativePath.EndsWith(".svg", StringComparison.Ordinal))) data.Add(f.RelativePath);
        return data;
    }

    private static string Content(string path) => Support.RenderSamples().Single(f => f.RelativePath == path).Content;

    [Theory]
    [MemberData(nameof(SvgFiles))]
    public void Svg_is_well_formed_and_self_described(string path)
    {
        var doc = XDocument.Parse(Content(path));
        XNamespace svg = "http://www.w3.org/2000/svg";
        var root = doc.Root!;
        Assert.Equal(svg + "svg", root.Name);
        Assert.NotNull(root.Attribute("width"));
        Assert.NotNull(root.Attribute("height"));
        Assert.NotNull(root.Attribute("viewBox"));
        Assert.Equal("img", (string?)root.Attribute("role"));
        Assert.False(string.IsNullOrWhiteSpace((string?)root.Element(svg + "title")));
        Assert.True(((string?)root.Element(svg + "desc"))?.Length > 40, "desc should be a one-paragraph summary");
        var ids = doc.Descendants().Select(e => (string?)e.Attribute("id")).Where(i => i is not null).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(SvgFiles))]
    public void Svg_uses_nothing_that_GitHub_or_converters_drop(string path)
    {
        var text = Content(path);
        foreach (var banned in new[] { "<style", "<script", "foreignObject", "dominant-baseline", "textLength", "href=", "@font-face", "style=" })
            Assert.DoesNotContain(banned, text, StringComparison.Ordinal);
        Assert.Contains("font-family=\"Helvetica, Arial, &quot;Liberation Sans&quot;, Arimo, sans-serif\"", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(SvgFiles))]
    public void Numbers_have_at_most_two_decimals(string path)
    {
        var doc = XDocument.Parse(Content(path));
        foreach (var a in doc.Descendants().Attributes().Where(a => a.Name.LocalName is "x" or "y" or "width" or "height" or "cx" or "cy" or "r" or "d" or "points"))
            Assert.DoesNotMatch(@"\d\.\d{3}", a.Value);
    }
}
