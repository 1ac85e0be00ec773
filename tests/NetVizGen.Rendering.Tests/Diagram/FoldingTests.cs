using NetVizGen.Model.Specs;
using NetVizGen.Rendering.Diagram;
using NetVizGen.Rendering.Tests.TestModels;

namespace NetVizGen.Rendering.Tests.Diagram;

public class FoldingTests
{
    private static DiagramGraph Overview(ModelSpec model, int depth = 1)
        => DiagramBuilder.Build(model, model.Root, depth, new BlockCatalog(model.Root), model.Title, "");

    [Fact]
    public void Identical_consecutive_blocks_fold_into_one_card()
    {
        var g = Overview(ResNetLike.Create());
        var layer1 = g.Nodes.Where(n => n.Cluster == "c.layer1").ToList();
        var card = Assert.Single(layer1);
        Assert.Equal(DiagramNodeKind.Block, card.Kind);
        Assert.Equal(2, card.Repeat);
        Assert.Equal(["layer1.0", "layer1.1"], card.Instances);
    }

    [Fact]
    public void Blocks_with_different_configuration_are_not_folded()
    {
        var g = Overview(ResNetLike.Create());
        var layer2 = g.Nodes.Where(n => n.Cluster == "c.layer2").ToList();
        Assert.Equal(2, layer2.Count);
        Assert.All(layer2, n => Assert.Equal(1, n.Repeat));
        Assert.Equal("BasicBlock-downsample", layer2[0].Label);
        Assert.Equal("BasicBlock", layer2[1].Label);
    }

    [Fact]
    public void Folding_keeps_the_chain_connected()
    {
        var g = Overview(ResNetLike.Create());
        Assert.Contains(g.Edges, e => e.Source == "b.layer1.0" && e.Target == "b.layer2.0");
        Assert.DoesNotContain(g.Nodes, n => n.Id == "b.layer1.1");
        Assert.All(g.Edges, e => Assert.Contains(g.Nodes, n => n.Id == e.Source));
    }

    [Fact]
    public void Stride_two_block_with_downsample_is_its_own_variant()
    {
        var model = ResNetLike.Create();
        var catalog = new BlockCatalog(model.Root);
        Assert.Equal(["BasicBlock", "BasicBlock-downsample"], catalog.Variants.Select(v => v.Name));
        Assert.NotSame(catalog.ForPath("layer2.0"), catalog.ForPath("layer2.1"));
        Assert.Same(catalog.ForPath("layer1.0"), catalog.ForPath("layer2.1"));
        Assert.Equal(["layer2.0", "layer3.0", "layer4.0"], catalog.ForPath("layer2.0")!.Instances);
    }

    [Fact]
    public void Fold_signature_ignores_paths_but_not_arguments()
    {
        var model = ResNetLike.Create();
        var byPath = model.Root.DescendantsAndSelf().ToDictionary(m => m.Path);
        Assert.Equal(BlockSignature.Fold(byPath["layer1.0"]), BlockSignature.Fold(byPath["layer1.1"]));
        Assert.NotEqual(BlockSignature.Fold(byPath["layer1.1"]), BlockSignature.Fold(byPath["layer2.1"]));
        Assert.Equal(BlockSignature.Structure(byPath["layer1.1"]), BlockSignature.Structure(byPath["layer2.1"]));
    }

    [Fact]
    public void Full_expansion_draws_layers_and_residual_merges()
    {
        var g = Overview(ResNetLike.Create(), depth: -1);
        Assert.DoesNotContain(g.Nodes, n => n.Kind == DiagramNodeKind.Block);
        Assert.Equal(8, g.Nodes.Count(n => n.Kind == DiagramNodeKind.Merge));
        Assert.Contains(g.Clusters, c => c.Id == "c.layer2.0.downsample" && c.Parent == "c.layer2.0");
        // The reused ReLU is called twice per block: two nodes, no self-loop.
        Assert.Contains(g.Nodes, n => n.Id == "m.layer1.0.relu-call2");
        Assert.DoesNotContain(g.Edges, e => e.Source == e.Target);
    }

    [Fact]
    public void Block_page_has_input_output_and_skip_merge()
    {
        var model = ResNetLike.Create();
        var catalog = new BlockCatalog(model.Root);
        var rep = catalog.ForPath("layer1.0")!.Representative;
        var g = DiagramBuilder.Build(model, rep, 1, catalog, "BasicBlock", "");
        Assert.Single(g.Nodes, n => n.Kind == DiagramNodeKind.Input);
        Assert.Single(g.Nodes, n => n.Kind == DiagramNodeKind.Output);
        var add = Assert.Single(g.Nodes, n => n.Kind == DiagramNodeKind.Merge);
        Assert.Contains(g.Edges, e => e.Source == "in0" && e.Target == add.Id); // the identity skip
    }

    [Fact]
    public void Shapes_are_written_only_where_they_change()
    {
        var g = Overview(ResNetLike.Create());
        Assert.True(g.Edges.Single(e => e.Source == "input").ShowShape);
        Assert.False(g.Edges.Single(e => e.Source == "m.bn1").ShowShape); // BN keeps the shape
        Assert.True(g.Edges.Single(e => e.Source == "m.maxpool").ShowShape);
    }
}

public class VariantNamingTests
{
    [Fact]
    public void The_plain_variant_keeps_the_type_name_even_when_a_downsample_block_comes_first()
    {
        // ResNet-50 style: layer1.0 already has a downsample branch (64 → 256 channels).
        var model = TestModels.ResNetLike.Create();
        var root = model.Root;
        var layer2 = root.Children.Single(c => c.Path == "layer2");
        var reordered = root with { Children = root.Children.Where(c => c.Path != "layer1").ToEquatableArray() };
        var catalog = new BlockCatalog(reordered);
        Assert.Equal("BasicBlock-downsample", catalog.ForPath("layer2.0")!.Name);
        Assert.Equal("BasicBlock", catalog.ForPath("layer2.1")!.Name);
        Assert.Equal(layer2.Children[0].Path, catalog.Variants[0].Representative.Path);
    }
}

/// <summary>Variants are named by what sets them apart, never "-v2".</summary>
public class VariantDifferenceTests
{
    private static ModuleSpec Block(string path, params ModuleSpec[] children) => SpecBuilder.Node(path, "Block", ModuleOrigin.Custom, [], children);
    private static ModuleSpec Seq(string path, params ModuleSpec[] children) => SpecBuilder.Node(path, "Sequential", ModuleOrigin.Container, [], children);
    private static ModuleSpec L(string path, string type) => SpecBuilder.Leaf(path, type, 1);

    private static List<string> Names(params ModuleSpec[] blocks)
    {
        var root = SpecBuilder.Node("", "Net", ModuleOrigin.Custom, [], Seq("features", blocks));
        return new BlockCatalog(root).Variants.Select(v => v.Name).ToList();
    }

    [Fact]
    public void A_type_found_only_in_one_variant_names_it()
    {
        var names = Names(
            Block("features.0", Seq("features.0.block", L("features.0.block.0", "Conv2d"), L("features.0.block.1", "ReLU"))),
            Block("features.1", Seq("features.1.block", L("features.1.block.0", "Conv2d"),
                SpecBuilder.Node("features.1.block.1", "SqueezeExcitation", ModuleOrigin.Custom, [], L("features.1.block.1.avgpool", "AdaptiveAvgPool2d")),
                L("features.1.block.2", "ReLU"))),
            Block("features.2", Seq("features.2.block", L("features.2.block.0", "Conv2d"), L("features.2.block.1", "Hardswish"))));
        // The pooling inside the squeeze-excitation is part of what is new, not a second word.
        Assert.Equal(["Block", "Block-SqueezeExcitation", "SqueezeExcitation", "Block-Hardswish"], names);
    }

    [Fact]
    public void A_type_missing_or_repeated_more_often_names_it()
    {
        var names = Names(
            Block("features.0", Seq("features.0.block", L("features.0.block.0", "Conv2d"), L("features.0.block.1", "BatchNorm2d"))),
            Block("features.1", Seq("features.1.block", L("features.1.block.0", "Conv2d"))),
            Block("features.2", Seq("features.2.block", L("features.2.block.0", "Conv2d"), L("features.2.block.1", "BatchNorm2d"), L("features.2.block.2", "Conv2d"))));
        Assert.Equal(["Block", "Block-no-BatchNorm2d", "Block-2xConv2d"], names);
    }

    [Fact]
    public void Names_are_stable_and_an_extra_child_field_still_wins()
    {
        var blocks = new[]
        {
            Block("features.0", L("features.0.conv", "Conv2d")),
            Block("features.1", L("features.1.conv", "Conv2d"), L("features.1.shortcut", "Conv2d")),
        };
        Assert.Equal(["Block", "Block-shortcut"], Names(blocks));
        Assert.Equal(Names(blocks), Names(blocks));
    }
}
