using NetVizGen.Model.Specs;
using NetVizGen.Rendering.Diagram;
using static NetVizGen.Rendering.Tests.TestModels.SpecBuilder;

namespace NetVizGen.Rendering.Tests.Diagram;

/// <summary>A shared layer is drawn where it is called, not where it was first registered.</summary>
public class SharedCallTests
{
    [Fact]
    public void A_shared_layer_called_inside_a_Sequential_is_drawn_inside_it()
    {
        var b = new TestModels.SpecBuilder();
        int x = b.Input("x", "N×32");
        int first = b.Module("shared", "N×32", "body", x);   // body.0 is the instance registered first as "shared"
        int act = b.Module("body.1", "N×32", "body", first);
        b.Output("N×32", act);
        var body = Node("body", "Sequential", ModuleOrigin.Container, [], Leaf("body.0", "Linear", 1056) with { SharedWith = "shared" }, Leaf("body.1", "ReLU", 0));
        var root = Node("", "Net", ModuleOrigin.Custom, [], Leaf("shared", "Linear", 1056), body);
        var model = new ModelSpec("Net", "Net", "Net", FlowDirection.TopDown, "N,32", -1, root, b.Flow, EquatableArray<NoteSpec>.Empty, null);

        var g = DiagramBuilder.Build(model, root, -1, new BlockCatalog(root), "Net", "");

        var linear = g.Nodes.Single(n => n.Label.StartsWith("Linear", StringComparison.Ordinal));
        var cluster = g.Clusters.Single(c => c.Id == linear.Cluster);
        Assert.Equal("body", cluster.Title);
    }
}
