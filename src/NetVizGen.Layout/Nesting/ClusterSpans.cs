using NetVizGen.Layout.Graph;

namespace NetVizGen.Layout.Nesting;

/// <summary>
/// Nesting step: the rank span of each cluster, i.e. the first and last rank that holds one of its
/// (transitive) members. A cluster's box covers exactly these ranks, so its members are on contiguous ranks
/// by construction; the ordering phase then keeps them contiguous inside each rank
/// (Sander, "Layout of Compound Directed Graphs", 1996).
/// </summary>
/// <remarks>
/// Preconditions: real nodes are ranked. <br/>
/// Postconditions: Top[c] &lt;= Bottom[c] for every cluster (each has a leaf or a stand-in), and a child's span
/// lies inside its parent's.
/// </remarks>
internal static class ClusterSpans
{
    public static void Run(LGraph g)
    {
        g.Top = new int[g.C];
        g.Bottom = new int[g.C];
        Array.Fill(g.Top, int.MaxValue);
        Array.Fill(g.Bottom, int.MinValue);
        for (int v = 0; v < g.N; v++)
        {
            int r = g.Rank[v];
            for (int c = g.Cluster[v]; c >= 0; c = g.ClusterParent[c])
            {
                if (g.Top[c] <= r && g.Bottom[c] >= r) break; // ancestors already cover r
                g.Top[c] = Math.Min(g.Top[c], r);
                g.Bottom[c] = Math.Max(g.Bottom[c], r);
            }
        }
    }

    /// <summary>True when cluster <paramref name="c"/>'s box covers rank <paramref name="r"/>.</summary>
    public static bool Covers(LGraph g, int c, int r) => g.Top[c] <= r && r <= g.Bottom[c];
}
