using NetVizGen.Model.Specs;
using NetVizGen.Rendering.Diagram;
using static NetVizGen.Rendering.Tests.TestModels.SpecBuilder;

namespace NetVizGen.Rendering.Tests.Diagram;

/// <summary>Repeats in flat code become one "×N" group card that lists how the arguments change.</summary>
public class PatternFolderTests
{
    [Fact]
    public void A_repeated_stage_in_flat_code_becomes_one_group_card_with_its_argument_progression()
    {
        var model = TestModels.FlatEncoder.Create(skips: false);
        var g = DiagramBuilder.Build(model, model.Root, 1, new BlockCatalog(model.Root), "FlatEncoder", "");

        var group = Assert.Single(g.Nodes, n => n.IsGroup);
        Assert.Equal(3, group.Repeat);
        Assert.Equal("(Conv2d–ReLU)×2–MaxPool2d", group.Label);
        Assert.Equal("Conv2d 1: in_channels 1→16→32, out_channels 16→32→64\nConv2d 2: in_channels 16→32→64, out_channels 16→32→64", group.Details);
        Assert.Equal(15, group.Instances.Count);
        Assert.Equal(600, group.Parameters);
        Assert.Equal(["Input", "(Conv2d–ReLU)×2–MaxPool2d", "head", "Output"], g.Nodes.Select(n => n.Kind == DiagramNodeKind.Layer ? n.Path : n.Label));
        Assert.Contains(g.Edges, e => e.Source == group.Id && e.Target == "m.head" && e.Shape == "N×64×8×8");
    }

    [Fact]
    public void Skips_leaving_the_middle_of_a_run_leave_the_group_card()
    {
        var model = TestModels.FlatEncoder.Create(skips: true);
        var g = DiagramBuilder.Build(model, model.Root, 1, new BlockCatalog(model.Root), "FlatEncoder", "");

        var group = Assert.Single(g.Nodes, n => n.IsGroup);
        Assert.Equal(3, group.Repeat);
        var cats = g.Nodes.Where(n => n.Kind == DiagramNodeKind.Merge).ToList();
        Assert.Equal(3, cats.Count);
        Assert.All(cats, cat => Assert.Contains(g.Edges, e => e.Source == group.Id && e.Target == cat.Id));
        Assert.All(g.Edges, e => Assert.Contains(g.Nodes, n => n.Id == e.Source));
        Assert.All(g.Edges, e => Assert.Contains(g.Nodes, n => n.Id == e.Target));
    }

    [Fact]
    public void A_run_whose_repeats_feed_one_consumer_is_not_grouped_because_the_edges_would_merge()
    {
        var model = TestModels.FlatEncoder.Create(skips: true, oneConsumer: true);
        var g = DiagramBuilder.Build(model, model.Root, 1, new BlockCatalog(model.Root), "FlatEncoder", "");

        Assert.DoesNotContain(g.Nodes, n => n.IsGroup && n.Repeat > 1 && n.Label.Contains("MaxPool2d", StringComparison.Ordinal));
        var cat = Assert.Single(g.Nodes, n => n.Kind == DiagramNodeKind.Merge);
        Assert.Equal(4, g.Edges.Count(e => e.Target == cat.Id));
    }

    [Fact]
    public void The_markdown_layer_table_still_lists_every_layer()
    {
        var page = DocumentationRenderer.Render([TestModels.FlatEncoder.Create(false)], Support.Options()).Single(f => f.RelativePath == "FlatEncoder.md").Content;
        foreach (var name in new[] { "enc1_conv1", "enc2_relu1", "enc3_conv2", "pool3", "head" })
            Assert.Contains("`" + name + "`", page, StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_too_short_to_be_a_pattern_is_left_alone()
    {
        var b = new TestModels.SpecBuilder();
        int x = b.Input("x", "N×8");
        x = b.Module("a", "N×8", "", x);
        x = b.Module("b", "N×8", "", x);
        b.Output("N×8", b.Module("c", "N×8", "", x));
        var root = Node("", "Net", ModuleOrigin.Custom, [], Leaf("a", "Linear", 72), Leaf("b", "ReLU", 0), Leaf("c", "Linear", 72));
        var model = new ModelSpec("Net", "Net", "Net", FlowDirection.TopDown, "N,8", -1, root, b.Flow, EquatableArray<NoteSpec>.Empty, null);

        var g = DiagramBuilder.Build(model, root, -1, new BlockCatalog(root), "Net", "");
        Assert.DoesNotContain(g.Nodes, n => n.IsGroup);
    }

    [Theory]
    [InlineData("Conv,BN,ReLU,Conv,BN,ReLU,Conv,BN,ReLU,Pool", "(Conv–BN–ReLU)×3–Pool")]
    [InlineData("Conv,ReLU,Conv,ReLU,Pool", "(Conv–ReLU)×2–Pool")]
    [InlineData("Linear,Linear,Linear", "Linear×3")]
    [InlineData("Conv,BN,ReLU", "Conv–BN–ReLU")]
    public void Pattern_labels_shorten_inner_repeats(string keys, string expected)
        => Assert.Equal(expected, PatternFolder.PatternText(keys.Split(',')));
}
