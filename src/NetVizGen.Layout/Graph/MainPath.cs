namespace NetVizGen.Layout.Graph;

/// <summary>
/// Main-path scores: for each node, how many real nodes lie on the longest path ending at it (PathUp) and
/// starting from it (PathDown). The node sequence with the highest sum is the network's spine; ordering centres
/// it among its siblings and positioning keeps it straight.
/// </summary>
/// <remarks>
/// Preconditions: long edges split (adjacency built). O(V log V + E). <br/>
/// Ties between neighbours are broken by edge insertion order (see <see cref="Preferred"/>): the first input
/// of an operation is, by PyTorch convention, its main input (x in <c>x + residual</c>).
/// </remarks>
internal static class MainPath
{
    /// <summary>Number of real nodes on the longest path ending at (up) or starting from (down) each node.</summary>
    public static void Run(LGraph g)
    {
        int n = g.N;
        var byRank = ByRank(g);
        var up = new int[n];
        var down = new int[n];
        foreach (int v in byRank)
            {
                int best = 0;
                for (int k = g.UpStart[v]; k < g.UpStart[v + 1]; k++) best = Math.Max(best, up[g.UpAdj[k]]);
                up[v] = best + (g.IsReal(v) ? 1 : 0);
            }
        for (int i = n - 1; i >= 0; i--)
            {
                int v = byRank[i];
                int best = 0;
                for (int k = g.DownStart[v]; k < g.DownStart[v + 1]; k++) best = Math.Max(best, down[g.DownAdj[k]]);
                down[v] = best + (g.IsReal(v) ? 1 : 0);
            }
        g.PathUp = up;
        g.PathDown = down;
    }

    /// <summary>Nodes sorted by rank, then index.</summary>
    public static int[] ByRank(LGraph g)
    {
        var byRank = new int[g.N];
        for (int v = 0; v < g.N; v++) byRank[v] = v;
        Array.Sort(byRank, (a, b) => g.Rank[a] != g.Rank[b] ? g.Rank[a].CompareTo(g.Rank[b]) : a.CompareTo(b));
        return byRank;
    }

    /// <summary>Index in adj[s..e) of the neighbour with the highest score; the first one (earliest edge) on ties.</summary>
    public static int Preferred(int[] adj, int s, int e, int[] score)
    {
        int best = s;
        for (int k = s + 1; k < e; k++) if (score[adj[k]] > score[adj[best]]) best = k;
        return best;
    }

}
