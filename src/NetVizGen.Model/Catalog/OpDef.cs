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

    internal OpDef(string name, LayerCategory category, Func<LayerArgs, IReadOnlyList<Shape>, ShapeResult> shape,
        Func<LayerArgs, string?>? label = null, LayerParam[]? defaults = null, Func<LayerArgs, IReadOnlyList<Shape>, Shape, long?>? macs = null)
    {
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
        return string.IsNullOrEmpty(detail) ? Name : Name + " " + detail;
    }

    /// <summary>Output shape(s) for the given input shapes (tensor inputs only, in argument order).</summary>
    public ShapeResult InferShape(IReadOnlyList<ArgSpec> args, IReadOnlyList<Shape> inputs)
        => _shape(new LayerArgs(args, _defaults), inputs);

    /// <summary>As <see cref="InferShape(IReadOnlyList{ArgSpec}, IReadOnlyList{Shape})"/>, resolving sizes read from traced tensors.</summary>
    public ShapeResult InferShape(IReadOnlyList<ArgSpec> args, IReadOnlyList<Shape> inputs, Func<DimRef, Dim?> sizes)
        => _shape(new LayerArgs(args, _defaults, sizes), inputs);

    /// <summary>Multiply-accumulate operations (matmul, bmm); null when not meaningful.</summary>
    public long? MultiplyAdds(IReadOnlyList<ArgSpec> args, IReadOnlyList<Shape> inputs, Shape output)
        => _macs?.Invoke(new LayerArgs(args, _defaults), inputs, output);

    /// <summary>True when the op does arithmetic worth counting (matmul, bmm).</summary>
    public bool CountsMultiplyAdds => _macs is not null;

    /// <inheritdoc/>
    public override string ToString() => Name;
}
