using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using NetVizGen.Rendering.Diagram;
using NetVizGen.Rendering.Layout;
using NetVizGen.Rendering.Markdown;
using NetVizGen.Rendering.Svg;
using NetVizGen.Rendering.Theme;

namespace NetVizGen.Rendering.Html;

/// <summary>
/// Writes one model's interactive page: a single self-contained HTML file (no network, no CDN, works
/// from <c>file://</c>) with a strict Content-Security-Policy. The node drawings are the SVGs' own
/// (drawn by <see cref="NodeDrawer"/> into inert templates, light and dark); <c>viewer.js</c>
/// composes them. Markup is written with System.Xml; the only raw text is our own script and style
/// (hashed into the policy) and the data JSON, whose <c>&lt;</c>, <c>&gt;</c> and <c>&amp;</c> are escaped.
/// </summary>
internal static class HtmlPageRenderer
{
    private static readonly string Script = Asset("viewer.js");
    private static readonly string Style = Asset("viewer.css");

    public static string Render(ModelPage page, RenderOptions options)
    {
        var model = page.Model;
        var sb = new StringBuilder();
        var settings = new XmlWriterSettings
        {
            OmitXmlDeclaration = true, Indent = false, NewLineChars = "\n", NewLineHandling = NewLineHandling.Replace,
            ConformanceLevel = ConformanceLevel.Document, Encoding = Encoding.UTF8,
        };
        using (var x = XmlWriter.Create(sb, settings))
        {
            x.WriteDocType("html", null, null, null);
            x.WriteStartElement("html");
            x.WriteAttributeString("lang", "en");
            Head(x, model.Title);
            x.WriteStartElement("body");
            Header(x, model.Title, page.Summary);
            Main(x, model.Title);
            Footer(x, page);
            Templates(x, page, DiagramTheme.Light, "tpl-light");
            Templates(x, page, DiagramTheme.Dark, "tpl-dark");
            x.WriteStartElement("script");
            x.WriteAttributeString("type", "application/json");
            x.WriteAttributeString("id", "netviz-data");
            x.WriteRaw(ViewData.Json(page, options));
            x.WriteFullEndElement();
            x.WriteStartElement("script");
            x.WriteRaw(Script);
            x.WriteFullEndElement();
            x.WriteFullEndElement(); // body
            x.WriteFullEndElement(); // html
        }
        return sb.Append('\n').ToString(); // one copy of a page that can be megabytes, not two
    }

    /// <summary>The policy: nothing may load; only our own script and style run (by hash).</summary>
    internal static string ContentSecurityPolicy =>
        "default-src 'none'; script-src 'sha256-" + Hash(Script) + "'; style-src 'sha256-" + Hash(Style) + "'; img-src data:; base-uri 'none'; form-action 'none'";

    private static void Head(XmlWriter x, string title)
    {
        x.WriteStartElement("head");
        Void(x, "meta", ("charset", "utf-8"));
        Void(x, "meta", ("http-equiv", "Content-Security-Policy"), ("content", ContentSecurityPolicy));
        Void(x, "meta", ("name", "viewport"), ("content", "width=device-width, initial-scale=1"));
        Void(x, "meta", ("name", "generator"), ("content", "NetVizGen"));
        x.WriteElementString("title", SvgWriter.XmlSafe(title) + " · NetVizGen");
        x.WriteStartElement("style");
        x.WriteRaw(Style);
        x.WriteFullEndElement();
        x.WriteFullEndElement();
    }

    private static void Header(XmlWriter x, string title, string summary)
    {
        x.WriteStartElement("header");
        x.WriteElementString("h1", SvgWriter.XmlSafe(title));
        x.WriteElementString("p", SvgWriter.XmlSafe(summary));
        x.WriteStartElement("div");
        x.WriteAttributeString("class", "toolbar");
        x.WriteAttributeString("role", "toolbar");
        x.WriteAttributeString("aria-label", "Diagram controls");
        Void(x, "input", ("id", "search"), ("type", "search"), ("placeholder", "Search path, type or argument (/)"), ("aria-label", "Search modules by path, type or argument"), ("autocomplete", "off"));
        Button(x, "search-prev", "‹", "Previous match");
        Button(x, "search-next", "›", "Next match");
        Span(x, "search-info", "polite");
        Button(x, "expand-all", "Expand all", null);
        Button(x, "collapse-all", "Collapse all", null);
        Button(x, "fit", "Fit", "Fit to screen (0)");
        Button(x, "theme", "◐ Theme", "Switch theme");
        Button(x, "download", "Download SVG", "Download an SVG of the current view");
        Span(x, "expand-state", "polite");
        x.WriteFullEndElement();
        x.WriteFullEndElement();
    }

    private static void Main(XmlWriter x, string title)
    {
        x.WriteStartElement("main");
        x.WriteStartElement("svg", SvgWriter.Namespace);
        x.WriteAttributeString("id", "canvas");
        x.WriteAttributeString("role", "group");
        x.WriteAttributeString("aria-label", "Architecture of " + SvgWriter.XmlSafe(title) + ": blocks open in place on click or Enter");
        x.WriteAttributeString("font-family", SvgDiagramRenderer.FontFamily);
        x.WriteStartElement("defs", SvgWriter.Namespace);
        x.WriteStartElement("marker", SvgWriter.Namespace);
        foreach (var (n, v) in new[] { ("id", "arrow"), ("viewBox", "0 0 10 10"), ("refX", "9"), ("refY", "5"), ("markerWidth", "7"), ("markerHeight", "7"), ("orient", "auto-start-reverse") })
            x.WriteAttributeString(n, v);
        x.WriteStartElement("path", SvgWriter.Namespace);
        x.WriteAttributeString("d", "M0 1L10 5L0 9z");
        x.WriteEndElement();
        x.WriteEndElement();
        x.WriteEndElement();
        x.WriteStartElement("g", SvgWriter.Namespace);
        x.WriteAttributeString("id", "viewport");
        x.WriteFullEndElement();
        x.WriteEndElement(); // svg
        x.WriteStartElement("aside");
        x.WriteAttributeString("id", "details");
        x.WriteAttributeString("aria-live", "polite");
        x.WriteAttributeString("aria-label", "Details of the selected module");
        x.WriteAttributeString("hidden", "hidden");
        x.WriteFullEndElement();
        x.WriteFullEndElement();
    }

    // The legend of every category the page can show, once per theme.
    private static void Footer(XmlWriter x, ModelPage page)
    {
        x.WriteStartElement("footer");
        var all = new DiagramGraph { Title = "", Subtitle = "" };
        all.Nodes.AddRange(page.Overview.Nodes);
        foreach (var (_, g, _) in page.Blocks) all.Nodes.AddRange(g.Nodes);
        var categories = Legend.Categories(all);
        var (width, height) = Legend.Measure(categories, 1200);
        foreach (var theme in new[] { DiagramTheme.Light, DiagramTheme.Dark })
        {
            x.WriteStartElement("svg", SvgWriter.Namespace);
            x.WriteAttributeString("class", "legend legend-" + theme.Name);
            x.WriteAttributeString("width", SvgWriter.N(Math.Ceiling(width + 4)));
            x.WriteAttributeString("height", SvgWriter.N(Math.Ceiling(height)));
            x.WriteAttributeString("role", "img");
            x.WriteAttributeString("aria-label", "Legend: " + string.Join(", ", categories.Select(Palette.Name)));
            x.WriteAttributeString("font-family", SvgDiagramRenderer.FontFamily);
            Legend.Draw(new SvgWriter(x), categories, 2, 0, 1200, theme);
            x.WriteEndElement();
        }
        x.WriteFullEndElement();
    }

    // Per theme, per diagram: each node drawn at its layout box, as in the static SVG.
    private static void Templates(XmlWriter x, ModelPage page, DiagramTheme theme, string id)
    {
        x.WriteStartElement("template");
        x.WriteAttributeString("id", id);
        x.WriteStartElement("svg", SvgWriter.Namespace);
        var svg = new SvgWriter(x);
        View(svg, 0, page.Overview, page.OverviewLayout!, theme);
        for (int i = 0; i < page.Blocks.Count; i++) View(svg, i + 1, page.Blocks[i].Graph, page.BlockLayouts[i], theme);
        for (int i = 0; i < page.SideViews.Count; i++) View(svg, page.Blocks.Count + 1 + i, page.SideViews[i].Graph, page.SideViews[i].Layout, theme);
        x.WriteEndElement();
        x.WriteFullEndElement();
    }

    private static void View(SvgWriter svg, int index, DiagramGraph graph, LayoutResult layout, DiagramTheme theme)
    {
        svg.Open("g", ("data-view", Numbers.Int(index)));
        foreach (var n in graph.Nodes)
        {
            if (!layout.Nodes.TryGetValue(n.Id, out var box)) continue;
            svg.Open("g", ("data-node", n.Id));
            NodeDrawer.Draw(svg, n, box, theme);
            svg.Close();
        }
        svg.Close();
    }

    private static void Button(XmlWriter x, string id, string text, string? label)
    {
        x.WriteStartElement("button");
        x.WriteAttributeString("id", id);
        x.WriteAttributeString("type", "button");
        if (label is not null) x.WriteAttributeString("aria-label", label);
        x.WriteString(text);
        x.WriteFullEndElement();
    }

    private static void Span(XmlWriter x, string id, string live)
    {
        x.WriteStartElement("span");
        x.WriteAttributeString("id", id);
        x.WriteAttributeString("aria-live", live);
        x.WriteFullEndElement();
    }

    private static void Void(XmlWriter x, string name, params (string Name, string Value)[] attributes)
    {
        x.WriteStartElement(name);
        foreach (var (n, v) in attributes) x.WriteAttributeString(n, v);
        x.WriteEndElement();
    }

    private static string Hash(string text) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    // Line endings normalised, so the hash (and the bytes) do not depend on how git checked the file out.
    private static string Asset(string name)
    {
        using var stream = typeof(HtmlPageRenderer).Assembly.GetManifestResourceStream("NetVizGen.Rendering.Html.Assets." + name)
            ?? throw new InvalidOperationException("Missing embedded asset " + name);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd().Replace("\r\n", "\n");
    }
}
