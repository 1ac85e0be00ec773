using NetVizGen.Model.Specs;
using NetVizGen.Rendering.Diagram;
using NetVizGen.Rendering.Layout;
using NetVizGen.Rendering.Svg;
using static NetVizGen.Rendering.Tests.TestModels.SpecBuilder;

namespace NetVizGen.Rendering.Tests.Layout;

/// <summary>Inputs read left to right in the order forward takes them, whatever order the trace met them in.</summary>
public class InputOrderTests
{
    private static List<string> InputsLeftToRight(DiagramGraph g)
    {
        var layout = DiagramPainter.Layout.Run(DiagramPainter.Request(g, FlowDirection.TopDown));
        return g.Nodes.Where(n => n.Kind == DiagramNodeKind.Input).OrderBy(n => layout.Nodes[n.Id].X).Select(n => n.Label).ToList();
    }

    // forward(image, mask): the mask is read first (a gate the image then passes through) and the image goes a long way
    // round, which crossing reduction alone draws with the mask on the left.
    private static ModelSpec ImageAndMask()
    {
        var b = new TestModels.SpecBuilder();
        int image = b.Input("image", "N×3×8×8");
        int mask = b.Input("mask", "N×1×8×8");
        int gate = b.Module("gate", "N×1×8×8", "", mask);
        int stem = b.Module("stem", "N×3×8×8", "", image);
        int body = b.Module("body", "N×3×8×8", "", stem);
        int mixed = b.Op("mul", "N×3×8×8", "", gate, body);
        b.Output("N×3×8×8", mixed);
        var root = Node("", "Net", ModuleOrigin.Custom, [], Leaf("gate", "Conv2d", 2), Leaf("stem", "Conv2d", 30), Leaf("body", "Conv2d", 30));
        return new ModelSpec("Net", "Net", "Net", FlowDirection.TopDown, "N,3,8,8;N,1,8,8", -1, root, b.Flow, EquatableArray<NoteSpec>.Empty, null);
    }

    [Fact]
    public void A_models_inputs_keep_the_order_of_forwards_parameters()
    {
        var model = ImageAndMask();

        var g = DiagramBuilder.Build(model, model.Root, 1, new BlockCatalog(model.Root), "Net", "");
        var group = Assert.Single(DiagramPainter.Request(g, FlowDirection.TopDown).KeepOrder);

        Assert.Equal(g.Nodes.Where(n => n.Kind == DiagramNodeKind.Input).Select(n => n.Id), group);
        Assert.Equal(["image", "mask"], InputsLeftToRight(g));
    }

    // A block called with its list argument built in reverse (head([p5, p4, p3])): the trace meets p3 first, but p3 is
    // the block's inputs[2].
    [Fact]
    public void A_block_pages_inputs_follow_its_arguments_not_the_trace()
    {
        var b = new TestModels.SpecBuilder();
        int x = b.Input("x", "N×4×16×16");
        var features = new List<int>();
        for (int i = 0; i < 3; i++)
        {
            int f = b.Bind(b.Module("neck.convs." + i, "N×4×16×16", "neck", x), "p" + (3 + i));
            b.Port(f, "head", PortSide.Input, $"inputs[{2 - i}]", 2 - i);
            features.Add(f);
        }
        var outs = features.Select((f, i) => b.Module("head.convs." + i, "N×2×16×16", "head", f)).ToArray();
        int cat = b.Merge("cat", "N×6×16×16", "", outs);
        b.Output("N×6×16×16", cat);
        var head = Node("head", "Head", ModuleOrigin.Custom, [], Leaf("head.convs.0", "Conv2d", 10), Leaf("head.convs.1", "Conv2d", 10), Leaf("head.convs.2", "Conv2d", 10));
        var neck = Node("neck", "Neck", ModuleOrigin.Custom, [], Leaf("neck.convs.0", "Conv2d", 20), Leaf("neck.convs.1", "Conv2d", 20), Leaf("neck.convs.2", "Conv2d", 20));
        var root = Node("", "Net", ModuleOrigin.Custom, [], neck, head);
        var model = new ModelSpec("Net", "Net", "Net", FlowDirection.TopDown, "N,4,16,16", -1, root, b.Flow, EquatableArray<NoteSpec>.Empty, null);

        var g = DiagramBuilder.Build(model, head, -1, new BlockCatalog(model.Root), "Head", "");

        // Labelled by the caller's names (they tell the three apart), placed by the block's argument order.
        Assert.Equal(["p5", "p4", "p3"], InputsLeftToRight(g));
    }

    [Fact]
    public void A_block_pages_inputs_without_known_places_are_left_to_crossing_reduction()
    {
        var (model, head) = Diagram.EndpointLabelTests.Retina(ports: false);

        var g = DiagramBuilder.Build(model, head, -1, new BlockCatalog(model.Root), "RetinaHead", "");

        Assert.Empty(DiagramPainter.Request(g, FlowDirection.TopDown).KeepOrder);
    }
}
