using NetVizGen.Layout.Graph;
using NetVizGen.Layout.Nesting;

namespace NetVizGen.Layout.P2Rank;

/// <summary>
/// Splits every edge that spans more than one rank into a chain of dummy nodes, one per crossed rank
/// (dagre <c>normalize</c>, ELK <c>LongEdgeSplitter</c>), and turns one dummy of each labelled edge into a
/// label holder.
/// </summary>
/// <remarks>
/// Preconditions: ranks assigned, cluster spans known. <br/>
/// Postconditions: each non-self-loop edge has a <see cref="LEdge.Chain"/> with exactly one node per rank from
/// its source's rank to its target's; each dummy belongs to the deepest cluster around either end point whose
/// span covers the dummy's rank (so edges stay inside their clusters as long as they can, and leave them
/// beside the cluster otherwise); the up/down adjacency is built.
/// </remarks>
internal static class LongEdgeSplitter
{
    public static void Run(LGraph g)
    {
        var o = g.Options;
        foreach (var e in g.Edges)
        {
            if (e.IsSelfLoop)
            {
                // Reserve room on the right for the loop so it touches nothing.
                // (and for its label, which goes right of the loop, after the labels of earlier loops).
                int v = e.Source;
                double reserved = Math.Max(g.RightExt[v], g.Width[v] / 2 + P5Route.PolylineRouter.SelfLoopReach + 2);
                if (e.HasLabel)
                {
                    e.LoopLabelOffset = reserved - (g.Width[v] / 2 + P5Route.PolylineRouter.SelfLoopReach) + o.LabelGap;
                    reserved += o.LabelGap + e.LabelW;
                }
                g.RightExt[v] = reserved;
                e.Chain = [e.Source];
                continue;
            }
            int rs = g.Rank[e.Source], rt = g.Rank[e.Target];
            var chain = new int[rt - rs + 1];
            chain[0] = e.Source;
            chain[^1] = e.Target;
            int cs = g.Cluster[e.Source], ct = g.Cluster[e.Target];
            for (int r = rs + 1; r < rt; r++)
            {
                // The deeper of the two candidates wins, so a skip connection into a block runs inside the
                // block's box instead of leaving and re-entering it.
                int owner = DeepestCovering(g, cs, r);
                int other = DeepestCovering(g, ct, r);
                if (owner < 0 || (other >= 0 && g.ClusterDepth[other] > g.ClusterDepth[owner])) owner = other;
                chain[r - rs] = g.AddNode(NodeKind.EdgeDummy, 0, 0, owner, r, e.Index);
            }
            if (e.HasLabel && chain.Length > 2)
            {
                // The label sits on the first crossed rank, to the right of the line (dagre's labelpos "r").
                int d = chain[1];
                g.Kind[d] = NodeKind.LabelDummy;
                g.Width[d] = e.LabelW + o.LabelGap;
                g.Height[d] = e.LabelH;
                g.LeftExt[d] = 0;
                g.RightExt[d] = o.LabelGap + e.LabelW;
                e.LabelNode = d;
            }
            e.Chain = chain;
        }
        g.BuildAdjacency();
    }

    private static int DeepestCovering(LGraph g, int c, int r)
    {
        while (c >= 0 && !ClusterSpans.Covers(g, c, r)) c = g.ClusterParent[c];
        return c;
    }
}
