using NetVizGen.Model.Specs;
using NetVizGen.Rendering.Diagram;
using static NetVizGen.Rendering.Tests.TestModels.SpecBuilder;

namespace NetVizGen.Rendering.Tests.Diagram;

/// <summary>Never an empty picture: an untraceable forward still draws the module tree, with a note.</summary>
public class HierarchyFallbackTests
{
    private static ModelSpec Untraced(bool withTerminals)
    {
        var b = new TestModels.SpecBuilder();
        if (withTerminals) b.Output("", b.Input("x", "N×16"));
        ModuleSpec Layer(int i) => Node("layers." + i, "Block", ModuleOrigin.Custom, [],
            Leaf($"layers.{i}.fc1", "Linear", 1088, A("inputSize", 16), A("outputSize", 64)),
            Leaf($"layers.{i}.act", "GELU", 0),
            Leaf($"layers.{i}.fc2", "Linear", 1040, A("inputSize", 64), A("outputSize", 16)));
        var root = Node("", "Decoder", ModuleOrigin.Custom, [],
            Leaf("embed", "Linear", 272, A("inputSize", 16), A("outputSize", 16)),
            Node("layers", "ModuleList", ModuleOrigin.Container, [], Layer(0), Layer(1)),
            Leaf("head", "Linear", 170, A("inputSize", 16), A("outputSize", 10)));
        return new ModelSpec("Decoder", "Decoder", "Decoder", FlowDirection.TopDown, "N,16", -1, root, b.Flow, EquatableArray<NoteSpec>.Empty, null);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Without_a_traced_flow_the_module_tree_is_drawn_in_registration_order(bool withTerminals)
    {
        var model = Untraced(withTerminals);
        var g = DiagramBuilder.Build(model, model.Root, -1, new BlockCatalog(model.Root), "Decoder", "N×16 → ?");

        Assert.Equal(["embed", "layers.0.fc1", "layers.0.act", "layers.0.fc2", "layers.1.fc1", "layers.1.act", "layers.1.fc2", "head"], g.Nodes.Select(n => n.Path));
        Assert.Equal(["c.layers", "c.layers.0", "c.layers.1"], g.Clusters.Select(c => c.Id));
        Assert.Equal("c.layers", g.Clusters.Single(c => c.Id == "c.layers.0").Parent);
        Assert.Equal("c.layers.1", g.Nodes.Single(n => n.Path == "layers.1.fc2").Cluster);
        Assert.All(g.Edges, e => Assert.Equal(DiagramEdgeStyle.Order, e.Style));
        Assert.Equal(7, g.Edges.Count);
        Assert.Equal("N×16 → ? · " + HierarchyFallback.Note, g.Subtitle);
    }

    [Fact]
    public void At_block_depth_the_blocks_are_cards_that_fold_and_the_svg_says_the_flow_is_unknown()
    {
        var model = Untraced(true);
        var g = DiagramBuilder.Build(model, model.Root, 1, new BlockCatalog(model.Root), "Decoder", "");
        var card = Assert.Single(g.Nodes, n => n.Kind == DiagramNodeKind.Block);
        Assert.Equal(2, card.Repeat);
        Assert.Equal(3, g.Nodes.Count);

        var files = DocumentationRenderer.Render([model], Support.Options());
        var svg = files.Single(f => f.RelativePath == "Decoder.svg").Content;
        Assert.Contains("data flow unknown", svg, StringComparison.Ordinal);
        Assert.Contains("stroke-dasharray=\"1 3\"", svg, StringComparison.Ordinal);
        // The block's own page is not empty either.
        var blockSvg = files.Single(f => f.RelativePath == "Decoder.Block.svg").Content;
        Assert.Contains("GELU", blockSvg, StringComparison.Ordinal);
    }
}
