using NetVizGen.Model.Specs;
using NetVizGen.Rendering.Diagram;
using static NetVizGen.Rendering.Tests.TestModels.SpecBuilder;

namespace NetVizGen.Rendering.Tests.Diagram;

/// <summary>Input and output ovals: "Input"/"Output" when there is one, their names when there are several.</summary>
public class EndpointLabelTests
{
    [Fact]
    public void A_single_input_and_output_read_Input_and_Output()
    {
        var b = new TestModels.SpecBuilder();
        int x = b.Input("x", "N×8");
        int fc = b.Module("fc", "N×4", "", x);
        b.Output("N×4", fc);
        var root = Node("", "Net", ModuleOrigin.Custom, [], Leaf("fc", "Linear", 36));

        var g = Build(b, root);

        Assert.Equal("Input", Assert.Single(g.Nodes, n => n.Kind == DiagramNodeKind.Input).Label);
        Assert.Equal("Output", Assert.Single(g.Nodes, n => n.Kind == DiagramNodeKind.Output).Label);
    }

    [Fact]
    public void Several_inputs_and_outputs_are_labelled_by_parameter_and_element_name()
    {
        // SAM's mask decoder: image embeddings and prompt embeddings in; masks and IoU predictions out.
        var b = new TestModels.SpecBuilder();
        int image = b.Input("image_embeddings", "N×256×64×64");
        int prompt = b.Input("sparse_prompt_embeddings", "N×2×256");
        int fc = b.Module("fc", "N×4", "", image, prompt);
        int head = b.Module("head", "N×1", "", fc);
        b.Output("output.masks", "N×4", fc);
        b.Output("output.1", "N×1", head);
        var root = Node("", "Net", ModuleOrigin.Custom, [], Leaf("fc", "Linear", 36), Leaf("head", "Linear", 5));

        var g = Build(b, root);

        Assert.Equal(["image_embeddings", "sparse_prompt_embeddings"], g.Nodes.Where(n => n.Kind == DiagramNodeKind.Input).Select(n => n.Label).Order(StringComparer.Ordinal));
        Assert.Equal(["Output 2", "masks"], g.Nodes.Where(n => n.Kind == DiagramNodeKind.Output).Select(n => n.Label).OrderBy(l => l, StringComparer.Ordinal));
    }

    [Fact]
    public void A_block_pages_inputs_from_outside_read_the_callers_variable_names()
    {
        // The segmentation U-Net's attention gate, called as gate.call((skip, upSampled)).
        var b = new TestModels.SpecBuilder();
        int x = b.Input("x", "N×4×8×8");
        int skip = b.Bind(b.Module("enc", "N×4×8×8", "", x), "skip");
        int up = b.Bind(b.Module("up", "N×4×8×8", "", x), "upSampled");
        int theta = b.Module("gate.theta", "N×4×8×8", "gate", skip);
        int phi = b.Module("gate.phi", "N×4×8×8", "gate", up);
        int sum = b.Merge("add", "N×4×8×8", "gate", theta, phi);
        b.Output("N×4×8×8", sum);
        var gate = Node("gate", "AttentionGate", ModuleOrigin.Custom, [], Leaf("gate.theta", "Conv2d", 20), Leaf("gate.phi", "Conv2d", 20));
        var root = Node("", "Net", ModuleOrigin.Custom, [], Leaf("enc", "Conv2d", 20), Leaf("up", "Conv2d", 20), gate);
        var model = new ModelSpec("Net", "Net", "Net", FlowDirection.TopDown, "N,4,8,8", -1, root, b.Flow, EquatableArray<NoteSpec>.Empty, null);

        var g = DiagramBuilder.Build(model, gate, -1, new BlockCatalog(root), "AttentionGate", "");

        Assert.Equal(["skip", "upSampled"], g.Nodes.Where(n => n.Kind == DiagramNodeKind.Input).Select(n => n.Label).Order(StringComparer.Ordinal));
    }

    private static DiagramGraph Build(TestModels.SpecBuilder b, ModuleSpec root)
    {
        var model = new ModelSpec("Net", "Net", "Net", FlowDirection.TopDown, "N,8", -1, root, b.Flow, EquatableArray<NoteSpec>.Empty, null);
        return DiagramBuilder.Build(model, root, -1, new BlockCatalog(root), "Net", "");
    }
}
