using NetVizGen.Model.Specs;
using NetVizGen.Rendering.Diagram;
using static NetVizGen.Rendering.Tests.TestModels.SpecBuilder;

namespace NetVizGen.Rendering.Tests.Diagram;

/// <summary>Output selectors (one output of LSTM's (output, h, c)) are edges, not boxes.</summary>
public class SelectorTests
{
    [Fact]
    public void A_selected_output_is_drawn_as_an_edge_from_the_producer_with_its_own_shape()
    {
        var b = new TestModels.SpecBuilder();
        int x = b.Input("x", "N×64×32");
        int lstm = b.Module("lstm", "(N×64×128, 2×N×128, 2×N×128)", "", x);
        int out0 = b.Op("getitem", "N×64×128", "", lstm);
        b.Op("getitem", "2×N×128", "", lstm); // h: selected but never used
        int fc = b.Module("fc", "N×64×65", "", out0);
        b.Output("N×64×65", fc);
        var root = Node("", "CharLstm", ModuleOrigin.Custom, [], Leaf("lstm", "LSTM", 215040), Leaf("fc", "Linear", 8385));
        var model = new ModelSpec("CharLstm", "CharLstm", "CharLstm", FlowDirection.TopDown, "N,64", -1, root, b.Flow, EquatableArray<NoteSpec>.Empty, null);

        var g = DiagramBuilder.Build(model, root, -1, new BlockCatalog(root), "CharLstm", "");

        Assert.DoesNotContain(g.Nodes, n => n.Label.Contains("getitem"));
        Assert.Equal(4, g.Nodes.Count); // input, lstm, fc, output
        var lstmNode = g.Nodes.Single(n => n.Label.StartsWith("LSTM", StringComparison.Ordinal) || n.Id.Contains("lstm"));
        var edge = Assert.Single(g.Edges, e => e.Source == lstmNode.Id);
        Assert.Equal("N×64×128", edge.Shape);
    }

    [Fact]
    public void A_block_whose_caller_reads_one_output_of_a_tuple_ends_in_that_outputs_shape()
    {
        // Tacotron2's encoder block ends in pad_packed_sequence's (padded, lengths); the caller reads the
        // padded tensor. The block page's Output (and its summary) must say N×16×512, not the tuple or N.
        var b = new TestModels.SpecBuilder();
        int x = b.Input("x", "N×16×512");
        int lstm = b.Module("encoder.lstm", "(N×16×512, 2×N×256, 2×N×256)", "encoder", x);
        int out0 = b.Op("getitem", "N×16×512", "encoder", lstm);
        int pad = b.Op("pad_packed_sequence", "(N×16×512, N)", "encoder", out0);
        int padded = b.Op("getitem", "N×16×512", "encoder", pad);
        b.Op("getitem", "N", "encoder", pad); // the lengths, discarded: computed last, read by no one
        int fc = b.Module("fc", "N×16×80", "", padded);
        b.Output("N×16×80", fc);
        var encoder = Node("encoder", "Encoder", ModuleOrigin.Custom, [], Leaf("encoder.lstm", "LSTM", 1574912));
        var root = Node("", "Tts", ModuleOrigin.Custom, [], encoder, Leaf("fc", "Linear", 41040));
        var model = new ModelSpec("Tts", "Tts", "Tts", FlowDirection.TopDown, "N,16,512", -1, root, b.Flow, EquatableArray<NoteSpec>.Empty, null);

        var g = DiagramBuilder.Build(model, encoder, -1, new BlockCatalog(root), "Tts", "");

        var output = Assert.Single(g.Nodes, n => n.Kind == DiagramNodeKind.Output);
        Assert.Equal("N×16×512", Assert.Single(g.Edges, e => e.Target == output.Id).Shape);
        Assert.Equal("N×16×512", ModelFacts.ShapeOf(model, "encoder"));
    }

    [Fact]
    public void A_block_read_twice_has_one_output_shape_and_a_container_of_branches_lists_each()
    {
        // A shared block called twice (its output read by two consumers) is N×8, not "(N×8, N×8)"; a dict of
        // branches whose outputs the caller concatenates lists each branch's shape.
        var b = new TestModels.SpecBuilder();
        int x = b.Input("x", "N×8");
        int first = b.Module("shared.fc", "N×8", "shared", x);
        int second = b.Module("shared.fc", "N×8", "shared", first);
        int left = b.Module("branches.a", "N×4", "branches", first);
        int right = b.Module("branches.b", "N×2", "branches", second);
        int cat = b.Op("cat", "N×6", "", left, right);
        b.Output("N×6", cat);
        var root = Node("", "Net", ModuleOrigin.Custom, [],
            Node("shared", "Block", ModuleOrigin.Custom, [], Leaf("shared.fc", "Linear", 72)),
            Node("branches", "ModuleDict", ModuleOrigin.Container, [], Leaf("branches.a", "Linear", 36), Leaf("branches.b", "Linear", 18)));
        var model = new ModelSpec("Net", "Net", "Net", FlowDirection.TopDown, "N,8", -1, root, b.Flow, EquatableArray<NoteSpec>.Empty, null);

        Assert.Equal("N×8", ModelFacts.ShapeOf(model, "shared"));
        Assert.Equal("(N×4, N×2)", ModelFacts.ShapeOf(model, "branches"));
    }
}
