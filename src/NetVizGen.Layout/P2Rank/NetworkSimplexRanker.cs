using NetVizGen.Layout.Graph;

namespace NetVizGen.Layout.P2Rank;

/// <summary>
/// Phase 2, second step: improves a feasible ranking to one with minimum total edge length (so the fewest
/// dummy nodes, which means less ordering work and fewer crossings) by the network simplex method of
/// Gansner, Koutsofios, North, Vo, "A Technique for Drawing Directed Graphs" (1993), §2.3, as in dagre's
/// <c>rank/network-simplex</c>.
/// </summary>
/// <remarks>
/// Preconditions: <see cref="LGraph.Rank"/> is feasible (Rank[t] - Rank[s] &gt;= MinLen on every non-self-loop
/// edge), e.g. from <see cref="LongestPathRanker"/>. <br/>
/// Postconditions: ranks still feasible, total length no larger. Iterations are capped (deterministically),
/// and every intermediate solution is feasible, so stopping early is safe: iterations stop after
/// <c>maxIterations</c> or once the work (node visits) passes a budget, which bounds the quadratic worst case. Parallel edges are merged
/// (weights added); each connected component is hung from a virtual root by a zero-weight edge so that the
/// spanning tree is connected.
/// </remarks>
internal sealed class NetworkSimplexRanker
{
    private int _n, _m;
    private int[] _src = [], _dst = [], _len = [], _w = [];
    private int[] _incStart = [], _inc = [];
    private int[] _rank = [];
    private bool[] _treeEdge = [];
    private int[] _parentEdge = [], _low = [], _lim = [], _cut = [];

    /// <summary>Default cap on the work (node visits) of the simplex iterations: about 0.1 s; beyond it the
    /// current (feasible, partly optimised) ranking is kept, so very large graphs stay near-linear.</summary>
    public const long DefaultWorkBudget = 40_000_000;

    public static void Run(LGraph g, int maxIterations, long workBudget = DefaultWorkBudget)
    {
        var ns = new NetworkSimplexRanker();
        if (!ns.Build(g)) return;
        ns.FeasibleTree();
        ns.Solve(maxIterations, workBudget);
        for (int v = 0; v < g.N; v++) g.Rank[v] = ns._rank[v];
        int min = int.MaxValue, max = 0;
        for (int v = 0; v < g.N; v++) min = Math.Min(min, g.Rank[v]);
        for (int v = 0; v < g.N; v++) { g.Rank[v] -= min; max = Math.Max(max, g.Rank[v]); }
        g.RankCount = g.N == 0 ? 0 : max + 1;
    }

    private bool Build(LGraph g)
    {
        int n = g.N;
        if (n < 2) return false;
        // Merge parallel edges (key = source * n + target; dictionary only used for lookup, never iterated).
        var index = new Dictionary<long, int>();
        var src = new List<int>(); var dst = new List<int>(); var len = new List<int>(); var w = new List<int>();
        foreach (var e in g.Edges)
        {
            if (e.IsSelfLoop) continue;
            long key = (long)e.Source * n + e.Target;
            if (index.TryGetValue(key, out int k)) { w[k]++; len[k] = Math.Max(len[k], e.MinLen); continue; }
            index.Add(key, src.Count);
            src.Add(e.Source); dst.Add(e.Target); len.Add(e.MinLen); w.Add(1);
        }
        // Components (union-find); the virtual root n gets a zero-weight edge to each component's first node.
        var uf = new int[n];
        for (int i = 0; i < n; i++) uf[i] = i;
        int Find(int x) { while (uf[x] != x) { uf[x] = uf[uf[x]]; x = uf[x]; } return x; }
        for (int i = 0; i < src.Count; i++) uf[Find(src[i])] = Find(dst[i]);
        _rank = new int[n + 1];
        for (int v = 0; v < n; v++) _rank[v] = g.Rank[v];
        int minRank = 0;
        for (int v = 0; v < n; v++) minRank = Math.Min(minRank, _rank[v]);
        _rank[n] = minRank;
        var seen = new bool[n];
        for (int v = 0; v < n; v++)
        {
            int r = Find(v);
            if (seen[r]) continue;
            seen[r] = true;
            src.Add(n); dst.Add(v); len.Add(0); w.Add(0);
        }
        _n = n + 1;
        _m = src.Count;
        _src = [.. src]; _dst = [.. dst]; _len = [.. len]; _w = [.. w];
        _incStart = new int[_n + 1];
        for (int i = 0; i < _m; i++) { _incStart[_src[i] + 1]++; _incStart[_dst[i] + 1]++; }
        for (int i = 0; i < _n; i++) _incStart[i + 1] += _incStart[i];
        _inc = new int[_incStart[_n]];
        var fill = (int[])_incStart.Clone();
        for (int i = 0; i < _m; i++) { _inc[fill[_src[i]]++] = i; _inc[fill[_dst[i]]++] = i; }
        return true;
    }

    private int Slack(int e) => _rank[_dst[e]] - _rank[_src[e]] - _len[e];

    private int Other(int e, int v) => _src[e] == v ? _dst[e] : _src[e];

    /// <summary>Grows a spanning tree of tight edges, shifting the tree's ranks to tighten the closest edge when stuck.</summary>
    private void FeasibleTree()
    {
        _treeEdge = new bool[_m];
        var inTree = new bool[_n];
        var queue = new int[_n];
        int size = 0;
        int root = _n - 1;
        inTree[root] = true;
        var members = new List<int> { root };
        while (true)
        {
            // Extend over tight edges (breadth-first from every tree node).
            int head = 0, tail = 0;
            foreach (int v in members) queue[tail++] = v;
            while (head < tail)
            {
                int v = queue[head++];
                for (int k = _incStart[v]; k < _incStart[v + 1]; k++)
                {
                    int e = _inc[k], u = Other(e, v);
                    if (inTree[u] || Slack(e) != 0) continue;
                    inTree[u] = true;
                    _treeEdge[e] = true;
                    members.Add(u);
                    queue[tail++] = u;
                }
            }
            size = members.Count;
            if (size == _n) return;
            // The edge leaving the tree with the least slack; shift the tree to make it tight.
            int best = -1, bestSlack = int.MaxValue;
            for (int e = 0; e < _m; e++)
            {
                if (inTree[_src[e]] == inTree[_dst[e]]) continue;
                int s = Slack(e);
                if (s < bestSlack) { bestSlack = s; best = e; }
            }
            if (best < 0) return; // cannot happen: the virtual root connects everything
            int delta = inTree[_src[best]] ? bestSlack : -bestSlack;
            foreach (int v in members) _rank[v] += delta;
        }
    }

    private void Solve(int maxIterations, long workBudget)
    {
        _parentEdge = new int[_n];
        _low = new int[_n];
        _lim = new int[_n];
        _cut = new int[_m];
        _order = new int[_n];
        int root = _n - 1;
        DfsRange(root, -1, 1);
        InitCutValues(root);
        int cursor = 0;
        for (int it = 0; it < maxIterations && _work < workBudget; it++)
        {
            int leave = LeaveEdge(ref cursor);
            if (leave < 0) return;
            int enter = EnterEdge(leave, out int sub, out bool subIsTail);
            if (enter < 0) return;
            Exchange(leave, enter, sub, subIsTail);
        }
    }

    /// <summary>A tree edge with negative cut value, searched cyclically from the last one (Graphviz style).</summary>
    private int LeaveEdge(ref int cursor)
    {
        for (int i = 0; i < _m; i++)
        {
            int e = cursor + i < _m ? cursor + i : cursor + i - _m;
            if (_treeEdge[e] && _cut[e] < 0) { cursor = e; return e; }
        }
        return -1;
    }

    /// <summary>
    /// The non-tree edge of least slack going from the head component to the tail component of the tree split
    /// at <paramref name="leave"/>; found by scanning the component that does not hold the root (a subtree).
    /// </summary>
    private int EnterEdge(int leave, out int sub, out bool subIsTail)
    {
        int v = _src[leave], w = _dst[leave];
        sub = _lim[v] < _lim[w] ? v : w;
        subIsTail = sub == v;
        int low = _low[sub], lim = _lim[sub];
        int best = -1, bestSlack = int.MaxValue;
        _work += lim - low + 1;
        for (int i = low - 1; i < lim; i++)
        {
            int x = _order![i];
            for (int k = _incStart[x]; k < _incStart[x + 1]; k++)
            {
                int e = _inc[k];
                if (_treeEdge[e]) continue;
                // x is inside; the edge must point into the tail side.
                bool xIsDst = _dst[e] == x;
                if (xIsDst != subIsTail) continue;
                int y = xIsDst ? _src[e] : _dst[e];
                if (low <= _lim[y] && _lim[y] <= lim) continue;
                int s = Slack(e);
                if (s < bestSlack || (s == bestSlack && e < best)) { bestSlack = s; best = e; }
            }
        }
        return best;
    }

    /// <summary>
    /// Swaps <paramref name="leave"/> for <paramref name="enter"/>: shifts the subtree's ranks so the entering
    /// edge is tight, updates cut values along the tree path the entering edge closes, and renumbers only the
    /// subtree under that path's top (Graphviz <c>update</c>).
    /// </summary>
    private void Exchange(int leave, int enter, int sub, bool subIsTail)
    {
        int delta = Slack(enter);
        if (delta != 0)
            for (int i = _low[sub] - 1; i < _lim[sub]; i++) _rank[_order![i]] += subIsTail ? -delta : delta;
        int cutvalue = _cut[leave];
        int lca = TreeUpdate(_src[enter], _dst[enter], cutvalue, true);
        TreeUpdate(_dst[enter], _src[enter], cutvalue, false);
        _cut[enter] = -cutvalue;
        _cut[leave] = 0;
        _treeEdge[leave] = false;
        _treeEdge[enter] = true;
        DfsRange(lca, _parentEdge[lca], _low[lca]);
    }

    private int TreeUpdate(int v, int w, int cutvalue, bool dir)
    {
        while (!(_low[v] <= _lim[w] && _lim[w] <= _lim[v]))
        {
            int e = _parentEdge[v];
            bool d = v == _src[e] ? dir : !dir;
            _cut[e] += d ? cutvalue : -cutvalue;
            v = _lim[_src[e]] > _lim[_dst[e]] ? _src[e] : _dst[e];
        }
        return v;
    }

    /// <summary>Postorder numbers from <paramref name="first"/>: lim[v] is v's number, low[v] the smallest in its subtree; parent edges.</summary>
    private void DfsRange(int top, int parentEdge, int first)
    {
        var stack = _stack;
        stack.Clear();
        int next = first;
        _parentEdge[top] = parentEdge;
        stack.Push((top, _incStart[top]));
        while (stack.Count > 0)
        {
            var (v, k) = stack.Pop();
            if (k == _incStart[v]) _low[v] = next;
            bool descended = false;
            for (; k < _incStart[v + 1]; k++)
            {
                int e = _inc[k];
                if (!_treeEdge[e] || e == _parentEdge[v]) continue;
                int u = Other(e, v);
                _parentEdge[u] = e;
                stack.Push((v, k + 1));
                stack.Push((u, _incStart[u]));
                descended = true;
                break;
            }
            if (descended) continue;
            _lim[v] = next;
            _work++;
            _order![next - 1] = v;
            next++;
        }
    }

    private readonly Stack<(int Node, int K)> _stack = new();
    private long _work;
    private int[]? _order;

    /// <summary>Cut values of all tree edges, children before parents (postorder), stored per edge.</summary>
    private void InitCutValues(int root)
    {
        foreach (int child in _order!)
        {
            if (child == root) continue;
            int pe = _parentEdge[child];
            int parent = Other(pe, child);
            bool childIsTail = _src[pe] == child;
            int cut = _w[pe];
            for (int k = _incStart[child]; k < _incStart[child + 1]; k++)
            {
                int e = _inc[k];
                if (e == pe) continue;
                bool isOut = _src[e] == child;
                int other = isOut ? _dst[e] : _src[e];
                if (other == parent) continue;
                bool pointsToHead = isOut == childIsTail;
                cut += pointsToHead ? _w[e] : -_w[e];
                if (_treeEdge[e]) cut += pointsToHead ? -_cut[e] : _cut[e];
            }
            _cut[pe] = cut;
        }
    }
}
