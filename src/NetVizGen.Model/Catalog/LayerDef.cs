using NetVizGen.Model.Shapes;
using NetVizGen.Model.Specs;

namespace NetVizGen.Model.Catalog;

/// <summary>
/// What NetVizGen knows about one TorchSharp <c>torch.nn</c> layer type: its category, its constructor
/// parameters, how to label it, how many parameters it has and how it transforms shapes.
/// </summary>
public sealed class LayerDef
{
    private readonly LayerRules _rules;

    internal LayerDef(string typeName, LayerCategory category, LayerParam[] parameters, LayerRules rules)
    {
        TypeName = typeName;
        Category = category;
        Parameters = parameters;
        _rules = rules;
    }

    /// <summary>The TorchSharp class name, e.g. <c>Conv2d</c>.</summary>
    public string TypeName { get; }

    /// <summary>The layer's category.</summary>
    public LayerCategory Category { get; }

    /// <summary>Constructor parameters (main overload, without <c>device</c>/<c>dtype</c>) as TorchSharp 0.107.0 declares them.</summary>
    public IReadOnlyList<LayerParam> Parameters { get; }

    /// <summary>The main label, e.g. <c>Conv2d 3×3 s2 · 64→128</c>, <c>BatchNorm2d 64</c>, <c>ReLU</c>.</summary>
    public string Summary(IReadOnlyList<ArgSpec> args)
    {
        var detail = _rules.Label?.Invoke(Read(args));
        return string.IsNullOrEmpty(detail) ? TypeName : TypeName + " " + detail;
    }

    /// <summary>
    /// The arguments the label leaves out and that differ from their defaults (or are unknown), in
    /// declaration order, for the Markdown details table. <c>device</c> and <c>dtype</c> are never listed.
    /// </summary>
    public IReadOnlyList<ArgSpec> QuietDetails(IReadOnlyList<ArgSpec> args)
    {
        var result = new List<ArgSpec>();
        foreach (var a in args ?? Array.Empty<ArgSpec>())
        {
            if (a.Name == "device" || a.Name == "dtype" || _rules.LabelArgs.Contains(a.Name)) continue;
            var p = Parameters.FirstOrDefault(x => x.Name == a.Name);
            if (p?.Default is not null && p.Default.Equals(a.Value)) continue;
            result.Add(a);
        }
        return result;
    }

    /// <summary>Parameter and buffer elements; null when an argument they depend on is unknown.</summary>
    public ParamCount? CountParameters(IReadOnlyList<ArgSpec> args)
    {
        if (_rules.Params is null) return ParamCount.None;
        // The formulas run in checked arithmetic (this project sets CheckForOverflowUnderflow): a count
        // past long is "at least" the largest long, never a wrapped number.
        try { return _rules.Params(Read(args)); }
        catch (OverflowException) { return new ParamCount(Analysis.Saturating.AtLeast, 0); }
    }

    /// <summary>Output shape(s) for the given input shapes, or why they are unknown, or a structured error.</summary>
    public ShapeResult InferShape(IReadOnlyList<ArgSpec> args, IReadOnlyList<Shape> inputs)
    {
        if (inputs.Count == 0) return ShapeResult.Unknown(TypeName + " has no input shape");
        return _rules.Shape is null ? ShapeResult.Ok(inputs[0]) : _rules.Shape(Read(args), inputs);
    }

    /// <summary>Multiply-accumulate operations for one forward pass; null when unknown or not meaningful.</summary>
    public long? MultiplyAdds(IReadOnlyList<ArgSpec> args, IReadOnlyList<Shape> inputs, Shape output)
        => _rules.Macs is null ? null : Analysis.Saturating.Guard(() => _rules.Macs(Read(args), inputs, output));

    /// <summary>True when the layer does arithmetic worth counting (conv, linear, ...); false for free layers.</summary>
    public bool CountsMultiplyAdds => _rules.Macs is not null;

    /// <inheritdoc/>
    public override string ToString() => TypeName;

    private LayerArgs Read(IReadOnlyList<ArgSpec> args) => new(args, Parameters);
}

/// <summary>The behaviour of a layer type; unset rules mean: no label detail, no parameters, identity shape, no MACs.</summary>
internal sealed class LayerRules
{
    public Func<LayerArgs, string?>? Label { get; set; }

    public string[] LabelArgs { get; set; } = Array.Empty<string>();

    public Func<LayerArgs, ParamCount?>? Params { get; set; }

    public Func<LayerArgs, IReadOnlyList<Shape>, ShapeResult>? Shape { get; set; }

    public Func<LayerArgs, IReadOnlyList<Shape>, Shape, long?>? Macs { get; set; }
}
