using NetVizGen.Model.Specs;
using NetVizGen.Rendering.Diagram;
using NetVizGen.Rendering.Layout;
using NetVizGen.Rendering.Text;
using NetVizGen.Rendering.Theme;

namespace NetVizGen.Rendering.Svg;

/// <summary>Sizes, lays out and draws one diagram in both themes. The layout is computed once and shared.</summary>
internal static class DiagramPainter
{
    /// <summary>The layout engine behind the <see cref="IDiagramLayout"/> seam: NetVizGen.Layout's layered layout, side computations on a lane beside it.</summary>
    public static IDiagramLayout Layout { get; } = new SideLaneLayout(new LayeredEngineLayout());

    public static (string Light, string Dark) Paint(DiagramGraph graph, FlowDirection direction, PaperShapes shapes = default)
    {
        var (light, dark, _) = PaintWithLayout(graph, direction, shapes);
        return (light, dark);
    }

    /// <summary>Like <see cref="Paint"/>, also returning the layout (the interactive page reuses it).</summary>
    public static (string Light, string Dark, LayoutResult Layout) PaintWithLayout(DiagramGraph graph, FlowDirection direction, PaperShapes shapes = default)
    {
        // Too large to lay out within the budget: a placeholder that says so, and no boxes for the interactive page.
        if (LayoutBudget.Exceeded(graph) is { } why)
            return (LayoutBudget.Placeholder(graph, why, DiagramTheme.Light), LayoutBudget.Placeholder(graph, why, DiagramTheme.Dark), new LayoutResult());
        var layout = Layout.Run(Request(graph, direction, shapes));
        return (SvgDiagramRenderer.Render(graph, layout, DiagramTheme.Light), SvgDiagramRenderer.Render(graph, layout, DiagramTheme.Dark), layout);
    }

    public static LayoutRequest Request(DiagramGraph graph, FlowDirection direction, PaperShapes shapes = default)
    {
        // A detected U-Net takes the U; anything else may wrap when it is too long for a page.
        var u = shapes.EncoderDecoder ? EncoderDecoder.Detect(graph) : null;
        var req = new LayoutRequest
        {
            Direction = direction == FlowDirection.LeftRight ? LayoutDirection.LeftToRight : LayoutDirection.TopToBottom,
            WrapAspectRatio = u is null ? shapes.WrapAspectRatio : 0,
            WrapMinLength = PaperShapes.WrapMinLength,
        };
        if (u is not null) foreach (var (id, level) in u.Levels) req.Levels[id] = level;
        foreach (var c in graph.Clusters)
            req.Clusters.Add((c.Id, c.Parent, TextMetrics.BoxWidth(c.Title, NodeMetrics.ClusterTitleSize) + 8, 18));
        foreach (var n in graph.Nodes)
        {
            var (w, h) = NodeMetrics.Size(n);
            req.Nodes.Add((n.Id, w, h, n.Cluster));
            if (n.Kind == DiagramNodeKind.Side) req.SideNodes.Add(n.Id);
        }
        foreach (var e in graph.Edges)
            req.Edges.Add((e.Id, e.Source, e.Target, e.ShowShape ? SvgDiagramRenderer.EdgeLabelWidth(e) : 0, e.ShowShape ? NodeMetrics.EdgeLabelSize + 4 : 0));
        // Outputs read left to right in the order forward returns them (the graph's node order): crossing reduction
        // alone follows trace order, which put AutoFormerV2's regression (computed first) left of its classification.
        // An order that is only the order the model reads them in is left to crossing reduction.
        var outputs = graph.Nodes.Where(n => n.Kind == DiagramNodeKind.Output).Select(n => n.Id).ToList();
        if (outputs.Count > 1 && graph.OutputsInReturnOrder) req.KeepOrder.Add(outputs);
        // Inputs read left to right in the order forward takes them: a model's parameters (the graph's node order), or
        // a block's arguments when each has a known place (YOLO's Concat took x[1] left of x[0] from crossing reduction).
        var inputs = graph.Nodes.Where(n => n.Kind == DiagramNodeKind.Input && !n.IsSide).ToList();
        if (inputs.Count > 1)
        {
            if (graph.InputsInParameterOrder) req.KeepOrder.Add(inputs.Select(n => n.Id).ToList());
            else if (inputs.All(n => n.PortIndex >= 0) && inputs.Select(n => n.PortIndex).Distinct().Count() == inputs.Count)
                req.KeepOrder.Add(inputs.OrderBy(n => n.PortIndex).Select(n => n.Id).ToList());
        }
        return req;
    }
}
