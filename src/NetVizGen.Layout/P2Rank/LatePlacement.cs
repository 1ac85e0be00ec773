using NetVizGen.Layout.Graph;

namespace NetVizGen.Layout.P2Rank;

/// <summary>
/// Phase 2, last step: a node with as many edges in as out can move between its predecessors and successors
/// without changing the total edge length; move it as low as it can go, so that side branches (a value
/// projection, a downsample path) sit just above where they are consumed. Their ranks then do not overlap
/// the fan-out's other branches, which keeps blocks narrow (a cheap relative of Graphviz's rank balancing).
/// </summary>
/// <remarks>
/// Preconditions: a feasible (ideally length-optimal) ranking. <br/>
/// Postconditions: still feasible, total edge length unchanged; only nodes with equal, non-zero in- and
/// out-degree moved, each down. Processed bottom-up so whole chains move together.
/// </remarks>
internal static class LatePlacement
{
    public static void Run(LGraph g)
    {
        int n = g.N;
        var inDeg = new int[n];
        var outStart = new int[n + 1];
        foreach (var e in g.Edges)
        {
            if (e.IsSelfLoop) continue;
            inDeg[e.Target]++;
            outStart[e.Source + 1]++;
        }
        for (int i = 0; i < n; i++) outStart[i + 1] += outStart[i];
        var outEdge = new int[outStart[n]];
        var fill = (int[])outStart.Clone();
        for (int i = 0; i < g.Edges.Count; i++)
            if (!g.Edges[i].IsSelfLoop) outEdge[fill[g.Edges[i].Source]++] = i;

        // Bottom-up (decreasing rank, then index): successors settle before their predecessors.
        var order = MainPath.ByRank(g);
        for (int i = n - 1; i >= 0; i--)
        {
            int v = order[i];
            int outDeg = outStart[v + 1] - outStart[v];
            if (outDeg == 0 || inDeg[v] != outDeg) continue;
            int lowest = int.MaxValue;
            for (int k = outStart[v]; k < outStart[v + 1]; k++)
            {
                var e = g.Edges[outEdge[k]];
                lowest = Math.Min(lowest, g.Rank[e.Target] - e.MinLen);
            }
            if (lowest > g.Rank[v]) g.Rank[v] = lowest;
        }
    }
}
