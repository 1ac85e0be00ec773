using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using NetVizGen.Rendering.Markdown;
using NetVizGen.Rendering.Mermaid;

namespace NetVizGen.Rendering.Tests.Markdown;

/// <summary>
/// User strings stay text: checked by parsing what MarkdownText writes with Markdig, a real CommonMark
/// renderer, with the GFM-like extensions (autolinks, tables, emphasis extras) turned on.
/// </summary>
public class MarkdownTextTests
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    public static TheoryData<string> Hostile => new()
    {
        "<script>alert(1)</script>", "``<script>alert(1)</script>``", "`", "a ` b `` c ``` d", "` leading", "trailing `",
        "[x](javascript:alert(1))", "![i](https://evil.example/i.png)", "<img src=x onerror=alert(1)>", "a|b|c",
        "*em* _u_ ~~s~~ **b**", "www.evil.example", "https://evil.example/", "javascript:alert(1)", "mailto:x@evil.example",
        "<https://evil.example>", "&lt;b&gt; &amp;", "\\<b>\\", "[a]: https://evil.example", "x\ny", " padded ", "conv_1.weight",
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Code_is_one_code_span_holding_the_text_whole(string text)
    {
        var doc = Markdig.Markdown.Parse("x " + MarkdownText.Code(text) + " y", Pipeline);
        var inlines = doc.Descendants<Inline>().ToList();
        var code = Assert.Single(inlines.OfType<CodeInline>());
        Assert.Equal(text.Replace("\n", " ").Replace("|", "\\|"), code.Content);
        Assert.Empty(inlines.OfType<HtmlInline>());
        Assert.Empty(inlines.OfType<LinkInline>());
        Assert.Empty(inlines.OfType<AutolinkInline>());
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Escaped_text_renders_as_the_same_text_with_no_markup(string text)
    {
        foreach (var context in new[] { "{0}", "# {0}", "| a | b |\n|---|---|\n| {0} | x |", "- **NVG0101** (warning): {0}" })
        {
            var markdown = string.Format(System.Globalization.CultureInfo.InvariantCulture, context, MarkdownText.Escape(text));
            var doc = Markdig.Markdown.Parse(markdown, Pipeline);
            Assert.Empty(doc.Descendants<HtmlInline>());
            Assert.Empty(doc.Descendants<HtmlBlock>());
            Assert.Empty(doc.Descendants<LinkInline>());
            Assert.Empty(doc.Descendants<AutolinkInline>());
            Assert.Equal(context.Contains("**", StringComparison.Ordinal) ? 1 : 0, doc.Descendants<EmphasisInline>().Count()); // only the page's own bold id
            Assert.Empty(doc.Descendants<CodeInline>());
            var html = Markdig.Markdown.ToHtml(markdown, Pipeline);
            Assert.Contains(System.Net.WebUtility.HtmlEncode(text.Replace("\n", " ").Trim()).Replace("&#39;", "'").Replace("&quot;", "\""),
                html.Replace("&quot;", "\""));
        }
    }

    [Fact]
    public void Link_destinations_are_percent_encoded_and_stay_relative()
    {
        var dest = MarkdownText.Destination("javascript:alert(1) [x].cs");
        Assert.Equal("javascript%3Aalert%281%29%20%5Bx%5D.cs", dest);
        var link = Assert.Single(Markdig.Markdown.Parse("[f](" + dest + "#L3)", Pipeline).Descendants<LinkInline>());
        Assert.Equal(dest + "#L3", link.Url);
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Mermaid_labels_use_mermaid_entities_for_markup(string text)
    {
        var quoted = MermaidRenderer.Quote(text);
        Assert.DoesNotContain('<', quoted);
        Assert.DoesNotContain('>', quoted);
        Assert.DoesNotContain('"', quoted);
        Assert.DoesNotContain('`', quoted);
        Assert.DoesNotContain('\n', quoted);
        // Every '#' starts one of the entity codes written, so no user text can forge one.
        Assert.Matches("^([^#]|#(35|quot|lt|gt|amp|96);)*$", quoted);
    }
}
