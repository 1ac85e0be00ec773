using System.Text.Json;
using NetVizGen.Layout;

namespace NetVizGen.Layout.Tests.Support;

/// <summary>A plain description of a test graph that can build a <see cref="LayoutGraph"/> and check results.</summary>
internal sealed class GraphSpec
{
    /// <summary>Title width given to every cluster built from a spec.</summary>
    public const double TitleWidth = 90;

    public List<NodeDef> Nodes { get; } = [];
    public List<ClusterDef> Clusters { get; } = [];
    public List<EdgeDef> Edges { get; } = [];
    public List<string[]> KeptOrders { get; } = [];

    public GraphSpec Cluster(string id, string? parent = null, double titleHeight = 18)
    {
        Clusters.Add(new ClusterDef(id, parent, titleHeight));
        return this;
    }

    public GraphSpec Node(string id, double w = 60, double h = 30, string? parent = null)
    {
        Nodes.Add(new NodeDef(id, parent, w, h));
        return this;
    }

    public GraphSpec Edge(string source, string target, double labelW = 0, double labelH = 0)
    {
        Edges.Add(new EdgeDef("e" + Edges.Count, source, target, labelW, labelH));
        return this;
    }

    /// <summary>Nodes kept in this order across the flow (<see cref="LayoutGraph.KeepOrder"/>).</summary>
    public GraphSpec KeepOrder(params string[] ids)
    {
        KeptOrders.Add(ids);
        return this;
    }

    /// <summary>A chain a0 -&gt; a1 -&gt; ... of n nodes.</summary>
    public GraphSpec Chain(string prefix, int n, string? parent = null)
    {
        for (int i = 0; i < n; i++) Node(prefix + i, parent: parent);
        for (int i = 1; i < n; i++) Edge(prefix + (i - 1), prefix + i);
        return this;
    }

    public LayoutGraph Build()
    {
        var g = new LayoutGraph();
        foreach (var c in Clusters) g.AddCluster(c.Id, c.Parent, titleWidth: TitleWidth, titleHeight: c.TitleHeight);
        foreach (var n in Nodes) g.AddNode(n.Id, n.Width, n.Height, n.Parent);
        foreach (var e in Edges) g.AddEdge(e.Id, e.Source, e.Target, e.LabelWidth, e.LabelHeight);
        foreach (var ids in KeptOrders) g.KeepOrder(ids);
        return g;
    }

    public LayoutResult Layout(LayoutOptions? o = null) => LayeredLayout.Run(Build(), o);

    /// <summary>Loads a corpus file (nngraph/1), clusters first so parents exist.</summary>
    public static GraphSpec LoadCorpus(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        var spec = new GraphSpec();
        var clusters = new List<ClusterDef>();
        foreach (var n in doc.RootElement.GetProperty("nodes").EnumerateArray())
        {
            string id = n.GetProperty("id").GetString()!;
            string? parent = n.TryGetProperty("parent", out var p) ? p.GetString() : null;
            if (n.TryGetProperty("cluster", out var c) && c.ValueKind == JsonValueKind.True) clusters.Add(new ClusterDef(id, parent, 20));
            else spec.Node(id, n.GetProperty("width").GetDouble(), n.GetProperty("height").GetDouble(), parent);
        }
        var added = new HashSet<string>(StringComparer.Ordinal);
        while (added.Count < clusters.Count)
            foreach (var c in clusters)
                if (!added.Contains(c.Id) && (c.Parent is null || added.Contains(c.Parent))) { spec.Clusters.Add(c); added.Add(c.Id); }
        foreach (var e in doc.RootElement.GetProperty("edges").EnumerateArray())
            spec.Edges.Add(new EdgeDef(e.GetProperty("id").GetString()!, e.GetProperty("source").GetString()!, e.GetProperty("target").GetString()!, 0, 0));
        return spec;
    }
}

internal readonly record struct NodeDef(string Id, string? Parent, double Width, double Height);

internal readonly record struct ClusterDef(string Id, string? Parent, double TitleHeight);

internal readonly record struct EdgeDef(string Id, string Source, string Target, double LabelWidth, double LabelHeight);
