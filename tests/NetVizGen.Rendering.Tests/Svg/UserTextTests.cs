using NetVizGen.Rendering.Markdown;
using NetVizGen.Rendering.Svg;

namespace NetVizGen.Rendering.Tests.Svg;

/// <summary>Names and titles come from user code: they must never break the SVG or a Markdown table.</summary>
public class UserTextTests
{
    [Fact]
    public void Characters_XML_cannot_carry_are_dropped_and_the_rest_kept()
    {
        Assert.Equal("ab😀c", SvgWriter.XmlSafe("a\u0001b😀\ud800c"));
        Assert.Same("plain", SvgWriter.XmlSafe("plain"));
        var w = new SvgWriter();
        w.Open("svg").Text("text", "bad\u0007name").Close();
        Assert.Contains("badname", w.Finish());
    }

    [Fact]
    public void A_pipe_or_newline_in_a_name_stays_inside_its_table_cell()
    {
        Assert.Equal("`a\\|b c`", MarkdownText.Code("a|b\nc"));
    }
}
