using NetVizGen.Layout.Graph;

namespace NetVizGen.Layout.Nesting;

/// <summary>
/// Nesting step after ordering: puts a left and a right border node around each cluster's segment on every
/// rank of its span (dagre <c>add-border-segments</c>). The positioning phase aligns each cluster's left borders
/// (and right borders) into one vertical line, which makes the cluster box a rectangle that no non-member
/// crosses. A cluster with no member on some rank of its span gets an empty segment there, placed among its
/// siblings by key order.
/// </summary>
/// <remarks>
/// Preconditions: <see cref="LGraph.Layers"/> is cluster-contiguous with siblings in key order. <br/>
/// Postconditions: in every rank, each covering cluster's segment reads BorderLeft, members, BorderRight, nested
/// properly; <see cref="LGraph.BorderAbove"/> links each border to its twin one rank up;
/// <see cref="LGraph.Pos"/> is updated.
/// </remarks>
internal static class BorderNodes
{
    public static void Run(LGraph g)
    {
        if (g.C == 0) { g.ExtendAdjacency(); return; }
        int R = g.RankCount;
        var items = new List<int>?[g.C];
        var stamp = new int[g.C];
        var root = new List<int>();
        var lastLeft = new int[g.C];
        var lastRight = new int[g.C];
        Array.Fill(lastLeft, -1);
        Array.Fill(lastRight, -1);
        var chain = new List<int>();
        var output = new List<int>();
        for (int r = 0; r < R; r++)
        {
            int now = r + 1;
            root.Clear();
            List<int> ListOf(int c) => c < 0 ? root : items[c]!;
            void Register(int c)
            {
                stamp[c] = now;
                (items[c] ??= []).Clear();
            }
            // Rebuild the nesting tree of this rank from the order (contiguity makes each cluster appear once).
            foreach (int v in g.Layers[r])
            {
                chain.Clear();
                for (int k = g.Cluster[v]; k >= 0 && stamp[k] != now; k = g.ClusterParent[k]) chain.Add(k);
                for (int i = chain.Count - 1; i >= 0; i--) { Register(chain[i]); ListOf(g.ClusterParent[chain[i]]).Add(~chain[i]); }
                ListOf(g.Cluster[v]).Add(v);
            }
            // Covering clusters with no member here: insert among siblings by key (parents first, as indices are).
            for (int c = 0; c < g.C; c++)
            {
                if (stamp[c] == now || !ClusterSpans.Covers(g, c, r)) continue;
                Register(c);
                var siblings = ListOf(g.ClusterParent[c]);
                int at = siblings.Count;
                for (int i = 0; i < siblings.Count; i++)
                {
                    int s = siblings[i];
                    if (s < 0 && KeyLess(g, c, ~s)) { at = i; break; }
                }
                siblings.Insert(at, ~c);
            }
            output.Clear();
            Emit(g, root, r, output, items, lastLeft, lastRight);
            g.Layers[r] = [.. output];
        }
        g.ExtendAdjacency();
        BarycenterOrderer_UpdatePos(g);
    }

    private static bool KeyLess(LGraph g, int a, int b) =>
        g.ClusterKey[a] < g.ClusterKey[b] || (g.ClusterKey[a] == g.ClusterKey[b] && a < b);

    private static void Emit(LGraph g, List<int> list, int r, List<int> output, List<int>?[] items, int[] lastLeft, int[] lastRight)
    {
        foreach (int item in list)
        {
            if (item >= 0) { output.Add(item); continue; }
            int c = ~item;
            int lb = g.AddNode(NodeKind.BorderLeft, 0, 0, c, r, c);
            g.BorderAbove[lb] = lastLeft[c];
            lastLeft[c] = lb;
            output.Add(lb);
            Emit(g, items[c]!, r, output, items, lastLeft, lastRight);
            int rb = g.AddNode(NodeKind.BorderRight, 0, 0, c, r, c);
            g.BorderAbove[rb] = lastRight[c];
            lastRight[c] = rb;
            output.Add(rb);
        }
    }

    private static void BarycenterOrderer_UpdatePos(LGraph g) => P3Order.BarycenterOrderer.UpdatePos(g);
}
