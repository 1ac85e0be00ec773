using NetVizGen.Model.Specs;

namespace NetVizGen.Model.Catalog;

/// <summary>A constructor parameter of a TorchSharp layer factory, as TorchSharp 0.107.0 declares it.</summary>
/// <param name="Name">The parameter name, e.g. <c>kernel_size</c> (TorchSharp's spelling, e.g. <c>inputSize</c> for Linear).</param>
/// <param name="Default">The default value; null when the parameter is required.</param>
public sealed record LayerParam(string Name, ArgValue? Default)
{
    /// <summary>True when the parameter has no default.</summary>
    public bool IsRequired => Default is null;
}

/// <summary>Parameter elements of a layer, as TorchSharp's <c>parameters()</c> and <c>buffers()</c> report them.</summary>
/// <param name="Trainable">Elements of the layer's parameters (all trainable for a freshly built layer).</param>
/// <param name="Buffers">Elements of the layer's buffers (e.g. BatchNorm running statistics).</param>
public sealed record ParamCount(long Trainable, long Buffers)
{
    /// <summary>No parameters and no buffers.</summary>
    public static readonly ParamCount None = new(0, 0);

    /// <summary>Parameter elements (equal to <see cref="Trainable"/> for built-in layers).</summary>
    public long Parameters => Trainable;

    /// <summary>Sum of two counts.</summary>
    public static ParamCount operator +(ParamCount a, ParamCount b) =>
        new(Analysis.Saturating.Add(a.Trainable, b.Trainable), Analysis.Saturating.Add(a.Buffers, b.Buffers));

    /// <summary>The count multiplied by <paramref name="times"/> (repeated layers).</summary>
    public static ParamCount operator *(ParamCount a, long times) =>
        new(Analysis.Saturating.Multiply(a.Trainable, times), Analysis.Saturating.Multiply(a.Buffers, times));
}
