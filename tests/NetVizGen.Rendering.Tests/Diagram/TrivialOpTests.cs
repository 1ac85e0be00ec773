using NetVizGen.Model.Specs;
using NetVizGen.Rendering.Diagram;
using static NetVizGen.Rendering.Tests.TestModels.SpecBuilder;

namespace NetVizGen.Rendering.Tests.Diagram;

/// <summary>Trivial ops vanish: contiguous, clone, detach, to, a cat of one tensor, a view to the same shape.</summary>
public class TrivialOpTests
{
    [Fact]
    public void Ops_that_change_nothing_a_reader_cares_about_are_not_drawn()
    {
        var b = new TestModels.SpecBuilder();
        int x = b.Input("x", "N×4×8");
        int t = b.Op("contiguous", "N×4×8", "", x);
        t = b.Op("clone", "N×4×8", "", t);
        t = b.Op("to", "N×4×8", "", t);
        t = b.Op("view", "N×4×8", "", t);
        t = b.Merge("cat", "N×4×8", "", t);
        int flat = b.Op("reshape", "N×32", "", t);
        b.Output("N×10", b.Module("fc", "N×10", "", flat));
        var root = Node("", "Net", ModuleOrigin.Custom, [], Leaf("fc", "Linear", 330, A("inputSize", 32), A("outputSize", 10)));
        var model = new ModelSpec("Net", "Net", "Net", FlowDirection.TopDown, "N,4,8", -1, root, b.Flow, EquatableArray<NoteSpec>.Empty, null);

        var g = DiagramBuilder.Build(model, root, -1, new BlockCatalog(root), "Net", "");

        Assert.Equal(["input", "reshape", "fc", "output"], g.Nodes.Select(n => n.Kind switch
        {
            DiagramNodeKind.Input => "input", DiagramNodeKind.Output => "output", DiagramNodeKind.Layer => n.Path, _ => n.Path,
        }));
        // The reshape that does change the shape is fed straight from the input, with the input's shape.
        var edge = Assert.Single(g.Edges, e => e.Target == g.Nodes[1].Id);
        Assert.Equal(g.Nodes[0].Id, edge.Source);
        Assert.Equal("N×4×8", edge.Shape);
    }

    [Fact]
    public void A_view_whose_shape_is_not_known_stays_drawn()
    {
        var b = new TestModels.SpecBuilder();
        int x = b.Input("x", "N×4×8");
        int v = b.Op("view", "", "", x);
        b.Output("", b.Module("fc", "", "", v));
        var root = Node("", "Net", ModuleOrigin.Custom, [], Leaf("fc", "Linear", 330));
        var model = new ModelSpec("Net", "Net", "Net", FlowDirection.TopDown, "N,4,8", -1, root, b.Flow, EquatableArray<NoteSpec>.Empty, null);

        var g = DiagramBuilder.Build(model, root, -1, new BlockCatalog(root), "Net", "");

        Assert.Contains(g.Nodes, n => n.Path == "view");
    }
}
