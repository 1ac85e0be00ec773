using NetVizGen.Model.Specs;
using NetVizGen.Rendering.Diagram;
using NetVizGen.Rendering.Layout;
using NetVizGen.Rendering.Svg;
using NetVizGen.Rendering.Tests.Diagram;

namespace NetVizGen.Rendering.Tests.Layout;

/// <summary>Outputs read left to right in the order forward returns them, whatever order the trace computed them in.</summary>
public class OutputOrderTests
{
    private static List<string> OutputsLeftToRight(DiagramGraph g)
    {
        var layout = DiagramPainter.Layout.Run(DiagramPainter.Request(g, FlowDirection.TopDown));
        return g.Nodes.Where(n => n.Kind == DiagramNodeKind.Output).OrderBy(n => layout.Nodes[n.Id].X).Select(n => n.Label).ToList();
    }

    [Fact]
    public void The_models_outputs_follow_the_returned_tuple_though_the_second_was_computed_first()
    {
        // AutoFormerV2: the regression cat is traced before the classification cat, but forward returns classification first.
        var (model, _) = EndpointLabelTests.Retina(ports: true);

        var g = DiagramBuilder.Build(model, model.Root, 1, new BlockCatalog(model.Root), "Net", "");

        Assert.Equal(["Output 1", "Output 2"], OutputsLeftToRight(g));
    }

    [Fact]
    public void A_block_pages_outputs_follow_the_blocks_return()
    {
        var (model, head) = EndpointLabelTests.Retina(ports: true);

        var g = DiagramBuilder.Build(model, head, -1, new BlockCatalog(model.Root), "RetinaHead", "");

        Assert.Equal(["clsOutputs[0]", "clsOutputs[1]", "clsOutputs[2]", "regOutputs[0]", "regOutputs[1]", "regOutputs[2]"], OutputsLeftToRight(g));
    }

    [Fact]
    public void The_request_keeps_the_outputs_in_the_graphs_order()
    {
        var (model, _) = EndpointLabelTests.Retina(ports: true);
        var g = DiagramBuilder.Build(model, model.Root, 1, new BlockCatalog(model.Root), "Net", "");

        var group = Assert.Single(DiagramPainter.Request(g, FlowDirection.TopDown).KeepOrder);

        Assert.Equal(g.Nodes.Where(n => n.Kind == DiagramNodeKind.Output).Select(n => n.Id), group);
    }

    [Fact]
    public void Outputs_whose_order_is_only_the_order_they_are_read_in_are_left_to_crossing_reduction()
    {
        // Without the block's names the page's outputs are in the order the caller reads them (regressions first).
        var (model, head) = EndpointLabelTests.Retina(ports: false);

        var g = DiagramBuilder.Build(model, head, -1, new BlockCatalog(model.Root), "RetinaHead", "");

        Assert.Empty(DiagramPainter.Request(g, FlowDirection.TopDown).KeepOrder);
    }
}
