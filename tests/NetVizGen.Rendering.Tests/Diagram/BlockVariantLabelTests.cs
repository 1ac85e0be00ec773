using NetVizGen.Model.Specs;
using NetVizGen.Rendering.Diagram;
using static NetVizGen.Rendering.Tests.TestModels.SpecBuilder;

namespace NetVizGen.Rendering.Tests.Diagram;

/// <summary>A block card names its variant only when the name says what differs.</summary>
public class BlockVariantLabelTests
{
    [Fact]
    public void A_variant_told_apart_only_by_its_layers_names_reads_as_its_type_and_keeps_its_own_page()
    {
        // The segmentation editor names each stage's layers by string concatenation: EncoderLayer0_conv1, ...
        ModuleSpec Block(string path, string stage) => Node(path, "ResidualBlock", ModuleOrigin.Custom, [],
            Leaf(path + "." + stage + "_conv1", "Conv2d", 10), Leaf(path + "." + stage + "_norm1", "BatchNorm2d", 2),
            Leaf(path + "." + stage + "_relu1", "ReLU", 0), Leaf(path + "." + stage + "_conv2", "Conv2d", 10));
        var root = Node("", "Net", ModuleOrigin.Custom, [], Block("a", "EncoderLayer0"), Block("b", "EncoderLayer1"));
        var b = new TestModels.SpecBuilder();
        int x = b.Input("x", "N×4×8×8");
        x = b.Module("a.EncoderLayer0_conv1", "N×4×8×8", "a", x);
        x = b.Module("b.EncoderLayer1_conv1", "N×4×8×8", "b", x);
        b.Output("N×4×8×8", x);
        var blocks = new BlockCatalog(root);
        var model = new ModelSpec("Net", "Net", "Net", FlowDirection.TopDown, "N,4,8,8", -1, root, b.Flow, EquatableArray<NoteSpec>.Empty, null);

        var g = DiagramBuilder.Build(model, root, 1, blocks, "Net", "");

        Assert.Equal(["ResidualBlock", "ResidualBlock-changed"], [blocks.ForPath("a")!.Name, blocks.ForPath("b")!.Name]);
        Assert.All(g.Nodes.Where(n => n.Kind == DiagramNodeKind.Block), n => Assert.Equal("ResidualBlock", n.Label));
        Assert.Equal("ResidualBlock-changed", Assert.Single(g.Nodes, n => n.Path == "b").Variant!.Name); // its page keeps the file name
    }
}
