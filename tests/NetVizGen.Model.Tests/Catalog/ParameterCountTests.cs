using NetVizGen.Model.Catalog;
using static NetVizGen.Model.Tests.Catalog.Args;

namespace NetVizGen.Model.Tests.Catalog;

/// <summary>Parameter counts against the numbers PyTorch/TorchSharp report for the same layers.</summary>
public class ParameterCountTests
{
    private static ParamCount Count(string type, params (string, object?)[] args)
    {
        Assert.True(LayerCatalog.TryGet(type, out var def));
        var count = def.CountParameters(Of(args));
        Assert.NotNull(count);
        return count!;
    }

    [Fact]
    public void ResNet18Conv1() => Assert.Equal(9408, Count("Conv2d", ("in_channels", 3), ("out_channels", 64), ("kernel_size", 7), ("stride", 2), ("padding", 3), ("bias", false)).Trainable);

    [Fact]
    public void ConvWithBiasAndGroups()
    {
        Assert.Equal(1792, Count("Conv2d", ("in_channels", 3), ("out_channels", 64), ("kernel_size", 3)).Trainable); // VGG conv1_1
        Assert.Equal(4640, Count("Conv2d", ("in_channels", 32), ("out_channels", 32), ("kernel_size", new[] { 3, 3 }), ("groups", 2)).Trainable);
        Assert.Equal(320, Count("Conv2d", ("in_channels", 32), ("out_channels", 32), ("kernel_size", 3), ("groups", 32)).Trainable); // depthwise
        Assert.Equal(131200, Count("ConvTranspose2d", ("in_channels", 256), ("out_channels", 128), ("kernel_size", 2), ("stride", 2)).Trainable); // U-Net up
    }

    [Fact]
    public void BatchNorm2dHasRunningStatsBuffers()
    {
        var c = Count("BatchNorm2d", ("num_features", 64));
        Assert.Equal(128, c.Trainable);
        Assert.Equal(129, c.Buffers);
        Assert.Equal(new ParamCount(0, 0), Count("BatchNorm2d", ("num_features", 64), ("affine", false), ("track_running_stats", false)));
        Assert.Equal(new ParamCount(0, 0), Count("InstanceNorm2d", ("num_features", 64)));
    }

    [Fact]
    public void LinearLayers()
    {
        Assert.Equal(37752832, Count("Linear", ("inputSize", 9216), ("outputSize", 4096)).Trainable); // AlexNet fc6
        Assert.Equal(400 * 120, Count("Linear", ("inputSize", 400), ("outputSize", 120), ("hasBias", false)).Trainable);
        Assert.Equal(5 * 3 * 7 + 7, Count("Bilinear", ("in1_features", 5), ("in2_features", 3), ("out_features", 7)).Trainable);
    }

    [Fact]
    public void RecurrentLayers()
    {
        Assert.Equal(921600, Count("LSTM", ("inputSize", 128), ("hiddenSize", 256), ("numLayers", 2)).Trainable);
        Assert.Equal(1920, Count("GRU", ("inputSize", 10), ("hiddenSize", 20)).Trainable);
        Assert.Equal(2 * (20 * 10 + 400 + 40) + 2 * (20 * 40 + 400 + 40), Count("RNN", ("inputSize", 10), ("hiddenSize", 20), ("numLayers", 2), ("bidirectional", true)).Trainable);
        Assert.Equal(4 * (20 * 10 + 400), Count("LSTMCell", ("inputSize", 10), ("hiddenSize", 20), ("bias", false)).Trainable);
    }

    [Fact]
    public void AttentionAndTransformer()
    {
        Assert.Equal(1050624, Count("MultiheadAttention", ("embedded_dim", 512), ("num_heads", 8)).Trainable);
        Assert.Equal(3152384, Count("TransformerEncoderLayer", ("d_model", 512), ("nhead", 8)).Trainable);
        Assert.Equal(4204032, Count("TransformerDecoderLayer").Trainable);
        Assert.Equal(44140544, Count("Transformer").Trainable); // nn.Transformer() defaults
    }

    [Fact]
    public void NormsAndEmbeddings()
    {
        Assert.Equal(1024, Count("LayerNorm", ("normalized_shape", 512)).Trainable);
        Assert.Equal(512, Count("GroupNorm", ("num_groups", 32), ("num_channels", 256)).Trainable);
        Assert.Equal(64000, Count("Embedding", ("num_embeddings", 1000), ("embedding_dims", 64)).Trainable);
        Assert.Equal(3, Count("PReLU", ("num_parameters", 3)).Trainable);
        Assert.Equal(ParamCount.None, Count("ReLU"));
    }

    [Fact]
    public void UnknownArgumentGivesNoCount()
    {
        LayerCatalog.TryGet("Conv2d", out var def);
        Assert.Null(def.CountParameters(Of(("in_channels", NetVizGen.Model.Specs.ArgValue.Unknown), ("out_channels", 64), ("kernel_size", 3))));
    }
}
