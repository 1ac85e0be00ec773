using NetVizGen.Layout.Graph;

namespace NetVizGen.Layout.P2Rank;

/// <summary>
/// Phase 2: assigns each real node a rank (layer index) with the longest-path method, then pulls nodes
/// down toward their successors where that shortens the edges (a cheap stand-in for network simplex:
/// Gansner et al. 1993 §2; Healy &amp; Nikolov, "How to layer a directed acyclic graph", 2002).
/// </summary>
/// <remarks>
/// Preconditions: the edges (ignoring self loops) are acyclic (phase 1 ran). <br/>
/// Postconditions: for every non-self-loop edge, Rank[Target] - Rank[Source] &gt;= MinLen (so no edge points
/// against the flow, and none is flat); the smallest rank is 0; <see cref="LGraph.RankCount"/> is set.
/// Runs in O(V + E).
/// </remarks>
internal static class LongestPathRanker
{
    public static void Run(LGraph g)
    {
        int n = g.N;
        var outStart = new int[n + 1];
        var inDeg = new int[n];
        var outDeg = new int[n];
        foreach (var e in g.Edges)
        {
            if (e.IsSelfLoop) continue;
            outStart[e.Source + 1]++;
            inDeg[e.Target]++;
            outDeg[e.Source]++;
        }
        for (int i = 0; i < n; i++) outStart[i + 1] += outStart[i];
        var outEdge = new int[outStart[n]];
        var fill = (int[])outStart.Clone();
        for (int i = 0; i < g.Edges.Count; i++)
            if (!g.Edges[i].IsSelfLoop) outEdge[fill[g.Edges[i].Source]++] = i;

        // Kahn's algorithm with a FIFO queue seeded in node order: a deterministic topological order.
        var topo = new int[n];
        var pending = (int[])inDeg.Clone();
        int head = 0, tail = 0;
        for (int v = 0; v < n; v++) if (pending[v] == 0) topo[tail++] = v;
        var rank = new int[n];
        while (head < tail)
        {
            int v = topo[head++];
            for (int k = outStart[v]; k < outStart[v + 1]; k++)
            {
                var e = g.Edges[outEdge[k]];
                int w = e.Target;
                rank[w] = Math.Max(rank[w], rank[v] + e.MinLen);
                if (--pending[w] == 0) topo[tail++] = w;
            }
        }
        if (tail != n) throw new InvalidOperationException("Ranking needs an acyclic graph (phase 1 did not run).");

        // Longest path puts every node as high as it can go. Coordinate descent then moves single nodes
        // inside their slack to where their edges are shortest: down when more edges leave than enter, up when
        // more enter. Each move strictly shortens the total edge length, so this ends; a few passes suffice.
        var inStart = new int[n + 1];
        foreach (var e in g.Edges) if (!e.IsSelfLoop) inStart[e.Target + 1]++;
        for (int i = 0; i < n; i++) inStart[i + 1] += inStart[i];
        var inEdge = new int[inStart[n]];
        var inFill = (int[])inStart.Clone();
        for (int i = 0; i < g.Edges.Count; i++)
            if (!g.Edges[i].IsSelfLoop) inEdge[inFill[g.Edges[i].Target]++] = i;
        for (int pass = 0; pass < 8; pass++)
        {
            bool moved = false;
            for (int i = n - 1; i >= 0; i--)
            {
                int v = topo[i];
                if (outDeg[v] == 0 || inDeg[v] >= outDeg[v]) continue;
                int lowest = int.MaxValue;
                for (int k = outStart[v]; k < outStart[v + 1]; k++)
                    lowest = Math.Min(lowest, rank[g.Edges[outEdge[k]].Target] - g.Edges[outEdge[k]].MinLen);
                if (lowest > rank[v]) { rank[v] = lowest; moved = true; }
            }
            for (int i = 0; i < n; i++)
            {
                int v = topo[i];
                if (inDeg[v] == 0 || inDeg[v] <= outDeg[v]) continue;
                int highest = int.MinValue;
                for (int k = inStart[v]; k < inStart[v + 1]; k++)
                    highest = Math.Max(highest, rank[g.Edges[inEdge[k]].Source] + g.Edges[inEdge[k]].MinLen);
                if (highest < rank[v]) { rank[v] = highest; moved = true; }
            }
            if (!moved) break;
        }

        int min = int.MaxValue, max = 0;
        for (int v = 0; v < n; v++) { min = Math.Min(min, rank[v]); }
        if (n == 0) min = 0;
        for (int v = 0; v < n; v++) { g.Rank[v] = rank[v] - min; max = Math.Max(max, g.Rank[v]); }
        g.RankCount = n == 0 ? 0 : max + 1;
    }
}
