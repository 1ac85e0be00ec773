using NetVizGen.Layout.Graph;

namespace NetVizGen.Layout.P3Order;

/// <summary>
/// Local refinement after each sweep: swaps two neighbours of a rank when that lowers the crossings with
/// both adjacent ranks (Gansner et al. 1993, "transpose"). Only two nodes of the same cluster are swapped,
/// so cluster contiguity and the sibling order survive.
/// </summary>
/// <remarks>
/// Preconditions: <see cref="LGraph.Layers"/> and <see cref="LGraph.Pos"/> consistent. <br/>
/// Postconditions: same, and the total crossing count did not grow.
/// </remarks>
internal sealed class Transposer
{
    private readonly LGraph _g;
    private int[] _up = new int[64], _down = new int[64];
    private int[] _upOff = new int[16], _downOff = new int[16];
    private bool[] _changed = [], _next = [];

    public Transposer(LGraph g) => _g = g;

    /// <summary>Maximum passes over all ranks; each pass costs O(E log E).</summary>
    public int MaxPasses { get; init; } = 8;

    public void Run(bool topDown, bool allowEqual = false)
    {
        var g = _g;
        int R = g.RankCount;
        // A rank needs another look only if it or a neighbouring rank changed in the previous pass.
        if (_changed.Length < R + 2) { _changed = new bool[R + 2]; _next = new bool[R + 2]; }
        Array.Fill(_changed, true, 0, R + 2);
        for (int pass = 0; pass < MaxPasses; pass++)
        {
            bool improved = false;
            Array.Clear(_next, 0, R + 2);
            for (int i = 0; i < R; i++)
            {
                int r = topDown ? i : R - 1 - i;
                // _changed is indexed r + 1 so that ranks -1 and R exist.
                if (!(_changed[r] || _changed[r + 1] || _changed[r + 2])) continue;
                if (TransposeRank(g.Layers[r], allowEqual && pass == 0)) { _next[r + 1] = true; improved = true; }
            }
            if (!improved) break;
            (_changed, _next) = (_next, _changed);
        }
    }

    private bool TransposeRank(int[] layer, bool allowEqual)
    {
        var g = _g;
        int n = layer.Length;
        if (n < 2) return false;
        Fill(layer, g.UpStart, g.UpAdj, ref _up, ref _upOff);
        Fill(layer, g.DownStart, g.DownAdj, ref _down, ref _downOff);
        // Slots follow the node, not the index: remember each index's slot and swap slots too.
        var slot = new int[n];
        for (int i = 0; i < n; i++) slot[i] = i;
        bool any = false, again = true;
        while (again)
        {
            again = false;
            for (int i = 0; i + 1 < n; i++)
            {
                int u = layer[i], v = layer[i + 1];
                if (g.Cluster[u] != g.Cluster[v] || OrderGroups.Pinned(g, u, v)) continue;
                int su = slot[i], sv = slot[i + 1];
                long uv = Cross(_up, _upOff, su, sv) + Cross(_down, _downOff, su, sv);
                if (uv == 0) continue;
                long vu = Cross(_up, _upOff, sv, su) + Cross(_down, _downOff, sv, su);
                if (vu < uv || (allowEqual && vu == uv && !again))
                {
                    layer[i] = v; layer[i + 1] = u;
                    g.Pos[v] = i; g.Pos[u] = i + 1;
                    slot[i] = sv; slot[i + 1] = su;
                    any = true;
                    again |= vu < uv;
                }
            }
        }
        return any;
    }

    /// <summary>Sorted neighbour positions of each node of the layer, flattened.</summary>
    private void Fill(int[] layer, int[] start, int[] adj, ref int[] buf, ref int[] off)
    {
        var g = _g;
        int n = layer.Length, total = 0;
        if (off.Length < n + 1) off = new int[(n + 1) * 2];
        for (int i = 0; i < n; i++) { off[i] = total; total += start[layer[i] + 1] - start[layer[i]]; }
        off[n] = total;
        if (buf.Length < total) buf = new int[total * 2];
        for (int i = 0; i < n; i++)
        {
            int v = layer[i], o = off[i];
            for (int k = start[v]; k < start[v + 1]; k++) buf[o++] = g.Pos[adj[k]];
            CrossingCounter.SmallSort(buf, off[i], o - off[i]);
        }
    }

    /// <summary>Crossings between the edges of slot a placed left of slot b: pairs with a's end right of b's.</summary>
    private static long Cross(int[] buf, int[] off, int a, int b)
    {
        int ai = off[a], ae = off[a + 1], bi = off[b], be = off[b + 1];
        if (ai == ae || bi == be) return 0;
        long count = 0;
        int j = bi;
        for (int i = ai; i < ae; i++)
        {
            while (j < be && buf[j] < buf[i]) j++;
            count += j - bi;
        }
        return count;
    }
}
