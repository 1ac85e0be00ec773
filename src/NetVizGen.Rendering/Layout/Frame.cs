namespace NetVizGen.Rendering.Layout;

/// <summary>Moves a layout so its bounding box (nodes, clusters, routes, labels) starts at (0, 0) and records its size.</summary>
internal static class Frame
{
    public static void Normalize(LayoutResult r)
    {
        double l = double.MaxValue, t = double.MaxValue, right = double.MinValue, b = double.MinValue;
        void Inc(double x0, double y0, double x1, double y1) { l = Math.Min(l, x0); t = Math.Min(t, y0); right = Math.Max(right, x1); b = Math.Max(b, y1); }
        foreach (var box in r.Nodes.Values.Concat(r.Clusters.Values)) Inc(box.Left, box.Top, box.Right, box.Bottom);
        foreach (var e in r.Edges.Values) foreach (var p in e.Points) Inc(p.X, p.Y, p.X, p.Y);
        if (l == double.MaxValue) return;
        foreach (var k in r.Nodes.Keys.ToList()) r.Nodes[k] = r.Nodes[k] with { X = r.Nodes[k].X - l, Y = r.Nodes[k].Y - t };
        foreach (var k in r.Clusters.Keys.ToList()) r.Clusters[k] = r.Clusters[k] with { X = r.Clusters[k].X - l, Y = r.Clusters[k].Y - t };
        foreach (var k in r.Edges.Keys.ToList())
        {
            var e = r.Edges[k];
            r.Edges[k] = new EdgeRoute(e.Points.Select(p => new Point(p.X - l, p.Y - t)).ToList(), new Point(e.LabelCenter.X - l, e.LabelCenter.Y - t)) { Breaks = e.Breaks };
        }
        r.Width = right - l;
        r.Height = b - t;
    }
}
