using NetVizGen.Model.Shapes;
using NetVizGen.Model.Specs;

namespace NetVizGen.Model.Catalog;

/// <summary>A functional op or tensor method (<c>relu</c>, <c>flatten</c>, <c>cat</c>, <c>view</c>).</summary>
public sealed class OpDef
{
    private readonly Func<LayerArgs, IReadOnlyList<Shape>, ShapeResult> _shape;
    private readonly Func<LayerArgs, string?>? _label;
    private readonly Func<LayerArgs, IReadOnlyList<Shape>, Shape, long?>? _macs;
    private readonly LayerParam[] _defaults;
    private readonly bool _labelIsWhole;
    private Func<LayerArgs, IReadOnlyList<Shape?>, ShapeResult>? _givenUnknownInputs;

    internal OpDef(string name, LayerCategory category, Func<LayerArgs, IReadOnlyList<Shape>, ShapeResult> shape,
        Func<LayerArgs, string?>? label = null, LayerParam[]? defaults = null, Func<LayerArgs, IReadOnlyList<Shape>, Shape, long?>? macs = null,
        bool labelIsWhole = false)
    {
        _labelIsWhole = labelIsWhole;
        Name = name;
        _defaults = defaults ?? Array.Empty<LayerParam>();
        Category = category;
        _shape = shape;
        _label = label;
        _macs = macs;
    }

    /// <summary>The normalised lower-case op name.</summary>
    public string Name { get; }

    /// <summary>The op's category.</summary>
    public LayerCategory Category { get; }

    /// <summary>The label, e.g. <c>flatten 1</c>, <c>cat dim=1</c>, <c>relu</c>.</summary>
    public string Summary(IReadOnlyList<ArgSpec> args)
    {
        var detail = _label?.Invoke(new LayerArgs(args, _defaults));
        return string.IsNullOrEmpty(detail) ? Name : _labelIsWhole ? detail! : Name + " " + detail;
    }

    /// <summary>Output shape(s) for the given input shapes (tensor inputs only, in argument order).</summary>
    public ShapeResult InferShape(IReadOnlyList<ArgSpec> args, IReadOnlyList<Shape> inputs)
        => _shape(new LayerArgs(args, _defaults), inputs);

    /// <summary>As <see cref="InferShape(IReadOnlyList{ArgSpec}, IReadOnlyList{Shape})"/>, resolving sizes read from traced tensors.</summary>
    public ShapeResult InferShape(IReadOnlyList<ArgSpec> args, IReadOnlyList<Shape> inputs, Func<DimRef, Dim?> sizes)
        => _shape(new LayerArgs(args, _defaults, sizes), inputs);

    /// <summary>
    /// Output shape(s) when the shape of some input is not known (null in <paramref name="inputs"/>): an op whose
    /// output is decided by its arguments alone (<c>view</c> to sizes that are all given) still has one; any
    /// other op, or arguments that leave it open (a -1), give <see cref="ShapeStatus.Unknown"/>. Never an error:
    /// what the arguments get wrong is only checked against a known input.
    /// </summary>
    public ShapeResult InferShapeGivenUnknownInputs(IReadOnlyList<ArgSpec> args, IReadOnlyList<Shape?> inputs, Func<DimRef, Dim?>? sizes = null)
    {
        if (_givenUnknownInputs is null) return ShapeResult.Unknown(Name + " needs the shapes of its inputs");
        var result = _givenUnknownInputs(new LayerArgs(args, _defaults, sizes), inputs);
        return result.Status == ShapeStatus.Ok ? result : ShapeResult.Unknown(result.Reason.Length > 0 ? result.Reason : Name + " needs the shapes of its inputs");
    }

    /// <summary>
    /// Sets the rule of <see cref="InferShapeGivenUnknownInputs"/> (catalog construction only): it must give Ok
    /// only when every input shape the op accepts gives that output.
    /// </summary>
    internal OpDef GivenUnknownInputs(Func<LayerArgs, IReadOnlyList<Shape?>, ShapeResult> rule)
    {
        _givenUnknownInputs = rule;
        return this;
    }

    /// <summary>Multiply-accumulate operations (matmul, bmm); null when not meaningful.</summary>
    public long? MultiplyAdds(IReadOnlyList<ArgSpec> args, IReadOnlyList<Shape> inputs, Shape output)
        => _macs?.Invoke(new LayerArgs(args, _defaults), inputs, output);

    /// <summary>True when the op does arithmetic worth counting (matmul, bmm).</summary>
    public bool CountsMultiplyAdds => _macs is not null;

    /// <inheritdoc/>
    public override string ToString() => Name;
}
