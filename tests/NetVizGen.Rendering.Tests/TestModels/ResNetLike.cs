using NetVizGen.Model.Specs;
using static NetVizGen.Rendering.Tests.TestModels.SpecBuilder;

namespace NetVizGen.Rendering.Tests.TestModels;

/// <summary>
/// A ResNet-18-shaped model built by hand: layer1 holds two identical BasicBlocks (fold ×2);
/// layer2..4 start with a stride-2 block with a downsample branch followed by a plain block.
/// </summary>
internal static class ResNetLike
{
    public const string SourceFile = "/src/proj/Models/ResNet.cs";

    public static ModelSpec Create(int depth = -1, FlowDirection direction = FlowDirection.TopDown, int stages = 4)
    {
        var f = new SpecBuilder();
        var children = new List<ModuleSpec>
        {
            Leaf("conv1", "Conv2d", 9408, A("in_channels", 3), A("out_channels", 64), A("kernel_size", 7), A("stride", 2), A("padding", 3), new("bias", ArgValue.FromBool(false))),
            Leaf("bn1", "BatchNorm2d", 128, A("num_features", 64)),
            Leaf("relu", "ReLU", 0),
            Leaf("maxpool", "MaxPool2d", 0, A("kernel_size", 3), A("stride", 2), A("padding", 1)),
        };
        int x = f.Input("x", "N×3×224×224");
        x = f.Module("conv1", "N×64×112×112", "", x);
        x = f.Module("bn1", "N×64×112×112", "", x);
        x = f.Module("relu", "N×64×112×112", "", x);
        x = f.Module("maxpool", "N×64×56×56", "", x);
        int inPlanes = 64, size = 56;
        for (int s = 1; s <= stages; s++)
        {
            int planes = 64 << (s - 1), stride = s == 1 ? 1 : 2;
            size = s == 1 ? size : size / 2;
            var b0 = Block($"layer{s}.0", inPlanes, planes, stride);
            var b1 = Block($"layer{s}.1", planes, planes, 1);
            children.Add(Node($"layer{s}", "Sequential", ModuleOrigin.Container, [], b0, b1));
            string shape = $"N×{planes}×{size}×{size}";
            x = BlockFlow(f, b0.Path, x, shape, stride != 1 || inPlanes != planes);
            x = BlockFlow(f, b1.Path, x, shape, false);
            inPlanes = planes;
        }
        children.Add(Leaf("avgpool", "AdaptiveAvgPool2d", 0, T("output_size", 1, 1)));
        children.Add(Leaf("fc", "Linear", inPlanes * 1000 + 1000, A("inputSize", inPlanes), A("outputSize", 1000)));
        x = f.Module("avgpool", $"N×{inPlanes}×1×1", "", x);
        x = f.Op("flatten", $"N×{inPlanes}", "", x);
        x = f.Module("fc", "N×1000", "", x);
        f.Output("N×1000", x);
        var root = Node("", "ResNet18", ModuleOrigin.Custom, [A("num_classes", 1000)], [.. children]) with
        {
            Source = new SourceSpan(SourceFile, 0, 10, 41, 4, 41, 14),
        };
        return new ModelSpec("ResNet18", "ResNet-18", "Zoo.ResNet18", direction, "N×3×224×224", depth, root, f.Flow,
            new[] { new NoteSpec("NVG0102", NoteSeverity.Info, "Shapes assume a 224×224 input.", null) }.ToEquatableArray(),
            new SourceSpan(SourceFile, 0, 10, 41, 4, 41, 14));
    }

    private static ModuleSpec Block(string path, int inPlanes, int planes, int stride)
    {
        var kids = new List<ModuleSpec>
        {
            Leaf(path + ".conv1", "Conv2d", (long)inPlanes * planes * 9, A("in_channels", inPlanes), A("out_channels", planes), A("kernel_size", 3), A("stride", stride), A("padding", 1)),
            Leaf(path + ".bn1", "BatchNorm2d", 2 * planes, A("num_features", planes)),
            Leaf(path + ".relu", "ReLU", 0),
            Leaf(path + ".conv2", "Conv2d", (long)planes * planes * 9, A("in_channels", planes), A("out_channels", planes), A("kernel_size", 3), A("stride", 1), A("padding", 1)),
            Leaf(path + ".bn2", "BatchNorm2d", 2 * planes, A("num_features", planes)),
        };
        if (stride != 1 || inPlanes != planes)
            kids.Add(Node(path + ".downsample", "Sequential", ModuleOrigin.Container, [],
                Leaf(path + ".downsample.0", "Conv2d", (long)inPlanes * planes, A("in_channels", inPlanes), A("out_channels", planes), A("kernel_size", 1), A("stride", stride)),
                Leaf(path + ".downsample.1", "BatchNorm2d", 2 * planes, A("num_features", planes))));
        return Node(path, "BasicBlock", ModuleOrigin.Custom, [A("in_planes", inPlanes), A("planes", planes), A("stride", stride)], [.. kids]) with
        {
            Source = new SourceSpan("/src/proj/Models/BasicBlock.cs", 0, 10, 11, 4, 11, 14),
        };
    }

    private static int BlockFlow(SpecBuilder f, string p, int x, string shape, bool downsample)
    {
        int y = f.Module(p + ".conv1", shape, p, x);
        y = f.Module(p + ".bn1", shape, p, y);
        y = f.Module(p + ".relu", shape, p, y);
        y = f.Module(p + ".conv2", shape, p, y);
        y = f.Module(p + ".bn2", shape, p, y);
        int identity = x;
        if (downsample)
        {
            identity = f.Module(p + ".downsample.0", shape, p + ".downsample", x);
            identity = f.Module(p + ".downsample.1", shape, p + ".downsample", identity);
        }
        int sum = f.Merge("add", shape, p, y, identity);
        return f.Module(p + ".relu", shape, p, sum);
    }
}
