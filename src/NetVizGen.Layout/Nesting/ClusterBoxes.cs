using NetVizGen.Layout.Graph;

namespace NetVizGen.Layout.Nesting;

/// <summary>
/// Nesting step after positioning: each cluster's box. Left and right come from its (aligned) border nodes,
/// top and bottom from its first and last rank plus the bands reserved by <see cref="P4Position.RankYPlacer"/>.
/// </summary>
/// <remarks>
/// Preconditions: x and rank y placed; borders aligned. <br/>
/// Postconditions: <see cref="LGraph.BoxLeft"/> etc. hold every cluster's box in internal coordinates;
/// each box contains its members with padding and its children's boxes.
/// </remarks>
internal static class ClusterBoxes
{
    public static void Run(LGraph g, double[] startBand, double[] endBand)
    {
        g.BoxLeft = new double[g.C];
        g.BoxRight = new double[g.C];
        g.BoxTop = new double[g.C];
        g.BoxBottom = new double[g.C];
        Array.Fill(g.BoxLeft, double.MaxValue);
        Array.Fill(g.BoxRight, double.MinValue);
        for (int v = 0; v < g.N; v++)
        {
            int c = g.Cluster[v];
            if (g.Kind[v] == NodeKind.BorderLeft) g.BoxLeft[c] = Math.Min(g.BoxLeft[c], g.X[v]);
            else if (g.Kind[v] == NodeKind.BorderRight) g.BoxRight[c] = Math.Max(g.BoxRight[c], g.X[v]);
        }
        for (int c = 0; c < g.C; c++)
        {
            g.BoxTop[c] = g.RankTop[g.Top[c]] - startBand[c];
            g.BoxBottom[c] = g.RankTop[g.Bottom[c]] + g.RankHeight[g.Bottom[c]] + endBand[c];
        }
    }
}
