using NetVizGen.Rendering.Describe;
using NetVizGen.Rendering.Diagram;
using NetVizGen.Rendering.Layout;
using NetVizGen.Rendering.Text;
using NetVizGen.Rendering.Theme;

namespace NetVizGen.Rendering.Svg;

/// <summary>
/// Draws a laid-out <see cref="DiagramGraph"/> as a self-contained SVG: no scripts, styles, external
/// fonts or foreignObject; presentation attributes only; baselines computed from font metrics.
/// Element order is fixed (background, header, clusters, edges, nodes, edge labels, legend).
/// </summary>
internal static class SvgDiagramRenderer
{
    public const string FontFamily = "Helvetica, Arial, \"Liberation Sans\", Arimo, sans-serif";
    private const double Margin = 20;
    private const double HeaderGap = 16;

    /// <param name="graph">The diagram.</param>
    /// <param name="layout">Its layout.</param>
    /// <param name="theme">Light or dark.</param>
    /// <param name="marks">For a diff diagram (<see cref="Diff.DiffDiagram"/>): what to highlight, fade and list; null for docs.</param>
    public static string Render(DiagramGraph graph, LayoutResult layout, DiagramTheme theme, Diff.DiffMarks? marks = null)
    {
        double titleW = TextMetrics.BoxWidth(graph.Title, NodeMetrics.TitleSize, bold: true);
        double subW = TextMetrics.BoxWidth(graph.Subtitle, NodeMetrics.SubtitleSize);
        double headerH = NodeMetrics.TitleSize + 6 + NodeMetrics.SubtitleSize + HeaderGap;
        double labelRight = graph.Edges.Where(e => e.ShowShape && layout.Edges.ContainsKey(e.Id))
            .Select(e => layout.Edges[e.Id].LabelCenter.X + EdgeLabelWidth(e) / 2).DefaultIfEmpty(0).Max();
        double contentW = Math.Max(Math.Max(layout.Width, labelRight), Math.Max(titleW, subW));
        var categories = Legend.Categories(graph);
        var legend = Legend.Measure(categories, Math.Max(contentW, 360));
        contentW = Math.Max(contentW, legend.Width);
        if (marks is not null) contentW = Math.Max(contentW, marks.Width());
        double width = Math.Ceiling(contentW + 2 * Margin);
        double diagramTop = Margin + headerH;
        double diagramLeft = Margin + (contentW - Math.Max(layout.Width, labelRight)) / 2;
        double legendTop = diagramTop + layout.Height + 24;
        double keyTop = legendTop + legend.Height + 12;
        double height = Math.Ceiling(marks is null ? legendTop + legend.Height + Margin : keyTop + marks.Height() + Margin);

        using var w = new SvgWriter();
        w.Open("svg", ("width", SvgWriter.N(width)), ("height", SvgWriter.N(height)), ("viewBox", "0 0 " + SvgWriter.N(width) + " " + SvgWriter.N(height)),
            ("role", "img"), ("aria-labelledby", "title desc"), ("font-family", FontFamily));
        w.Text("title", graph.Title, ("id", "title"));
        w.Text("desc", graph.Description, ("id", "desc"));
        w.Empty("rect", ("id", "background"), ("x", "0"), ("y", "0"), ("width", SvgWriter.N(width)), ("height", SvgWriter.N(height)), ("fill", theme.Background.Hex));

        w.Open("g", ("id", "header"));
        w.Text("text", graph.Title, ("x", SvgWriter.N(Margin)), ("y", SvgWriter.N(Margin + NodeMetrics.TitleSize * 0.8)), ("font-size", SvgWriter.N(NodeMetrics.TitleSize)), ("font-weight", "bold"), ("fill", theme.Text.Hex));
        w.Text("text", graph.Subtitle, ("x", SvgWriter.N(Margin)), ("y", SvgWriter.N(Margin + NodeMetrics.TitleSize + 6 + NodeMetrics.SubtitleSize * 0.8)), ("font-size", SvgWriter.N(NodeMetrics.SubtitleSize)), ("fill", theme.MutedText.Hex));
        w.Close();

        w.Open("g", ("id", "diagram"), ("transform", "translate(" + SvgWriter.N(diagramLeft) + " " + SvgWriter.N(diagramTop) + ")"));
        Clusters(w, graph, layout, theme);
        Edges(w, graph, layout, theme, marks);
        w.Open("g", ("id", "nodes"));
        foreach (var n in graph.Nodes)
        {
            if (!layout.Nodes.TryGetValue(n.Id, out var box)) continue;
            var mark = marks?.Of(n.Id);
            if (mark == Diff.MarkKind.Faded) w.Open("g", ("opacity", Diff.DiffMarks.FadedOpacity));
            NodeDrawer.Draw(w, n, box, theme);
            if (mark == Diff.MarkKind.Faded) w.Close();
            else if (mark is { } m) Diff.DiffMarks.Badge(w, m, box.Left, box.Top, box.Width, box.Height, theme);
        }
        w.Close();
        EdgeLabelsGroup(w, graph, layout, theme, marks);
        w.Close();

        Legend.Draw(w, categories, Margin, legendTop, legend.Width > 0 ? Math.Max(contentW, 360) : 0, theme);
        marks?.Draw(w, Margin, keyTop, theme);
        w.Close();
        return w.Finish();
    }

    public static double EdgeLabelWidth(DiagramEdge e) => TextMetrics.BoxWidth(e.Shape, NodeMetrics.EdgeLabelSize);

    private static void Clusters(SvgWriter w, DiagramGraph graph, LayoutResult layout, DiagramTheme theme)
    {
        w.Open("g", ("id", "clusters"));
        // Parents before children so inner boxes are painted on top.
        foreach (var c in graph.Clusters.OrderBy(c => Depth(graph, c)).ThenBy(c => c.Order))
        {
            if (!layout.Clusters.TryGetValue(c.Id, out var b)) continue;
            w.Open("g", ("id", Ids.Of(c.Id)));
            w.Empty("rect", ("x", SvgWriter.N(b.Left)), ("y", SvgWriter.N(b.Top)), ("width", SvgWriter.N(b.Width)), ("height", SvgWriter.N(b.Height)),
                ("rx", "6"), ("fill", theme.ClusterFill.Hex), ("stroke", theme.ClusterStroke.Hex), ("stroke-width", "1"), ("stroke-dasharray", "5 3"));
            w.Text("text", c.Title, ("x", SvgWriter.N(b.Left + 8)), ("y", SvgWriter.N(TextMetrics.BaselineForCenter(b.Top + 11, NodeMetrics.ClusterTitleSize))),
                ("font-size", SvgWriter.N(NodeMetrics.ClusterTitleSize)), ("fill", theme.MutedText.Hex));
            w.Close();
        }
        w.Close();
    }

    private static int Depth(DiagramGraph g, DiagramCluster c)
    {
        int d = 0;
        for (var p = c.Parent; p is not null && d < 64; p = g.Clusters.FirstOrDefault(x => x.Id == p)?.Parent) d++;
        return d;
    }

    private static void Edges(SvgWriter w, DiagramGraph graph, LayoutResult layout, DiagramTheme theme, Diff.DiffMarks? marks)
    {
        w.Open("g", ("id", "edges"), ("fill", "none"), ("stroke", theme.Edge.Hex), ("stroke-width", "1.2"));
        foreach (var e in graph.Edges)
        {
            if (!layout.Edges.TryGetValue(e.Id, out var route) || route.Points.Count < 2) continue;
            var pts = route.Points;
            var d = PathData(pts, route.Breaks);
            bool changed = marks is not null && marks.ChangedEdges.Contains(e.Id);
            bool faded = marks is not null && !changed && marks.Of(e.Source) == Diff.MarkKind.Faded && marks.Of(e.Target) == Diff.MarkKind.Faded;
            var colour = changed ? Diff.DiffMarks.Changed(theme).Hex : theme.Edge.Hex;
            w.Open("g", ("id", Ids.Of(e.Id)), ("opacity", faded ? Diff.DiffMarks.FadedOpacity : null));
            // Side inputs are thin and dashed; registration-order links (no flow known) dotted, without arrowheads.
            switch (e.Style)
            {
                case DiagramEdgeStyle.Side:
                    w.Empty("path", ("d", d), ("stroke", theme.MutedText.Hex), ("stroke-width", "0.9"), ("stroke-dasharray", "4 3"));
                    w.Empty("polygon", ("points", Arrow(pts[^2], pts[^1])), ("fill", theme.MutedText.Hex), ("stroke", "none"));
                    break;
                case DiagramEdgeStyle.Order:
                    w.Empty("path", ("d", d), ("stroke", theme.MutedText.Hex), ("stroke-width", "1"), ("stroke-dasharray", "1 3"));
                    break;
                default:
                    w.Empty("path", ("d", d), ("stroke", changed ? colour : null), ("stroke-width", changed ? "2.6" : null));
                    w.Empty("polygon", ("points", Arrow(pts[^2], pts[^1])), ("fill", colour), ("stroke", "none"));
                    break;
            }
            // A wrapped drawing's jump: both loose ends get a connector mark (as in flowcharts), so the line
            // visibly continues at the top of the next column instead of running back up.
            foreach (int b in route.Breaks)
                foreach (var p in new[] { pts[b - 1], pts[b] })
                    w.Empty("circle", ("cx", SvgWriter.N(p.X)), ("cy", SvgWriter.N(p.Y)), ("r", "3.5"), ("fill", theme.Background.Hex), ("stroke", colour), ("stroke-width", "1.2"), ("class", "connector"));
            w.Close();
        }
        w.Close();
    }

    // Bends are rounded with a short quadratic curve: easier to follow than sharp kinks, and
    // plain path commands that every SVG consumer and PDF converter understands.
    private static string PathData(IReadOnlyList<Point> pts, IReadOnlyList<int>? breaks = null)
    {
        if (breaks is { Count: > 0 })
        {
            // One subpath per piece: a break starts a new "M" instead of drawing the jump.
            var pieces = new List<string>();
            int from = 0;
            foreach (int b in breaks.Append(pts.Count))
            {
                var piece = pts.Skip(from).Take(b - from).ToList();
                if (piece.Count >= 2) pieces.Add(PathData(piece));
                from = b;
            }
            return string.Join(" ", pieces);
        }
        const double radius = 6;
        var sb = new System.Text.StringBuilder("M").Append(SvgWriter.N(pts[0].X)).Append(' ').Append(SvgWriter.N(pts[0].Y));
        for (int i = 1; i < pts.Count - 1; i++)
        {
            Point a = pts[i - 1], b = pts[i], c = pts[i + 1];
            double inLen = Distance(a, b), outLen = Distance(b, c);
            double r = Math.Min(radius, Math.Min(inLen, outLen) / 2);
            if (r < 0.5) { sb.Append(" L").Append(SvgWriter.N(b.X)).Append(' ').Append(SvgWriter.N(b.Y)); continue; }
            var p1 = new Point(b.X + (a.X - b.X) * r / inLen, b.Y + (a.Y - b.Y) * r / inLen);
            var p2 = new Point(b.X + (c.X - b.X) * r / outLen, b.Y + (c.Y - b.Y) * r / outLen);
            sb.Append(" L").Append(SvgWriter.N(p1.X)).Append(' ').Append(SvgWriter.N(p1.Y))
              .Append(" Q").Append(SvgWriter.N(b.X)).Append(' ').Append(SvgWriter.N(b.Y)).Append(' ').Append(SvgWriter.N(p2.X)).Append(' ').Append(SvgWriter.N(p2.Y));
        }
        var last = pts[^1];
        return sb.Append(" L").Append(SvgWriter.N(last.X)).Append(' ').Append(SvgWriter.N(last.Y)).ToString();
    }

    private static double Distance(Point a, Point b) => Math.Sqrt((a.X - b.X) * (a.X - b.X) + (a.Y - b.Y) * (a.Y - b.Y));

    // A filled triangle ending at the target border; drawn as a polygon rather than a <marker>,
    // which some PDF converters drop.
    private static string Arrow(Point from, Point to)
    {
        double dx = to.X - from.X, dy = to.Y - from.Y, len = Math.Sqrt(dx * dx + dy * dy);
        if (len < 1e-9) return "";
        dx /= len; dy /= len;
        const double l = 7, h = 3.5;
        double bx = to.X - dx * l, by = to.Y - dy * l;
        return string.Join(" ", new[] { (to.X, to.Y), (bx - dy * h, by + dx * h), (bx + dy * h, by - dx * h) }
            .Select(p => SvgWriter.N(p.Item1) + "," + SvgWriter.N(p.Item2)));
    }

    private static void EdgeLabelsGroup(SvgWriter w, DiagramGraph graph, LayoutResult layout, DiagramTheme theme, Diff.DiffMarks? marks)
    {
        w.Open("g", ("id", "edge-labels"), ("font-size", SvgWriter.N(NodeMetrics.EdgeLabelSize)), ("fill", theme.MutedText.Hex), ("text-anchor", "middle"));
        foreach (var e in graph.Edges.Where(e => e.ShowShape))
        {
            if (!layout.Edges.TryGetValue(e.Id, out var route)) continue;
            bool changed = marks is not null && marks.ChangedEdges.Contains(e.Id);
            w.Text("text", e.Shape, ("id", Ids.Of("l" + e.Id)), ("x", SvgWriter.N(route.LabelCenter.X)), ("y", SvgWriter.N(TextMetrics.BaselineForCenter(route.LabelCenter.Y, NodeMetrics.EdgeLabelSize))),
                ("fill", changed ? Diff.DiffMarks.Changed(theme).Hex : null));
        }
        w.Close();
    }
}
