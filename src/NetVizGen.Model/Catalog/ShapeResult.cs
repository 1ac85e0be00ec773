using NetVizGen.Model.Shapes;
using NetVizGen.Model.Specs;

namespace NetVizGen.Model.Catalog;

/// <summary>The outcome of a shape rule.</summary>
public enum ShapeStatus
{
    /// <summary>The output shapes are known.</summary>
    Ok,
    /// <summary>The shapes cannot be inferred statically (an unknown argument or input); not an error.</summary>
    Unknown,
    /// <summary>The inputs cannot flow through the layer: see <see cref="ShapeResult.Error"/>.</summary>
    Error,
}

/// <summary>Why inputs cannot flow through a layer or op.</summary>
public enum ShapeErrorKind
{
    /// <summary>Channels flowing in differ from the layer's <c>in_channels</c>/<c>num_features</c>/<c>num_channels</c>.</summary>
    ChannelMismatch,
    /// <summary>Features flowing in differ from a Linear/Bilinear/LayerNorm/attention feature size.</summary>
    FeatureMismatch,
    /// <summary>cat/stack/add inputs whose other dimensions differ.</summary>
    ConcatMismatch,
    /// <summary>view/reshape/unflatten to a shape with a different element count.</summary>
    ElementCountMismatch,
    /// <summary>A spatial or other size that reaches zero or below.</summary>
    NonPositiveSize,
    /// <summary>The input has the wrong number of dimensions, or a dim index is out of range.</summary>
    RankMismatch,
    /// <summary>An argument value that the layer rejects.</summary>
    InvalidArgument,
}

/// <summary>A structured shape error.</summary>
/// <param name="Kind">The kind of error.</param>
/// <param name="Message">A readable message, e.g. <c>expected num_features 64, got 128</c>.</param>
/// <param name="ArgName">The argument concerned (<c>in_channels</c>), when there is one.</param>
/// <param name="Expected">The size the layer expects, when it is a number.</param>
/// <param name="Actual">The size that flows in, when it is a number.</param>
/// <param name="InputIndex">Which input (0-based) is concerned.</param>
/// <param name="Axis">Which dimension of that input is concerned; -1 when none.</param>
public sealed record ShapeError(ShapeErrorKind Kind, string Message, string? ArgName = null, long? Expected = null, long? Actual = null,
    int InputIndex = 0, int Axis = -1);

/// <summary>
/// Output shapes of a layer or op, or why they are unknown, or an error. An error may still carry the
/// outputs the layer would produce as configured, so one bug yields one diagnostic, not a cascade.
/// </summary>
/// <param name="Status">Ok, Unknown or Error.</param>
/// <param name="Outputs">The output shapes (several for LSTM, chunk, split).</param>
/// <param name="Error">The error when <see cref="Status"/> is Error.</param>
/// <param name="Reason">Why the shapes are unknown, when they are.</param>
public sealed record ShapeResult(ShapeStatus Status, EquatableArray<Shape> Outputs, ShapeError? Error = null, string Reason = "")
{
    /// <summary>Known outputs.</summary>
    public static ShapeResult Ok(params Shape[] outputs) => new(ShapeStatus.Ok, new EquatableArray<Shape>(outputs));

    /// <summary>Unknown outputs, with a reason.</summary>
    public static ShapeResult Unknown(string reason) => new(ShapeStatus.Unknown, EquatableArray<Shape>.Empty, null, reason);

    /// <summary>An error, optionally with the outputs the layer would produce as configured.</summary>
    public static ShapeResult Fail(ShapeError error, params Shape[] outputs) => new(ShapeStatus.Error, new EquatableArray<Shape>(outputs), error);

    /// <summary>The first output, or null.</summary>
    public Shape? Output => Outputs.Count > 0 ? Outputs[0] : null;
}
