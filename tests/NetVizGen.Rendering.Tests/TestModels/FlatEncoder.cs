using NetVizGen.Model.Specs;
using static NetVizGen.Rendering.Tests.TestModels.SpecBuilder;

namespace NetVizGen.Rendering.Tests.TestModels;

/// <summary>A flat (every layer a field) three-stage encoder with U-Net-style skips: repeats only in the field list.</summary>
internal static class FlatEncoder
{
    // A flat encoder: three Conv–ReLU–Conv–ReLU–MaxPool stages with channels 16→32→64, then a head.
    // The output of each stage's last ReLU also leaves as a skip (U-Net style) when skips is true:
    // into a cat of its own, or all into one cat (oneConsumer).
    public static ModelSpec Create(bool skips = true, bool oneConsumer = false)
    {
        var b = new SpecBuilder();
        var layers = new List<ModuleSpec>();
        int x = b.Input("x", "N×1×64×64");
        long inC = 1;
        int size = 64;
        var stageOutputs = new List<int>();
        for (int s = 0; s < 3; s++)
        {
            long outC = 16L << s;
            string shape = $"N×{outC}×{size}×{size}";
            foreach (var (name, type, args) in new (string, string, ArgSpec[])[]
            {
                ($"enc{s + 1}_conv1", "Conv2d", [A("in_channels", inC), A("out_channels", outC), A("kernel_size", 3), A("padding", 1)]),
                ($"enc{s + 1}_relu1", "ReLU", []),
                ($"enc{s + 1}_conv2", "Conv2d", [A("in_channels", outC), A("out_channels", outC), A("kernel_size", 3), A("padding", 1)]),
                ($"enc{s + 1}_relu2", "ReLU", []),
            })
            {
                layers.Add(Leaf(name, type, type == "Conv2d" ? 100 : 0, args));
                x = b.Module(name, shape, "", x);
            }
            stageOutputs.Add(x);
            inC = outC;
            size /= 2;
            layers.Add(Leaf($"pool{s + 1}", "MaxPool2d", 0, A("kernel_size", 2)));
            x = b.Module($"pool{s + 1}", $"N×{outC}×{size}×{size}", "", x);
        }
        layers.Add(Leaf("head", "Conv2d", 130, A("in_channels", 64), A("out_channels", 2), A("kernel_size", 1)));
        x = b.Module("head", $"N×2×{size}×{size}", "", x);
        if (skips && oneConsumer) x = b.Merge("cat", "", "", [x, .. stageOutputs]);
        else if (skips) for (int s = 2; s >= 0; s--) x = b.Merge("cat", "", "", x, stageOutputs[s]);
        b.Output("", x);
        var root = Node("", "FlatEncoder", ModuleOrigin.Custom, [], [.. layers]);
        return new ModelSpec("FlatEncoder", "FlatEncoder", "FlatEncoder", FlowDirection.TopDown, "N,1,64,64", -1, root, b.Flow, EquatableArray<NoteSpec>.Empty, null);
    }
}
