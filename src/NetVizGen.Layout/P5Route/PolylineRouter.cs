using NetVizGen.Layout.Graph;

namespace NetVizGen.Layout.P5Route;

/// <summary>
/// Phase 5: edge routes as polylines through the edge's dummy nodes (dagre / Graphviz style). Between two
/// ranks a route is one straight segment; inside a rank it is vertical at its dummy's x, in the slot the
/// ordering reserved for it, so it never enters a node box. Ports: an edge leaves its source's bottom side
/// (enters its target's top side) at the x of the next (previous) route point, clamped inside the side, so a
/// straight chain is a straight line and fanned-out edges keep their left-to-right order.
/// </summary>
/// <remarks>
/// Preconditions: x and y placed. <br/>
/// Postconditions: every edge has a route from its source border to its target border (in input direction,
/// so reversed edges are turned back); collinear bends removed; labels centred right of their dummy.
/// Self loops leave and re-enter the node's right side.
/// </remarks>
internal static class PolylineRouter
{
    public static List<Point>[] Run(LGraph g, out Point?[] labels)
    {
        var routes = new List<Point>[g.Edges.Count];
        labels = new Point?[g.Edges.Count];
        var (sourcePort, targetPort) = Ports(g);
        foreach (var e in g.Edges)
        {
            var pts = new List<Point>();
            if (e.IsSelfLoop) SelfLoop(g, e.Source, pts);
            else Route(g, e, pts, sourcePort[e.Index], targetPort[e.Index]);
            if (e.Reversed) pts.Reverse();
            routes[e.Index] = Simplify(pts);
            if (e.IsSelfLoop && e.HasLabel)
            {
                int v = e.Source;
                labels[e.Index] = new Point(g.X[v] + g.Width[v] / 2 + SelfLoopReach + e.LoopLabelOffset + e.LabelW / 2, NodeY(g, v));
            }
            else if (e.LabelNode >= 0)
            {
                int d = e.LabelNode, r = g.Rank[d];
                labels[e.Index] = new Point(g.X[d] + g.Options.LabelGap + e.LabelW / 2, g.RankTop[r] + g.RankHeight[r] / 2);
            }
        }
        return routes;
    }

    private static double NodeY(LGraph g, int v) => g.RankTop[g.Rank[v]] + g.RankHeight[g.Rank[v]] / 2;

    private static double Port(LGraph g, int v, double towardX)
    {
        double half = g.Width[v] / 2;
        // Keep ports off the rounded corners of the box.
        double inset = Math.Min(6, half / 2);
        return Math.Clamp(towardX, g.X[v] - half + inset, g.X[v] + half - inset);
    }

    /// <summary>Minimum distance between two ports on one side of a node (when the side is wide enough).</summary>
    private const double PortGap = 8;

    /// <summary>
    /// Port x of every edge at its upper and lower end: the x of the neighbouring route point, clamped into the
    /// side, then pushed apart where several edges would share a point, keeping their left-to-right order (so
    /// no two edges of one node cross, and an edge already on its own spot, like the straight spine, stays).
    /// </summary>
    private static (double[] Source, double[] Target) Ports(LGraph g)
    {
        int m = g.Edges.Count;
        var source = new double[m];
        var target = new double[m];
        var outs = new List<int>[g.N];
        var ins = new List<int>[g.N];
        foreach (var e in g.Edges)
        {
            if (e.IsSelfLoop) continue;
            (outs[e.Source] ??= []).Add(e.Index);
            (ins[e.Target] ??= []).Add(e.Index);
        }
        // Edges of a fan-out bundle leave through their shared first dummy: one port for all of them.
        int Hop(int i, int at) => g.IsDummy(g.Edges[i].At(at)) ? g.Edges[i].At(at) : ~i;
        for (int v = 0; v < g.N; v++)
            if (outs[v] is { } list) Spread(g, v, list, i => g.X[g.Edges[i].At(1)], i => Hop(i, 1), source);
        for (int v = 0; v < g.N; v++)
            if (ins[v] is { } list)
                Spread(g, v, list, i => g.Edges[i].ChainLength > 2 ? g.X[g.Edges[i].At(g.Edges[i].ChainLength - 2)] : source[i], i => Hop(i, g.Edges[i].ChainLength - 2), target);
        return (source, target);
    }

    private static void Spread(LGraph g, int v, List<int> all, Func<int, double> toward, Func<int, int> hop, double[] port)
    {
        // One port per distinct hop (the first edge of each stands for the rest, which copy its port).
        var first = new Dictionary<int, int>();
        var edges = new List<int>(all.Count);
        foreach (int i in all)
            if (first.TryAdd(hop(i), i)) edges.Add(i);
        var keyed = edges.ConvertAll(i => (Toward: toward(i), Edge: i));
        keyed.Sort((a, b) => a.Toward != b.Toward ? a.Toward.CompareTo(b.Toward) : a.Edge.CompareTo(b.Edge));
        int k = keyed.Count;
        var p = new double[k];
        for (int i = 0; i < k; i++) p[i] = Port(g, v, keyed[i].Toward);
        if (k > 1)
        {
            double half = g.Width[v] / 2, inset = Math.Min(6, half / 2);
            double lo = g.X[v] - half + inset, hi = g.X[v] + half - inset;
            double gap = Math.Min(PortGap, (hi - lo) / (k - 1));
            for (int i = 1; i < k; i++) p[i] = Math.Max(p[i], p[i - 1] + gap);
            p[k - 1] = Math.Min(p[k - 1], hi);
            for (int i = k - 2; i >= 0; i--) p[i] = Math.Min(p[i], p[i + 1] - gap);
        }
        for (int i = 0; i < k; i++) port[keyed[i].Edge] = p[i];
        if (edges.Count < all.Count)
            foreach (int i in all) port[i] = port[first[hop(i)]];
    }

    private static void Route(LGraph g, LEdge e, List<Point> pts, double sx, double tx)
    {
        int s = e.Source, t = e.Target, last = e.ChainLength - 2;
        double sBottom = NodeY(g, s) + g.Height[s] / 2;
        int rs = g.Rank[s];
        pts.Add(new Point(sx, sBottom));
        // A node shorter than its rank first goes straight down to the rank's bottom line.
        pts.Add(new Point(sx, g.RankTop[rs] + g.RankHeight[rs]));
        var path = e.Path;
        for (int i = 1; i <= last; i++)
        {
            int d = path[i], r = g.Rank[d];
            // A run of dummies at one x is one vertical line: only its two ends are points (a bundle's trunk can
            // pass hundreds of ranks, and Simplify would drop the middle anyway).
            if (i > 1 && i < last && g.X[path[i - 1]] == g.X[d] && g.X[path[i + 1]] == g.X[d]) continue;
            pts.Add(new Point(g.X[d], g.RankTop[r]));
            pts.Add(new Point(g.X[d], g.RankTop[r] + g.RankHeight[r]));
        }
        int rt = g.Rank[t];
        pts.Add(new Point(tx, g.RankTop[rt]));
        pts.Add(new Point(tx, NodeY(g, t) - g.Height[t] / 2));
    }

    private static void SelfLoop(LGraph g, int v, List<Point> pts)
    {
        double right = g.X[v] + g.Width[v] / 2, y = NodeY(g, v), q = g.Height[v] / 4, out_ = SelfLoopReach;
        pts.Add(new Point(right, y - q));
        pts.Add(new Point(right + out_, y - q));
        pts.Add(new Point(right + out_, y + q));
        pts.Add(new Point(right, y + q));
    }

    /// <summary>How far a self loop reaches right of its node (reserved in the node's right extent).</summary>
    public const double SelfLoopReach = 12;

    /// <summary>Drops repeated points and middle points of straight runs.</summary>
    private static List<Point> Simplify(List<Point> pts)
    {
        var o = new List<Point>(pts.Count);
        foreach (var p in pts)
        {
            if (o.Count > 0 && o[^1] == p) continue;
            if (o.Count >= 2 && Collinear(o[^2], o[^1], p)) o[^1] = p;
            else o.Add(p);
        }
        if (o.Count == 1) o.Add(o[0]);
        return o;
    }

    private static bool Collinear(Point a, Point b, Point c) =>
        (a.X == b.X && b.X == c.X) || (a.Y == b.Y && b.Y == c.Y);
}
