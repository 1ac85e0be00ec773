using static NetVizGen.Model.Catalog.Decl;

namespace NetVizGen.Model.Catalog.Ops;

/// <summary>Shape-preserving ops: activations, dropout, softmax, element-wise math, contiguous.</summary>
internal static class ElementwiseOps
{
    private static readonly string[] Activations =
    {
        "relu", "relu6", "leaky_relu", "rrelu", "elu", "selu", "celu", "gelu", "silu", "mish", "hardswish", "hardsigmoid",
        "hardtanh", "hardshrink", "softshrink", "sigmoid", "logsigmoid", "tanh", "tanhshrink", "softplus", "softsign", "threshold", "prelu",
    };

    private static readonly string[] Identity =
    {
        "contiguous", "clone", "detach", "abs", "exp", "log", "neg", "sqrt", "rsqrt", "square", "pow", "clamp", "clip", "sin", "cos",
        "float", "half", "double", "to", "type", "cpu", "cuda", "normalize", "layer_norm", "batch_norm", "instance_norm", "group_norm",
        "local_response_norm", "nan_to_num",
        "erf", "erfc", "floor", "ceil", "round", "trunc", "frac", "sign", "reciprocal", "log1p", "expm1", "exp2", "log2", "log10",
        "tan", "atan", "asin", "acos", "sinh", "cosh", "flip", "roll", "cumsum", "cumprod", "logcumsumexp", "fill", "zero",
        "copy",
        // The parts of a complex tensor (an stft's spectrum.real / .imag) and its phase.
        "real", "imag", "angle",
    };

    public static IEnumerable<OpDef> All()
    {
        foreach (var name in Activations) yield return Same(name, LayerCategory.Activation);
        foreach (var name in Identity) yield return Same(name, name.EndsWith("norm", StringComparison.Ordinal) ? LayerCategory.Norm : LayerCategory.Other);
        foreach (var name in new[] { "softmax", "log_softmax", "softmin" })
            yield return new OpDef(name, LayerCategory.Activation, (a, inputs) => ShapeResult.Ok(inputs[0]), a => "dim=" + a.Show("dim"));
        foreach (var name in new[] { "dropout", "dropout1d", "dropout2d", "dropout3d", "alpha_dropout", "feature_alpha_dropout" })
            yield return new OpDef(name, LayerCategory.Dropout, (a, inputs) => ShapeResult.Ok(inputs[0]), a => "p=" + a.Show("p"), List(Float("p", 0.5)));
    }

    private static OpDef Same(string name, LayerCategory category)
        => new(name, category, (a, inputs) => inputs.Count > 0 ? ShapeResult.Ok(inputs[0]) : ShapeResult.Unknown(name + " has no input"));
}
