using System.Reflection;
using NetVizGen.Model.Catalog;
using NetVizGen.Model.Specs;
using TorchSharp;

namespace NetVizGen.Model.Tests.Catalog;

/// <summary>
/// Checks the catalog's parameter names and defaults against TorchSharp 0.107.0's <c>torch.nn</c> factory
/// methods by reflection only (no native libtorch is loaded: no TorchSharp code runs).
/// </summary>
public class TorchSharpSignatureTests
{
    private static readonly MethodInfo[] Factories = typeof(torch.nn).GetMethods(BindingFlags.Public | BindingFlags.Static);

    public static TheoryData<string> Layers()
    {
        var data = new TheoryData<string>();
        foreach (var def in LayerCatalog.All.Where(d => d.Category != LayerCategory.Container)) data.Add(def.TypeName);
        return data;
    }

    [Theory]
    [MemberData(nameof(Layers))]
    public void ParametersMatchAnOverload(string typeName)
    {
        Assert.True(LayerCatalog.TryGet(typeName, out var def));
        var overloads = Factories.Where(m => m.Name == typeName).ToArray();
        Assert.True(overloads.Length > 0, "torch.nn has no factory " + typeName);
        var expected = def.Parameters.Select(p => p.Name + "=" + (p.Default?.ToString() ?? "required")).ToArray();
        var actual = overloads.Select(m => m.GetParameters().Where(p => p.Name is not ("device" or "dtype"))
            .Select(p => p.Name + "=" + (Default(p)?.ToString() ?? "required")).ToArray()).ToArray();
        Assert.True(actual.Any(a => a.SequenceEqual(expected)),
            typeName + "(" + string.Join(", ", expected) + ") matches no overload of:\n" + string.Join("\n", actual.Select(a => "  (" + string.Join(", ", a) + ")")));
    }

    [Fact]
    public void CatalogCoversTheRequiredLayers()
    {
        var required = new[]
        {
            "Linear", "Bilinear", "Identity", "Conv1d", "Conv2d", "Conv3d", "ConvTranspose1d", "ConvTranspose2d", "ConvTranspose3d",
            "MaxPool1d", "MaxPool2d", "MaxPool3d", "AvgPool1d", "AvgPool2d", "AvgPool3d", "AdaptiveAvgPool1d", "AdaptiveAvgPool2d",
            "AdaptiveAvgPool3d", "AdaptiveMaxPool1d", "AdaptiveMaxPool2d", "BatchNorm1d", "BatchNorm2d", "BatchNorm3d", "LayerNorm",
            "GroupNorm", "InstanceNorm1d", "InstanceNorm2d", "InstanceNorm3d", "LocalResponseNorm", "Dropout", "Dropout2d", "AlphaDropout",
            "ReLU", "ReLU6", "LeakyReLU", "PReLU", "ELU", "SELU", "CELU", "GELU", "SiLU", "Mish", "Hardswish", "Hardsigmoid", "Hardtanh",
            "Sigmoid", "Tanh", "Softmax", "LogSoftmax", "Softplus", "Softsign", "Tanhshrink", "Threshold", "Flatten", "Unflatten",
            "Embedding", "EmbeddingBag", "RNN", "LSTM", "GRU", "MultiheadAttention", "TransformerEncoderLayer", "TransformerEncoder",
            "TransformerDecoderLayer", "TransformerDecoder", "Transformer", "Upsample", "PixelShuffle", "PixelUnshuffle", "ZeroPad2d",
            "ReflectionPad2d", "ConstantPad1d", "ConstantPad2d", "ConstantPad3d",
        };
        Assert.DoesNotContain(required, n => !LayerCatalog.TryGet(n, out _));
    }

    [Fact]
    public void EveryTorchSharpActivationIsCatalogued()
    {
        // Module classes in TorchSharp.Modules deriving from nothing shape-changing: check by name against the factories.
        var activations = new[] { "ReLU", "ReLU6", "LeakyReLU", "RReLU", "PReLU", "ELU", "SELU", "CELU", "GELU", "SiLU", "Mish", "Hardswish",
            "Hardsigmoid", "Hardtanh", "Hardshrink", "Softshrink", "Sigmoid", "LogSigmoid", "Tanh", "Tanhshrink", "Softmax", "Softmax2d",
            "LogSoftmax", "Softmin", "Softplus", "Softsign", "Threshold", "GLU" };
        Assert.All(activations, a => Assert.Contains(Factories, m => m.Name == a));
        Assert.All(activations, a => Assert.True(LayerCatalog.TryGet(a, out var d) && d.Category == LayerCategory.Activation, a));
    }

    [Fact]
    public void EveryOpIsATorchSharpFunctionOrTensorMethod()
    {
        // torch.fft's one-dim transform is fft_ in C# (the class is fft): the in-place rule below names it fft.
        var names = new[] { typeof(torch), typeof(torch.nn.functional), typeof(torch.Tensor), typeof(torch.nn.utils.rnn), typeof(torch.fft) }
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance))
            .Select(m => m.Name.ToLowerInvariant()).ToHashSet();
        // The tracer names an in-place method by its out-of-place name (x.fill_(0) is "fill").
        names.UnionWith(names.Where(n => n.Length > 1 && n.EndsWith('_') && !n.StartsWith('_')).Select(n => n[..^1]).ToList());
        // "parameter" is the extractor's node for a module's own Parameter read in forward, not a call.
        names.Add("parameter");
        // The tracer's names for the C# indexer on tensors: x[...] reads (TorchSharp's index), x[...] = v
        // writes (TorchSharp's index_put_, in place), and table[indices] by an integer tensor (TorchSharp's
        // indexer taking tensors).
        Assert.Contains("index_put_", names);
        Assert.Contains(typeof(torch.Tensor).GetProperties(), p => p.GetIndexParameters() is [{ ParameterType: var t }] && t == typeof(torch.Tensor[]));
        names.UnionWith(new[] { "index", "index_put", "index_by_tensor" });
        // The tracer's name for matmul with a sparse operand (a graph's adjacency): TorchSharp's matmul.
        Assert.Contains("matmul", names);
        names.Add("sparse_matmul");
        // The tracer's names for C# operators on tensors (x < y, a & b, ~m): TorchSharp's op_LessThan, ...
        names.UnionWith(typeof(torch.Tensor).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.Name.StartsWith("op_", StringComparison.Ordinal)).Select(m => m.Name.Substring(3).ToLowerInvariant()));
        names.UnionWith(new[] { "equals", "notequals", "and", "or", "bitwisenegation" });
        Assert.Empty(OpCatalog.All.Where(op => !names.Contains(op.Name)).Select(op => op.Name));
    }

    private static ArgValue? Default(ParameterInfo p)
    {
        if (!p.HasDefaultValue) return null;
        var v = p.DefaultValue;
        var type = Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType;
        return v switch
        {
            null => ArgValue.Null,
            bool b => ArgValue.FromBool(b),
            long l => ArgValue.FromInt(l),
            int i when !type.IsEnum => ArgValue.FromInt(i),
            double d => ArgValue.FromFloat(d),
            float f => ArgValue.FromFloat(f),
            _ when type.IsEnum => ArgValue.FromSymbol(type.Name + "." + Enum.GetName(type, v)),
            _ => ArgValue.FromString(v.ToString() ?? ""),
        };
    }
}
