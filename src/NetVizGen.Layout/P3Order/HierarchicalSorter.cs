using NetVizGen.Layout.Graph;

namespace NetVizGen.Layout.P3Order;

/// <summary>
/// Reorders one rank by barycenter while keeping every cluster contiguous, recursively: inside each cluster
/// the items (its direct nodes and its child clusters as blocks) are sorted, a block's value being the mean of
/// its nodes' values (dagre <c>sort-subgraph</c>; Sander 1996). Sibling clusters are then put back in the order
/// of their global keys, so two clusters that share ranks are in the same left-to-right order on every rank
/// (otherwise their boxes would overlap).
/// </summary>
/// <remarks>
/// Preconditions: the value array holds a barycenter per node of the rank, or NaN for "keep in place". <br/>
/// Postconditions: the rank holds the same nodes; each cluster's nodes are contiguous; sibling clusters follow
/// <see cref="LGraph.ClusterKey"/>; each cluster's desired barycenter is added to the key accumulators.
/// </remarks>
internal sealed class HierarchicalSorter
{
    private readonly LGraph _g;
    private readonly List<int>?[] _items;
    private readonly int[] _stamp;
    private readonly double[] _sum;
    private readonly int[] _cnt;
    private readonly List<int> _root = [];
    private readonly List<int> _chain = [];
    private int _now;
    private double[] _keys = new double[16];
    private int[] _perm = new int[16];

    public readonly double[] KeySum;
    public readonly int[] KeyCount;

    public HierarchicalSorter(LGraph g)
    {
        _g = g;
        _items = new List<int>?[g.C];
        _stamp = new int[g.C];
        _sum = new double[g.C];
        _cnt = new int[g.C];
        KeySum = new double[g.C];
        KeyCount = new int[g.C];
    }

    /// <summary>Sorts <paramref name="layer"/> in place. Items are nodes (&gt;= 0) or clusters (~c).</summary>
    public void Sort(int[] layer, double[] value, double scale)
    {
        var g = _g;
        _now++;
        _root.Clear();
        foreach (int v in layer)
        {
            double b = value[v];
            int c = g.Cluster[v];
            // Register the clusters above v that this rank has not seen yet, outermost first, so that each
            // appears in its parent's item list at its first member (keeping the current order).
            _chain.Clear();
            for (int k = c; k >= 0 && _stamp[k] != _now; k = g.ClusterParent[k]) _chain.Add(k);
            for (int i = _chain.Count - 1; i >= 0; i--)
            {
                int k = _chain[i];
                _stamp[k] = _now;
                _sum[k] = 0;
                _cnt[k] = 0;
                (_items[k] ??= []).Clear();
                List(g.ClusterParent[k]).Add(~k);
            }
            List(c).Add(v);
            if (!double.IsNaN(b))
                for (int k = c; k >= 0; k = g.ClusterParent[k]) { _sum[k] += b; _cnt[k]++; }
        }
        int at = 0;
        Emit(_root, layer, ref at, value, scale);
    }

    private List<int> List(int c) => c < 0 ? _root : _items[c]!;

    private void Emit(List<int> items, int[] layer, ref int at, double[] value, double scale)
    {
        int k = items.Count;
        if (_keys.Length < k) { _keys = new double[k * 2]; _perm = new int[k * 2]; }
        // Sortable items (with a value) are sorted; the others keep their index (dagre's "unsortable").
        int ns = 0;
        for (int i = 0; i < k; i++)
        {
            double b = Value(items[i], value);
            if (!double.IsNaN(b)) { _keys[ns] = b; _perm[ns++] = i; }
        }
        SortStable(ns);
        CentreMainPaths(items, ns);
        var sorted = System.Buffers.ArrayPool<int>.Shared.Rent(k);
        int next = 0;
        for (int i = 0; i < k; i++)
            sorted[i] = double.IsNaN(Value(items[i], value)) ? items[i] : items[_perm[next++]];
        OrderGroups.Apply(_g, sorted, k);

        // Sibling clusters take the slots clusters got, in key order (ties by cluster index).
        int nc = 0;
        for (int i = 0; i < k; i++) if (sorted[i] < 0) { _keys[nc] = _g.ClusterKey[~sorted[i]]; _perm[nc++] = ~sorted[i]; }
        if (nc > 1)
        {
            SortStable(nc);
            for (int i = 0, j = 0; i < k; i++) if (sorted[i] < 0) sorted[i] = ~_perm[j++];
        }

        for (int i = 0; i < k; i++)
        {
            int item = sorted[i];
            if (item >= 0) { layer[at++] = item; continue; }
            int c = ~item;
            if (_cnt[c] > 0) { KeySum[c] += _sum[c] / _cnt[c] * scale; KeyCount[c]++; }
            Emit(_items[c]!, layer, ref at, value, scale);
        }
        System.Buffers.ArrayPool<int>.Shared.Return(sorted);
    }

    /// <summary>Sorts _perm[0..n) by _keys, ties by the _perm value itself (so the result is stable).</summary>
    private void SortStable(int n)
    {
        Array.Sort(_keys, _perm, 0, n);
        for (int i = 0; i < n;)
        {
            int j = i + 1;
            while (j < n && _keys[j] == _keys[i]) j++;
            if (j - i > 1) Array.Sort(_perm, i, j - i);
            i = j;
        }
    }

    /// <summary>
    /// Items with equal values (typically the children of one node) are equally good for crossings; put the
    /// one on the main path in the middle of its group, so fan-outs spread to both sides of a straight spine.
    /// </summary>
    private void CentreMainPaths(List<int> items, int ns)
    {
        for (int i = 0; i < ns;)
        {
            int j = i + 1;
            while (j < ns && _keys[j] == _keys[i]) j++;
            if (j - i >= 3)
            {
                int best = -1, bestScore = -1;
                for (int k = i; k < j; k++)
                {
                    int item = items[_perm[k]];
                    int score = item >= 0 ? _g.PathUp[item] + _g.PathDown[item] : -1;
                    // Strict '>' keeps the first (earliest) item on ties, as MainPath.Preferred does.
                    if (score > bestScore) { bestScore = score; best = k; }
                }
                if (best < 0) { i = j; continue; } // only clusters: nothing to centre
                int mid = i + (j - i - 1) / 2;
                int moved = _perm[best];
                if (best < mid) Array.Copy(_perm, best + 1, _perm, best, mid - best);
                else if (best > mid) Array.Copy(_perm, mid, _perm, mid + 1, best - mid);
                _perm[mid] = moved;
            }
            i = j;
        }
    }

    private double Value(int item, double[] value)
    {
        if (item >= 0) return value[item];
        int c = ~item;
        return _cnt[c] > 0 ? _sum[c] / _cnt[c] : double.NaN;
    }
}
