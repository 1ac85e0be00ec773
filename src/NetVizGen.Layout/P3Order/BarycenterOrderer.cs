using NetVizGen.Layout.Graph;

namespace NetVizGen.Layout.P3Order;

/// <summary>
/// Phase 3: orders the nodes inside each rank to reduce crossings: a depth-first initial order, then
/// alternating down and up barycenter sweeps (Sugiyama, Tagawa, Toda 1981; Gansner et al. 1993 §3), each rank
/// sorted by <see cref="HierarchicalSorter"/> so clusters stay contiguous, then adjacent swaps
/// (<see cref="Transposer"/>) inside clusters. The best order seen is kept.
/// </summary>
/// <remarks>
/// Preconditions: long edges split (every edge joins consecutive ranks); borders not yet added. <br/>
/// Postconditions: <see cref="LGraph.Layers"/> holds every non-border node once, in rank order; each cluster's
/// nodes are contiguous in each rank; sibling clusters appear in <see cref="LGraph.ClusterKey"/> order on every
/// rank; <see cref="LGraph.Pos"/> matches. Deterministic: ties are broken by current index.
/// </remarks>
internal static class BarycenterOrderer
{
    public static void Run(LGraph g)
    {
        InitialOrder(g);
        var sorter = new HierarchicalSorter(g);
        var counter = new CrossingCounter();
        var value = new double[g.N];
        int R = g.RankCount;
        if (R == 0) return;

        // Make the initial order cluster-contiguous (everything sortable by its current index).
        InitialKeys(g);
        for (int r = 0; r < R; r++) SortInPlace(g, sorter, value, r, keepCurrent: true);

        long best = counter.Count(g, g.Layers);
        var bestLayers = Copy(g.Layers);
        var bestKeys = (double[])g.ClusterKey.Clone();
        var startLayers = Copy(g.Layers);
        var startKeys = (double[])g.ClusterKey.Clone();
        var transposer = new Transposer(g);
        // Two runs from the same start, barycenter then weighted median (they fail on different graphs);
        // the best order of either is kept.
        foreach (bool median in (ReadOnlySpan<bool>)[false, true])
        {
            if (best == 0) break;
            g.Layers = Copy(startLayers);
            g.ClusterKey = (double[])startKeys.Clone();
            UpdatePos(g);
            int stale = 0;
            for (int it = 0; it < g.Options.OrderingSweeps && best > 0 && stale < 5; it++)
            {
                bool down = it % 2 == 0;
                Array.Clear(sorter.KeySum);
                Array.Clear(sorter.KeyCount);
                // The fixed first rank is re-sorted by its own order so it also follows the current keys.
                SortInPlace(g, sorter, value, down ? 0 : R - 1, keepCurrent: true);
                if (down) for (int r = 1; r < R; r++) SortRank(g, sorter, value, r, r - 1, median);
                else for (int r = R - 2; r >= 0; r--) SortRank(g, sorter, value, r, r + 1, median);
                // Equal-crossing swaps every other sweep help leave plateaus (Graphviz's "reverse" transpose).
                transposer.Run(down, allowEqual: it % 4 >= 2);

                long cross = counter.Count(g, g.Layers);
                if (cross < best)
                {
                    best = cross;
                    bestLayers = Copy(g.Layers);
                    bestKeys = (double[])g.ClusterKey.Clone();
                    stale = 0;
                }
                else
                {
                    stale++;
                }
                for (int c = 0; c < g.C; c++)
                    if (sorter.KeyCount[c] > 0) g.ClusterKey[c] = sorter.KeySum[c] / sorter.KeyCount[c];
            }
        }
        g.Layers = bestLayers;
        g.ClusterKey = bestKeys;
        UpdatePos(g);
    }

    /// <summary>
    /// A node with no neighbour on the fixed side (a source below the top rank, a sink above the bottom)
    /// would otherwise stay where it is while everything moves around it: use its other side's barycenter,
    /// rescaled to the fixed rank's length. NaN (keep the slot) if it has no neighbour at all.
    /// </summary>
    private static double OtherSide(LGraph g, int v, bool fromAbove, int fixedLength)
    {
        int[] start = fromAbove ? g.DownStart : g.UpStart, adj = fromAbove ? g.DownAdj : g.UpAdj;
        int s = start[v], e = start[v + 1];
        if (s == e) return double.NaN;
        double sum = 0;
        for (int k = s; k < e; k++) sum += g.Pos[adj[k]];
        int other = g.Layers[g.Rank[adj[s]]].Length;
        return (sum / (e - s) + 0.5) / other * fixedLength - 0.5;
    }

    private static void SortRank(LGraph g, HierarchicalSorter sorter, double[] value, int r, int fixedRank, bool median)
    {
        var layer = g.Layers[r];
        bool fromAbove = fixedRank < r;
        int[] start = fromAbove ? g.UpStart : g.DownStart, adj = fromAbove ? g.UpAdj : g.DownAdj;
        foreach (int v in layer)
        {
            int s = start[v], e = start[v + 1];
            if (s == e) { value[v] = OtherSide(g, v, fromAbove, g.Layers[fixedRank].Length); continue; }
            if (median && e - s > 1) { value[v] = WeightedMedian(g, adj, s, e); continue; }
            double sum = 0;
            for (int k = s; k < e; k++) sum += g.Pos[adj[k]];
            value[v] = sum / (e - s);
        }
        sorter.Sort(layer, value, 1.0 / Math.Max(1, g.Layers[fixedRank].Length));
        for (int i = 0; i < layer.Length; i++) g.Pos[layer[i]] = i;
    }

    /// <summary>Gansner et al.'s weighted median: the median position, interpolated toward the denser side for even counts.</summary>
    private static double WeightedMedian(LGraph g, int[] adj, int s, int e)
    {
        int k = e - s;
        var p = k <= 64 ? stackalloc double[k] : new double[k];
        for (int i = 0; i < k; i++) p[i] = g.Pos[adj[s + i]];
        p.Sort();
        int m = k / 2;
        if (k % 2 == 1) return p[m];
        if (k == 2) return (p[0] + p[1]) / 2;
        double left = p[m - 1] - p[0], right = p[k - 1] - p[m];
        return left + right == 0 ? (p[m - 1] + p[m]) / 2 : (p[m - 1] * right + p[m] * left) / (left + right);
    }

    private static void SortInPlace(LGraph g, HierarchicalSorter sorter, double[] value, int r, bool keepCurrent)
    {
        var layer = g.Layers[r];
        for (int i = 0; i < layer.Length; i++) value[layer[i]] = keepCurrent ? i : double.NaN;
        sorter.Sort(layer, value, 1.0 / Math.Max(1, layer.Length));
        for (int i = 0; i < layer.Length; i++) g.Pos[layer[i]] = i;
    }

    /// <summary>Depth-first order from the nodes in rank order (dagre <c>init-order</c>): connected nodes start close.</summary>
    internal static void InitialOrder(LGraph g)
    {
        int n = g.N, R = g.RankCount;
        if (g.PathDown.Length < n) MainPath.Run(g);
        var byRank = MainPath.ByRank(g);
        var children = new List<int>();
        var lists = new List<int>[R];
        for (int r = 0; r < R; r++) lists[r] = [];
        var seen = new bool[n];
        var stack = new Stack<int>();
        var reached = OrderGroups.FirstReached(g);
        foreach (int root in byRank)
        {
            if (seen[root]) continue;
            stack.Push(root);
            while (stack.Count > 0)
            {
                int v = stack.Pop();
                if (seen[v]) continue;
                seen[v] = true;
                lists[g.Rank[v]].Add(v);
                // Children in edge order, but the main-path child in the middle so that a fan-out spreads to
                // both sides of the spine; pushed in reverse so the first child is visited first.
                int s = g.DownStart[v], e = g.DownStart[v + 1];
                children.Clear();
                for (int k = s; k < e; k++) children.Add(g.DownAdj[k]);
                // Children that lead to outputs kept in order go in that order (and the spine is not centred among them).
                if (reached is not null && children.Select(c => reached[c]).Where(r => r != long.MaxValue).Distinct().Count() >= 2)
                {
                    var byOutput = children.Select((c, i) => (c, i)).OrderBy(p => reached[p.c]).ThenBy(p => p.i).Select(p => p.c).ToList();
                    children.Clear();
                    children.AddRange(byOutput);
                }
                else if (children.Count >= 3)
                {
                    int main = MainPath.Preferred(g.DownAdj, s, e, g.PathDown) - s;
                    int child = children[main];
                    children.RemoveAt(main);
                    children.Insert((children.Count) / 2, child);
                }
                for (int k = children.Count - 1; k >= 0; k--)
                    if (!seen[children[k]]) stack.Push(children[k]);
            }
        }
        g.Layers = new int[R][];
        for (int r = 0; r < R; r++) g.Layers[r] = [.. lists[r]];
        g.Pos = new int[n];
        UpdatePos(g);
    }

    /// <summary>Initial sibling keys: each cluster's mean relative position in the initial order.</summary>
    private static void InitialKeys(LGraph g)
    {
        var sum = new double[g.C];
        var cnt = new int[g.C];
        foreach (var layer in g.Layers)
            for (int i = 0; i < layer.Length; i++)
                for (int c = g.Cluster[layer[i]]; c >= 0; c = g.ClusterParent[c]) { sum[c] += (i + 0.5) / layer.Length; cnt[c]++; }
        g.ClusterKey = new double[g.C];
        for (int c = 0; c < g.C; c++) g.ClusterKey[c] = cnt[c] > 0 ? sum[c] / cnt[c] : 0;
    }

    internal static void UpdatePos(LGraph g)
    {
        if (g.Pos.Length < g.N) g.Pos = new int[g.N];
        foreach (var layer in g.Layers)
            for (int i = 0; i < layer.Length; i++) g.Pos[layer[i]] = i;
    }

    private static int[][] Copy(int[][] layers)
    {
        var copy = new int[layers.Length][];
        for (int r = 0; r < layers.Length; r++) copy[r] = (int[])layers[r].Clone();
        return copy;
    }
}
