using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using NetVizGen.Rendering.Tests.TestModels;

namespace NetVizGen.Rendering.Tests.Html;

/// <summary>The interactive page as bytes: present, linked, deterministic, policy-consistent, inert.</summary>
public class HtmlPageTests
{
    private static GeneratedFile Page(string id, params Model.Specs.ModelSpec[] models)
        => DocumentationRenderer.Render(models, Support.Options()).Single(f => f.RelativePath == id + ".html");

    [Fact]
    public void Each_model_gets_one_page_linked_from_its_Markdown_and_the_option_turns_it_off()
    {
        var files = DocumentationRenderer.Render([ResNetLike.Create()], Support.Options());
        Assert.Single(files, f => f.RelativePath == "ResNet18.html");
        Assert.Contains("[Interactive view](ResNet18.html)", files.Single(f => f.RelativePath == "ResNet18.md").Content);

        var off = Support.Options();
        off.Html = false;
        var without = DocumentationRenderer.Render([ResNetLike.Create()], off);
        Assert.DoesNotContain(without, f => f.RelativePath.EndsWith(".html", StringComparison.Ordinal));
        Assert.DoesNotContain("Interactive view", without.Single(f => f.RelativePath == "ResNet18.md").Content);
    }

    [Fact]
    public void The_policy_allows_exactly_the_inline_script_and_style_by_hash()
    {
        var html = Page("ResNet18", ResNetLike.Create()).Content;
        var scripts = Regex.Matches(html, "<script>(.*?)</script>", RegexOptions.Singleline);
        var styles = Regex.Matches(html, "<style>(.*?)</style>", RegexOptions.Singleline);
        Assert.Single(scripts);
        Assert.Single(styles);
        string Hash(string s) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(s)));
        Assert.Contains("script-src 'sha256-" + Hash(scripts[0].Groups[1].Value) + "'", html);
        Assert.Contains("style-src 'sha256-" + Hash(styles[0].Groups[1].Value) + "'", html);
        Assert.DoesNotContain("unsafe-inline", html);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/2000/svg", ""));
        Assert.DoesNotContain("https://", html);
    }

    [Fact]
    public void The_bytes_are_the_same_on_every_run_and_in_every_culture()
    {
        var first = Page("Decoder12", DeepTransformer.Create(12)).Content;
        var saved = Thread.CurrentThread.CurrentCulture;
        try
        {
            Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            Assert.Equal(first, Page("Decoder12", DeepTransformer.Create(12)).Content);
        }
        finally { Thread.CurrentThread.CurrentCulture = saved; }
    }

    [Fact]
    public void User_strings_in_the_data_block_cannot_end_it()
    {
        var html = Page("Evil", DeepTransformer.Hostile()).Content;
        int data = html.IndexOf("<script type=\"application/json\" id=\"netviz-data\">", StringComparison.Ordinal);
        int end = html.IndexOf("</script>", data, StringComparison.Ordinal);
        var json = html[(data + 50)..end];
        Assert.DoesNotContain("<", json);
        Assert.Contains("\\u003c/script\\u003e", json);
        // Outside the data block the names appear only escaped, as text.
        Assert.Equal(2, Regex.Matches(html, "<script").Count);
    }
}
