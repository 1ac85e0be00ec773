using NetVizGen.Rendering.Svg;
using NetVizGen.Rendering.Text;
using NetVizGen.Rendering.Theme;

namespace NetVizGen.Rendering.Diff;

/// <summary>How a node of a diff diagram is drawn.</summary>
internal enum MarkKind { Faded, Added, Changed }

/// <summary>
/// What <see cref="SvgDiagramRenderer"/> adds when it draws a diff: added nodes green with a "+" badge,
/// changed ones amber with a "~" badge (their old → new text is in the node itself), everything else
/// faded, changed edges amber and thicker with old → new on the label, and a box listing what was
/// removed plus a key. Colour is never the only cue: badges, line widths and text say it too.
/// </summary>
internal sealed class DiffMarks
{
    private const double FontSize = 11, Line = 16, Pad = 10;

    public Dictionary<string, MarkKind> Nodes { get; } = new(StringComparer.Ordinal);
    public HashSet<string> ChangedEdges { get; } = new(StringComparer.Ordinal);
    public List<string> Removed { get; } = [];
    public string Key { get; set; } = "";

    public MarkKind Of(string nodeId) => Nodes.GetValueOrDefault(nodeId, MarkKind.Faded);

    public static Rgb Added(DiagramTheme t) => Rgb.Parse(t.IsDark ? "#3FB950" : "#1A7F37");
    public static Rgb Changed(DiagramTheme t) => Rgb.Parse(t.IsDark ? "#D29922" : "#9A6700");
    public static Rgb RemovedColour(DiagramTheme t) => Rgb.Parse(t.IsDark ? "#F85149" : "#CF222E");

    /// <summary>Opacity of everything the diff did not touch.</summary>
    public const string FadedOpacity = "0.35";

    private const double Indent = 14;

    private IEnumerable<(string Text, bool Item)> Lines()
    {
        yield return (Key, false);
        if (Removed.Count > 0) yield return ("Removed (not in the new version):", false);
        foreach (var r in Removed) yield return (r, true);
    }

    public double Width() => Lines().Max(l => TextMetrics.BoxWidth(l.Text, FontSize) + (l.Item ? Indent : 0)) + 2 * Pad;

    public double Height() => Lines().Count() * Line + 2 * Pad;

    /// <summary>Draws a badge on the top-left corner of a node box: "+" for added, "~" for changed.</summary>
    public static void Badge(SvgWriter w, MarkKind kind, double left, double top, double width, double height, DiagramTheme theme)
    {
        var colour = kind == MarkKind.Added ? Added(theme) : Changed(theme);
        w.Empty("rect", ("x", SvgWriter.N(left - 2)), ("y", SvgWriter.N(top - 2)), ("width", SvgWriter.N(width + 4)), ("height", SvgWriter.N(height + 4)),
            ("rx", "6"), ("fill", "none"), ("stroke", colour.Hex), ("stroke-width", "3"));
        const double r = 9;
        double cx = left, cy = top;
        w.Empty("circle", ("cx", SvgWriter.N(cx)), ("cy", SvgWriter.N(cy)), ("r", SvgWriter.N(r)), ("fill", colour.Hex), ("stroke", theme.Background.Hex), ("stroke-width", "1.5"));
        // Drawn as strokes, so the mark does not depend on a font's glyph.
        var d = kind == MarkKind.Added
            ? $"M{SvgWriter.N(cx - 5)} {SvgWriter.N(cy)}H{SvgWriter.N(cx + 5)}M{SvgWriter.N(cx)} {SvgWriter.N(cy - 5)}V{SvgWriter.N(cy + 5)}"
            : $"M{SvgWriter.N(cx - 5)} {SvgWriter.N(cy + 1.5)}Q{SvgWriter.N(cx - 2.5)} {SvgWriter.N(cy - 3.5)} {SvgWriter.N(cx)} {SvgWriter.N(cy)}T{SvgWriter.N(cx + 5)} {SvgWriter.N(cy - 1.5)}";
        w.Empty("path", ("d", d), ("fill", "none"), ("stroke", theme.Background.Hex), ("stroke-width", "2"), ("stroke-linecap", "round"));
    }

    /// <summary>The key and the removed list, in a box with a dashed red border when something was removed.</summary>
    public void Draw(SvgWriter w, double left, double top, DiagramTheme theme)
    {
        w.Open("g", ("id", "diff-key"));
        w.Empty("rect", ("x", SvgWriter.N(left)), ("y", SvgWriter.N(top)), ("width", SvgWriter.N(Width())), ("height", SvgWriter.N(Height())), ("rx", "6"),
            ("fill", theme.ClusterFill.Hex), ("stroke", Removed.Count > 0 ? RemovedColour(theme).Hex : theme.ClusterStroke.Hex), ("stroke-width", "1.5"),
            ("stroke-dasharray", Removed.Count > 0 ? "6 3" : null));
        double y = top + Pad + Line / 2;
        foreach (var (text, item) in Lines())
        {
            w.Text("text", text, ("x", SvgWriter.N(left + Pad + (item ? Indent : 0))), ("y", SvgWriter.N(TextMetrics.BaselineForCenter(y, FontSize))), ("font-size", SvgWriter.N(FontSize)),
                ("fill", (item ? RemovedColour(theme) : theme.Text).Hex), ("text-decoration", item ? "line-through" : null));
            y += Line;
        }
        w.Close();
    }
}
