using NetVizGen.Model.Specs;
using NetVizGen.Rendering.Diagram;
using static NetVizGen.Rendering.Tests.TestModels.SpecBuilder;

namespace NetVizGen.Rendering.Tests.Diagram;

/// <summary>A parameter or buffer read in forward is named from the page it is drawn on.</summary>
public class OwnParameterNameTests
{
    // RL_Matrix's dueling net: sharedModules.0 is a NoisyLinear whose forward adds its noise buffer to its weight.
    private static (ModelSpec Model, ModuleSpec Block) Noisy()
    {
        var b = new TestModels.SpecBuilder();
        int x = b.Input("x", "N×8");
        int weight = b.With(b.Op("parameter", "256×8", "sharedModules.0"), new ArgSpec("name", ArgValue.FromString("sharedModules.0._linear.weight")));
        int noise = b.With(b.Op("parameter", "256×8", "sharedModules.0"),
            new ArgSpec("name", ArgValue.FromString("sharedModules.0._weight_epsilon")), new ArgSpec("buffer", ArgValue.FromBool(true)));
        int noisy = b.Merge("add", "256×8", "sharedModules.0", weight, noise);
        int linear = b.Op("linear", "N×256", "sharedModules.0", x, noisy);
        b.Output("N×256", linear);
        var block = Node("sharedModules.0", "NoisyLinear", ModuleOrigin.Custom, [], Leaf("sharedModules.0._linear", "Linear", 2304));
        var root = Node("", "Net", ModuleOrigin.Custom, [], Node("sharedModules", "ModuleList", ModuleOrigin.Container, [], block));
        return (new ModelSpec("Net", "Net", "Net", FlowDirection.TopDown, "N,8", -1, root, b.Flow, EquatableArray<NoteSpec>.Empty, null), block);
    }

    private static List<string> ParameterLabels(DiagramGraph g) =>
        g.Nodes.Where(n => n.Label.StartsWith("parameter", StringComparison.Ordinal) || n.Label.StartsWith("buffer", StringComparison.Ordinal))
            .Select(n => n.Label).ToList();

    [Fact]
    public void A_block_page_names_its_parameters_from_the_block()
    {
        var (model, block) = Noisy();

        var g = DiagramBuilder.Build(model, block, -1, new BlockCatalog(model.Root), "NoisyLinear", "");

        Assert.Equal(["parameter _linear.weight", "buffer _weight_epsilon"], ParameterLabels(g));
    }

    [Fact]
    public void The_model_page_keeps_the_full_path()
    {
        var (model, _) = Noisy();

        var g = DiagramBuilder.Build(model, model.Root, -1, new BlockCatalog(model.Root), "Net", "");

        Assert.Equal(["parameter sharedModules.0._linear.weight", "buffer sharedModules.0._weight_epsilon"], ParameterLabels(g));
    }
}
