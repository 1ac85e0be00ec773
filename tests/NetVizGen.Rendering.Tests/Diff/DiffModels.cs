using NetVizGen.Model.Specs;
using NetVizGen.Rendering.Tests.TestModels;
using static NetVizGen.Rendering.Tests.TestModels.SpecBuilder;

namespace NetVizGen.Rendering.Tests.Diff;

/// <summary>
/// A small residual CNN with knobs for every edit a reviewer meets: repeat count, an argument, a
/// removed/added layer, a renamed layer, an extra op in forward.
/// </summary>
internal static class DiffModels
{
    public sealed record Knobs(int Blocks = 2, int Classes = 10, bool Dropout = true, string Stem = "stem", bool ExtraRelu = false, int Channels = 16, string Id = "Net");

    public static ModelSpec Create(Knobs? knobs = null)
    {
        var k = knobs ?? new Knobs();
        int c = k.Channels;
        var f = new SpecBuilder();
        string map = $"N×{c}×32×32";
        int x = f.Input("x", "N×3×32×32");
        var children = new List<ModuleSpec> { Leaf(k.Stem, "Conv2d", 3 * c * 9 + c, A("in_channels", 3), A("out_channels", c), A("kernel_size", 3)) };
        x = f.Module(k.Stem, map, "", x);
        if (k.ExtraRelu) x = f.Op("relu", map, "", x);
        var blocks = new List<ModuleSpec>();
        for (int i = 0; i < k.Blocks; i++)
        {
            var p = "layer1." + i;
            blocks.Add(Node(p, "Block", ModuleOrigin.Custom, [A("channels", c)],
                Leaf(p + ".conv", "Conv2d", c * c * 9 + c, A("in_channels", c), A("out_channels", c), A("kernel_size", 3)),
                Leaf(p + ".bn", "BatchNorm2d", 2 * c, A("num_features", c))));
            int skip = x;
            x = f.Module(p + ".conv", map, p, x);
            x = f.Module(p + ".bn", map, p, x);
            x = f.Op("relu", map, p, x);
            x = f.Merge("add", map, p, x, skip);
        }
        children.Add(Node("layer1", "Sequential", ModuleOrigin.Container, [], [.. blocks]));
        x = f.Op("mean", $"N×{c}", "", x);
        if (k.Dropout)
        {
            children.Add(Leaf("drop", "Dropout", 0));
            x = f.Module("drop", $"N×{c}", "", x);
        }
        children.Add(Leaf("fc", "Linear", c * k.Classes + k.Classes, A("inputSize", c), A("outputSize", k.Classes)));
        x = f.Module("fc", $"N×{k.Classes}", "", x);
        f.Output($"N×{k.Classes}", x);
        var root = Node("", "Net", ModuleOrigin.Custom, [A("num_classes", k.Classes)], [.. children]);
        return new ModelSpec(k.Id, k.Id, "Zoo." + k.Id, FlowDirection.TopDown, "N×3×32×32", -1, root, f.Flow, EquatableArray<NoteSpec>.Empty, null);
    }
}
