namespace NetVizGen.Layout;

/// <summary>
/// Mutable description of a graph to lay out: leaf nodes with sizes, clusters (nested boxes) and edges
/// between leaves. Insertion order is significant: it breaks ties in every phase, so the same sequence of
/// calls always gives the same drawing.
/// </summary>
/// <remarks>Ids are compared ordinally. Node and cluster ids share one namespace; edge ids have their own.</remarks>
public sealed class LayoutGraph
{
    internal readonly List<NodeSpec> Nodes = [];
    internal readonly List<ClusterSpec> Clusters = [];
    internal readonly List<EdgeSpec> Edges = [];
    internal readonly Dictionary<int, int> Levels = [];
    internal readonly List<int[]> OrderedGroups = [];
    private readonly Dictionary<string, int> _nodeIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _clusterIndex = new(StringComparer.Ordinal);
    private readonly HashSet<string> _edgeIds = new(StringComparer.Ordinal);

    /// <summary>Number of leaf nodes added so far.</summary>
    public int NodeCount => Nodes.Count;

    /// <summary>Number of clusters added so far.</summary>
    public int ClusterCount => Clusters.Count;

    /// <summary>Number of edges added so far.</summary>
    public int EdgeCount => Edges.Count;

    /// <summary>Adds a cluster: a box drawn around its members (nodes and clusters whose parent it is).</summary>
    /// <param name="id">Unique id (shared namespace with nodes).</param>
    /// <param name="parent">Enclosing cluster, which must already exist; null for top level.</param>
    /// <param name="titleWidth">Width of the title text. TB: the box is at least this wide (plus padding).
    /// LR: the title band on the box's left side is this thick.</param>
    /// <param name="titleHeight">Height of the title text. TB: the title band at the top of the box is this tall.
    /// LR: the box is at least this tall (plus padding).</param>
    /// <exception cref="ArgumentException">Duplicate id, unknown parent, or a negative / non-finite size.</exception>
    public void AddCluster(string id, string? parent = null, double titleWidth = 0, double titleHeight = 0)
    {
        CheckNewId(id);
        CheckSize(titleWidth, nameof(titleWidth), id);
        CheckSize(titleHeight, nameof(titleHeight), id);
        int p = ResolveParent(parent, id);
        _clusterIndex.Add(id, Clusters.Count);
        Clusters.Add(new ClusterSpec(id, p, titleWidth, titleHeight));
    }

    /// <summary>Adds a leaf node of the given size.</summary>
    /// <param name="id">Unique id (shared namespace with clusters).</param>
    /// <param name="width">Box width in px (along the rank in TB).</param>
    /// <param name="height">Box height in px.</param>
    /// <param name="parent">Enclosing cluster, which must already exist; null for top level.</param>
    /// <exception cref="ArgumentException">Duplicate id, unknown parent, or a negative / non-finite size.</exception>
    public void AddNode(string id, double width, double height, string? parent = null)
    {
        CheckNewId(id);
        CheckSize(width, nameof(width), id);
        CheckSize(height, nameof(height), id);
        int p = ResolveParent(parent, id);
        _nodeIndex.Add(id, Nodes.Count);
        Nodes.Add(new NodeSpec(id, p, width, height));
    }

    /// <summary>Adds a directed edge between two existing leaf nodes (never a cluster).</summary>
    /// <param name="id">Unique edge id.</param>
    /// <param name="source">Source leaf id.</param>
    /// <param name="target">Target leaf id. May equal <paramref name="source"/> (self loop).</param>
    /// <param name="labelWidth">Width of the label box to keep free beside the edge; 0 with 0 height = no label.</param>
    /// <param name="labelHeight">Height of the label box.</param>
    /// <exception cref="ArgumentException">Duplicate edge id, unknown or cluster end point, bad label size.</exception>
    public void AddEdge(string id, string source, string target, double labelWidth = 0, double labelHeight = 0)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (_edgeIds.Contains(id)) throw new ArgumentException($"Duplicate edge id '{id}'.", nameof(id));
        int s = ResolveLeaf(source, nameof(source), id);
        int t = ResolveLeaf(target, nameof(target), id);
        CheckSize(labelWidth, nameof(labelWidth), id);
        CheckSize(labelHeight, nameof(labelHeight), id);
        _edgeIds.Add(id); // only once the edge is known to be valid, so a failed call changes nothing
        Edges.Add(new EdgeSpec(id, s, t, labelWidth, labelHeight));
    }

    /// <summary>
    /// Puts a leaf on a cross-axis level (an encoder–decoder "U"): the layout moves each level by one step across
    /// the flow (down in left-to-right, right in top-to-bottom), so nodes of one level line up and an edge
    /// between two nodes of the same level runs straight. Nodes never given a level are on level 0. Levels change
    /// only the cross axis: ranks, order along the flow and edge directions stay as without them.
    /// </summary>
    /// <param name="node">An existing leaf.</param>
    /// <param name="level">0 or more.</param>
    /// <exception cref="ArgumentException">Unknown node, a cluster, or a negative level.</exception>
    public void SetLevel(string node, int level)
    {
        int v = ResolveLeaf(node, nameof(node), "level");
        if (level < 0) throw new ArgumentException($"'{node}': level must be >= 0 (was {level}).", nameof(level));
        Levels[v] = level;
    }

    /// <summary>
    /// Keeps leaves in the given order across the flow (left to right in top-to-bottom, top to bottom in
    /// left-to-right) wherever two of them share a rank and a cluster: a model's outputs in the order its forward
    /// returns them, which crossing reduction alone leaves to chance when their order crosses nothing. The other
    /// nodes still move freely around them.
    /// </summary>
    /// <param name="nodes">Existing leaves, in the order to keep; each in at most one such group.</param>
    /// <exception cref="ArgumentException">Unknown node, a cluster, a node given twice or already in another group.</exception>
    public void KeepOrder(IEnumerable<string> nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        var group = new List<int>();
        foreach (var id in nodes)
        {
            int v = ResolveLeaf(id, nameof(nodes), "order");
            if (group.Contains(v) || OrderedGroups.Exists(g => Array.IndexOf(g, v) >= 0))
                throw new ArgumentException($"'{id}' is already in an order group.", nameof(nodes));
            group.Add(v);
        }
        if (group.Count > 1) OrderedGroups.Add([.. group]);
    }

    private int ResolveLeaf(string leaf, string param, string edgeId)
    {
        ArgumentNullException.ThrowIfNull(leaf, param);
        if (_nodeIndex.TryGetValue(leaf, out int i)) return i;
        if (_clusterIndex.ContainsKey(leaf))
            throw new ArgumentException($"Edge '{edgeId}': {param} '{leaf}' is a cluster; edges must end on leaf nodes.", param);
        throw new ArgumentException($"Edge '{edgeId}': unknown {param} node '{leaf}' (add nodes before edges).", param);
    }

    private void CheckNewId(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (_nodeIndex.ContainsKey(id) || _clusterIndex.ContainsKey(id))
            throw new ArgumentException($"Duplicate node or cluster id '{id}'.", nameof(id));
    }

    private int ResolveParent(string? parent, string id)
    {
        if (parent is null) return -1;
        if (_clusterIndex.TryGetValue(parent, out int p)) return p;
        throw new ArgumentException($"'{id}': parent '{parent}' is not a cluster added before it.", nameof(parent));
    }

    private static void CheckSize(double v, string name, string id)
    {
        if (!double.IsFinite(v) || v < 0) throw new ArgumentException($"'{id}': {name} must be a finite number >= 0 (was {v}).", name);
    }
}

internal readonly record struct NodeSpec(string Id, int Parent, double Width, double Height);

internal readonly record struct ClusterSpec(string Id, int Parent, double TitleWidth, double TitleHeight);

internal readonly record struct EdgeSpec(string Id, int Source, int Target, double LabelWidth, double LabelHeight)
{
    public bool HasLabel => LabelWidth > 0 || LabelHeight > 0;
}
