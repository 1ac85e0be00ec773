using NetVizGen.Layout.Graph;

namespace NetVizGen.Layout.P4Position;

/// <summary>
/// Phase 4a: the y coordinate of each rank. A rank is as tall as its tallest box; the gap between two ranks
/// is the rank spacing, or more where cluster boxes end and start: the bottom padding of every cluster that
/// ends there plus the padding and title band of every cluster that starts below (nested ones stack up).
/// </summary>
/// <remarks>
/// Preconditions: ranks and cluster spans known. <br/>
/// Postconditions: <see cref="LGraph.RankTop"/>/<see cref="LGraph.RankHeight"/> set, ranks in increasing y,
/// the start/end bands give the space each cluster box needs above its first rank
/// and below its last, and those bands of different clusters never overlap each other or another rank.
/// </remarks>
internal static class RankYPlacer
{
    public static void Run(LGraph g, out double[] startBand, out double[] endBand)
    {
        var o = g.Options;
        int R = g.RankCount;
        g.RankHeight = new double[R];
        for (int r = 0; r < R; r++)
            foreach (int v in g.Layers[r])
                if (!g.IsBorder(v)) g.RankHeight[r] = Math.Max(g.RankHeight[r], g.Height[v]);
        // A self loop's label sits beside its node, so the rank must be tall enough for it.
        foreach (var e in g.Edges)
            if (e.IsSelfLoop && e.HasLabel) g.RankHeight[g.Rank[e.Source]] = Math.Max(g.RankHeight[g.Rank[e.Source]], e.LabelH);

        // Children have larger indices than parents, so one backward pass nests the bands bottom-up.
        startBand = new double[g.C];
        endBand = new double[g.C];
        for (int c = g.C - 1; c >= 0; c--)
        {
            startBand[c] += o.ClusterPadding + g.TitleBand[c];
            endBand[c] += o.ClusterPadding;
            int p = g.ClusterParent[c];
            if (p < 0) continue;
            if (g.Top[p] == g.Top[c]) startBand[p] = Math.Max(startBand[p], startBand[c]);
            if (g.Bottom[p] == g.Bottom[c]) endBand[p] = Math.Max(endBand[p], endBand[c]);
        }
        var above = new double[R + 1];
        var below = new double[R + 1];
        for (int c = 0; c < g.C; c++)
        {
            if (g.Top[c] > g.Bottom[c]) continue;
            above[g.Top[c]] = Math.Max(above[g.Top[c]], startBand[c]);
            below[g.Bottom[c]] = Math.Max(below[g.Bottom[c]], endBand[c]);
        }

        g.RankTop = new double[R];
        double y = 0;
        for (int r = 0; r < R; r++)
        {
            if (r == 0) y = above[0];
            else
            {
                double need = below[r - 1] + above[r];
                // Two boxes meeting here also need a gap between them, as two nodes do.
                if (below[r - 1] > 0 || above[r] > 0) need += o.ClusterPadding;
                y += Math.Max(o.RankSpacing, need);
            }
            g.RankTop[r] = y;
            y += g.RankHeight[r];
        }
    }
}
