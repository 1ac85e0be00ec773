using NetVizGen.Model.Specs;
using NetVizGen.Rendering.Diagram;
using static NetVizGen.Rendering.Tests.TestModels.SpecBuilder;

namespace NetVizGen.Rendering.Tests.Diagram;

/// <summary>A run of shape ops (view → transpose → reshape) is one quiet box; a branch point ends a run.</summary>
public class ShapeRunTests
{
    [Fact]
    public void Consecutive_shape_ops_are_one_box_with_the_runs_shapes_on_its_edges()
    {
        var b = new TestModels.SpecBuilder();
        int x = b.Input("x", "N×16×64");
        int q = b.Module("q", "N×16×64", "", x);
        int view = b.Op("view", "N×16×4×16", "", q);
        int transpose = b.Op("transpose", "N×4×16×16", "", view);
        int contiguous = b.Op("contiguous", "N×4×16×16", "", transpose); // not drawn at all
        int reshape = b.Op("reshape", "N×64×16", "", contiguous);
        int fc = b.Module("fc", "N×64×8", "", reshape);
        b.Output("N×64×8", fc);
        var root = Node("", "Net", ModuleOrigin.Custom, [], Leaf("q", "Linear", 4160), Leaf("fc", "Linear", 136));
        var model = new ModelSpec("Net", "Net", "Net", FlowDirection.TopDown, "N,16,64", -1, root, b.Flow, EquatableArray<NoteSpec>.Empty, null);

        var g = DiagramBuilder.Build(model, root, -1, new BlockCatalog(root), "Net", "");

        var run = Assert.Single(g.Nodes, n => n.Kind == DiagramNodeKind.Op);
        Assert.Equal("view → transpose → reshape", run.Label);
        Assert.Equal("N×16×64", Assert.Single(g.Edges, e => e.Target == run.Id).Shape);
        Assert.Equal("N×64×16", Assert.Single(g.Edges, e => e.Source == run.Id).Shape);
    }

    [Fact]
    public void A_shape_op_whose_result_is_read_twice_ends_the_run_and_long_runs_keep_their_ends()
    {
        var b = new TestModels.SpecBuilder();
        int x = b.Input("x", "N×8×8");
        int a = b.Op("unsqueeze", "N×1×8×8", "", x);
        int c = b.Op("transpose", "N×8×1×8", "", a);
        int d = b.Op("squeeze", "N×8×8", "", c);
        int e = b.Op("permute", "8×N×8", "", d);
        int f = b.Op("view", "8×8N", "", e);
        int left = b.Op("transpose", "8N×8", "", f);
        int right = b.Op("relu", "8×8N", "", f);
        int t = b.Op("t", "8×8N", "", left);
        int sum = b.Op("add", "8×8N", "", t, right);
        b.Output("8×8N", sum);
        var root = Node("", "Net", ModuleOrigin.Custom, []);
        var model = new ModelSpec("Net", "Net", "Net", FlowDirection.TopDown, "N,8,8", -1, root, b.Flow, EquatableArray<NoteSpec>.Empty, null);

        var g = DiagramBuilder.Build(model, root, -1, new BlockCatalog(root), "Net", "");

        // The five ops up to the view form one run (read by two ops, the view ends it); the transpose after it
        // starts another run with the t.
        Assert.Contains(g.Nodes, n => n.Label == "unsqueeze → … → view (5 ops)");
        Assert.Contains(g.Nodes, n => n.Label == "transpose → t");
        Assert.Contains(g.Nodes, n => n.Label == "relu");
    }
}
