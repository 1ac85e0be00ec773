namespace NetVizGen.Rendering.Describe;

/// <summary>Category by simple name rules, for layers and ops the catalog does not know.</summary>
internal static class CategoryRules
{
    public static NodeCategory ForLayer(string typeName)
    {
        var t = typeName;
        if (Has(t, "Conv")) return NodeCategory.Conv;
        if (Has(t, "Linear") || t == "Bilinear") return NodeCategory.Linear;
        if (Has(t, "Norm")) return NodeCategory.Norm;
        if (Has(t, "Pool")) return NodeCategory.Pool;
        if (Has(t, "Dropout")) return NodeCategory.Dropout;
        if (t is "LSTM" or "GRU" or "RNN" or "LSTMCell" or "GRUCell" or "RNNCell") return NodeCategory.Recurrent;
        if (Has(t, "Attention") || Has(t, "Transformer")) return NodeCategory.Attention;
        if (Has(t, "Embedding")) return NodeCategory.Embedding;
        if (Has(t, "Pad")) return NodeCategory.Padding;
        if (Has(t, "Upsample") || Has(t, "PixelShuffle")) return NodeCategory.Upsample;
        if (t is "Flatten" or "Unflatten" or "Identity" or "ChannelShuffle") return NodeCategory.Reshape;
        if (IsActivation(t.ToLowerInvariant())) return NodeCategory.Activation;
        return NodeCategory.Other;
    }

    public static NodeCategory ForOp(string opName)
    {
        var n = opName.ToLowerInvariant();
        if (IsActivation(n)) return NodeCategory.Activation;
        if (n.Contains("pool", StringComparison.Ordinal)) return NodeCategory.Pool;
        if (n.Contains("dropout", StringComparison.Ordinal)) return NodeCategory.Dropout;
        if (n.Contains("norm", StringComparison.Ordinal)) return NodeCategory.Norm;
        if (n.Contains("conv", StringComparison.Ordinal)) return NodeCategory.Conv;
        if (n is "linear" or "matmul" or "mm" or "bmm" or "einsum") return NodeCategory.Linear;
        if (n.Contains("attention", StringComparison.Ordinal)) return NodeCategory.Attention;
        if (n is "pad") return NodeCategory.Padding;
        if (n is "interpolate" or "upsample") return NodeCategory.Upsample;
        if (n is "add" or "cat" or "stack" or "mul" or "sub" or "concat") return NodeCategory.Merge;
        return NodeCategory.Reshape; // flatten, view, reshape, permute, transpose, squeeze, chunk, mean...
    }

    private static bool IsActivation(string n) => n is "relu" or "relu6" or "leakyrelu" or "leaky_relu" or "gelu" or "silu"
        or "sigmoid" or "tanh" or "softmax" or "log_softmax" or "logsoftmax" or "elu" or "selu" or "celu" or "mish"
        or "hardswish" or "hardsigmoid" or "hardtanh" or "softplus" or "prelu" or "glu" or "softsign" or "tanhshrink"
        or "threshold" or "rrelu" or "softmin" or "softmax2d" or "swish";

    private static bool Has(string t, string part) => t.Contains(part, StringComparison.Ordinal);
}
