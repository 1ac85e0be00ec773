using ModelZoo;
using TorchSharp;
using static TorchSharp.torch;

namespace NetVizGen.Oracle.Tests;

/// <summary>
/// One model of the zoo as the oracle runs it.
/// </summary>
/// <param name="Id">The manifest id the generator gives its <c>[Diagram]</c>: the <c>Name</c> when set,
/// otherwise the class name.</param>
/// <param name="Create">Builds the same model the <c>[Diagram]</c> documents (class constructor with its
/// defaults, or the attributed factory method).</param>
/// <param name="DeclaredInput">The <c>Input</c> text of the <c>[Diagram]</c> attribute, as written.</param>
/// <param name="SmallInput">A cheap input shape for the runtime tests (the comparison uses the declared one).</param>
/// <param name="TokenVocab">When non-zero, the model takes int64 token ids below this bound instead of floats.</param>
/// <param name="KnownGap">A documented extraction gap: the comparison must then differ only in shapes the
/// static side does not know (and must still differ, so the entry is updated when the gap closes).</param>
public sealed record ZooEntry(
    string Id,
    Func<nn.Module<Tensor, Tensor>> Create,
    string DeclaredInput,
    long[] SmallInput,
    long TokenVocab = 0,
    string? KnownGap = null)
{
    /// <summary>A deterministic input tensor of <paramref name="shape"/> for this model.</summary>
    public Tensor MakeInput(long[] shape)
    {
        TorchRuntime.Ensure();
        var gen = new Generator(0);
        return TokenVocab > 0
            ? torch.randint(0, TokenVocab, shape, dtype: ScalarType.Int64, generator: gen)
            : torch.randn(shape, generator: gen);
    }

    /// <summary>The declared input with symbolic dimensions (<c>N</c>) bound to 1.</summary>
    public long[] DeclaredInputShape => ParseInput(DeclaredInput);

    /// <summary>Parses an attribute input such as <c>N,3,224,224</c>; non-numeric dims become 1.</summary>
    public static long[] ParseInput(string text) =>
        text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(d => long.TryParse(d, out var v) ? v : 1L)
            .ToArray();

    public override string ToString() => Id;
}

/// <summary>
/// The single table mapping each manifest id to a factory and an input. Keep it in step with the
/// <c>[Diagram]</c> attributes in sample-projects/ModelZoo (a test checks the declared inputs and ids).
/// </summary>
public static class ZooTable
{
    public static readonly IReadOnlyList<ZooEntry> Entries = new ZooEntry[]
    {
        new("Mlp", () => new Mlp(), "N,1,28,28", [1, 1, 28, 28]),
        new("LeNet5", () => new LeNet5(), "N,1,28,28", [1, 1, 28, 28]),
        new("AlexNet", () => new AlexNet(), "N,3,224,224", [1, 3, 64, 64]),
        new("Vgg16Bn", () => new Vgg16Bn(), "N,3,224,224", [1, 3, 32, 32]),
        new("ResNet18", () => ResNet.ResNet18(), "N,3,224,224", [1, 3, 64, 64]),
        new("ResNet50", () => ResNet.ResNet50(), "N,3,224,224", [1, 3, 64, 64]),
        new("MobileNetV2", () => new MobileNetV2(), "N,3,224,224", [1, 3, 64, 64]),
        new("GoogLeNetMini", () => new GoogLeNetMini(), "N,3,224,224", [1, 3, 64, 64]),
        new("UNet", () => new UNet(), "N,3,64,64", [1, 3, 64, 64]),
        new("DenseNetMini", () => new DenseNetMini(), "N,3,64,64", [1, 3, 64, 64]),
        new("TinyTransformer", () => new TinyTransformer(), "N,16,32", [1, 16, 32]),
        new("StdTransformer", () => new StdTransformer(), "N,16,64", [1, 16, 64]),
        new("CharLstm", () => new CharLstm(), "N,64", [1, 64], TokenVocab: 65),
        new("SharedWeightsMlp", () => new SharedWeightsMlp(), "N,32", [1, 32]),
        new("RegistrationSemantics", () => new RegistrationSemantics(), "N,8,16", [1, 8, 16]),
        // Models from the TorchVision package (read from its decompiled code).
        new("TorchVisionResNet50", () => PackageModels.ResNet50(), "N,3,224,224", [1, 3, 64, 64]),
        new("TorchVisionInceptionV3", () => PackageModels.InceptionV3(), "N,3,299,299", [1, 3, 299, 299]),
        new("TorchVisionMobileNetV3Large", () => PackageModels.MobileNetV3Large(), "N,3,224,224", [1, 3, 64, 64]),
        new("ResNet34", () => ResNet34Factory.ResNet34(), "N,3,224,224", [1, 3, 64, 64]),
        new("FlatUNet", () => new FlatUNet(), "N,1,64,64", [1, 1, 64, 64]),
        new("LlamaDecoder", () => new LlamaDecoder(), "N,16", [1, 16], TokenVocab: 256),
    };

    /// <summary>The zoo's package models and the torchvision factory each one calls (see <see cref="TorchVisionTable.Pending"/>).</summary>
    public static readonly IReadOnlyDictionary<string, string> TorchVisionTwin = new Dictionary<string, string>
    {
        ["TorchVisionResNet50"] = "tv_resnet50",
        ["TorchVisionInceptionV3"] = "tv_inception_v3",
        ["TorchVisionMobileNetV3Large"] = "tv_mobilenet_v3_large",
    };

    public static ZooEntry Get(string id) =>
        Entries.FirstOrDefault(e => e.Id == id) ?? throw new KeyNotFoundException($"no zoo entry '{id}'");

    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var e in Entries) data.Add(e.Id);
        return data;
    }

    /// <summary>Builds the model and runs it through the oracle at <paramref name="shape"/> (default: the small input).</summary>
    public static RuntimeReport Run(string id, long[]? shape = null)
    {
        var entry = Get(id);
        TorchRuntime.Ensure();
        using var scope = torch.NewDisposeScope();
        var model = entry.Create();
        try
        {
            var input = entry.MakeInput(shape ?? entry.SmallInput);
            return OracleHarness.Run(model, input);
        }
        finally
        {
            model.Dispose();
        }
    }
}
