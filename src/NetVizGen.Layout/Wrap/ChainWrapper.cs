using NetVizGen.Layout.Graph;

namespace NetVizGen.Layout.Wrap;

/// <summary>
/// Post-pass (only with <see cref="LayoutOptions.WrapAspectRatio"/> &gt; 0 and no levels): a drawing much longer
/// along the flow than across it is cut between ranks into k segments laid side by side across the flow, like
/// lines of text: in top-to-bottom, columns that each run top-down, left to right; in left-to-right, rows that
/// each run left to right, top to bottom. No segment is reversed, so no edge ever points against the flow.
/// </summary>
/// <remarks>
/// Preconditions: everything placed and routed (internal top-to-bottom coordinates). <br/>
/// Postconditions: k is the number of segments (1 = unchanged) whose overall flow-length to cross-width
/// ratio is nearest <see cref="LayoutOptions.WrapAspectRatio"/> (on a log scale); only wraps when the drawing is
/// longer than that ratio and than <see cref="LayoutOptions.WrapMinLength"/>. Cuts lie between ranks, never
/// through a cluster, near the k-1 even division points (a point with no cut near it is dropped), preferring the
/// fewest crossing edges, then a cut right after a rank holding a real node (so the crossing edge's label opens
/// the next segment). A cut crossed by more than one edge (a skip connection) is allowed only in a drawing more
/// than twice <see cref="LayoutOptions.WrapMinLength"/> long, so a residual block is never split. Each rank keeps its order; a segment is shifted as a whole.
/// An edge crossing a cut is split there: its two pieces end half a rank gap past the segment's last rank and
/// start half a gap before the next segment's first rank, and the jump between them is listed in
/// <see cref="EdgeLayout.Breaks"/> (the renderer draws a connector mark at both ends). In left-to-right mode a
/// cut crossed by a single edge gets a continuous return line instead (down into the gutter between the rows,
/// back left along it, down into the next row), which points down or left, never up.
/// </remarks>
internal static class ChainWrapper
{
    public static List<int>[]? Run(LGraph g, List<Point>[] routes, Point?[] labels)
    {
        double target = g.Options.WrapAspectRatio;
        int R = g.RankCount;
        if (target <= 0 || g.LeafLevel.Length > 0 || R < 4) return null;
        var (start, end) = RankExtents(g);
        double flow = end[R - 1] - start[0];
        var (crossMin, crossMax) = CrossExtent(g, routes, labels, 0, R - 1, double.MinValue, double.MaxValue);
        double cross = Math.Max(1, crossMax - crossMin), gap = 2 * g.Options.RankSpacing;
        if (flow / cross <= target || flow <= g.Options.WrapMinLength) return null;
        int k = 1;
        double best = Math.Abs(Math.Log(flow / cross / target));
        for (int j = 2; j <= R / 2; j++)
        {
            double score = Math.Abs(Math.Log(flow / j / (j * cross + (j - 1) * gap) / target));
            if (score < best) { best = score; k = j; }
        }
        if (k < 2) return null;
        var cuts = ChooseCuts(g, start, end, k);
        if (cuts.Count == 0) return null;
        return Apply(g, routes, labels, start, end, cuts, gap);
    }

    // Flow extent of each rank including the cluster bands above and below it.
    private static (double[] Start, double[] End) RankExtents(LGraph g)
    {
        int R = g.RankCount;
        var start = new double[R];
        var end = new double[R];
        for (int r = 0; r < R; r++) { start[r] = g.RankTop[r]; end[r] = g.RankTop[r] + g.RankHeight[r]; }
        for (int c = 0; c < g.C; c++)
        {
            if (g.Top[c] > g.Bottom[c]) continue;
            start[g.Top[c]] = Math.Min(start[g.Top[c]], g.BoxTop[c]);
            end[g.Bottom[c]] = Math.Max(end[g.Bottom[c]], g.BoxBottom[c]);
        }
        return (start, end);
    }

    // Cut c lies between ranks c-1 and c. Valid when no cluster spans it.
    private static List<int> ChooseCuts(LGraph g, double[] start, double[] end, int k)
    {
        int R = g.RankCount;
        var spanned = new bool[R + 1];
        for (int c = 0; c < g.C; c++)
            for (int r = g.Top[c] + 1; r <= g.Bottom[c]; r++) spanned[r] = true;
        // Edges crossing each cut (difference array over rank spans).
        var delta = new int[R + 1];
        foreach (var e in g.Edges)
        {
            if (e.IsSelfLoop) continue;
            int a = Math.Min(g.Rank[e.Source], g.Rank[e.Target]), b = Math.Max(g.Rank[e.Source], g.Rank[e.Target]);
            delta[a + 1]++;
            delta[b + 1]--;
        }
        var crossing = new int[R + 1];
        for (int c = 1; c <= R; c++) crossing[c] = crossing[c - 1] + delta[c];
        var realRank = new bool[R];
        for (int v = 0; v < g.LeafCount; v++) realRank[g.Rank[v]] = true;

        double flow = end[R - 1] - start[0], length = flow / k;
        // Cut only where the drawing is a chain (one edge crosses: a skip connection is never cut), unless it is
        // more than twice the shortest wrapped length; then skips crossing a cut get connector marks.
        int maxCrossing = flow > 2 * g.Options.WrapMinLength ? int.MaxValue : 1;
        var cuts = new List<int>();
        for (int j = 1; j < k; j++)
        {
            double ideal = start[0] + j * length;
            int pick = -1;
            (int, int, double) pickKey = (int.MaxValue, 1, double.MaxValue);
            for (int c = (cuts.Count > 0 ? cuts[^1] : 0) + 1; c < R; c++)
            {
                double y = (end[c - 1] + start[c]) / 2, off = Math.Abs(y - ideal);
                if (spanned[c] || crossing[c] > maxCrossing || off > 0.35 * length) continue;
                var key = (crossing[c], realRank[c - 1] ? 0 : 1, off);
                if (key.CompareTo(pickKey) < 0) { pickKey = key; pick = c; }
            }
            if (pick > 0) cuts.Add(pick);
        }
        return cuts;
    }

    private static List<int>[] Apply(LGraph g, List<Point>[] routes, Point?[] labels, double[] start, double[] end, List<int> cuts, double gap)
    {
        int R = g.RankCount, S = cuts.Count + 1;
        var first = new int[S + 1];
        first[0] = 0;
        for (int s = 1; s < S; s++) first[s] = cuts[s - 1];
        first[S] = R;
        var line = new double[S]; // line[s]: the cut line before segment s (flow coordinate)
        for (int s = 1; s < S; s++) line[s] = (end[first[s] - 1] + start[first[s]]) / 2;
        int SegOf(double y) { int s = 0; while (s + 1 < S && y >= line[s + 1]) s++; return s; }
        var segOfRank = new int[R];
        for (int s = 0; s < S; s++) for (int r = first[s]; r < first[s + 1]; r++) segOfRank[r] = s;

        // Shifts: along the flow back to the top; across it, each segment after the previous one plus the gap.
        var dy = new double[S];
        var dx = new double[S];
        var segMin = new double[S];
        var segMax = new double[S];
        double prevRight = 0;
        for (int s = 0; s < S; s++)
        {
            dy[s] = start[first[s]] - start[0];
            double lo = s == 0 ? double.MinValue : line[s], hi = s == S - 1 ? double.MaxValue : line[s + 1];
            var (min, max) = CrossExtent(g, routes, labels, first[s], first[s + 1] - 1, lo, hi);
            (segMin[s], segMax[s]) = (min, max);
            dx[s] = s == 0 ? 0 : prevRight + gap - min;
            prevRight = max + dx[s];
        }
        bool lr = g.Options.Direction == LayoutDirection.LeftToRight;

        // Count the edges crossing each cut (routes, so a fan-out bundle's pieces count once per route).
        var crossers = new int[S];
        foreach (var pts in routes)
            for (int i = 1; i < pts.Count; i++)
                for (int s = Math.Min(SegOf(pts[i - 1].Y), SegOf(pts[i].Y)) + 1; s <= Math.Max(SegOf(pts[i - 1].Y), SegOf(pts[i].Y)); s++) crossers[s]++;

        var breaks = new List<int>[routes.Length];
        for (int i = 0; i < routes.Length; i++)
        {
            var pts = routes[i];
            var o = new List<Point>(pts.Count + 4);
            var br = new List<int>();
            Point Move(Point p, int s) => new(p.X + dx[s], p.Y - dy[s]);
            for (int j = 0; j < pts.Count; j++)
            {
                var p = pts[j];
                int sp = SegOf(p.Y);
                if (j > 0)
                {
                    var q = pts[j - 1];
                    int sq = SegOf(q.Y), step = sp > sq ? 1 : -1;
                    for (int s = sq; s != sp; s += step)
                    {
                        int cutSeg = step > 0 ? s + 1 : s; // the cut line crossed between s and s + step
                        double y = line[cutSeg], t = (y - q.Y) / (p.Y - q.Y), x = q.X + t * (p.X - q.X);
                        var a = Move(new Point(x, y), s);
                        var b = Move(new Point(x, y), s + step);
                        o.Add(a);
                        if (lr && step > 0 && crossers[cutSeg] == 1)
                        {
                            // The return line: down into the gutter, back along it, down to the next row.
                            double gutter = (segMax[s] + dx[s] + segMin[s + 1] + dx[s + 1]) / 2;
                            o.Add(new Point(gutter, a.Y));
                            o.Add(new Point(gutter, b.Y));
                        }
                        else br.Add(o.Count);
                        o.Add(b);
                    }
                }
                o.Add(Move(p, sp));
            }
            routes[i] = o;
            breaks[i] = br;
        }
        for (int i = 0; i < labels.Length; i++)
            if (labels[i] is Point l) labels[i] = new Point(l.X + dx[SegOf(l.Y)], l.Y - dy[SegOf(l.Y)]);
        for (int v = 0; v < g.N; v++) g.X[v] += dx[segOfRank[g.Rank[v]]];
        for (int r = 0; r < R; r++) g.RankTop[r] -= dy[segOfRank[r]];
        for (int c = 0; c < g.C; c++)
        {
            if (g.Top[c] > g.Bottom[c]) continue;
            int s = segOfRank[g.Top[c]];
            g.BoxLeft[c] += dx[s]; g.BoxRight[c] += dx[s];
            g.BoxTop[c] -= dy[s]; g.BoxBottom[c] -= dy[s];
        }
        return breaks;
    }

    // Cross-axis extent (internal x) of ranks r0..r1: their nodes, the clusters starting there, route points and
    // labels whose flow coordinate lies in [lo, hi).
    private static (double Min, double Max) CrossExtent(LGraph g, List<Point>[] routes, Point?[] labels, int r0, int r1, double lo, double hi)
    {
        double min = double.MaxValue, max = double.MinValue;
        for (int r = r0; r <= r1; r++)
            foreach (int v in g.Layers[r])
            {
                if (g.IsBorder(v)) continue;
                min = Math.Min(min, g.X[v] - g.LeftExt[v]);
                max = Math.Max(max, g.X[v] + g.RightExt[v]);
            }
        for (int c = 0; c < g.C; c++)
            if (g.Top[c] <= g.Bottom[c] && g.Top[c] >= r0 && g.Top[c] <= r1) { min = Math.Min(min, g.BoxLeft[c]); max = Math.Max(max, g.BoxRight[c]); }
        foreach (var pts in routes)
            foreach (var p in pts)
                if (p.Y >= lo && p.Y < hi) { min = Math.Min(min, p.X); max = Math.Max(max, p.X); }
        for (int i = 0; i < labels.Length; i++)
            if (labels[i] is Point l && l.Y >= lo && l.Y < hi)
            {
                min = Math.Min(min, l.X - g.Edges[i].LabelW / 2);
                max = Math.Max(max, l.X + g.Edges[i].LabelW / 2);
            }
        if (min > max) min = max = 0;
        return (min, max);
    }
}
