using NetVizGen.Rendering.Diagram;
using NetVizGen.Rendering.Text;
using NetVizGen.Rendering.Theme;

namespace NetVizGen.Rendering.Svg;

/// <summary>
/// Bounds the layout's input: a diagram past <see cref="MaxNodes"/> nodes or <see cref="MaxEdges"/>
/// edges is not laid out (layout cost grows faster than linearly; a 120,177-module model took more than
/// 17 s and dense graphs far more). Its SVG says what was not drawn and why; the page's layer table still
/// lists every layer. Real models stay far inside: ResNet-1001 fully expanded ≈ 3,400 nodes, DenseNet-264's
/// largest block ≈ 2,100 edges, a 64-layer dense block drawn whole ≈ 2,200 edges.
/// </summary>
internal static class LayoutBudget
{
    public const int MaxNodes = 5_000, MaxEdges = 12_000;

    /// <summary>Why <paramref name="graph"/> is not laid out, or null when it fits.</summary>
    public static string? Exceeded(DiagramGraph graph)
    {
        if (graph.Nodes.Count > MaxNodes)
            return "it has " + Numbers.Grouped(graph.Nodes.Count) + " nodes; NetVizGen lays out at most " + Numbers.Grouped(MaxNodes);
        if (graph.Edges.Count > MaxEdges)
            return "it has " + Numbers.Grouped(graph.Edges.Count) + " edges; NetVizGen lays out at most " + Numbers.Grouped(MaxEdges);
        return null;
    }

    /// <summary>The SVG drawn instead: the title, the subtitle and the reason, in the theme's colours.</summary>
    public static string Placeholder(DiagramGraph graph, string why, DiagramTheme theme)
    {
        var lines = new[] { graph.Title, graph.Subtitle, "This diagram is not drawn: " + why + ".", "The page's layer table lists every layer." };
        double width = Math.Ceiling(Math.Max(360, lines.Max(l => TextMetrics.BoxWidth(l, NodeMetrics.SubtitleSize + 2)) + 40));
        double height = 40 + lines.Length * 24;
        using var w = new SvgWriter();
        w.Open("svg", ("width", SvgWriter.N(width)), ("height", SvgWriter.N(height)), ("viewBox", "0 0 " + SvgWriter.N(width) + " " + SvgWriter.N(height)),
            ("role", "img"), ("aria-labelledby", "title desc"), ("font-family", SvgDiagramRenderer.FontFamily));
        w.Text("title", graph.Title, ("id", "title"));
        w.Text("desc", "Not drawn: " + why, ("id", "desc"));
        w.Empty("rect", ("id", "background"), ("x", "0"), ("y", "0"), ("width", SvgWriter.N(width)), ("height", SvgWriter.N(height)), ("fill", theme.Background.Hex));
        for (int i = 0; i < lines.Length; i++)
        {
            w.Text("text", lines[i], ("x", "20"), ("y", SvgWriter.N(36 + i * 24)),
                ("font-size", SvgWriter.N(i == 0 ? NodeMetrics.TitleSize : NodeMetrics.SubtitleSize)), ("font-weight", i == 0 ? "bold" : null),
                ("fill", (i == 0 ? theme.Text : theme.MutedText).Hex));
        }
        w.Close();
        return w.Finish();
    }
}
