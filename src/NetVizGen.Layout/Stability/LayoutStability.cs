namespace NetVizGen.Layout.Stability;

/// <summary>
/// How much a layout moved between two versions of a graph (issue 10 §3, "layouts that stay put"), over the
/// leaves present in both (matched by id, i.e. module path). All four figures are in [0, 1].
/// </summary>
/// <param name="Matched">Leaves present in both layouts.</param>
/// <param name="Ord">Share of matched pairs that share a rank in both layouts and keep their left-right order
/// (1 = no reordering; 1 when there is no such pair).</param>
/// <param name="Lay">Share of matched leaves that keep their rank, a rank being known by the matched leaves in
/// it: a leaf keeps its rank when exactly the same matched leaves share its rank before and after. Ranks that
/// are inserted or removed, and the whole lower part moving down or up by some ranks, are allowed for.</param>
/// <param name="Disp">Mean displacement of matched leaves, after anchoring (the first matched leaf, in base
/// insertion order, kept in place), divided by the head diagram's diagonal.</param>
/// <param name="Ripple">Share of matched leaves that move (after anchoring) more than half the node gap.</param>
public readonly record struct StabilityFigures(int Matched, double Ord, double Lay, double Disp, double Ripple);

/// <summary>Computes <see cref="StabilityFigures"/> for a base and a head layout.</summary>
public static class LayoutStability
{
    /// <summary>Compares <paramref name="head"/> with <paramref name="base"/>.</summary>
    /// <param name="base">Layout before the edit.</param>
    /// <param name="head">Layout after the edit.</param>
    /// <param name="direction">Flow direction both were laid out with (ranks are rows in TB, columns in LR).</param>
    /// <param name="nodeGap">The node gap the layouts used; a move of more than half of it is a ripple.</param>
    public static StabilityFigures Compare(LayoutResult @base, LayoutResult head, LayoutDirection direction = LayoutDirection.TopToBottom, double nodeGap = 20)
    {
        ArgumentNullException.ThrowIfNull(@base);
        ArgumentNullException.ThrowIfNull(head);
        var ids = @base.Nodes.Keys.Where(head.Nodes.ContainsKey).ToList();
        int m = ids.Count;
        if (m == 0) return new StabilityFigures(0, 1, 1, 0, 0);
        bool lr = direction == LayoutDirection.LeftToRight;
        double Along(NodeLayout n) => lr ? n.X : n.Y;
        double Across(NodeLayout n) => lr ? n.Y : n.X;

        // Ranks: nodes of one rank share their centre along the flow (results are rounded to 0.01).
        int[] RankIndex(LayoutResult r)
        {
            var keys = ids.Select(id => Math.Round(Along(r.Nodes[id]), 1)).ToArray();
            var distinct = keys.Distinct().Order().ToList();
            return keys.Select(k => distinct.BinarySearch(k)).ToArray();
        }
        var rb = RankIndex(@base);
        var rh = RankIndex(head);

        // Same rank-mates before and after: the (base rank, head rank) group is the whole of both ranks.
        var both = new Dictionary<(int, int), int>();
        var inBase = new Dictionary<int, int>();
        var inHead = new Dictionary<int, int>();
        for (int i = 0; i < m; i++)
        {
            both[(rb[i], rh[i])] = both.GetValueOrDefault((rb[i], rh[i])) + 1;
            inBase[rb[i]] = inBase.GetValueOrDefault(rb[i]) + 1;
            inHead[rh[i]] = inHead.GetValueOrDefault(rh[i]) + 1;
        }
        int kept = 0;
        for (int i = 0; i < m; i++)
        {
            int g = both[(rb[i], rh[i])];
            if (g == inBase[rb[i]] && g == inHead[rh[i]]) kept++;
        }

        long pairs = 0, ordered = 0;
        // Pairs in one rank in both layouts: group by (base rank, head rank).
        foreach (var group in Enumerable.Range(0, m).GroupBy(i => (rb[i], rh[i])))
        {
            var members = group.ToArray();
            for (int a = 0; a < members.Length; a++)
                for (int b = a + 1; b < members.Length; b++)
                {
                    pairs++;
                    double db = Across(@base.Nodes[ids[members[a]]]) - Across(@base.Nodes[ids[members[b]]]);
                    double dh = Across(head.Nodes[ids[members[a]]]) - Across(head.Nodes[ids[members[b]]]);
                    if (Math.Sign(db) == Math.Sign(dh)) ordered++;
                }
        }

        var anchorB = @base.Nodes[ids[0]];
        var anchorH = head.Nodes[ids[0]];
        double dx = anchorB.X - anchorH.X, dy = anchorB.Y - anchorH.Y;
        double sum = 0;
        int ripple = 0;
        foreach (var id in ids)
        {
            var b = @base.Nodes[id];
            var h = head.Nodes[id];
            double d = Math.Sqrt(Math.Pow(h.X + dx - b.X, 2) + Math.Pow(h.Y + dy - b.Y, 2));
            sum += d;
            if (d > nodeGap / 2) ripple++;
        }
        double diagonal = Math.Max(1, Math.Sqrt(head.Width * head.Width + head.Height * head.Height));
        return new StabilityFigures(m, pairs == 0 ? 1 : (double)ordered / pairs, (double)kept / m, sum / m / diagonal, (double)ripple / m);
    }
}
