using NetVizGen.Rendering.Diagram;
using NetVizGen.Rendering.Text;

namespace NetVizGen.Rendering.Svg;

/// <summary>
/// Sizes and text of drawn nodes. The layout reserves exactly these sizes and the renderer draws
/// into them, so text (measured with <see cref="TextMetrics"/>, including slack for wider fallback
/// fonts) always fits its box.
/// </summary>
internal static class NodeMetrics
{
    public const double LabelSize = 12;
    public const double SecondarySize = 10;
    public const double EdgeLabelSize = 10;
    public const double TitleSize = 16;
    public const double SubtitleSize = 11;
    public const double ClusterTitleSize = 10.5;
    public const double Pad = 10;
    public const double GlyphGap = 6;
    public const double StackOffset = 4;
    public const double BadgeSize = 11;

    /// <summary>Secondary text under the label: the parameter count.</summary>
    public static string Secondary(DiagramNode n)
    {
        if (n.Parameters <= 0) return "";
        var p = Numbers.Short(n.Parameters) + " params";
        return n.Repeat > 1 ? Numbers.Int(n.Repeat) + " × " + p : p;
    }

    public static string Badge(DiagramNode n) => n.Repeat > 1 ? "×" + Numbers.Int(n.Repeat) : "";

    public static (double Width, double Height) Size(DiagramNode n)
    {
        switch (n.Kind)
        {
            case DiagramNodeKind.Merge:
                double d = n.Label.Length <= 1 ? 24 : Math.Max(30, TextMetrics.BoxWidth(n.Label, SecondarySize) + 10);
                return (d, d);
            case DiagramNodeKind.Input or DiagramNodeKind.Output:
                return (Math.Max(80, TextMetrics.BoxWidth(n.Label, LabelSize) + 2 * 14), 28);
        }
        var secondary = Secondary(n);
        double text = Math.Max(Math.Max(TextMetrics.BoxWidth(n.Label, LabelSize, bold: n.Kind == DiagramNodeKind.Block), TextMetrics.BoxWidth(secondary, SecondarySize)),
            TextMetrics.BoxWidth(n.Details, SecondarySize));
        double width = Pad + Theme.Glyphs.Size + GlyphGap + text + Pad;
        if (n.Repeat > 1) width += TextMetrics.BoxWidth(Badge(n), BadgeSize, bold: true) + 12 + GlyphGap;
        double height = secondary.Length > 0 ? 40 : 30;
        if (n.Details.Length > 0) height += 13;
        if (n.Kind == DiagramNodeKind.Block && n.Repeat > 1) { width += StackOffset * 2; height += StackOffset * 2; }
        return (Math.Ceiling(Math.Max(width, 96)), height);
    }
}
