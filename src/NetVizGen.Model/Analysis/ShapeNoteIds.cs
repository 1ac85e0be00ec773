namespace NetVizGen.Model.Analysis;

/// <summary>Diagnostic ids raised by <see cref="ShapeAnalysis"/> (the NVG02xx range). See docs/diagnostics.md.</summary>
public static class ShapeNoteIds
{
    /// <summary>A layer's in_channels/num_features/num_channels differs from the channels that flow in.</summary>
    public const string ChannelMismatch = "NVG0201";

    /// <summary>A layer's in_features (Linear inputSize, LayerNorm, RNN inputSize, ...) differs from the features that flow in.</summary>
    public const string FeatureMismatch = "NVG0202";

    /// <summary>cat/stack/element-wise inputs whose other dimensions differ.</summary>
    public const string ConcatMismatch = "NVG0203";

    /// <summary>view/reshape/unflatten/split to a different element count.</summary>
    public const string ElementCountMismatch = "NVG0204";

    /// <summary>A size that reaches zero or below (input too small for the kernels and strides).</summary>
    public const string NonPositiveSize = "NVG0205";

    /// <summary>A built-in module type the catalog does not know: its shape is unknown downstream.</summary>
    public const string UnknownModuleType = "NVG0206";

    /// <summary>An op the catalog does not know: its shape is unknown downstream.</summary>
    public const string UnknownOp = "NVG0207";

    /// <summary>The attribute's input shape text is invalid or does not match the forward inputs.</summary>
    public const string InvalidInputShape = "NVG0208";

    /// <summary>Any other shape rule violation: wrong rank, dim out of range, invalid argument.</summary>
    public const string InvalidShape = "NVG0209";

    /// <summary>A known layer or op whose output shape its rule cannot tell from the known input shapes.</summary>
    public const string ShapeNotInferred = "NVG0210";
}
