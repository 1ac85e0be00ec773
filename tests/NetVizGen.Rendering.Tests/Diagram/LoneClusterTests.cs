using NetVizGen.Model.Specs;
using NetVizGen.Rendering.Diagram;
using static NetVizGen.Rendering.Tests.TestModels.SpecBuilder;

namespace NetVizGen.Rendering.Tests.Diagram;

/// <summary>Boxes that group nothing are not drawn: a one-layer container, and a list whose members are called apart.</summary>
public class LoneClusterTests
{
    [Fact]
    public void A_one_layer_container_has_no_box_and_a_two_layer_one_keeps_its_box()
    {
        var b = new TestModels.SpecBuilder();
        int x = b.Input("x", "N×3×8×8");
        int c1 = b.Module("enc.conv1", "N×4×8×8", "", x);
        int c2 = b.Module("enc.conv2", "N×4×8×8", "", c1);
        int pool = b.Module("down.pool", "N×4×4×4", "", c2);
        b.Output("N×4×4×4", pool);
        var root = Node("", "Net", ModuleOrigin.Custom, [],
            Node("enc", "Sequential", ModuleOrigin.Container, [], Leaf("enc.conv1", "Conv2d", 112), Leaf("enc.conv2", "Conv2d", 148)),
            Node("down", "Sequential", ModuleOrigin.Container, [], Leaf("down.pool", "MaxPool2d", 0)));

        var g = Build(b, root);

        Assert.Contains(g.Clusters, c => c.Id == "c.enc");
        Assert.DoesNotContain(g.Clusters, c => c.Id == "c.down");
        Assert.Null(Assert.Single(g.Nodes, n => n.Path == "down.pool").Cluster);
    }

    [Fact]
    public void A_module_list_whose_members_are_called_apart_has_no_box_and_one_called_in_a_row_keeps_it()
    {
        // A U-Net's encoderLayers[i] and downSamplingLayers[i] called in turn; a transformer's layers one after another.
        var b = new TestModels.SpecBuilder();
        int x = b.Input("x", "N×8");
        x = b.Module("enc.0", "N×8", "", x);
        x = b.Module("down.0", "N×8", "", x);
        x = b.Module("enc.1", "N×8", "", x);
        x = b.Module("down.1", "N×8", "", x);
        x = b.Module("layers.0", "N×8", "", x);
        x = b.Module("layers.1", "N×8", "", x);
        b.Output("N×8", x);
        ModuleSpec List(string name) => Node(name, "ModuleList", ModuleOrigin.Container, [], Leaf(name + ".0", "Linear", 72), Leaf(name + ".1", "Linear", 72));
        var root = Node("", "Net", ModuleOrigin.Custom, [], List("enc"), List("down"), List("layers"));

        var g = Build(b, root);

        Assert.Equal(["c.layers"], g.Clusters.Select(c => c.Id));
    }

    private static DiagramGraph Build(TestModels.SpecBuilder b, ModuleSpec root)
    {
        var model = new ModelSpec("Net", "Net", "Net", FlowDirection.TopDown, "N,8", -1, root, b.Flow, EquatableArray<NoteSpec>.Empty, null);
        return DiagramBuilder.Build(model, root, -1, new BlockCatalog(root), "Net", "");
    }
}
