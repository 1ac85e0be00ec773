using NetVizGen.Layout.Graph;

namespace NetVizGen.Layout.P3Order;

/// <summary>
/// Counts edge crossings between consecutive ranks with an accumulator (Fenwick) tree, in
/// O(E log V) per rank pair (Barth, Mutzel, Jünger, "Simple and Efficient Bilayer Cross Counting", 2004).
/// </summary>
/// <remarks>Preconditions: <see cref="LGraph.Pos"/> holds each node's index in its layer.</remarks>
internal sealed class CrossingCounter
{
    private int[] _tree = new int[64];
    private int[] _scratch = new int[16];

    public long Count(LGraph g, int[][] layers)
    {
        long total = 0;
        for (int r = 0; r + 1 < layers.Length; r++) total += Count(g, layers[r], layers[r + 1].Length);
        return total;
    }

    /// <summary>Crossings among the edges from <paramref name="upper"/> to the next rank (of <paramref name="lowerLength"/> nodes).</summary>
    public long Count(LGraph g, int[] upper, int lowerLength)
    {
        if (_tree.Length < lowerLength + 1) _tree = new int[Math.Max(lowerLength + 1, _tree.Length * 2)];
        Array.Clear(_tree, 0, lowerLength + 1);
        long crossings = 0;
        int inserted = 0;
        foreach (int u in upper)
        {
            int s = g.DownStart[u], e = g.DownStart[u + 1], k = e - s;
            if (k == 0) continue;
            if (_scratch.Length < k) _scratch = new int[k * 2];
            for (int i = 0; i < k; i++) _scratch[i] = g.Pos[g.DownAdj[s + i]];
            if (k > 1) SmallSort(_scratch, 0, k);
            for (int i = 0; i < k; i++)
            {
                int p = _scratch[i] + 1;
                // Crossed by every earlier edge that ends further right.
                crossings += inserted - Prefix(p);
                for (int j = p; j <= lowerLength; j += j & -j) _tree[j]++;
                inserted++;
            }
        }
        return crossings;
    }

    /// <summary>Insertion sort for the short neighbour lists of most nodes (Array.Sort's call overhead dominates there).</summary>
    internal static void SmallSort(int[] a, int start, int length)
    {
        if (length > 16) { Array.Sort(a, start, length); return; }
        int end = start + length;
        for (int i = start + 1; i < end; i++)
        {
            int x = a[i], j = i - 1;
            while (j >= start && a[j] > x) { a[j + 1] = a[j]; j--; }
            a[j + 1] = x;
        }
    }

    private int Prefix(int p)
    {
        int s = 0;
        for (int j = p; j > 0; j -= j & -j) s += _tree[j];
        return s;
    }
}
