using NetVizGen.Layout.Graph;
using NetVizGen.Layout.Nesting;

namespace NetVizGen.Layout.P2Rank;

/// <summary>
/// Splits every edge that spans more than one rank into a chain of dummy nodes, one per crossed rank
/// (dagre <c>normalize</c>, ELK <c>LongEdgeSplitter</c>), and turns one dummy of each labelled edge into a
/// label holder. With <see cref="LayoutOptions.BundleFanOut"/>, edges leaving the same node share their dummies
/// rank by rank as long as they pass through the same cluster (a prefix tree rooted at the source: they split,
/// never merge again), so a source feeding k later nodes (k at least <see cref="LayoutOptions.BundleMinFanOut"/>, or at least 2 into one cluster) costs one chain of dummies down to its last target
/// instead of k chains.
/// </summary>
/// <remarks>
/// Preconditions: ranks assigned, cluster spans known. <br/>
/// Postconditions: each non-self-loop edge has a chain (<see cref="LEdge.At"/>) with exactly one node per rank from
/// its source's rank to its target's; each dummy belongs to the deepest cluster around either end point whose
/// span covers the dummy's rank (so edges stay inside their clusters as long as they can, and leave them
/// beside the cluster otherwise); every dummy has exactly one node above it; a dummy shared by several edges
/// holds at most one label; the up/down adjacency is built (each node pair once per distinct edge path).
/// </remarks>
internal static class LongEdgeSplitter
{
    public static void Run(LGraph g)
    {
        var o = g.Options;
        // Shared dummies of fan-out bundles: (node above, owning cluster) -> dummy below it. Looked up in edge
        // order, so the same input always builds the same tree.
        var next = o.BundleFanOut ? new Dictionary<(int Above, int Owner), int>() : null;
        // Edges of one source into one target cluster pass the same owners rank by rank, so they share one path
        // that only grows: (source, target cluster) -> that path and its length. Each edge then costs O(1) plus
        // whatever it adds to the path, which keeps a dense block's splitting O(n²).
        var paths = o.BundleFanOut ? new Dictionary<(int Source, int TargetCluster), (int[] Path, int Length)>() : null;
        // Long edges per source and per (source, target cluster): a source with many, or with two or more into
        // one cluster (a dense block's cats), is bundled; a few into different clusters (branches) is not.
        var longOut = new int[g.N];
        var longInto = new Dictionary<(int, int), int>();
        foreach (var e in g.Edges)
            if (IsLong(g, e))
            {
                longOut[e.Source]++;
                longInto[(e.Source, g.Cluster[e.Target])] = longInto.GetValueOrDefault((e.Source, g.Cluster[e.Target])) + 1;
            }
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
                e.Path = [e.Source];
                e.ChainLength = 1;
                continue;
            }
            int rs = g.Rank[e.Source], rt = g.Rank[e.Target];
            int hops = rt - rs - 1;
            e.ChainLength = hops + 2;
            int cs = g.Cluster[e.Source], ct = g.Cluster[e.Target];
            if (hops == 0) { e.Path = [e.Source]; continue; }
            // A second label cannot sit on a shared first dummy: such an edge gets its own chain.
            bool share = paths is not null && IsLong(g, e) && (longOut[e.Source] >= o.BundleMinFanOut || longInto[(e.Source, ct)] >= 2) && !(e.HasLabel && FirstIsLabelled(g, next!, e.Source, cs, ct, rs));
            int[] path;
            int have;
            if (share && paths!.TryGetValue((e.Source, ct), out var known)) (path, have) = known;
            else { path = new int[hops + 1]; path[0] = e.Source; have = 1; }
            if (have < hops + 1)
            {
                if (path.Length < hops + 1) Array.Resize(ref path, Math.Max(hops + 1, Math.Min(2 * path.Length, rt - rs + 1 + 64)));
                for (int r = rs + have; r < rt; r++)
                {
                    // The deeper of the two candidates wins, so a skip connection into a block runs inside the
                    // block's box instead of leaving and re-entering it.
                    int owner = DeepestCovering(g, cs, r);
                    int other = DeepestCovering(g, ct, r);
                    if (owner < 0 || (other >= 0 && g.ClusterDepth[other] > g.ClusterDepth[owner])) owner = other;
                    int above = path[r - rs - 1];
                    if (share && next!.TryGetValue((above, owner), out int d)) { path[r - rs] = d; continue; }
                    path[r - rs] = g.AddNode(NodeKind.EdgeDummy, 0, 0, owner, r, e.Index);
                    if (share) next![(above, owner)] = path[r - rs];
                }
                have = hops + 1;
            }
            if (share) paths![(e.Source, ct)] = (path, have);
            e.Path = path;
            if (e.HasLabel)
            {
                // The label sits on the first crossed rank, to the right of the line (dagre's labelpos "r").
                int d = path[1];
                g.Kind[d] = NodeKind.LabelDummy;
                g.Width[d] = e.LabelW + o.LabelGap;
                g.Height[d] = e.LabelH;
                g.LeftExt[d] = 0;
                g.RightExt[d] = o.LabelGap + e.LabelW;
                e.LabelNode = d;
            }
        }
        g.BuildAdjacency();
    }

    /// <summary>
    /// Longer than it must be: an edge of minimum length (2 ranks when labels give every edge a middle rank) is a
    /// main-path step, drawn straight, never part of a bundle.
    /// </summary>
    private static bool IsLong(LGraph g, LEdge e) => !e.IsSelfLoop && g.Rank[e.Target] - g.Rank[e.Source] > Math.Max(1, e.MinLen);

    /// <summary>Whether the shared dummy this edge would start with already holds another edge's label.</summary>
    private static bool FirstIsLabelled(LGraph g, Dictionary<(int Above, int Owner), int> next, int s, int cs, int ct, int rs)
    {
        int owner = DeepestCovering(g, cs, rs + 1);
        int other = DeepestCovering(g, ct, rs + 1);
        if (owner < 0 || (other >= 0 && g.ClusterDepth[other] > g.ClusterDepth[owner])) owner = other;
        return next.TryGetValue((s, owner), out int d) && g.Kind[d] == NodeKind.LabelDummy;
    }

    private static int DeepestCovering(LGraph g, int c, int r)
    {
        while (c >= 0 && !ClusterSpans.Covers(g, c, r)) c = g.ClusterParent[c];
        return c;
    }
}
