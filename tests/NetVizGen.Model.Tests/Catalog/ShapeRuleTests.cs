using NetVizGen.Model.Catalog;
using NetVizGen.Model.Shapes;
using NetVizGen.Model.Specs;
using static NetVizGen.Model.Tests.Catalog.Args;

namespace NetVizGen.Model.Tests.Catalog;

/// <summary>Layer shape rules against outputs known from PyTorch.</summary>
public class ShapeRuleTests
{
    internal static Shape S(string text)
    {
        Assert.True(Shape.TryParse(text, out var s, out var e), e);
        return s;
    }

    internal static ShapeResult Infer(string type, string input, params (string, object?)[] args)
    {
        Assert.True(LayerCatalog.TryGet(type, out var def));
        return def.InferShape(Of(args), new[] { S(input) });
    }

    private static string Out(string type, string input, params (string, object?)[] args)
    {
        var r = Infer(type, input, args);
        Assert.True(r.Status == ShapeStatus.Ok, r.Error?.Message ?? r.Reason);
        return r.Output!.ToString();
    }

    [Fact]
    public void AlexNetFeatures()
    {
        Assert.Equal("N×64×55×55", Out("Conv2d", "N,3,224,224", ("in_channels", 3), ("out_channels", 64), ("kernel_size", 11), ("stride", 4), ("padding", 2)));
        Assert.Equal("N×64×27×27", Out("MaxPool2d", "N,64,55,55", ("kernel_size", 3), ("stride", 2)));
        Assert.Equal("N×192×27×27", Out("Conv2d", "N,64,27,27", ("in_channels", 64), ("out_channels", 192), ("kernel_size", 5), ("padding", 2)));
        Assert.Equal("N×192×13×13", Out("MaxPool2d", "N,192,27,27", ("kernel_size", 3), ("stride", 2)));
        Assert.Equal("N×256×6×6", Out("MaxPool2d", "N,256,13,13", ("kernel_size", 3), ("stride", 2)));
        Assert.Equal("N×256×6×6", Out("AdaptiveAvgPool2d", "N,256,6,6", ("output_size", new[] { 6, 6 })));
        Assert.Equal("N×9216", Out("Flatten", "N,256,6,6"));
    }

    [Fact]
    public void ResNetStemConcreteAndSymbolic()
    {
        var conv = ("Conv2d", new (string, object?)[] { ("in_channels", 3), ("out_channels", 64), ("kernel_size", 7), ("stride", 2), ("padding", 3), ("bias", false) });
        Assert.Equal("N×64×112×112", Out(conv.Item1, "N,3,224,224", conv.Item2));
        Assert.Equal("N×64×56×56", Out("MaxPool2d", "N,64,112,112", ("kernel_size", 3), ("stride", 2), ("padding", 1)));
        Assert.Equal("N×64×(H+1)/2×(W+1)/2", Out(conv.Item1, "N,3,H,W", conv.Item2));
        var stem = Infer(conv.Item1, "N,3,H,W", conv.Item2).Output!;
        Assert.True(LayerCatalog.TryGet("MaxPool2d", out var pool));
        Assert.Equal("N×64×(H+3)/4×(W+3)/4", pool.InferShape(Of(("kernel_size", 3), ("stride", 2), ("padding", 1)), new[] { stem }).Output!.ToString());
    }

    [Fact]
    public void PoolCeilModeAndTupleOverloads()
    {
        Assert.Equal("N×64×56×56", Out("MaxPool2d", "N,64,112,112", ("kernel_size", 3), ("stride", 2), ("ceil_mode", true)));
        Assert.Equal("N×64×55×55", Out("MaxPool2d", "N,64,112,112", ("kernel_size", 3), ("stride", 2)));
        Assert.Equal("N×8×14×14", Out("MaxPool2d", "N,8,28,28", ("kernel_size", new[] { 2, 2 }), ("stride", null), ("padding", null), ("dilation", null)));
        Assert.Equal("N×8×13×13", Out("MaxPool2d", "N,8,27,27", ("kernel_size", 2)));
        Assert.Equal("N×8×14×14", Out("AvgPool2d", "N,8,27,27", ("kernel_size", 2), ("ceil_mode", true)));
        Assert.Equal("N×8×H/2×W/2", Out("MaxPool2d", "N,8,H,W", ("kernel_size", 2)));
    }

    [Fact]
    public void ConvVariants()
    {
        Assert.Equal("N×64×H×W", Out("Conv2d", "N,32,H,W", ("in_channels", 32), ("out_channels", 64), ("kernel_size", 3), ("padding", "Padding.Same")));
        Assert.Equal("N×16×2*H×2*W", Out("ConvTranspose2d", "N,32,H,W", ("in_channels", 32), ("out_channels", 16), ("kernel_size", 2), ("stride", 2)));
        Assert.Equal("N×16×33×33", Out("ConvTranspose2d", "N,32,16,16", ("in_channels", 32), ("out_channels", 16), ("kernel_size", 3), ("stride", 2), ("padding", 0), ("output_padding", 0)));
        Assert.Equal("N×16×32×32", Out("ConvTranspose2d", "N,32,16,16", ("in_channels", 32), ("out_channels", 16), ("kernel_size", 3), ("stride", 2), ("padding", 1), ("output_padding", 1)));
        Assert.Equal("N×8×98", Out("Conv1d", "N,4,100", ("in_channels", 4), ("out_channels", 8), ("kernel_size", 3)));
        Assert.Equal("N×8×D-2×H-2×W-2", Out("Conv3d", "N,4,D,H,W", ("in_channels", 4), ("out_channels", 8), ("kernel_size", 3)));
        Assert.Equal("N×8×28×24", Out("Conv2d", "N,4,32,32", ("in_channels", 4), ("out_channels", 8), ("kernel_size", new[] { 5, 9 }), ("stride", null), ("padding", null), ("dilation", null)));
        Assert.Equal("8×30×30", Out("Conv2d", "4,32,32", ("in_channels", 4), ("out_channels", 8), ("kernel_size", 3)));
    }

    [Fact]
    public void ChannelMismatchIsStructured()
    {
        var r = Infer("BatchNorm2d", "N,128,56,56", ("num_features", 64));
        Assert.Equal(ShapeStatus.Error, r.Status);
        Assert.Equal(ShapeErrorKind.ChannelMismatch, r.Error!.Kind);
        Assert.Equal(("num_features", 64L, 128L, 1), (r.Error.ArgName, r.Error.Expected!.Value, r.Error.Actual!.Value, r.Error.Axis));
        Assert.Contains("expects num_features 64, got 128", r.Error.Message);

        var conv = Infer("Conv2d", "N,3,32,32", ("in_channels", 1), ("out_channels", 6), ("kernel_size", 5));
        Assert.Equal(ShapeErrorKind.ChannelMismatch, conv.Error!.Kind);
        Assert.Equal("N×6×28×28", conv.Output!.ToString()); // still passes on its configured output

        var linear = Infer("Linear", "N,12544", ("inputSize", 9216), ("outputSize", 4096));
        Assert.Equal(ShapeErrorKind.FeatureMismatch, linear.Error!.Kind);
        Assert.Equal((9216L, 12544L), (linear.Error.Expected!.Value, linear.Error.Actual!.Value));

        // A symbolic channel count cannot be judged: no error.
        Assert.Equal(ShapeStatus.Ok, Infer("BatchNorm2d", "N,C,8,8", ("num_features", 64)).Status);
    }

    [Fact]
    public void NonPositiveSpatialSize()
    {
        var r = Infer("Conv2d", "N,3,4,4", ("in_channels", 3), ("out_channels", 8), ("kernel_size", 7));
        Assert.Equal(ShapeErrorKind.NonPositiveSize, r.Error!.Kind);
    }

    [Fact]
    public void UnknownArgumentsGiveUnknownShapes()
    {
        var r = Infer("Conv2d", "N,3,32,32", ("in_channels", 3), ("out_channels", 8), ("kernel_size", ArgValue.Unknown));
        Assert.Equal(ShapeStatus.Unknown, r.Status);
        Assert.Null(r.Output);
    }

    [Fact]
    public void RecurrentOutputs()
    {
        var lstm = Infer("LSTM", "T,N,128", ("inputSize", 128), ("hiddenSize", 256), ("numLayers", 2), ("bidirectional", true));
        Assert.Equal(new[] { "T×N×512", "4×N×256", "4×N×256" }, lstm.Outputs.Select(s => s.ToString()));
        var gru = Infer("GRU", "N,T,10", ("inputSize", 10), ("hiddenSize", 20), ("batchFirst", true));
        Assert.Equal(new[] { "N×T×20", "1×N×20" }, gru.Outputs.Select(s => s.ToString()));
        Assert.Equal(ShapeErrorKind.FeatureMismatch, Infer("LSTM", "T,N,64", ("inputSize", 128), ("hiddenSize", 256)).Error!.Kind);
    }

    [Fact]
    public void OtherLayers()
    {
        Assert.Equal("N×T×512", Out("Embedding", "N,T", ("num_embeddings", 10000), ("embedding_dims", 512)));
        Assert.Equal("N×64×2*H×2*W", Out("Upsample", "N,64,H,W", ("scale_factor", ArgValue.FromTuple(new[] { ArgValue.FromFloat(2), ArgValue.FromFloat(2) }))));
        Assert.Equal("N×16×64×64", Out("PixelShuffle", "N,64,32,32", ("upscale_factor", 2)));
        Assert.Equal("N×256×16×16", Out("PixelUnshuffle", "N,64,32,32", ("downscale_factor", 2)));
        Assert.Equal("N×3×H+2×W+2", Out("ReflectionPad2d", "N,3,H,W", ("padding", 1)));
        Assert.Equal("N×3×36×34", Out("ZeroPad2d", "N,3,32,32", ("padding", new[] { 1, 1, 2, 2 })));
        Assert.Equal("N×4×5", Out("Unflatten", "N,20", ("dim", 1), ("unflattened_size", new[] { 4, 5 })));
        Assert.Equal("S×N×512", Out("TransformerEncoderLayer", "S,N,512"));
        var mha = Infer("MultiheadAttention", "L,N,256", ("embedded_dim", 256), ("num_heads", 8));
        Assert.Equal(new[] { "L×N×256", "N×L×L" }, mha.Outputs.Select(s => s.ToString()));
        Assert.Equal(ShapeErrorKind.FeatureMismatch, Infer("LayerNorm", "N,T,256", ("normalized_shape", 512)).Error!.Kind);
    }
}
