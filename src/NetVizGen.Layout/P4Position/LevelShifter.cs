using NetVizGen.Layout.Graph;

namespace NetVizGen.Layout.P4Position;

/// <summary>
/// Phase 4c (only when the input set levels, <see cref="LayoutGraph.SetLevel"/>): moves every node across the
/// flow to its level, so an encoder–decoder network draws as the U of the U-Net paper: each resolution level is
/// one line, the encoder steps down it, the decoder steps back up, and each skip connection (both ends on one
/// level) runs straight along its level.
/// </summary>
/// <remarks>
/// Preconditions: x placed (<see cref="AlignedXPlacer"/>), so each rank's order and gaps are known. <br/>
/// Postconditions: node v's x is <c>C[level(v)] + rel(v)</c>, where rel is its offset from an anchor of the
/// nodes sharing its rank and level (their main-path node, else the one nearest the spine), so each
/// (rank, level) group keeps its order and gaps; levels are spaced so that groups of different levels in
/// one rank keep the node gap (deeper levels further along the cross axis). Ranks are untouched, so every
/// edge still points along the flow. A dummy takes the deeper of its edge's two end levels (an encoder edge steps
/// down as it leaves its stage, a decoder edge as it reaches its merge, so the skips, on shallower levels, run
/// alone and straight); a border or stand-in takes its cluster's level, the level of the cluster's first leaf
/// (clusters are expected to sit on one level). O(V · levels).
/// </remarks>
internal static class LevelShifter
{
    public static void Run(LGraph g)
    {
        if (g.LeafLevel.Length == 0) return;
        var level = Levels(g);
        int levels = 0;
        for (int v = 0; v < g.N; v++) levels = Math.Max(levels, level[v] + 1);

        // The spine's x before shifting: the leaf on the longest path (its alignment block runs straight).
        int spine = 0;
        for (int v = 1; v < g.LeafCount; v++)
            if (PathLength(g, v) > PathLength(g, spine)) spine = v;
        double spineX = g.LeafCount > 0 ? g.X[spine] : 0;

        var rel = new double[g.N];
        // Per rank and level: extent of the group relative to its anchor (lo, hi), NaN when the level is absent.
        var lo = new double[g.RankCount, levels];
        var hi = new double[g.RankCount, levels];
        for (int r = 0; r < g.RankCount; r++)
        {
            var anchor = new int[levels];
            Array.Fill(anchor, -1);
            foreach (int v in g.Layers[r])
            {
                int a = anchor[level[v]];
                if (a < 0 || Better(g, v, a, spineX)) anchor[level[v]] = v;
            }
            for (int b = 0; b < levels; b++) { lo[r, b] = double.NaN; hi[r, b] = double.NaN; }
            foreach (int v in g.Layers[r])
            {
                int b = level[v];
                rel[v] = g.X[v] - g.X[anchor[b]];
                double l = rel[v] - g.LeftExt[v], h = rel[v] + g.RightExt[v];
                lo[r, b] = double.IsNaN(lo[r, b]) ? l : Math.Min(lo[r, b], l);
                hi[r, b] = double.IsNaN(hi[r, b]) ? h : Math.Max(hi[r, b], h);
            }
        }

        // One visible step per level (the widest real box plus the node gap), more where groups would touch.
        double step = g.Options.NodeSpacing;
        for (int v = 0; v < g.N; v++) if (g.IsReal(v)) step = Math.Max(step, g.Width[v] + g.Options.NodeSpacing);
        var c = new double[levels];
        for (int b = 1; b < levels; b++)
        {
            c[b] = c[b - 1] + step;
            for (int r = 0; r < g.RankCount; r++)
            {
                if (double.IsNaN(lo[r, b])) continue;
                for (int a = 0; a < b; a++)
                    if (!double.IsNaN(hi[r, a])) c[b] = Math.Max(c[b], c[a] + hi[r, a] - lo[r, b] + g.Options.NodeSpacing);
            }
        }
        for (int r = 0; r < g.RankCount; r++)
            foreach (int v in g.Layers[r]) g.X[v] = spineX + c[level[v]] + rel[v];
    }

    // Anchor of a (rank, level) group: a real node before a dummy, then the longer main path, then nearest the spine.
    private static bool Better(LGraph g, int v, int a, double spineX)
    {
        bool rv = g.IsReal(v), ra = g.IsReal(a);
        if (rv != ra) return rv;
        int pv = PathLength(g, v), pa = PathLength(g, a);
        if (pv != pa) return pv > pa;
        return Math.Abs(g.X[v] - spineX) < Math.Abs(g.X[a] - spineX);
    }

    // Real nodes on the longest path through v (borders, added after the main paths were counted, have none).
    private static int PathLength(LGraph g, int v) => v < g.PathUp.Length ? g.PathUp[v] + g.PathDown[v] : 0;

    private static int[] Levels(LGraph g)
    {
        var clusterLevel = new int[g.C];
        var known = new bool[g.C];
        for (int v = 0; v < g.LeafCount; v++)
            for (int k = g.Cluster[v]; k >= 0 && !known[k]; k = g.ClusterParent[k]) { known[k] = true; clusterLevel[k] = g.LeafLevel[v]; }
        var level = new int[g.N];
        for (int v = 0; v < g.N; v++)
        {
            if (v < g.LeafCount) level[v] = g.LeafLevel[v];
            else if (g.IsDummy(v)) level[v] = Deeper(g, g.Edges[g.Owner[v]]);
            else if (g.Cluster[v] >= 0) level[v] = clusterLevel[g.Cluster[v]];
        }
        return level;
    }

    // The deeper level of an edge's two ends: an encoder edge steps down as it leaves its stage, a decoder edge
    // as it reaches its merge, so the skip connections, on the shallower levels, run alone and straight.
    private static int Deeper(LGraph g, LEdge e)
    {
        int LevelOf(int v) => v < g.LeafCount ? g.LeafLevel[v] : 0;
        return Math.Max(LevelOf(e.Source), LevelOf(e.Target));
    }
}
