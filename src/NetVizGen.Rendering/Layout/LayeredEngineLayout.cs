using Engine = NetVizGen.Layout;

namespace NetVizGen.Rendering.Layout;

/// <summary>Adapter from the renderer's <see cref="LayoutRequest"/> to the NetVizGen.Layout engine (Sugiyama-style, compound).</summary>
internal sealed class LayeredEngineLayout : IDiagramLayout
{
    public LayoutResult Run(LayoutRequest req)
    {
        var g = new Engine.LayoutGraph();
        foreach (var c in req.Clusters) g.AddCluster(c.Id, c.Parent, c.TitleWidth, c.TitleHeight);
        foreach (var n in req.Nodes) g.AddNode(n.Id, n.Width, n.Height, n.Parent);
        foreach (var e in req.Edges) g.AddEdge(e.Id, e.Source, e.Target, e.LabelWidth, e.LabelHeight);
        foreach (var n in req.Nodes) if (req.Levels.TryGetValue(n.Id, out int level)) g.SetLevel(n.Id, level);
        foreach (var group in req.KeepOrder) g.KeepOrder(group);
        var r = Engine.LayeredLayout.Run(g, new Engine.LayoutOptions
        {
            Direction = req.Direction == LayoutDirection.LeftToRight ? Engine.LayoutDirection.LeftToRight : Engine.LayoutDirection.TopToBottom,
            NodeSpacing = req.NodeSpacing, RankSpacing = req.RankSpacing, ClusterPadding = req.ClusterPadding,
            WrapAspectRatio = req.WrapAspectRatio, WrapMinLength = req.WrapMinLength,
        });
        var result = new LayoutResult();
        foreach (var (id, n) in r.Nodes) result.Nodes[id] = new Box(n.X, n.Y, n.Width, n.Height);
        foreach (var (id, c) in r.Clusters) result.Clusters[id] = new Box(c.X, c.Y, c.Width, c.Height);
        foreach (var (id, e) in r.Edges)
        {
            var pts = e.Points.Select(p => new Point(p.X, p.Y)).ToList();
            var label = e.LabelCenter is { } l ? new Point(l.X, l.Y) : pts[pts.Count / 2];
            result.Edges[id] = new EdgeRoute(pts, label) { Breaks = e.Breaks };
        }
        Frame.Normalize(result);
        return result;
    }
}
