using NetVizGen.Model.Specs;
using static NetVizGen.Rendering.Tests.TestModels.SpecBuilder;

namespace NetVizGen.Rendering.Tests.TestModels;

/// <summary>A three-layer MLP in a Sequential: small enough for full expansion.</summary>
internal static class Mlp
{
    public static ModelSpec Create(FlowDirection direction = FlowDirection.TopDown)
    {
        var f = new SpecBuilder();
        int x = f.Input("x", "N×784");
        x = f.Module("layers.0", "N×256", "layers", x);
        x = f.Module("layers.1", "N×256", "layers", x);
        x = f.Module("layers.2", "N×256", "layers", x);
        x = f.Module("layers.3", "N×10", "layers", x);
        f.Output("N×10", x);
        var seq = Node("layers", "Sequential", ModuleOrigin.Container, [],
            Leaf("layers.0", "Linear", 784 * 256 + 256, A("inputSize", 784), A("outputSize", 256)),
            Leaf("layers.1", "ReLU", 0),
            Leaf("layers.2", "Dropout", 0, new ArgSpec("p", ArgValue.FromFloat(0.5))),
            Leaf("layers.3", "Linear", 256 * 10 + 10, A("inputSize", 256), A("outputSize", 10)));
        var root = Node("", "Mlp", ModuleOrigin.Custom, [], seq);
        return new ModelSpec("Mlp", "MLP", "Zoo.Mlp", direction, "N×784", -1, root, f.Flow, EquatableArray<NoteSpec>.Empty, null);
    }
}
