using System.Collections.Concurrent;
using ModelZoo;
using TorchSharp;
using static TorchSharp.torch;

namespace NetVizGen.Oracle.Tests;

/// <summary>Runs each zoo model once (small input) and caches the report for the tests of this run.</summary>
internal static class Reports
{
    private static readonly ConcurrentDictionary<string, RuntimeReport> Cache = new();

    public static RuntimeReport Small(string id) => Cache.GetOrAdd(id, key => ZooTable.Run(key));
}

/// <summary>Runtime facts about the zoo that can be verified by hand or against torchvision.</summary>
[Collection(TorchCollection.Name)]
public sealed class RuntimeHarnessTests
{
    private const string X = "\u00D7";

    [Theory]
    [InlineData("Mlp", 235_146L)]
    [InlineData("LeNet5", 61_706L)]
    [InlineData("AlexNet", 61_100_840L)]
    [InlineData("Vgg16Bn", 138_365_992L)]
    [InlineData("ResNet18", 11_689_512L)]
    [InlineData("ResNet50", 25_557_032L)]
    [InlineData("MobileNetV2", 3_504_872L)]
    [InlineData("CharLstm", 225_505L)]
    public void Total_parameters_match_the_reference_numbers(string id, long expected)
    {
        var r = Reports.Small(id);
        Assert.Equal(expected, r.TotalParameters);
        Assert.Equal(expected, r.TotalTrainable);
    }

    [Theory]
    [InlineData("Mlp", "1×10")]
    [InlineData("LeNet5", "1×10")]
    [InlineData("AlexNet", "1×1000")]
    [InlineData("Vgg16Bn", "1×1000")]
    [InlineData("ResNet18", "1×1000")]
    [InlineData("ResNet50", "1×1000")]
    [InlineData("MobileNetV2", "1×1000")]
    [InlineData("GoogLeNetMini", "1×1000")]
    [InlineData("UNet", "1×2×64×64")]
    [InlineData("DenseNetMini", "1×10")]
    [InlineData("TinyTransformer", "1×10")]
    [InlineData("StdTransformer", "1×10")]
    [InlineData("CharLstm", "1×64×65")]
    public void Output_shape(string id, string expected) => Assert.Equal(expected, Reports.Small(id).OutputShapeText);

    // torchvision's Inception v3 runs its auxiliary classifier only in training mode; the oracle runs eval.
    private static bool UncalledInEval(string id, string path) =>
        id == "TorchVisionInceptionV3" && path.StartsWith("AuxLogits.", StringComparison.Ordinal);

    [Theory]
    [MemberData(nameof(ZooTable.Ids), MemberType = typeof(ZooTable))]
    public void Report_is_self_consistent(string id)
    {
        var r = Reports.Small(id);
        Assert.Equal("", r.Modules[0].Path);
        Assert.Equal(r.Modules.Count, r.Modules.Select(m => m.Path).Distinct().Count());

        // Every call is a leaf's; every leaf with parameters is called at least once (nothing dead).
        var leaves = r.Modules.Where(m => m.IsLeaf).ToDictionary(m => m.Path);
        Assert.All(r.Calls, c => Assert.True(leaves.ContainsKey(c.Path), $"{c.Path} is not a leaf"));
        // A shared instance's calls carry its first path (one hook per object).
        var called = r.Calls.Select(c => c.Path).ToHashSet();
        Assert.All(leaves.Values.Where(l => l.Parameters > 0 && !UncalledInEval(id, l.Path)), l => Assert.Contains(l.InstancePath, called));
        Assert.All(r.Calls, c => Assert.Null(leaves[c.Path].SharedWith));

        // A parent's recursive counts are at least the sum of its direct children's.
        foreach (var parent in r.Modules)
        {
            var prefix = parent.Path.Length == 0 ? "" : parent.Path + ".";
            var children = r.Modules.Where(m => m.Path.StartsWith(prefix, StringComparison.Ordinal)
                                                && m.Path.Length > prefix.Length
                                                && !m.Path[prefix.Length..].Contains('.')).ToList();
            if (children.Count == 0) continue;
            if (r.Modules.Any(m => m.SharedWith != null))
            {
                // Shared weights are counted once, so only each child on its own bounds the parent.
                Assert.All(children, c => Assert.True(parent.Parameters >= c.Parameters, $"{parent.Path}: parameters"));
                continue;
            }
            Assert.True(parent.Parameters >= children.Sum(c => c.Parameters), $"{parent.Path}: parameters");
            Assert.True(parent.Buffers >= children.Sum(c => c.Buffers), $"{parent.Path}: buffers");
        }

        // The last call produced the model's output (true for every zoo model: each ends in a layer).
        Assert.Equal(r.OutputShapeText, r.Calls[^1].Shape);
    }

    [Fact]
    public void LeNet5_tree_calls_and_shapes()
    {
        var r = Reports.Small("LeNet5");
        Assert.Equal(new[] { "", "conv1", "conv2", "pool", "relu", "fc1", "fc2", "fc3" }, r.Paths);
        Assert.Equal(new[] { "LeNet5", "Conv2d", "Conv2d", "MaxPool2d", "ReLU", "Linear", "Linear", "Linear" },
                     r.Modules.Select(m => m.TypeName));
        Assert.Equal(
            new[]
            {
                $"conv1 -> 1{X}6{X}28{X}28", $"relu -> 1{X}6{X}28{X}28", $"pool -> 1{X}6{X}14{X}14",
                $"conv2 -> 1{X}16{X}10{X}10", $"relu -> 1{X}16{X}10{X}10", $"pool -> 1{X}16{X}5{X}5",
                $"fc1 -> 1{X}120", $"relu -> 1{X}120", $"fc2 -> 1{X}84", $"relu -> 1{X}84", $"fc3 -> 1{X}10",
            },
            r.Calls.Select(c => c.ToString()));
        Assert.Equal(156, r.Module("conv1").Parameters);
        Assert.Equal(48_120, r.Module("fc1").Parameters);
    }

    [Fact]
    public void ResNet18_paths_downsample_and_shapes()
    {
        var r = Reports.Small("ResNet18");
        Assert.Equal(new[] { "conv1", "bn1", "relu", "maxpool", "layer1", "layer2", "layer3", "layer4", "avgpool", "fc" },
                     r.Paths.Skip(1).Take(10));
        Assert.Equal("ResNet", r.Module("").TypeName);
        Assert.Equal("BasicBlock", r.Module("layer1.0").TypeName);
        Assert.Equal("Conv2d", r.Module("layer1.0.conv1").TypeName);
        Assert.Equal(36_864, r.Module("layer1.0.conv1").Parameters);       // 64·64·3·3, no bias
        Assert.Equal(129, r.Module("bn1").Buffers);                         // running mean+var (64 each) + num_batches_tracked
        Assert.DoesNotContain("layer1.0.downsample", r.Paths);              // optional block absent when shapes agree
        Assert.Equal("Sequential", r.Module("layer2.0.downsample").TypeName);
        Assert.Equal("Conv2d", r.Module("layer2.0.downsample.0").TypeName);
        Assert.Equal("BatchNorm2d", r.Module("layer2.0.downsample.1").TypeName);
        Assert.Equal(513_000, r.Module("fc").Parameters);

        // TorchSharp's named_modules() order: all children of a module, then each child's subtree.
        var paths = r.Paths.ToList();
        Assert.True(paths.IndexOf("layer1.1") < paths.IndexOf("layer1.0.conv1"));

        var calls = r.Calls.Select(c => c.Path).ToList();
        Assert.Equal(new[] { "conv1", "bn1", "relu", "maxpool", "layer1.0.conv1", "layer1.0.bn1", "layer1.0.relu",
                             "layer1.0.conv2", "layer1.0.bn2", "layer1.0.relu" }, calls.Take(10));
        int start = calls.IndexOf("layer2.0.conv1");
        Assert.Equal(new[] { "layer2.0.conv1", "layer2.0.bn1", "layer2.0.relu", "layer2.0.conv2", "layer2.0.bn2",
                             "layer2.0.downsample.0", "layer2.0.downsample.1", "layer2.0.relu" },
                     calls.Skip(start).Take(8));
        var shape = r.Calls.GroupBy(c => c.Path).ToDictionary(g => g.Key, g => g.Last().Shape);   // last call per path
        Assert.Equal($"1{X}64{X}32{X}32", r.Calls[0].Shape);               // 64×64 input, stride-2 conv
        Assert.Equal($"1{X}64{X}16{X}16", shape["maxpool"]);
        Assert.Equal($"1{X}128{X}8{X}8", shape["layer2.0.downsample.1"]);
        Assert.Equal($"1{X}512{X}2{X}2", shape["layer4.1.bn2"]);
        Assert.Equal($"1{X}512{X}1{X}1", shape["avgpool"]);
        Assert.Equal(1 + 16 + 3, r.Modules.Count(m => m.TypeName == "Conv2d"));   // stem + 8 blocks × 2 + 3 projections
    }

    [Fact]
    public void ResNet50_bottlenecks()
    {
        var r = Reports.Small("ResNet50");
        Assert.Equal("Bottleneck", r.Module("layer1.0").TypeName);
        Assert.Contains("layer1.0.downsample", r.Paths);                    // 64 → 256 channels needs a projection
        Assert.Equal(1_048_576, r.Module("layer4.2.conv3").Parameters);     // 512·2048
        Assert.Equal(2_049_000, r.Module("fc").Parameters);
        Assert.Equal(3 + 4 + 6 + 3, r.Modules.Count(m => m.TypeName == "Bottleneck"));
        Assert.Equal(53, r.Modules.Count(m => m.TypeName == "Conv2d"));
        Assert.Equal($"1{X}2048{X}2{X}2", r.Calls.Last(c => c.Path == "layer4.2.bn3").Shape);
    }

    [Fact]
    public void AlexNet_and_Vgg_sequential_indices()
    {
        var a = Reports.Small("AlexNet");
        Assert.Equal("Conv2d", a.Module("features.3").TypeName);
        Assert.Equal(307_392, a.Module("features.3").Parameters);           // 64·192·5·5 + 192
        Assert.Equal("Linear", a.Module("classifier.6").TypeName);
        Assert.Equal(4_097_000, a.Module("classifier.6").Parameters);
        Assert.Equal($"1{X}256{X}6{X}6", a.Calls.Single(c => c.Path == "avgpool").Shape);

        var v = Reports.Small("Vgg16Bn");
        Assert.Equal("BatchNorm2d", v.Module("features.1").TypeName);
        Assert.Equal("MaxPool2d", v.Module("features.6").TypeName);
        Assert.Equal(13, v.Modules.Count(m => m.TypeName == "Conv2d"));
        Assert.Equal(5, v.Modules.Count(m => m.TypeName == "MaxPool2d"));
        Assert.Equal(44, v.Modules.Count(m => m.Path.StartsWith("features.", StringComparison.Ordinal)));
        Assert.Equal(25_088L * 4096 + 4096, v.Module("classifier.0").Parameters);  // 512·7·7 inputs
    }

    [Fact]
    public void MobileNetV2_inverted_residuals()
    {
        var r = Reports.Small("MobileNetV2");
        Assert.Equal(17, r.Modules.Count(m => m.TypeName == "InvertedResidual"));
        Assert.Equal("Sequential", r.Module("features.0").TypeName);
        Assert.Equal("ReLU6", r.Module("features.0.2").TypeName);
        // t = 1: no expansion conv, so the first block's conv has 3 children (dw ConvBNReLU, pw Conv2d, BN).
        Assert.Equal("Conv2d", r.Module("features.1.conv.1").TypeName);
        Assert.Equal("BatchNorm2d", r.Module("features.1.conv.2").TypeName);
        Assert.Equal("Conv2d", r.Module("features.2.conv.2").TypeName);
        Assert.Equal("Sequential", r.Module("features.18").TypeName);
        Assert.Equal($"1{X}1280{X}2{X}2", r.Calls.Single(c => c.Path == "features.18.2").Shape);
    }

    [Fact]
    public void GoogLeNet_inception_branches_in_ModuleDict()
    {
        var r = Reports.Small("GoogLeNetMini");
        Assert.Equal("ModuleDict", r.Module("inception3a.branches").TypeName);
        Assert.Equal("BasicConv2d", r.Module("stem.conv1").TypeName);
        Assert.Equal("Conv2d", r.Module("inception3a.branches.branch4.1.conv").TypeName);
        var order = r.Calls.Where(c => c.Path.StartsWith("inception3a.", StringComparison.Ordinal))
                           .Select(c => c.Path.Split('.')[2]).Distinct();
        Assert.Equal(new[] { "branch1", "branch2", "branch3", "branch4" }, order);
        // 64 + 128 + 32 + 32 = 256 channels after the cat feed inception3b.
        Assert.Equal(256 * 128, r.Module("inception3b.branches.branch1.conv").Parameters);
    }

    [Fact]
    public void UNet_skip_concatenation_and_up_sampling()
    {
        var r = Reports.Small("UNet");
        Assert.Equal("Up", r.Module("up1").TypeName);
        Assert.Equal("ConvTranspose2d", r.Module("up1.up").TypeName);
        Assert.Equal("Conv2d", r.Module("down1.maxpool_conv.conv.double_conv.conv1").TypeName);
        var shape = r.Calls.GroupBy(c => c.Path).ToDictionary(g => g.Key, g => g.Last().Shape);
        Assert.Equal($"1{X}128{X}8{X}8", shape["down3.maxpool_conv.conv.double_conv.relu2"]);
        Assert.Equal($"1{X}64{X}16{X}16", shape["up1.up"]);
        Assert.Equal($"1{X}64{X}16{X}16", shape["up1.conv.double_conv.conv1"]);   // consumed 64 + 64 channels
        Assert.Equal(128 * 64 * 9, r.Module("up1.conv.double_conv.conv1").Parameters);
        Assert.Equal($"1{X}2{X}64{X}64", shape["outc"]);
    }

    [Fact]
    public void DenseNet_growing_concatenation()
    {
        var r = Reports.Small("DenseNetMini");
        Assert.Equal("ModuleList", r.Module("features.denseblock1.layers").TypeName);
        Assert.Equal("DenseLayer", r.Module("features.denseblock2.layers.3").TypeName);
        var channels = Enumerable.Range(0, 4)
            .Select(i => r.Calls.Single(c => c.Path == $"features.denseblock1.layers.{i}.norm1").Shapes[0][1]);
        Assert.Equal(new long[] { 24, 36, 48, 60 }, channels);               // + growth rate 12 each layer
        Assert.Equal($"1{X}36{X}16{X}16", r.Calls.Single(c => c.Path == "features.transition1.pool").Shape);
        Assert.Equal(84 * 10 + 10, r.Module("classifier").Parameters);       // 36 + 4·12 = 84 features
    }

    [Fact]
    public void Transformers()
    {
        var t = Reports.Small("TinyTransformer");
        Assert.Equal("ModuleList", t.Module("blocks").TypeName);
        Assert.Equal("MultiHeadSelfAttention", t.Module("blocks.1.attn").TypeName);
        Assert.Equal(64 * 64 + 64, t.Module("blocks.1.attn.out_proj").Parameters);
        // The positional embedding Parameter is registered on the root itself: 16·64 elements.
        long children = new[] { "input_proj", "blocks", "norm", "head" }.Sum(p => t.Module(p).Parameters);
        Assert.Equal(16 * 64, t.TotalParameters - children);
        Assert.Equal(new[] { "blocks.0.attn.q_proj", "blocks.0.attn.k_proj", "blocks.0.attn.v_proj",
                             "blocks.0.attn.attn_drop", "blocks.0.attn.out_proj" },
                     t.CallOrder.Where(p => p.StartsWith("blocks.0.attn.", StringComparison.Ordinal)));

        // torch.nn.TransformerEncoder is a native-backed module: TorchSharp shows it as one leaf.
        var s = Reports.Small("StdTransformer");
        Assert.Equal(new[] { "", "encoder", "norm", "classifier" }, s.Paths);
        Assert.True(s.Module("encoder").IsLeaf);
        Assert.Equal(66_944, s.Module("encoder").Parameters);               // 2 × (4·64·64+4·64 attn + 2·64·128+128+64 ffn + 2·128 norms)
        Assert.Equal($"16{X}1{X}64", s.Calls[0].Shape);                     // sequence-first
    }

    [Fact]
    public void CharLstm_multi_output_leaf()
    {
        var r = Reports.Small("CharLstm");
        Assert.Equal(new[] { "", "embedding", "lstm", "head" }, r.Paths);
        Assert.Equal(215_040, r.Module("lstm").Parameters);                 // 4·128·(32+128+2) + 4·128·(128+128+2)
        var lstm = r.Calls.Single(c => c.Path == "lstm");
        Assert.Equal(new[] { $"1{X}64{X}128", $"2{X}1{X}128", $"2{X}1{X}128" }, lstm.Shapes.Select(RuntimeReport.FormatShape));
    }

    [Fact]
    public void Shared_weights_are_one_module_listed_under_every_name_and_counted_once()
    {
        var r = Reports.Small("SharedWeightsMlp");
        // named_modules() does not deduplicate: the one Linear appears as shared, tied, body.0 and body.2,
        // each with the instance's full count...
        Assert.Equal(new[] { "", "shared", "body", "tied", "head", "body.0", "body.1", "body.2", "body.3" }, r.Paths);
        Assert.Equal(new string?[] { null, null, null, "shared", null, "shared", null, "shared", null },
                     r.Modules.Select(m => m.SharedWith));
        Assert.All(new[] { "shared", "tied", "body.0", "body.2" }, p => Assert.Equal(32 * 32 + 32, r.Module(p).Parameters));
        // ...but parameters() counts the shared weights once in every ancestor.
        Assert.Equal(32 * 32 + 32, r.Module("body").Parameters);
        Assert.Equal(32 * 32 + 32 + 32 * 10 + 10, r.TotalParameters);
        // A forward hook sees the object: its three calls (body.0, body.2, tied) all report the first path.
        Assert.Equal(new[] { "shared", "body.1", "shared", "body.3", "shared", "head" }, r.CallOrder);
    }

    [Fact]
    public void Harness_handles_a_hand_built_model_and_removes_its_hooks()
    {
        TorchRuntime.Ensure();
        using var model = new LeNet5();
        using var input = torch.randn(2, 1, 28, 28);
        var first = OracleHarness.Run(model, input);
        var second = OracleHarness.Run(model, input);
        Assert.Equal($"2{X}10", first.OutputShapeText);
        Assert.Equal(first.Calls.Count, second.Calls.Count);                 // hooks of the first run were removed
    }
}
