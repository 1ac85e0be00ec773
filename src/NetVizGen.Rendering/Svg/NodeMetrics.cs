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
    public const double SidePad = 7;

    /// <summary>Secondary text under the label: the parameter count.</summary>
    public static string Secondary(DiagramNode n)
    {
        if (n.Parameters <= 0 || n.Kind == DiagramNodeKind.Side) return "";
        var p = Numbers.Short(n.Parameters) + " params";
        if (n.IsGroup) return p + " in all";
        return n.Repeat > 1 ? Numbers.Int(n.Repeat) + " × " + p : p;
    }

    /// <summary>The quiet detail lines of a node (block arguments, a group's argument progression).</summary>
    public static string[] DetailLines(DiagramNode n) => n.Details.Length == 0 ? [] : n.Details.Split('\n');

    /// <summary>Text lines of a card from top to bottom: role, label, details, parameters; with size, weight and line height.</summary>
    public static List<(string Text, double Size, bool Bold, double Height)> Lines(DiagramNode n)
    {
        bool block = n.Kind == DiagramNodeKind.Block;
        if (n.Kind == DiagramNodeKind.Side)
            return [(n.Label, SecondarySize, true, 12), .. DetailLines(n).Select(d => (d, SideDetailSize, false, 11.0))];
        var lines = new List<(string Text, double Size, bool Bold, double Height)>();
        if (n.Role.Length > 0) lines.Add((n.Role, LabelSize, true, 15));
        lines.Add((n.Label, LabelSize, block && n.Role.Length == 0, 15));
        foreach (var d in DetailLines(n)) lines.Add((d, SecondarySize, false, 13));
        var secondary = Secondary(n);
        if (secondary.Length > 0) lines.Add((secondary, SecondarySize, false, 13));
        return lines;
    }

    /// <summary>Font size of the op list inside a quiet side-input node.</summary>
    public const double SideDetailSize = 9;

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
        var lines = Lines(n);
        double text = lines.Max(l => TextMetrics.BoxWidth(l.Text, l.Size, l.Bold));
        if (n.Kind == DiagramNodeKind.Side)
            return (Math.Ceiling(Math.Max(text + 2 * SidePad, 60)), lines.Sum(l => l.Height) + 8);
        double width = Pad + Theme.Glyphs.Size + GlyphGap + text + Pad;
        if (n.Repeat > 1) width += TextMetrics.BoxWidth(Badge(n), BadgeSize, bold: true) + 12 + GlyphGap;
        // One line: 30 px as before; every further line adds its own height.
        double height = 30 + lines.Skip(1).Sum(l => l.Height) - (lines.Count > 1 && Secondary(n).Length > 0 ? 3 : 0);
        if (n.Kind == DiagramNodeKind.Block && n.Repeat > 1) { width += StackOffset * 2; height += StackOffset * 2; }
        return (Math.Ceiling(Math.Max(width, 96)), height);
    }
}
