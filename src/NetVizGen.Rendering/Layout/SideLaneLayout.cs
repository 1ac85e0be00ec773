namespace NetVizGen.Rendering.Layout;

/// <summary>
/// Puts side computations (masks, position ids: <see cref="LayoutRequest.SideNodes"/>) on a lane beside
/// the main drawing instead of between its layers, as papers draw them. The inner layout runs without
/// them, so the main path is exactly what it would be if they did not exist; each side node is then
/// placed level with the first node it feeds, outside the drawing, and its edges enter their targets
/// from the side, or, when another box lies between the lane and the target, from before it (across the gap
/// between ranks), never through a box.
/// </summary>
/// <remarks>
/// Pre-condition: side nodes only send edges (what feeds them is folded into them), and an edge between
/// two side nodes is rare (two pieces in different clusters); it is drawn straight. Post-condition: no
/// side node overlaps a box or a cluster of the main drawing, and side nodes keep their request order
/// along the flow when their targets tie. Works in main/cross coordinates: main is the rank axis (y in
/// top-to-bottom, x in left-to-right), the lane is on the cross axis's low side (left, or above),
/// or on the high side when the way in from the low side is blocked by another box.
/// </remarks>
internal sealed class SideLaneLayout(IDiagramLayout inner) : IDiagramLayout
{
    /// <summary>Gap between the lane and the main drawing, and between stacked side nodes.</summary>
    public const double Gap = 24;
    private const double Stack = 12;

    public LayoutResult Run(LayoutRequest req)
    {
        var side = req.SideNodes;
        if (side.Count == 0 || side.Count == req.Nodes.Count) return inner.Run(req);

        var main = new LayoutRequest
        {
            Direction = req.Direction, NodeSpacing = req.NodeSpacing, RankSpacing = req.RankSpacing, ClusterPadding = req.ClusterPadding,
        };
        main.Clusters.AddRange(req.Clusters);
        main.Nodes.AddRange(req.Nodes.Where(n => !side.Contains(n.Id)));
        main.Edges.AddRange(req.Edges.Where(e => !side.Contains(e.Source) && !side.Contains(e.Target)));
        main.KeepOrder.AddRange(req.KeepOrder.Select(group => (IReadOnlyList<string>)group.Where(id => !side.Contains(id)).ToList()));
        var r = inner.Run(main);

        bool lr = req.Direction == LayoutDirection.LeftToRight;
        // (main, cross) view of a box: main along the flow, cross across it.
        (double M, double C, double MS, double CS) Mc(Box b) => lr ? (b.X, b.Y, b.Width, b.Height) : (b.Y, b.X, b.Height, b.Width);
        Box FromMc(double m, double c, double ms, double cs) => lr ? new Box(m, c, ms, cs) : new Box(c, m, cs, ms);
        Point P(double m, double c) => lr ? new Point(m, c) : new Point(c, m);

        var boxes = r.Nodes.Values.Concat(r.Clusters.Values).Select(Mc).ToList();
        double low = boxes.Count == 0 ? 0 : boxes.Min(b => b.C - b.CS / 2);
        double high = boxes.Count == 0 ? 0 : boxes.Max(b => b.C + b.CS / 2);
        var targetsOf = req.Edges.Where(e => side.Contains(e.Source) && r.Nodes.ContainsKey(e.Target)).ToLookup(e => e.Source, StringComparer.Ordinal);
        var nodeBoxes = r.Nodes.ToDictionary(p => p.Key, p => Mc(p.Value), StringComparer.Ordinal);

        // Lane, wanted main-axis centre, request order: one entry per side node.
        var wanted = new List<(string Id, double Width, double Height, bool High, double Main, int Order)>();
        int order = 0;
        foreach (var n in req.Nodes.Where(n => side.Contains(n.Id)))
        {
            bool hasTarget = targetsOf[n.Id].Any();
            var first = hasTarget ? targetsOf[n.Id].Select(e => nodeBoxes[e.Target]).OrderBy(b => b.M).First() : default;
            bool highSide = hasTarget && Blocked(nodeBoxes.Values, first, low, lowSide: true) && !Blocked(nodeBoxes.Values, first, high, lowSide: false);
            wanted.Add((n.Id, n.Width, n.Height, highSide, hasTarget ? first.M : double.MinValue, order++));
        }

        // Stack each lane along the flow: level with the target where free, else just after the previous one.
        var placed = new Dictionary<string, (double M, double C, double MS, double CS)>(StringComparer.Ordinal);
        foreach (var lane in new[] { false, true })
        {
            double next = double.MinValue;
            foreach (var w in wanted.Where(w => w.High == lane).OrderBy(w => w.Main).ThenBy(w => w.Order))
            {
                var (ms, cs) = lr ? (w.Width, w.Height) : (w.Height, w.Width);
                double m = w.Main == double.MinValue ? (boxes.Count == 0 ? 0 : boxes.Min(b => b.M - b.MS / 2)) + ms / 2 : w.Main;
                m = Math.Max(m, next + ms / 2);
                next = m + ms / 2 + Stack;
                double c = lane ? high + Gap + cs / 2 : low - Gap - cs / 2;
                placed[w.Id] = (m, c, ms, cs);
                r.Nodes[w.Id] = FromMc(m, c, ms, cs);
            }
        }

        // Edges: out of the lane side facing the drawing, along a short run in the gap, then into the
        // target's side, several edges into one target spread over its side.
        var into = req.Edges.Where(e => side.Contains(e.Source) && !side.Contains(e.Target)).GroupBy(e => e.Target, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Id).ToList(), StringComparer.Ordinal);
        var laneIndex = wanted.Select((w, i) => (w.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        foreach (var e in req.Edges.Where(e => side.Contains(e.Source)))
        {
            var s = placed[e.Source];
            bool highSide = s.C > high;
            double sign = highSide ? -1 : 1;
            double exit = s.C + sign * s.CS / 2;
            List<Point> points;
            if (placed.TryGetValue(e.Target, out var ts))
                points = [P(s.M + s.MS / 2, s.C), P(ts.M - ts.MS / 2, ts.C)];
            else if (nodeBoxes.TryGetValue(e.Target, out var t))
            {
                var peers = into[e.Target];
                int k = peers.IndexOf(e.Id) + 1;
                double run = exit + sign * (Gap / 2 - 4 + 2 * (laneIndex[e.Source] % 3));
                if (Blocked(nodeBoxes.Values, t, highSide ? high : low, lowSide: !highSide))
                {
                    // Another box lies between the lane and the target (the middle one of several heads in a row):
                    // a line level with the target would run through it and read as a chain of the two. Come in
                    // from before the target instead, across the gap between its rank and the previous one.
                    double top = t.M - t.MS / 2;
                    // Above every box level with the target, so the crossing meets none of a taller neighbour.
                    double rankTop = nodeBoxes.Values.Where(b => b.M - b.MS / 2 < t.M && t.M < b.M + b.MS / 2).Min(b => b.M - b.MS / 2);
                    double before = rankTop - Math.Min(Gap / 2, req.RankSpacing / 2) + 2 * (laneIndex[e.Source] % 3);
                    double tc = t.C - t.CS / 2 + t.CS * k / (peers.Count + 1);
                    points = [P(s.M, exit), P(s.M, run), P(before, run), P(before, tc), P(top, tc)];
                }
                else
                {
                    double tm = t.M - t.MS / 2 + t.MS * k / (peers.Count + 1);
                    double entry = t.C - sign * t.CS / 2;
                    points = Math.Abs(tm - s.M) < 0.5
                        ? [P(s.M, exit), P(tm, entry)]
                        : [P(s.M, exit), P(s.M, run), P(tm, run), P(tm, entry)];
                }
            }
            else continue;
            var a = points[^2];
            var b = points[^1];
            r.Edges[e.Id] = new EdgeRoute(points, new Point((a.X + b.X) / 2, (a.Y + b.Y) / 2));
        }
        Frame.Normalize(r);
        return r;
    }

    // Does a box of the drawing lie across the way from the lane (at `edge` of the drawing) into `target`, level with its centre?
    private static bool Blocked(IEnumerable<(double M, double C, double MS, double CS)> boxes, (double M, double C, double MS, double CS) target, double edge, bool lowSide)
    {
        double from = lowSide ? edge : target.C + target.CS / 2, to = lowSide ? target.C - target.CS / 2 : edge;
        foreach (var b in boxes)
        {
            if (b == target) continue;
            bool level = b.M - b.MS / 2 < target.M && target.M < b.M + b.MS / 2;
            bool between = b.C + b.CS / 2 > from && b.C - b.CS / 2 < to;
            if (level && between) return true;
        }
        return false;
    }
}
