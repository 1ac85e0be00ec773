using NetVizGen.Model.Specs;
using NetVizGen.Rendering.Diagram;
using static NetVizGen.Rendering.Tests.TestModels.SpecBuilder;

namespace NetVizGen.Rendering.Tests.Diagram;

/// <summary>Main path first, bookkeeping quiet: masks and position ids fold into one small node per purpose.</summary>
public class SideInputTests
{
    [Fact]
    public void Created_tensors_and_the_ops_feeding_them_fold_into_one_quiet_node_per_purpose()
    {
        var model = TestModels.Decoder.Create();
        var g = DiagramBuilder.Build(model, model.Root, -1, new BlockCatalog(model.Root), "Decoder", "");

        Assert.DoesNotContain(g.Nodes, n => n.Label is "arange" or "full" or "triu" || n.Label.StartsWith("unsqueeze", StringComparison.Ordinal));
        var side = g.Nodes.Where(n => n.Kind == DiagramNodeKind.Side).OrderBy(n => n.Label, StringComparer.Ordinal).ToList();
        Assert.Equal(["mask", "positions"], side.Select(n => n.Label));
        Assert.Equal("full → triu", side[0].Details);
        Assert.Equal("arange → unsqueeze", side[1].Details);
        // The mask feeds the masked add of both layers, quietly and without a shape label.
        var maskEdges = g.Edges.Where(e => e.Source == side[0].Id).ToList();
        Assert.Equal(2, maskEdges.Count);
        Assert.All(maskEdges, e => Assert.Equal(DiagramEdgeStyle.Side, e.Style));
        Assert.All(maskEdges, e => Assert.False(e.ShowShape));
        Assert.All(maskEdges, e => Assert.Equal("+", g.Nodes.Single(n => n.Id == e.Target).Label));
        // The main path is untouched: embedding → q_proj of the first layer.
        Assert.Contains(g.Edges, e => e.Source == "m.embed_tokens" && e.Target == "m.layers.0.q_proj" && e.Style == DiagramEdgeStyle.Data);
    }

    [Fact]
    public void Layers_fed_the_same_side_input_still_fold_and_the_side_input_is_drawn_once()
    {
        var model = TestModels.Decoder.Create();
        var g = DiagramBuilder.Build(model, model.Root, 1, new BlockCatalog(model.Root), "Decoder", "");

        var card = Assert.Single(g.Nodes, n => n.Kind == DiagramNodeKind.Block);
        Assert.Equal(2, card.Repeat);
        var side = g.Nodes.Where(n => n.Kind == DiagramNodeKind.Side).ToList();
        Assert.Equal(2, side.Count);
        Assert.All(side, s => Assert.Single(g.Edges, e => e.Source == s.Id && e.Target == card.Id));
        Assert.Equal(["Input", "embed_tokens", "DecoderLayer", "lm_head"], MainPath(g));
    }

    [Fact]
    public void On_a_block_page_side_inputs_from_outside_enter_quietly_named_by_what_built_them()
    {
        var model = TestModels.Decoder.Create();
        var block = model.Root.Children[1].Children[0];
        var g = DiagramBuilder.Build(model, block, 1, new BlockCatalog(model.Root), "DecoderLayer", "");

        Assert.Single(g.Nodes, n => n.Kind == DiagramNodeKind.Input);
        var side = g.Nodes.Where(n => n.Kind == DiagramNodeKind.Side).OrderBy(n => n.Label, StringComparer.Ordinal).ToList();
        Assert.Equal(["mask", "positions"], side.Select(n => n.Label));
        Assert.Equal("full → triu", side[0].Details);
        Assert.All(g.Edges.Where(e => side.Any(s => s.Id == e.Source)), e => Assert.Equal(DiagramEdgeStyle.Side, e.Style));
    }

    [Fact]
    public void A_side_computation_that_feeds_nothing_drawn_is_dropped()
    {
        var b = new TestModels.SpecBuilder();
        int x = b.Input("x", "N×8");
        b.Op("zeros", "8", "");
        b.Output("N×8", b.Module("fc", "N×8", "", x));
        var root = Node("", "Net", ModuleOrigin.Custom, [], Leaf("fc", "Linear", 72, A("inputSize", 8), A("outputSize", 8)));
        var model = new ModelSpec("Net", "Net", "Net", FlowDirection.TopDown, "N,8", -1, root, b.Flow, EquatableArray<NoteSpec>.Empty, null);

        var g = DiagramBuilder.Build(model, root, -1, new BlockCatalog(root), "Net", "");

        Assert.DoesNotContain(g.Nodes, n => n.Kind == DiagramNodeKind.Side || n.Label == "zeros");
        Assert.Equal(3, g.Nodes.Count);
    }

    [Fact]
    public void A_side_node_is_named_after_the_variable_its_result_is_bound_to()
    {
        var model = TestModels.Decoder.Create(named: true);
        var g = DiagramBuilder.Build(model, model.Root, 1, new BlockCatalog(model.Root), "Decoder", "");

        var side = g.Nodes.Where(n => n.Kind == DiagramNodeKind.Side).Select(n => n.Label).Order(StringComparer.Ordinal);
        Assert.Equal(["attention_mask", "position_ids"], side);
    }

    [Fact]
    public void A_side_node_keeps_its_ops_and_their_edges_to_open()
    {
        var model = TestModels.Decoder.Create(named: true);
        var g = DiagramBuilder.Build(model, model.Root, 1, new BlockCatalog(model.Root), "Decoder", "");

        var mask = g.Nodes.Single(n => n.Label == "attention_mask");
        var inside = Assert.IsType<DiagramGraph>(mask.Inside);
        Assert.Equal(["full", "triu"], inside.Nodes.Select(n => n.Label));
        var edge = Assert.Single(inside.Edges);
        Assert.Equal((inside.Nodes[0].Id, inside.Nodes[1].Id), (edge.Source, edge.Target));
        Assert.Equal("16×16", edge.Shape);
        // Nothing that was folded is drawn outside it.
        Assert.DoesNotContain(g.Nodes, n => inside.Nodes.Any(i => i.Id == n.Id) && n != mask);
    }

    [Fact]
    public void A_side_input_entering_a_block_page_from_outside_has_nothing_to_open_but_keeps_its_name()
    {
        var model = TestModels.Decoder.Create(named: true);
        var block = model.Root.Children[1].Children[0];
        var g = DiagramBuilder.Build(model, block, 1, new BlockCatalog(model.Root), "DecoderLayer", "");

        var side = g.Nodes.Where(n => n.Kind == DiagramNodeKind.Side).OrderBy(n => n.Label, StringComparer.Ordinal).ToList();
        Assert.Equal(["attention_mask", "position_ids"], side.Select(n => n.Label));
        Assert.All(side, s => Assert.Null(s.Inside));
    }

    [Fact]
    public void Purpose_names_follow_the_ops()
    {
        Assert.Equal("mask", SideInputs.Purpose(["arange", "lt", "masked_fill"]));
        Assert.Equal("positions", SideInputs.Purpose(["arange", "unsqueeze", "expand"]));
        Assert.Equal("constant", SideInputs.Purpose(["zeros"]));
    }

    [Fact]
    public void Side_nodes_and_edges_are_drawn_small_dashed_and_muted()
    {
        var svg = DocumentationRenderer.Render([TestModels.Decoder.Create()], Support.Options()).Single(f => f.RelativePath == "Decoder.svg").Content;
        Assert.Contains(">mask<", svg, StringComparison.Ordinal);
        Assert.Contains(">full → triu<", svg, StringComparison.Ordinal);
        Assert.Contains("stroke-dasharray=\"4 3\"", svg, StringComparison.Ordinal);
        Assert.DoesNotContain(">arange<", svg, StringComparison.Ordinal);
    }

    private static List<string> MainPath(DiagramGraph g)
    {
        var path = new List<string>();
        var node = g.Nodes.Single(n => n.Kind == DiagramNodeKind.Input);
        while (true)
        {
            path.Add(node.Kind == DiagramNodeKind.Layer ? node.Path : node.Label);
            var next = g.Edges.FirstOrDefault(e => e.Source == node.Id && e.Style == DiagramEdgeStyle.Data);
            if (next is null) break;
            node = g.Nodes.Single(n => n.Id == next.Target);
            if (node.Kind == DiagramNodeKind.Output) break;
        }
        return path;
    }
}
