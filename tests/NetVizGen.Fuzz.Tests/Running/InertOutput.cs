using System.Text.RegularExpressions;
using System.Xml;
using Markdig;

namespace NetVizGen.Fuzz.Tests.Running;

/// <summary>
/// Finds live markup in generated files: SVG parsed as XML; Markdown rendered to HTML by Markdig (a real
/// CommonMark renderer, with the GFM-like extensions GitHub and DocFX users turn on) and every tag and
/// attribute of the HTML held to what NetVizGen itself writes; Mermaid blocks held to the grammar the
/// renderer writes. Text (alt text included) that merely mentions <c>javascript:</c> is inert and not
/// reported; in a link or image address it is.
/// </summary>
public static class InertOutput
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    /// <summary>The HTML Markdig makes of <paramref name="markdown"/> (the pipeline the checks use).</summary>
    public static string ToHtml(string markdown) => Markdig.Markdown.ToHtml(markdown, Pipeline);

    // What NetVizGen's pages produce through Markdig: anything else came from a user string.
    private static readonly HashSet<string> Tags = new(StringComparer.Ordinal)
    {
        "h1", "h2", "h3", "h4", "p", "img", "picture", "source", "details", "summary", "table", "thead", "tbody", "tr",
        "th", "td", "ul", "li", "code", "pre", "strong", "a", "br", "div", "span",
    };

    private static readonly HashSet<string> Attributes = new(StringComparer.Ordinal)
    {
        "alt", "src", "srcset", "media", "href", "id", "class", "style",
    };

    private static readonly Regex Tag = new(@"<(/?)([A-Za-z][A-Za-z0-9-]*)((?:[^>""']|""[^""]*""|'[^']*')*)>", RegexOptions.CultureInvariant);
    private static readonly Regex Attribute = new(@"([^\s=/""']+)(?:\s*=\s*(?:""([^""]*)""|'([^']*)'|([^\s>]+)))?", RegexOptions.CultureInvariant);
    private static readonly Regex Scheme = new(@"^\s*[A-Za-z][A-Za-z0-9+.\-]*:", RegexOptions.CultureInvariant);
    private static readonly Regex MermaidLine = new(
        @"^\s*(flowchart (TD|LR)|subgraph c\d+\[""[^""<>`\n]*""\]|end|n\d+(\[|\(\(|\(\[|\[\[)""[^""<>`\n]*""(\]|\)\)|\]\)|\]\])|n\d+ -->(\|""[^""<>`\n]*""\|)? n\d+)$",
        RegexOptions.CultureInvariant);

    /// <summary>The problems found in one file (empty when inert).</summary>
    public static IEnumerable<string> Check(string path, string content)
    {
        if (path.EndsWith(".svg", StringComparison.Ordinal)) return Svg(path, content);
        if (path.EndsWith(".md", StringComparison.Ordinal)) return Markdown(path, content);
        if (path.EndsWith(".html", StringComparison.Ordinal)) return Html(path, content);
        if (path.EndsWith(".json", StringComparison.Ordinal)) return Json(path, content);
        return new[] { path + ": unexpected file type" };
    }

    private static readonly Regex HtmlScript = new(@"<script[^>]*>(.*?)</script>", RegexOptions.Singleline | RegexOptions.CultureInvariant);
    private static readonly Regex HtmlStyle = new(@"<style>.*?</style>", RegexOptions.Singleline | RegexOptions.CultureInvariant);

    // The interactive page: exactly our two scripts (the data block, whose JSON escapes every '<', and the
    // viewer), and outside them no script, no event attribute and no javascript: link from a user string.
    private static List<string> Html(string path, string content)
    {
        var problems = new List<string>();
        var scripts = HtmlScript.Matches(content);
        if (scripts.Count != 2 || !scripts[0].Value.StartsWith("<script type=\"application/json\" id=\"netviz-data\">", StringComparison.Ordinal))
            problems.Add(path + ": " + scripts.Count + " script elements (expected the data block and the viewer)");
        else if (scripts[0].Groups[1].Value.Contains('<'))
            problems.Add(path + ": '<' inside the data block");
        // Markup outside the scripts: user strings are escaped text there, so only real tags are looked at.
        var rest = HtmlStyle.Replace(HtmlScript.Replace(content, ""), "");
        foreach (Match tag in Tag.Matches(rest))
        {
            var name = tag.Groups[2].Value.ToLowerInvariant();
            if (name is "script" or "iframe" or "object" or "embed" or "foreignobject") problems.Add(path + ": <" + name + "> outside the two scripts");
            foreach (Match attribute in Attribute.Matches(tag.Groups[3].Value))
            {
                var attributeName = attribute.Groups[1].Value.ToLowerInvariant();
                var value = attribute.Groups[2].Success ? attribute.Groups[2].Value : attribute.Groups[3].Success ? attribute.Groups[3].Value : attribute.Groups[4].Value;
                if (attributeName.StartsWith("on", StringComparison.Ordinal)) problems.Add(path + ": event-handler attribute " + attributeName);
                if (attributeName is "href" or "src" or "xlink:href" or "action" && value.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
                    problems.Add(path + ": javascript: URL");
            }
        }
        return problems;
    }

    private static List<string> Json(string path, string content)
    {
        try { using var _ = System.Text.Json.JsonDocument.Parse(content); return []; }
        catch (System.Text.Json.JsonException e) { return [path + ": invalid JSON: " + e.Message]; }
    }

    private static List<string> Svg(string path, string content)
    {
        var problems = new List<string>();
        try
        {
            using var reader = XmlReader.Create(new StringReader(content), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element) continue;
                if (reader.LocalName is "script" or "foreignObject" or "iframe" or "object" or "embed")
                    problems.Add(path + ": <" + reader.LocalName + "> element");
                if (!reader.MoveToFirstAttribute()) continue;
                do
                {
                    if (reader.LocalName.StartsWith("on", StringComparison.OrdinalIgnoreCase)) problems.Add(path + ": event attribute " + reader.Name);
                    if (reader.LocalName == "href" && !Relative(reader.Value)) problems.Add(path + ": non-relative link " + reader.Value);
                    if (reader.LocalName is "href" or "src" && Squeeze(reader.Value).Contains("javascript:", StringComparison.OrdinalIgnoreCase)) problems.Add(path + ": javascript: in " + reader.Name);
                }
                while (reader.MoveToNextAttribute());
            }
        }
        catch (XmlException e)
        {
            problems.Add(path + ": not well-formed XML: " + e.Message);
        }
        return problems;
    }

    private static List<string> Markdown(string path, string content)
    {
        var problems = new List<string>();
        var html = Markdig.Markdown.ToHtml(content, Pipeline);
        foreach (Match tag in Tag.Matches(html))
        {
            var name = tag.Groups[2].Value.ToLowerInvariant();
            if (!Tags.Contains(name)) problems.Add(path + ": live <" + name + "> tag");
            foreach (Match a in Attribute.Matches(tag.Groups[3].Value))
            {
                var attr = a.Groups[1].Value.ToLowerInvariant();
                var value = System.Net.WebUtility.HtmlDecode(a.Groups[2].Success ? a.Groups[2].Value : a.Groups[3].Success ? a.Groups[3].Value : a.Groups[4].Value);
                if (attr.StartsWith("on", StringComparison.Ordinal)) problems.Add(path + ": event attribute " + attr + " on <" + name + ">");
                else if (!Attributes.Contains(attr)) problems.Add(path + ": attribute " + attr + " on <" + name + ">");
                if (attr is "href" or "src" or "srcset" && !Relative(value)) problems.Add(path + ": non-relative " + attr + " '" + value + "'");
                if (attr is "href" or "src" or "srcset" && Squeeze(value).Contains("javascript:", StringComparison.OrdinalIgnoreCase)) problems.Add(path + ": javascript: in " + attr);
            }
        }
        problems.AddRange(Mermaid(path, content));
        return problems;
    }

    private static IEnumerable<string> Mermaid(string path, string markdown)
    {
        bool inside = false;
        foreach (var line in markdown.Split('\n'))
        {
            if (line == "```mermaid") { inside = true; continue; }
            if (inside && line == "```") { inside = false; continue; }
            if (inside && !MermaidLine.IsMatch(line)) yield return path + ": unexpected Mermaid line '" + line + "'";
        }
    }

    /// <summary>A link NetVizGen may write: relative (no scheme, not protocol-relative) or an anchor.</summary>
    private static bool Relative(string url)
    {
        var u = Squeeze(url);
        return !Scheme.IsMatch(u) && !u.StartsWith("//", StringComparison.Ordinal) && !u.StartsWith("\\\\", StringComparison.Ordinal);
    }

    // Browsers drop whitespace and control characters inside a scheme ("java\tscript:").
    private static string Squeeze(string s) => new(s.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
}
