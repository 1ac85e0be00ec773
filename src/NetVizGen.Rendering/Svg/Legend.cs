using NetVizGen.Rendering.Describe;
using NetVizGen.Rendering.Diagram;
using NetVizGen.Rendering.Text;
using NetVizGen.Rendering.Theme;

namespace NetVizGen.Rendering.Svg;

/// <summary>The legend under the diagram: one swatch (fill, border and glyph) per category present, in a fixed order.</summary>
internal static class Legend
{
    private const double Swatch = 16, ItemGap = 18, RowHeight = 22, FontSize = 10.5;

    public static List<NodeCategory> Categories(DiagramGraph graph)
        => graph.Nodes.Where(n => n.Kind != DiagramNodeKind.Side).Select(n => Normal(n.Category)).Distinct().OrderBy(c => (int)c).ToList();

    // Input and output share a legend entry, as do blocks and containers.
    private static NodeCategory Normal(NodeCategory c) => c switch
    {
        NodeCategory.Output => NodeCategory.Input,
        NodeCategory.Container => NodeCategory.Block,
        _ => c,
    };

    public static (double Width, double Height) Measure(List<NodeCategory> categories, double maxWidth)
    {
        var rows = Rows(categories, maxWidth);
        if (rows.Count == 0) return (0, 0);
        return (rows.Max(r => r.Width), rows.Count * RowHeight);
    }

    public static void Draw(SvgWriter w, List<NodeCategory> categories, double left, double top, double maxWidth, DiagramTheme theme)
    {
        w.Open("g", ("id", "legend"));
        var rows = Rows(categories, maxWidth);
        for (int r = 0; r < rows.Count; r++)
        {
            double x = left, cy = top + r * RowHeight + RowHeight / 2;
            foreach (var c in rows[r].Items)
            {
                w.Open("g", ("id", "legend-" + c.ToString().ToLowerInvariant()));
                if (c == NodeCategory.Merge)
                    w.Empty("circle", ("cx", SvgWriter.N(x + Swatch / 2)), ("cy", SvgWriter.N(cy)), ("r", SvgWriter.N(Swatch / 2 - 1)), ("fill", theme.Background.Hex), ("stroke", theme.Text.Hex), ("stroke-width", "1.2"));
                else
                    w.Empty("rect", ("x", SvgWriter.N(x)), ("y", SvgWriter.N(cy - Swatch / 2)), ("width", SvgWriter.N(Swatch)), ("height", SvgWriter.N(Swatch)), ("rx", "3"),
                        ("fill", theme.Fill(c).Hex), ("stroke", theme.Stroke(c).Hex), ("stroke-width", "1"), ("stroke-dasharray", Palette.Dashed(c) ? "3 2" : null));
                var glyph = Glyphs.Path(c);
                if (glyph.Length > 0)
                    w.Empty("path", ("d", glyph), ("transform", "translate(" + SvgWriter.N(x + 3) + " " + SvgWriter.N(cy - 5) + ")"), ("fill", "none"), ("stroke", theme.NodeText.Hex), ("stroke-width", "1"));
                w.Text("text", Palette.Name(c), ("x", SvgWriter.N(x + Swatch + 6)), ("y", SvgWriter.N(TextMetrics.BaselineForCenter(cy, FontSize))), ("font-size", SvgWriter.N(FontSize)), ("fill", theme.Text.Hex));
                w.Close();
                x += ItemWidth(c) + ItemGap;
            }
        }
        w.Close();
    }

    private static double ItemWidth(NodeCategory c) => Swatch + 6 + TextMetrics.BoxWidth(Palette.Name(c), FontSize);

    private static List<(List<NodeCategory> Items, double Width)> Rows(List<NodeCategory> categories, double maxWidth)
    {
        var rows = new List<(List<NodeCategory>, double)>();
        var current = new List<NodeCategory>();
        double width = 0;
        foreach (var c in categories)
        {
            double iw = ItemWidth(c);
            if (current.Count > 0 && width + ItemGap + iw > maxWidth)
            {
                rows.Add((current, width));
                current = [];
                width = 0;
            }
            width += (current.Count > 0 ? ItemGap : 0) + iw;
            current.Add(c);
        }
        if (current.Count > 0) rows.Add((current, width));
        return rows;
    }
}
