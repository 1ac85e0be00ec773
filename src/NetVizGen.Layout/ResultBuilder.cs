using NetVizGen.Layout.Graph;

namespace NetVizGen.Layout;

/// <summary>
/// Last step: turns internal coordinates into the public result: rotates for left-to-right, moves the
/// drawing so that everything starts at the margin, and rounds every number to 2 decimals (so results are
/// byte-identical across runs and machines once printed with the invariant culture).
/// </summary>
internal static class ResultBuilder
{
    public static LayoutResult Build(LGraph g, LayoutGraph input, List<Point>[] routes, Point?[] labels, List<int>[]? breaks = null)
    {
        var o = g.Options;
        bool lr = o.Direction == LayoutDirection.LeftToRight;
        double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue;
        void Extend(double l, double t, double r, double b)
        {
            minX = Math.Min(minX, l); minY = Math.Min(minY, t);
            maxX = Math.Max(maxX, r); maxY = Math.Max(maxY, b);
        }
        double NodeY(int v) => g.RankTop[g.Rank[v]] + g.RankHeight[g.Rank[v]] / 2;

        for (int v = 0; v < g.LeafCount; v++)
            Extend(g.X[v] - g.Width[v] / 2, NodeY(v) - g.Height[v] / 2, g.X[v] + g.Width[v] / 2, NodeY(v) + g.Height[v] / 2);
        for (int c = 0; c < g.C; c++) Extend(g.BoxLeft[c], g.BoxTop[c], g.BoxRight[c], g.BoxBottom[c]);
        foreach (var route in routes)
            foreach (var p in route) Extend(p.X, p.Y, p.X, p.Y);
        for (int i = 0; i < labels.Length; i++)
            if (labels[i] is Point l) Extend(l.X - g.Edges[i].LabelW / 2, l.Y - g.Edges[i].LabelH / 2, l.X + g.Edges[i].LabelW / 2, l.Y + g.Edges[i].LabelH / 2);
        if (minX > maxX) { minX = minY = maxX = maxY = 0; }

        double dx = o.Margin - minX, dy = o.Margin - minY;
        // Internal (x, y) is (across ranks, along the flow); LR maps the flow to the output x axis.
        Point Map(double x, double y) => lr ? new Point(R(y + dy), R(x + dx)) : new Point(R(x + dx), R(y + dy));

        var nodes = new OrderedMap<NodeLayout>();
        for (int v = 0; v < g.LeafCount; v++)
        {
            var spec = input.Nodes[v];
            var p = Map(g.X[v], NodeY(v));
            nodes.Add(spec.Id, new NodeLayout(spec.Id, p.X, p.Y, spec.Width, spec.Height));
        }
        var clusters = new OrderedMap<ClusterLayout>();
        for (int c = 0; c < g.C; c++)
        {
            var p = Map((g.BoxLeft[c] + g.BoxRight[c]) / 2, (g.BoxTop[c] + g.BoxBottom[c]) / 2);
            double w = R(g.BoxRight[c] - g.BoxLeft[c]), h = R(g.BoxBottom[c] - g.BoxTop[c]);
            clusters.Add(g.ClusterIds[c], lr ? new ClusterLayout(g.ClusterIds[c], p.X, p.Y, h, w) : new ClusterLayout(g.ClusterIds[c], p.X, p.Y, w, h));
        }
        var edges = new OrderedMap<EdgeLayout>();
        foreach (var e in g.Edges)
        {
            var spec = input.Edges[e.Index];
            var pts = routes[e.Index].ConvertAll(p => Map(p.X, p.Y));
            Point? label = labels[e.Index] is Point l ? Map(l.X, l.Y) : null;
            edges.Add(spec.Id, new EdgeLayout(spec.Id, input.Nodes[spec.Source].Id, input.Nodes[spec.Target].Id, pts, label)
            {
                Reversed = e.Reversed || e.IsSelfLoop,
                Breaks = breaks?[e.Index] is { Count: > 0 } b ? b : [],
            });
        }
        double width = R(maxX - minX + 2 * o.Margin), height = R(maxY - minY + 2 * o.Margin);
        return lr ? new LayoutResult(nodes, clusters, edges, height, width) : new LayoutResult(nodes, clusters, edges, width, height);
    }

    private static double R(double v)
    {
        double r = Math.Round(v, 2, MidpointRounding.AwayFromZero);
        return r == 0 ? 0 : r; // no negative zero in the output
    }
}
