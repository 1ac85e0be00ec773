using NetVizGen.Layout.Graph;

namespace NetVizGen.Layout.P5Route;

/// <summary>
/// Merges the long edges entering one node (a dense block's <c>cat</c>, an add of several skips) before they
/// enter it: each drops from its last bend straight down to a bar in the gap above the node, the bar gathers
/// them, and one stem enters the node (a bus, the mirror of the fan-out trunks that split late). A reader sees
/// "these inputs are joined here" instead of k lines converging on k ports.
/// </summary>
/// <remarks>
/// Preconditions: routes built by <see cref="PolylineRouter"/> (top-to-bottom, before the result is turned for
/// left-to-right). Postconditions: for each node with at least <see cref="LayoutOptions.MergeFanInMin"/> incoming
/// long edges (edges through at least one dummy, not reversed), those edges end with the same two segments (bar
/// to the stem's x, stem into the node's top side); every other route, the labels and all boxes are unchanged.
/// The bar lies in the free gap between the node's rank and the one above, so it enters no box.
/// </remarks>
internal static class FanInBus
{
    public static void Run(LGraph g, List<Point>[] routes)
    {
        if (g.Options.MergeFanInMin <= 0) return;
        var into = new Dictionary<int, List<LEdge>>();
        var shortInto = new Dictionary<int, LEdge>();
        foreach (var e in g.Edges)
        {
            if (e.IsSelfLoop || e.Reversed) continue;
            if (e.ChainLength > 2)
            {
                if (!into.TryGetValue(e.Target, out var list)) into[e.Target] = list = [];
                list.Add(e);
            }
            else shortInto.TryAdd(e.Target, e);
        }
        foreach (var (t, edges) in into)
        {
            if (edges.Count < g.Options.MergeFanInMin) continue;
            int rt = g.Rank[t];
            double gapTop = g.RankTop[rt - 1] + g.RankHeight[rt - 1], gapBottom = g.RankTop[rt];
            double bar = gapTop + (gapBottom - gapTop) / 2;
            // The stem continues the node's straight input when it has one (the spine), else enters at its anchor.
            double stem = shortInto.TryGetValue(t, out var main) ? routes[main.Index][^1].X : g.X[t];
            foreach (var e in edges)
            {
                var pts = routes[e.Index];
                double top = pts[^1].Y;
                int keep = pts.FindLastIndex(p => p.Y <= gapTop + 1e-9);
                if (keep < 0) continue;
                double x = pts[keep].X;
                pts.RemoveRange(keep + 1, pts.Count - keep - 1);
                Add(pts, new Point(x, bar));
                Add(pts, new Point(stem, bar));
                Add(pts, new Point(stem, top));
            }
        }
    }

    // Appends a point, merging it into the last segment when collinear (axis-parallel), as the router does.
    private static void Add(List<Point> pts, Point p)
    {
        if (pts[^1] == p) return;
        if (pts.Count >= 2)
        {
            Point a = pts[^2], b = pts[^1];
            if ((a.X == b.X && b.X == p.X) || (a.Y == b.Y && b.Y == p.Y)) { pts[^1] = p; return; }
        }
        pts.Add(p);
    }
}
