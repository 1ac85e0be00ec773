namespace NetVizGen.Layout.Graph;

/// <summary>What an internal node stands for.</summary>
internal enum NodeKind : byte
{
    /// <summary>A leaf of the input graph.</summary>
    Leaf,

    /// <summary>Stand-in for a cluster without members, so that it still gets a box.</summary>
    EmptyCluster,

    /// <summary>A bend point of a long edge (one per crossed rank).</summary>
    EdgeDummy,

    /// <summary>Like <see cref="EdgeDummy"/> but also holds the edge's label box on its right.</summary>
    LabelDummy,

    /// <summary>Left border of a cluster on one rank.</summary>
    BorderLeft,

    /// <summary>Right border of a cluster on one rank.</summary>
    BorderRight,
}

/// <summary>One input edge, oriented along the flow after cycle breaking.</summary>
internal sealed class LEdge
{
    public required int Index { get; init; }
    public required int OrigSource { get; init; }
    public required int OrigTarget { get; init; }
    public required double LabelW { get; init; }
    public required double LabelH { get; init; }

    /// <summary>Internal source (upper end) and target (lower end); swapped when <see cref="Reversed"/>.</summary>
    public int Source;
    public int Target;
    public bool Reversed;
    public int MinLen = 1;

    /// <summary>
    /// The edge's nodes from <see cref="Source"/> to <see cref="Target"/>, one per rank (set by the splitter), stored
    /// as a prefix of <see cref="Path"/> (source and dummies; possibly shared with the other edges of a fan-out
    /// bundle, so a dense block stores O(n²) nodes, not O(n³)) followed by the target. Read it with
    /// <see cref="ChainLength"/> and <see cref="At"/>; <see cref="Chain"/> copies it (tests).
    /// </summary>
    public int[] Path = [];

    /// <summary>Number of nodes from source to target (1 for a self loop).</summary>
    public int ChainLength;

    /// <summary>The i-th node of the chain (0 = source, ChainLength-1 = target).</summary>
    public int At(int i) => i == ChainLength - 1 ? Target : Path[i];

    /// <summary>The chain as a fresh array.</summary>
    public int[] Chain
    {
        get
        {
            var c = new int[ChainLength];
            for (int i = 0; i < c.Length; i++) c[i] = At(i);
            return c;
        }
    }
    public int LabelNode = -1;

    /// <summary>For a labelled self loop: distance from the loop to this label's left side (labels of several loops queue up).</summary>
    public double LoopLabelOffset;

    public bool IsSelfLoop => OrigSource == OrigTarget;
    public bool HasLabel => LabelW > 0 || LabelH > 0;
}

/// <summary>
/// The internal mutable graph all phases work on, in top-to-bottom orientation. Nodes are ints; per-node
/// data lives in parallel arrays (struct of arrays) so that the hot loops touch no strings or dictionaries.
/// Leaves come first (0 .. LeafCount-1, in insertion order), then empty-cluster stand-ins, dummies, borders.
/// </summary>
internal sealed class LGraph
{
    public LGraph(LayoutOptions options) => Options = options;

    public LayoutOptions Options { get; }
    public bool Labelled;

    // ---- nodes ----
    public int N;
    public NodeKind[] Kind = new NodeKind[16];
    public double[] Width = new double[16];
    public double[] Height = new double[16];
    /// <summary>Extent of the node left / right of its anchor x (the x its edges use).</summary>
    public double[] LeftExt = new double[16];
    public double[] RightExt = new double[16];
    /// <summary>Owning cluster or -1 (top level).</summary>
    public int[] Cluster = new int[16];
    public int[] Rank = new int[16];
    /// <summary>For dummies: index of the edge they belong to; for stand-ins: the cluster; else -1.</summary>
    public int[] Owner = new int[16];
    /// <summary>For border nodes: the same border of the same cluster one rank up (-1 on the top rank).</summary>
    public int[] BorderAbove = new int[16];
    public int LeafCount;

    public string[] LeafIds = [];
    /// <summary>Cross-axis level of each leaf (<see cref="LayoutGraph.SetLevel"/>); empty when no level was set.</summary>
    public int[] LeafLevel = [];
    /// <summary>Order group of each leaf (<see cref="LayoutGraph.KeepOrder"/>), -1 for none; empty when no group was given.</summary>
    public int[] OrderGroup = [];
    /// <summary>A leaf's place in its order group; meaningful where <see cref="OrderGroup"/> is not -1.</summary>
    public int[] OrderIndex = [];

    // ---- clusters ----
    public int C;
    public string[] ClusterIds = [];
    public int[] ClusterParent = [];
    public int[] ClusterDepth = [];
    public double[] TitleBand = [];
    /// <summary>Title extent across the flow (its text width in TB); the box is kept at least this wide plus padding.</summary>
    public double[] TitleCross = [];
    /// <summary>First and last rank holding a member; Top &gt; Bottom when the cluster is empty.</summary>
    public int[] Top = [];
    public int[] Bottom = [];
    /// <summary>Stand-in node of an empty cluster, else -1.</summary>
    public int[] StandIn = [];

    // ---- edges ----
    public readonly List<LEdge> Edges = [];

    // ---- rank adjacency (after long edges are split; borders excluded) ----
    public int RankCount;
    public int[] UpStart = [], UpAdj = [], DownStart = [], DownAdj = [];

    /// <summary>Real nodes on the longest path ending at / starting from each node (see MainPath).</summary>
    public int[] PathUp = [], PathDown = [];

    // ---- order and coordinates ----
    public int[][] Layers = [];
    public int[] Pos = [];
    /// <summary>Sibling order key of each cluster chosen by the ordering phase.</summary>
    public double[] ClusterKey = [];
    public double[] X = [];
    public double[] RankTop = [], RankHeight = [];
    public double[] BoxLeft = [], BoxRight = [], BoxTop = [], BoxBottom = [];

    public int AddNode(NodeKind kind, double w, double h, int cluster, int rank, int owner)
    {
        if (N == Kind.Length) Grow(N * 2);
        int v = N++;
        Kind[v] = kind;
        Width[v] = w;
        Height[v] = h;
        LeftExt[v] = w / 2;
        RightExt[v] = w / 2;
        Cluster[v] = cluster;
        Rank[v] = rank;
        Owner[v] = owner;
        BorderAbove[v] = -1;
        return v;
    }

    private void Grow(int size)
    {
        Array.Resize(ref Kind, size);
        Array.Resize(ref Width, size);
        Array.Resize(ref Height, size);
        Array.Resize(ref LeftExt, size);
        Array.Resize(ref RightExt, size);
        Array.Resize(ref Cluster, size);
        Array.Resize(ref Rank, size);
        Array.Resize(ref Owner, size);
        Array.Resize(ref BorderAbove, size);
    }

    public bool IsBorder(int v) => Kind[v] >= NodeKind.BorderLeft;
    public bool IsDummy(int v) => Kind[v] is NodeKind.EdgeDummy or NodeKind.LabelDummy;
    public bool IsReal(int v) => Kind[v] <= NodeKind.EmptyCluster;

    /// <summary>True when cluster <paramref name="c"/> is <paramref name="a"/> or one of its descendants.</summary>
    public bool IsInside(int c, int a)
    {
        while (c >= 0 && ClusterDepth[c] > ClusterDepth[a]) c = ClusterParent[c];
        return c == a;
    }

    /// <summary>
    /// Builds the compressed up/down adjacency from the edge chains (consecutive ranks only). A hop into a dummy
    /// shared by several edges (a fan-out bundle) is one adjacency entry, not one per edge; the work is linear in
    /// the number of distinct hops (each shared path is walked once, from the end it reaches).
    /// </summary>
    public void BuildAdjacency()
    {
        // Each pair is keyed by (edge index, position along the chain) of the first edge that holds it, and the
        // entries are listed in that order: the order unbundled chains give, which the ordering's ties rely on.
        long stride = 2;
        foreach (var e in Edges) stride = Math.Max(stride, e.ChainLength + 1);
        var keys = new List<long>();
        var pairs = new List<(int A, int B)>();
        foreach (var e in Edges)
        {
            int len = e.ChainLength;
            if (len < 2) continue;
            keys.Add(e.Index * stride + len - 1);
            pairs.Add((e.At(len - 2), e.Target));
        }
        // A dummy has a single up-hop, recorded once: walk each path back from its last dummy until a dummy seen
        // before (an earlier edge of the bundle holds the rest of the prefix). The first edge to reach a dummy is
        // the first edge, in edge order, that contains it.
        var seen = new bool[N];
        foreach (var e in Edges)
        {
            int len = e.ChainLength;
            for (int i = len - 2; i >= 1; i--)
            {
                int b = e.Path[i];
                if (seen[b]) break;
                seen[b] = true;
                keys.Add(e.Index * stride + i);
                pairs.Add((e.Path[i - 1], b));
            }
        }
        var keyArr = keys.ToArray();
        var pairArr = pairs.ToArray();
        Array.Sort(keyArr, pairArr);
        var upCount = new int[N + 1];
        var downCount = new int[N + 1];
        foreach (var (a, b) in pairArr) { downCount[a]++; upCount[b]++; }
        UpStart = Prefix(upCount);
        DownStart = Prefix(downCount);
        UpAdj = new int[UpStart[N]];
        DownAdj = new int[DownStart[N]];
        var uFill = (int[])UpStart.Clone();
        var dFill = (int[])DownStart.Clone();
        foreach (var (a, b) in pairArr)
        {
            DownAdj[dFill[a]++] = b;
            UpAdj[uFill[b]++] = a;
        }
    }

    /// <summary>Gives nodes added after <see cref="BuildAdjacency"/> (borders) empty neighbour ranges.</summary>
    public void ExtendAdjacency()
    {
        int old = UpStart.Length - 1;
        if (old >= N) return;
        Array.Resize(ref UpStart, N + 1);
        Array.Resize(ref DownStart, N + 1);
        for (int i = old + 1; i <= N; i++) { UpStart[i] = UpStart[old]; DownStart[i] = DownStart[old]; }
    }

    private int[] Prefix(int[] count)
    {
        var start = new int[N + 1];
        for (int i = 0; i < N; i++) start[i + 1] = start[i] + count[i];
        return start;
    }
}
