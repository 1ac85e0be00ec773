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

    // Tacotron2: return (mel_specgram, mel_specgram_postnet, gate_outputs, alignments), an unnamed tuple of variables.
    private static DiagramGraph ReturnedVariables(string first, string second, bool bindThird = true)
    {
        var b = new TestModels.SpecBuilder();
        int x = b.Input("x", "N×8");
        int a = b.Bind(b.Module("a", "N×4", "", x), first);
        int c = b.Bind(b.Module("c", "N×4", "", a), second);
        int d = b.Module("d", "N×1", "", c);
        if (bindThird) b.Bind(d, "gate_outputs");
        b.Output("output.0", "N×4", a);
        b.Output("output.1", "N×4", c);
        b.Output("output.2", "N×1", d);
        var root = Node("", "Net", ModuleOrigin.Custom, [], Leaf("a", "Linear", 36), Leaf("c", "Linear", 20), Leaf("d", "Linear", 5));
        return Build(b, root);
    }

    private static List<string> OutputLabels(DiagramGraph g) => g.Nodes.Where(n => n.Kind == DiagramNodeKind.Output).Select(n => n.Label).ToList();

    [Fact]
    public void The_elements_of_an_unnamed_returned_tuple_read_the_variables_returned()
    {
        Assert.Equal(["mel_specgram", "mel_specgram_postnet", "gate_outputs"], OutputLabels(ReturnedVariables("mel_specgram", "mel_specgram_postnet")));
    }

    [Fact]
    public void Returned_values_that_are_not_each_their_own_variable_keep_their_numbers_all_of_them()
    {
        // One element computed in the return statement: no name for it, so none for the others either.
        Assert.Equal(["Output 1", "Output 2", "Output 3"], OutputLabels(ReturnedVariables("mel_specgram", "mel_specgram_postnet", bindThird: false)));
        // Two elements from variables of one name (x = a(x); ... return (x0, x, ...)): not told apart by it.
        Assert.Equal(["Output 1", "Output 2", "Output 3"], OutputLabels(ReturnedVariables("x", "x")));
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

    // RetinaHead: forward(List<Tensor> inputs) returns (clsOutputs, regOutputs), a list each; FPN built the five
    // feature maps in one loop variable x, so the caller's names do not tell them apart.
    internal static (ModelSpec Model, ModuleSpec Head) Retina(bool ports)
    {
        var b = new TestModels.SpecBuilder();
        int x = b.Input("x", "N×4×16×16");
        var cls = new List<int>();
        var reg = new List<int>();
        var features = new List<int>();
        for (int i = 0; i < 3; i++)
        {
            int f = b.Bind(b.Module("neck.convs." + i, "N×4×16×16", "neck", x), "x");
            if (ports) b.Port(f, "head", PortSide.Input, $"inputs[{i}]", i);
            features.Add(f);
        }
        for (int i = 0; i < 3; i++)
        {
            // Traced level by level: cls then reg of one feature map, then the next.
            cls.Add(b.Bind(b.Module("head.cls", "N×8×" + (i + 1), "head", features[i]), "clsOutput"));
            reg.Add(b.Bind(b.Module("head.reg", "N×4×" + (i + 1), "head", features[i]), "regOutput"));
        }
        if (ports)
            for (int i = 0; i < 3; i++)
            {
                b.Port(cls[i], "head", PortSide.Output, $"clsOutputs[{i}]", i);
                b.Port(reg[i], "head", PortSide.Output, $"regOutputs[{i}]", 3 + i);
            }
        // The caller concatenates the regressions first.
        int catReg = b.Merge("cat", "N×4×6", "", [.. reg]);
        int catCls = b.Merge("cat", "N×8×6", "", [.. cls]);
        b.Output("output.0", "N×8×6", catCls);
        b.Output("output.1", "N×4×6", catReg);
        var head = Node("head", "RetinaHead", ModuleOrigin.Custom, [], Leaf("head.cls", "Conv2d", 20), Leaf("head.reg", "Conv2d", 20));
        var neck = Node("neck", "FPN", ModuleOrigin.Custom, [], Leaf("neck.convs.0", "Conv2d", 20), Leaf("neck.convs.1", "Conv2d", 20), Leaf("neck.convs.2", "Conv2d", 20));
        var root = Node("", "Net", ModuleOrigin.Custom, [], neck, head);
        return (new ModelSpec("Net", "Net", "Net", FlowDirection.TopDown, "N,4,16,16", -1, root, b.Flow, EquatableArray<NoteSpec>.Empty, null), head);
    }

    [Fact]
    public void A_block_pages_inputs_that_one_caller_variable_holds_read_the_blocks_parameter_with_its_index()
    {
        var (model, head) = Retina(ports: true);

        var g = DiagramBuilder.Build(model, head, -1, new BlockCatalog(model.Root), "RetinaHead", "");

        Assert.Equal(["inputs[0]", "inputs[1]", "inputs[2]"], g.Nodes.Where(n => n.Kind == DiagramNodeKind.Input).Select(n => n.Label));
    }

    [Fact]
    public void A_block_pages_outputs_read_the_returned_names_in_the_order_forward_returns_them()
    {
        var (model, head) = Retina(ports: true);

        var g = DiagramBuilder.Build(model, head, -1, new BlockCatalog(model.Root), "RetinaHead", "");

        // The rest of the model reads the regressions first; the block returns the classifications first.
        Assert.Equal(["clsOutputs[0]", "clsOutputs[1]", "clsOutputs[2]", "regOutputs[0]", "regOutputs[1]", "regOutputs[2]"],
            g.Nodes.Where(n => n.Kind == DiagramNodeKind.Output).Select(n => n.Label));
        var into = g.Edges.Where(e => e.Target.StartsWith("out", StringComparison.Ordinal)).ToDictionary(e => g.Nodes.Single(n => n.Id == e.Target).Label, e => e.Shape);
        Assert.Equal("N×8×1", into["clsOutputs[0]"]);
        Assert.Equal("N×4×3", into["regOutputs[2]"]);
    }

    [Fact]
    public void Without_the_blocks_names_several_inputs_and_outputs_stay_Input_and_Output()
    {
        var (model, head) = Retina(ports: false);

        var g = DiagramBuilder.Build(model, head, -1, new BlockCatalog(model.Root), "RetinaHead", "");

        Assert.All(g.Nodes.Where(n => n.Kind == DiagramNodeKind.Input), n => Assert.Equal("Input", n.Label));
        Assert.All(g.Nodes.Where(n => n.Kind == DiagramNodeKind.Output), n => Assert.Equal("Output", n.Label));
    }

    private static DiagramGraph Build(TestModels.SpecBuilder b, ModuleSpec root)
    {
        var model = new ModelSpec("Net", "Net", "Net", FlowDirection.TopDown, "N,8", -1, root, b.Flow, EquatableArray<NoteSpec>.Empty, null);
        return DiagramBuilder.Build(model, root, -1, new BlockCatalog(root), "Net", "");
    }
}
