using NetVizGen.Layout.Graph;

namespace NetVizGen.Layout.P4Position;

/// <summary>
/// Phase 4b: x coordinates by vertical alignment into blocks and horizontal compaction, after Brandes &amp; Köpf,
/// "Fast and Simple Horizontal Coordinate Assignment" (2001), with two changes for network diagrams:
/// <list type="bullet">
/// <item>a node aligns with the neighbour on its <i>main path</i> (the neighbour with the most real nodes
/// on a path through it) rather than with its median neighbour, and only when that neighbour picks it back;
/// so the spine of a network becomes one straight block and skip connections run in their own straight
/// block beside it;</item>
/// <item>each cluster's left and right borders form blocks that nothing may cross (they are protected like
/// BK's inner segments, one class above long-edge segments), so cluster boxes are rectangles.</item>
/// </list>
/// A left-compacted and a right-compacted layout of the same blocks are averaged (so blocks stay straight); each satisfies every separation
/// constraint and the constraints are linear, so the average does too (unlike BK's median of four).
/// </summary>
/// <remarks>
/// Preconditions: layers with borders, <see cref="LGraph.Pos"/> consistent. <br/>
/// Postconditions: <see cref="LGraph.X"/> holds each node's anchor x; consecutive nodes a, b of a rank satisfy
/// X[b] - X[a] &gt;= RightExt[a] + gap + LeftExt[b]; all border nodes of one side of a cluster share one x.
/// O(V + E) apart from small per-node sorts.
/// </remarks>
internal static class AlignedXPlacer
{
    public static void Run(LGraph g)
    {
        int n = g.N;
        var root = Align(g, g.PathUp, g.PathDown, leftToRight: true);
        var left = Compact(g, root, leftToRight: true);
        var right = Compact(g, root, leftToRight: false);
        if (left is null || right is null)
        {
            // Unreachable when alignments never cross; kept so that a bug degrades the drawing, not the run.
            root = Identity(n);
            left = Compact(g, root, leftToRight: true)!;
            right = Compact(g, root, leftToRight: false)!;
        }
        Normalize(g, left);
        Normalize(g, right);
        g.X = new double[n];
        for (int v = 0; v < n; v++) g.X[v] = (left[v] + right[v]) / 2;
        BlockRefiner.Run(g, root);
    }

    /// <summary>Gap required between consecutive nodes <paramref name="a"/> (left) and <paramref name="b"/>.</summary>
    internal static double Gap(LGraph g, int a, int b)
    {
        var o = g.Options;
        if (g.Kind[a] == NodeKind.BorderLeft || g.Kind[b] == NodeKind.BorderRight) return o.ClusterPadding;
        if (g.IsDummy(a) && g.IsDummy(b)) return o.EdgeSpacing;
        return o.NodeSpacing;
    }

    internal static double Separation(LGraph g, int a, int b) => g.RightExt[a] + Gap(g, a, b) + g.LeftExt[b];

    private static int[] Align(LGraph g, int[] upScore, int[] downScore, bool leftToRight)
    {
        int n = g.N;
        var pu = Preferred(g, g.UpStart, g.UpAdj, upScore);
        var pd = Preferred(g, g.DownStart, g.DownAdj, downScore);
        // A fan-out bundle's trunk dummy feeds the next trunk dummy and the targets that split off there: it
        // continues the trunk, so the trunk is one straight block instead of breaking at every split.
        for (int v = 0; v < n; v++)
            if (g.IsDummy(v) && g.DownStart[v + 1] - g.DownStart[v] > 1)
                for (int k = g.DownStart[v]; k < g.DownStart[v + 1]; k++)
                    if (g.IsDummy(g.DownAdj[k])) { pd[v] = g.DownAdj[k]; break; }
        for (int v = 0; v < n; v++)
            if (g.IsBorder(v) && g.BorderAbove[v] >= 0) { pu[v] = g.BorderAbove[v]; pd[g.BorderAbove[v]] = v; }
        // Candidate segment (pu[v], v): both ends choose each other.
        var cand = new bool[n];
        for (int v = 0; v < n; v++) cand[v] = pu[v] >= 0 && pd[pu[v]] == v;
        var marked = MarkConflicts(g, pu, cand);

        var root = new int[n];
        for (int v = 0; v < n; v++) root[v] = v;
        var natural = NaturalX(g, out var half);
        var spine = Spine(g, upScore, downScore);
        for (int r = 1; r < g.RankCount; r++)
        {
            var layer = g.Layers[r];
            int last = leftToRight ? -1 : int.MaxValue;
            for (int i = 0; i < layer.Length; i++)
            {
                int v = layer[leftToRight ? i : layer.Length - 1 - i];
                if (!cand[v] || marked[v]) continue;
                // A far-reaching alignment would drag whole ranks sideways (a staircase): refuse it, except
                // for cluster borders, which must stay aligned.
                // On the spine, the offset that only comes from centring ranks of different widths (a side
                // branch widening one rank) does not count: measured packed from the left or from the right instead.
                int u = pu[v];
                double off = Math.Abs(natural[u] - natural[v]);
                if (spine[u] && spine[v]) off = Math.Max(0, off - Math.Abs(half[g.Rank[u]] - half[g.Rank[v]]));
                if (!g.IsBorder(v) && off > Reach(g, u, v)) continue;
                int p = g.Pos[u];
                if (leftToRight ? p > last : p < last)
                {
                    root[v] = root[pu[v]];
                    last = p;
                }
            }
        }
        return root;
    }

    /// <summary>
    /// Nodes on a longest path (most real nodes) of their connected component: the network's spine. A side
    /// branch that widens a rank (a downsample cluster beside a block's last conv, say) shifts the spine's
    /// centred packed position on that rank, and the reach rule alone would then break the spine into a zig-zag.
    /// Ranks where the longest paths are not one node wide have no spine node.
    /// </summary>
    internal static bool[] Spine(LGraph g, int[] up, int[] down)
    {
        int n = Math.Min(g.N, Math.Min(up.Length, down.Length));
        var parent = new int[n];
        for (int v = 0; v < n; v++) parent[v] = v;
        int Find(int v)
        {
            while (parent[v] != v) { parent[v] = parent[parent[v]]; v = parent[v]; }
            return v;
        }
        for (int v = 0; v < n; v++)
            for (int k = g.DownStart[v]; k < g.DownStart[v + 1]; k++)
            {
                int a = Find(v), b = Find(g.DownAdj[k]);
                if (a != b) parent[Math.Max(a, b)] = Math.Min(a, b);
            }
        var len = new int[n];
        var best = new int[n];
        for (int v = 0; v < n; v++)
        {
            len[v] = up[v] + down[v] - (g.IsReal(v) ? 1 : 0);
            int c = Find(v);
            best[c] = Math.Max(best[c], len[v]);
        }
        var spine = new bool[g.N];
        var perRank = new int[g.RankCount];
        for (int v = 0; v < n; v++)
            if (len[v] > 0 && len[v] == best[Find(v)]) { spine[v] = true; perRank[g.Rank[v]]++; }
        // Only where the spine is one node wide: where several longest paths run side by side (random DAGs,
        // equally long parallel branches) there is no single line to keep straight.
        for (int v = 0; v < n; v++) if (spine[v] && perRank[g.Rank[v]] > 1) spine[v] = false;
        return spine;
    }

    /// <summary>
    /// How far apart (in packed-rank terms) two nodes may be and still be aligned: about their own widths.
    /// Measured on the corpus: letting long-edge segments reach further straightens them but widens dense
    /// graphs a lot (DenseNet-121 area +85 %), so they get the same rule.
    /// </summary>
    private static double Reach(LGraph g, int u, int v) => g.Width[u] / 2 + g.Width[v] / 2 + 2 * g.Options.NodeSpacing;

    /// <summary>Each node's x if its rank were packed tightly and centred on 0.</summary>
    private static double[] NaturalX(LGraph g, out double[] half)
    {
        var x = new double[g.N];
        half = new double[g.RankCount];
        for (int r = 0; r < g.Layers.Length; r++)
        {
            var layer = g.Layers[r];
            double at = 0;
            for (int i = 0; i < layer.Length; i++)
            {
                if (i > 0) at += Separation(g, layer[i - 1], layer[i]);
                x[layer[i]] = at;
            }
            foreach (int v in layer) x[v] -= at / 2;
            half[r] = at / 2;
        }
        return x;
    }

    private static int[] Identity(int n)
    {
        var a = new int[n];
        for (int i = 0; i < n; i++) a[i] = i;
        return a;
    }

    /// <summary>For each node, the neighbour (up or down) on its main path (see <see cref="MainPath.Preferred"/>).</summary>
    private static int[] Preferred(LGraph g, int[] start, int[] adj, int[] score)
    {
        var pref = new int[g.N];
        Array.Fill(pref, -1);
        for (int v = 0; v < g.N; v++)
            if (start[v] < start[v + 1]) pref[v] = adj[MainPath.Preferred(adj, start[v], start[v + 1], score)];
        return pref;
    }

    /// <summary>
    /// Marks candidate segments that cross a protected one: border segments (class 2) beat everything, long-edge
    /// segments (class 1) beat segments with a real end (BK's type 1 conflicts).
    /// </summary>
    private static bool[] MarkConflicts(LGraph g, int[] pu, bool[] cand)
    {
        var marked = new bool[g.N];
        for (int r = 1; r < g.RankCount; r++)
        {
            var lower = g.Layers[r];
            int upperLast = g.Layers[r - 1].Length - 1;
            for (int cls = 2; cls >= 1; cls--)
            {
                int k0 = 0, scan = 0;
                for (int l = 0; l < lower.Length; l++)
                {
                    int v = lower[l];
                    bool inner = cand[v] && Class(g, pu[v], v) == cls;
                    if (!inner && l != lower.Length - 1) continue;
                    int k1 = inner ? g.Pos[pu[v]] : upperLast;
                    for (; scan <= l; scan++)
                    {
                        int w = lower[scan];
                        if (!cand[w] || Class(g, pu[w], w) >= cls) continue;
                        int p = g.Pos[pu[w]];
                        if (p < k0 || p > k1) marked[w] = true;
                    }
                    k0 = k1;
                }
            }
        }
        return marked;
    }

    private static int Class(LGraph g, int u, int v) =>
        g.IsBorder(u) && g.IsBorder(v) ? 2 : g.IsDummy(u) && g.IsDummy(v) ? 1 : 0;

    /// <summary>
    /// Longest-path compaction on the block graph (an edge per pair of rank neighbours): blocks go as far left
    /// (or right) as the separations allow. Returns null if the alignment produced a cycle (never expected).
    /// </summary>
    private static double[]? Compact(LGraph g, int[] root, bool leftToRight)
    {
        int n = g.N;
        // Constraint edges between blocks: rank neighbours, plus each cluster's left border to its right
        // border when the title needs the box wider than its members do.
        var extra = TitleConstraints(g);
        var outCount = new int[n + 1];
        var inDeg = new int[n];
        foreach (var layer in g.Layers)
            for (int i = 0; i + 1 < layer.Length; i++) { outCount[root[layer[i]] + 1]++; inDeg[root[layer[i + 1]]]++; }
        foreach (var (a, b, _) in extra) { outCount[root[a] + 1]++; inDeg[root[b]]++; }
        for (int i = 0; i < n; i++) outCount[i + 1] += outCount[i];
        var to = new int[outCount[n]];
        var w = new double[outCount[n]];
        var fill = (int[])outCount.Clone();
        foreach (var layer in g.Layers)
            for (int i = 0; i + 1 < layer.Length; i++)
            {
                int a = layer[i], b = layer[i + 1], k = fill[root[a]]++;
                to[k] = root[b];
                w[k] = Separation(g, a, b);
            }
        foreach (var (a, b, d) in extra)
        {
            int k = fill[root[a]]++;
            to[k] = root[b];
            w[k] = d;
        }

        var order = new int[n];
        int head = 0, tail = 0, blocks = 0;
        for (int v = 0; v < n; v++)
        {
            if (root[v] != v) continue;
            blocks++;
            if (inDeg[v] == 0) order[tail++] = v;
        }
        while (head < tail)
        {
            int b = order[head++];
            for (int k = outCount[b]; k < outCount[b + 1]; k++)
                if (--inDeg[to[k]] == 0) order[tail++] = to[k];
        }
        if (tail != blocks) return null;

        var xb = new double[n];
        if (leftToRight)
        {
            for (int i = 0; i < tail; i++)
            {
                int b = order[i];
                for (int k = outCount[b]; k < outCount[b + 1]; k++) xb[to[k]] = Math.Max(xb[to[k]], xb[b] + w[k]);
            }
        }
        else
        {
            for (int i = tail - 1; i >= 0; i--)
            {
                int b = order[i];
                double x = 0;
                for (int k = outCount[b]; k < outCount[b + 1]; k++) x = Math.Min(x, xb[to[k]] - w[k]);
                xb[b] = x;
            }
        }
        var x2 = new double[n];
        for (int v = 0; v < n; v++) x2[v] = xb[root[v]];
        return x2;
    }

    /// <summary>
    /// For each cluster whose title is wider than the room its members leave: (a left border, a right border,
    /// minimum distance). Left border is left of right border on every rank, so these edges keep the block
    /// graph acyclic.
    /// </summary>
    internal static List<(int Left, int Right, double Min)> TitleConstraints(LGraph g)
    {
        var list = new List<(int, int, double)>();
        if (g.C == 0) return list;
        var lb = new int[g.C];
        var rb = new int[g.C];
        Array.Fill(lb, -1);
        Array.Fill(rb, -1);
        for (int v = 0; v < g.N; v++)
        {
            if (g.Kind[v] == NodeKind.BorderLeft && lb[g.Cluster[v]] < 0) lb[g.Cluster[v]] = v;
            else if (g.Kind[v] == NodeKind.BorderRight && rb[g.Cluster[v]] < 0) rb[g.Cluster[v]] = v;
        }
        for (int c = 0; c < g.C; c++)
            if (g.TitleCross[c] > 0 && lb[c] >= 0 && rb[c] >= 0)
                list.Add((lb[c], rb[c], g.TitleCross[c] + 2 * g.Options.ClusterPadding));
        return list;
    }

    private static void Normalize(LGraph g, double[] x)
    {
        double min = double.MaxValue;
        for (int v = 0; v < g.N; v++) min = Math.Min(min, x[v] - g.LeftExt[v]);
        if (g.N == 0) return;
        for (int v = 0; v < g.N; v++) x[v] -= min;
    }
}
