using NetVizGen.Layout.Graph;

namespace NetVizGen.Layout.P4Position;

/// <summary>
/// Phase 4c: shortens edges after compaction. Each block moves, as a whole, toward the median offset of its
/// neighbours (priority-layout style, Sugiyama et al. 1981 §4), but never further than the free room on
/// both sides of every member allows; cluster borders move inward as far as they can, which tightens boxes.
/// A few Gauss-Seidel passes in block order.
/// </summary>
/// <remarks>
/// Preconditions: <see cref="LGraph.X"/> satisfies all separations; the root array groups nodes with
/// equal x. <br/>
/// Postconditions: separations still hold (every move is clamped to the room left), blocks stay straight,
/// borders of one cluster side stay aligned.
/// </remarks>
internal static class BlockRefiner
{
    public static void Run(LGraph g, int[] root, int passes = 6)
    {
        int n = g.N;
        // Members of each block, flattened (block = root).
        var count = new int[n + 1];
        for (int v = 0; v < n; v++) count[root[v] + 1]++;
        for (int i = 0; i < n; i++) count[i + 1] += count[i];
        var members = new int[n];
        var fill = (int[])count.Clone();
        for (int v = 0; v < n; v++) members[fill[root[v]]++] = v;

        // Title constraints bind a cluster's left border block to its right border block.
        var titlePartner = new Dictionary<int, (int Other, double Min, bool IsLeft)>();
        foreach (var (a, b, d) in AlignedXPlacer.TitleConstraints(g))
        {
            titlePartner[root[a]] = (b, d, true);
            titlePartner[root[b]] = (a, d, false);
        }
        var deltas = new List<double>();
        for (int pass = 0; pass < passes; pass++)
        {
            bool moved = false;
            for (int b = 0; b < n; b++)
            {
                int s = count[b], e = count[b + 1];
                if (s == e) continue;
                double lo = double.NegativeInfinity, hi = double.PositiveInfinity;
                deltas.Clear();
                for (int k = s; k < e; k++)
                {
                    int v = members[k];
                    int p = g.Pos[v];
                    var layer = g.Layers[g.Rank[v]];
                    if (p > 0) lo = Math.Max(lo, -(g.X[v] - g.X[layer[p - 1]] - AlignedXPlacer.Separation(g, layer[p - 1], v)));
                    if (p + 1 < layer.Length) hi = Math.Min(hi, g.X[layer[p + 1]] - g.X[v] - AlignedXPlacer.Separation(g, v, layer[p + 1]));
                    // Neighbours in the same block move along, so only outside ones pull.
                    for (int j = g.UpStart[v]; j < g.UpStart[v + 1]; j++)
                        if (root[g.UpAdj[j]] != b) deltas.Add(g.X[g.UpAdj[j]] - g.X[v]);
                    for (int j = g.DownStart[v]; j < g.DownStart[v + 1]; j++)
                        if (root[g.DownAdj[j]] != b) deltas.Add(g.X[g.DownAdj[j]] - g.X[v]);
                }
                if (titlePartner.TryGetValue(b, out var tp))
                {
                    int self = members[s];
                    if (tp.IsLeft) hi = Math.Min(hi, g.X[tp.Other] - g.X[self] - tp.Min);
                    else lo = Math.Max(lo, -(g.X[self] - g.X[tp.Other] - tp.Min));
                }
                double want;
                var kind = g.Kind[members[s]];
                if (kind == NodeKind.BorderLeft) want = hi;
                else if (kind == NodeKind.BorderRight) want = lo;
                else if (deltas.Count == 0) continue;
                else
                {
                    deltas.Sort();
                    int m = deltas.Count;
                    want = m % 2 == 1 ? deltas[m / 2] : (deltas[m / 2 - 1] + deltas[m / 2]) / 2;
                }
                double d = Math.Clamp(want, Math.Min(lo, 0), Math.Max(hi, 0));
                if (double.IsInfinity(d) || Math.Abs(d) < 1e-9) continue;
                for (int k = s; k < e; k++) g.X[members[k]] += d;
                moved = true;
            }
            if (!moved) break;
        }
    }
}
