using NetVizGen.Model.Specs;
using NetVizGen.Rendering.Diagram;
using static NetVizGen.Rendering.Tests.TestModels.SpecBuilder;

namespace NetVizGen.Rendering.Tests.Diagram;

/// <summary>An edge between two cards that carries several tensors says so, instead of showing the first one's shape.</summary>
public class EdgeShapeTests
{
    [Fact]
    public void A_backbones_feature_maps_into_the_neck_are_one_edge_labelled_with_every_shape()
    {
        // AutoFormerV2: the backbone returns three feature maps, the FPN reads all three.
        var b = new TestModels.SpecBuilder();
        int x = b.Input("x", "N×3×128×128");
        int s1 = b.Module("backbone.s1", "N×128×16×16", "backbone", x);
        int s2 = b.Module("backbone.s2", "N×256×8×8", "backbone", s1);
        int s3 = b.Module("backbone.s3", "N×448×4×4", "backbone", s2);
        int l1 = b.Module("neck.l1", "N×256×16×16", "neck", s1);
        int l2 = b.Module("neck.l2", "N×256×8×8", "neck", s2);
        int l3 = b.Module("neck.l3", "N×256×4×4", "neck", s3);
        int sum = b.Merge("add", "N×256×16×16", "neck", l1, l2, l3);
        b.Output("N×256×16×16", sum);
        var backbone = Node("backbone", "Backbone", ModuleOrigin.Custom, [], Leaf("backbone.s1", "Conv2d", 10), Leaf("backbone.s2", "Conv2d", 10), Leaf("backbone.s3", "Conv2d", 10));
        var neck = Node("neck", "FPN", ModuleOrigin.Custom, [], Leaf("neck.l1", "Conv2d", 10), Leaf("neck.l2", "Conv2d", 10), Leaf("neck.l3", "Conv2d", 10));
        var root = Node("", "Net", ModuleOrigin.Custom, [], backbone, neck);
        var model = new ModelSpec("Net", "Net", "Net", FlowDirection.TopDown, "N,3,128,128", -1, root, b.Flow, EquatableArray<NoteSpec>.Empty, null);

        var g = DiagramBuilder.Build(model, root, 1, new BlockCatalog(root), "Net", "");

        var edge = Assert.Single(g.Edges, e => e.Source.Contains("backbone", StringComparison.Ordinal) && e.Target.Contains("neck", StringComparison.Ordinal));
        Assert.Equal("N×128×16×16, N×256×8×8, N×448×4×4", edge.Shape);
        Assert.True(edge.ShowShape);
    }

    [Theory]
    [InlineData(new[] { "N×64" }, "N×64")]
    [InlineData(new[] { "N×64", "N×64" }, "N×64 (×2)")]
    [InlineData(new[] { "N×64", "" }, "N×64, ?")]
    [InlineData(new[] { "N×2304×4", "N×576×4", "N×144×4", "N×36×4", "N×9×4" }, "N×2304×4, …, N×9×4 (5 tensors)")]
    public void Several_shapes_read_in_order_and_many_are_shortened(string[] shapes, string label) =>
        Assert.Equal(label, EdgeShapes.Label(shapes));

    [Fact]
    public void One_tensor_read_twice_through_ops_not_drawn_stays_one_shape()
    {
        // DenseNet: the block reads its input for the first layer and again, through a contiguous that is not drawn, in its cat.
        var b = new TestModels.SpecBuilder();
        int x = b.Input("x", "N×24×32×32");
        int pool = b.Module("pool", "N×24×32×32", "", x);
        int same = b.Op("contiguous", "N×24×32×32", "block", pool);
        int conv = b.Module("block.conv", "N×12×32×32", "block", pool);
        int cat = b.Merge("cat", "N×36×32×32", "block", same, conv);
        b.Output("N×36×32×32", cat);
        var block = Node("block", "DenseBlock", ModuleOrigin.Custom, [], Leaf("block.conv", "Conv2d", 10));
        var root = Node("", "Net", ModuleOrigin.Custom, [], Leaf("pool", "MaxPool2d", 0), block);
        var model = new ModelSpec("Net", "Net", "Net", FlowDirection.TopDown, "N,24,32,32", -1, root, b.Flow, EquatableArray<NoteSpec>.Empty, null);

        var g = DiagramBuilder.Build(model, root, 1, new BlockCatalog(root), "Net", "");

        Assert.Equal("N×24×32×32", Assert.Single(g.Edges, e => e.Target.Contains("block", StringComparison.Ordinal)).Shape);
    }

    [Fact]
    public void An_input_every_layer_reads_is_a_quiet_reference_beside_each_reader()
    {
        // A mesh GCN: x enters the first layer; the edge index enters all three.
        var b = new TestModels.SpecBuilder();
        int x = b.Input("x", "642×16");
        int edges = b.Input("edgeIndex", "2×4482");
        int c1 = b.Module("conv1", "642×32", "", x, edges);
        int c2 = b.Module("conv2", "642×32", "", c1, edges);
        int c3 = b.Module("conv3", "642×3", "", c2, edges);
        b.Output("642×3", c3);
        var root = Node("", "Net", ModuleOrigin.Custom, [], Leaf("conv1", "Linear", 10), Leaf("conv2", "Conv1d", 10), Leaf("conv3", "Bilinear", 10));
        var model = new ModelSpec("Net", "Net", "Net", FlowDirection.TopDown, "x=642,16;edgeIndex=2,4482", -1, root, b.Flow, EquatableArray<NoteSpec>.Empty, null);

        var g = DiagramBuilder.Build(model, root, -1, new BlockCatalog(root), "Net", "");

        var references = g.Nodes.Where(n => n.Kind == DiagramNodeKind.Side && n.Label == "edgeIndex").ToList();
        Assert.Equal(3, references.Count);
        Assert.All(references, r => Assert.Single(g.Edges, e => e.Source == r.Id && e.Style == DiagramEdgeStyle.Side));
        Assert.Equal("x", Assert.Single(g.Nodes, n => n.Kind == DiagramNodeKind.Input).Label); // the data keeps its node
    }

    [Fact]
    public void Repeated_layers_that_each_read_the_mask_fold_into_one_card_with_one_reference()
    {
        // RoBERTa's encoder: three identical layers, each reading the attention mask given to the encoder.
        var b = new TestModels.SpecBuilder();
        int x = b.Input("x", "N×16×8");
        int mask = b.Input("attentionMask", "N×1×1×16");
        int h = x;
        for (int i = 0; i < 3; i++)
        {
            int q = b.Module($"layer.{i}.fc", "N×16×8", $"layer.{i}", h, mask);
            h = q;
        }
        b.Output("N×16×8", h);
        ModuleSpec Layer(int i) => Node($"layer.{i}", "Layer", ModuleOrigin.Custom, [], Leaf($"layer.{i}.fc", "Linear", 72));
        var list = Node("layer", "ModuleList", ModuleOrigin.Container, [], Layer(0), Layer(1), Layer(2));
        var root = Node("", "Encoder", ModuleOrigin.Custom, [], list);
        var model = new ModelSpec("Net", "Net", "Net", FlowDirection.TopDown, "x=N,16,8;attentionMask=N,1,1,16", -1, root, b.Flow, EquatableArray<NoteSpec>.Empty, null);

        var g = DiagramBuilder.Build(model, root, 1, new BlockCatalog(root), "Encoder", "");

        var card = Assert.Single(g.Nodes, n => n.Kind == DiagramNodeKind.Block);
        Assert.Equal(3, card.Repeat);
        var reference = Assert.Single(g.Nodes, n => n.Kind == DiagramNodeKind.Side && n.Label == "attentionMask");
        Assert.Single(g.Edges, e => e.Source == reference.Id && e.Target == card.Id);
    }
}
