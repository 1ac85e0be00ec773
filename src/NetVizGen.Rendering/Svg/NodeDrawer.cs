using NetVizGen.Rendering.Describe;
using NetVizGen.Rendering.Diagram;
using NetVizGen.Rendering.Layout;
using NetVizGen.Rendering.Text;
using NetVizGen.Rendering.Theme;

namespace NetVizGen.Rendering.Svg;

/// <summary>Draws one node into the box the layout gave it (see <see cref="NodeMetrics"/> for the sizes).</summary>
internal static class NodeDrawer
{
    public static void Draw(SvgWriter w, DiagramNode n, Box box, DiagramTheme theme)
    {
        w.Open("g", ("id", Ids.Of(n.Id)));
        switch (n.Kind)
        {
            case DiagramNodeKind.Merge: Merge(w, n, box, theme); break;
            case DiagramNodeKind.Input or DiagramNodeKind.Output: Terminal(w, n, box, theme); break;
            case DiagramNodeKind.Side: Side(w, n, box, theme); break;
            default: Card(w, n, box, theme); break;
        }
        w.Close();
    }

    private static void Terminal(SvgWriter w, DiagramNode n, Box b, DiagramTheme theme)
    {
        w.Empty("rect", Rect(b.Left, b.Top, b.Width, b.Height), ("rx", SvgWriter.N(b.Height / 2)), ("fill", theme.Fill(n.Category).Hex), ("stroke", theme.Stroke(n.Category).Hex), ("stroke-width", "1"));
        Label(w, n.Label, b.X, b.Y, NodeMetrics.LabelSize, theme.NodeText, bold: false);
    }

    // Bookkeeping (a mask, position ids): small, no fill, dotted border, muted text; it feeds the main path quietly.
    private static void Side(SvgWriter w, DiagramNode n, Box b, DiagramTheme theme)
    {
        w.Empty("rect", Rect(b.Left, b.Top, b.Width, b.Height), ("rx", "8"), ("fill", theme.Background.Hex), ("stroke", theme.MutedText.Hex), ("stroke-width", "1"), ("stroke-dasharray", "2 2"));
        var lines = NodeMetrics.Lines(n);
        double y = b.Y - lines.Sum(l => l.Height) / 2;
        foreach (var line in lines)
        {
            Label(w, line.Text, b.X, y + line.Height / 2, line.Size, theme.MutedText, line.Bold);
            y += line.Height;
        }
    }

    private static void Merge(SvgWriter w, DiagramNode n, Box b, DiagramTheme theme)
    {
        double r = b.Width / 2;
        w.Empty("circle", ("cx", SvgWriter.N(b.X)), ("cy", SvgWriter.N(b.Y)), ("r", SvgWriter.N(r)), ("fill", theme.Background.Hex), ("stroke", theme.Text.Hex), ("stroke-width", "1.2"));
        double a = r * 0.5;
        // "+" and "×" are drawn as strokes (⊕ / ⊗) so they do not depend on a font having the glyph.
        if (n.Label == "+")
            w.Empty("path", ("d", $"M{SvgWriter.N(b.X - a)} {SvgWriter.N(b.Y)}H{SvgWriter.N(b.X + a)}M{SvgWriter.N(b.X)} {SvgWriter.N(b.Y - a)}V{SvgWriter.N(b.Y + a)}"), ("stroke", theme.Text.Hex), ("stroke-width", "1.6"));
        else if (n.Label == "×")
        {
            double c = a * 0.75;
            w.Empty("path", ("d", $"M{SvgWriter.N(b.X - c)} {SvgWriter.N(b.Y - c)}L{SvgWriter.N(b.X + c)} {SvgWriter.N(b.Y + c)}M{SvgWriter.N(b.X - c)} {SvgWriter.N(b.Y + c)}L{SvgWriter.N(b.X + c)} {SvgWriter.N(b.Y - c)}"), ("stroke", theme.Text.Hex), ("stroke-width", "1.6"));
        }
        else Label(w, n.Label, b.X, b.Y, NodeMetrics.SecondarySize, theme.Text, bold: false);
    }

    private static void Card(SvgWriter w, DiagramNode n, Box b, DiagramTheme theme)
    {
        var fill = theme.Fill(n.Category).Hex;
        var stroke = theme.Stroke(n.Category).Hex;
        string? dash = Palette.Dashed(n.Category) ? "4 3" : null;
        bool block = n.Kind == DiagramNodeKind.Block;
        double off = block && n.Repeat > 1 ? NodeMetrics.StackOffset : 0;
        double fw = b.Width - 2 * off, fh = b.Height - 2 * off, left = b.Left, top = b.Top;
        // A stacked card: two sheets peek out behind the front one when the block is folded ×N.
        for (int k = 2; k >= 1 && off > 0; k--)
            w.Empty("rect", Rect(left + k * off, top + k * off, fw, fh), ("rx", "5"), ("fill", fill), ("stroke", stroke), ("stroke-width", "1"));
        w.Empty("rect", Rect(left, top, fw, fh), ("rx", block ? "5" : "3"), ("fill", fill), ("stroke", stroke), ("stroke-width", block ? "1.6" : "1"), ("stroke-dasharray", dash));

        double glyphX = left + NodeMetrics.Pad, cy = top + fh / 2;
        var glyph = Glyphs.Path(n.Category);
        if (glyph.Length > 0)
            w.Empty("path", ("d", glyph), ("transform", "translate(" + SvgWriter.N(glyphX) + " " + SvgWriter.N(cy - Glyphs.Size / 2) + ")"),
                ("fill", "none"), ("stroke", theme.NodeText.Hex), ("stroke-width", "1"));

        double textLeft = glyphX + Glyphs.Size + NodeMetrics.GlyphGap;
        double textRight = left + fw - NodeMetrics.Pad;
        var badge = NodeMetrics.Badge(n);
        if (badge.Length > 0)
        {
            double bw = TextMetrics.BoxWidth(badge, NodeMetrics.BadgeSize, bold: true) + 12, bh = 18;
            double bx = textRight - bw;
            w.Empty("rect", Rect(bx, cy - bh / 2, bw, bh), ("rx", "9"), ("fill", theme.Text.Hex));
            Label(w, badge, bx + bw / 2, cy, NodeMetrics.BadgeSize, theme.Background, bold: true);
            textRight = bx - NodeMetrics.GlyphGap;
        }
        double tx = (textLeft + textRight) / 2;
        // Lines are stacked around the centre: role, label, then quiet details, then the parameter count.
        var lines = NodeMetrics.Lines(n);
        double y = cy - lines.Sum(l => l.Height) / 2;
        foreach (var line in lines)
        {
            Label(w, line.Text, tx, y + line.Height / 2, line.Size, theme.NodeText, line.Bold);
            y += line.Height;
        }
    }

    private static void Label(SvgWriter w, string text, double cx, double cy, double size, Rgb colour, bool bold)
        => w.Text("text", text, ("x", SvgWriter.N(cx)), ("y", SvgWriter.N(TextMetrics.BaselineForCenter(cy, size))), ("font-size", SvgWriter.N(size)),
            ("font-weight", bold ? "bold" : null), ("text-anchor", "middle"), ("fill", colour.Hex));

    private static (string, string?)[] Rect(double x, double y, double w, double h)
        => [("x", SvgWriter.N(x)), ("y", SvgWriter.N(y)), ("width", SvgWriter.N(w)), ("height", SvgWriter.N(h))];
}
