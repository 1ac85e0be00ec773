using NetVizGen.Model.Shapes;
using NetVizGen.Model.Specs;
using static NetVizGen.Model.Catalog.Decl;

namespace NetVizGen.Model.Catalog.Ops;

/// <summary>
/// Tensors made in forward: <c>torch.arange/linspace/logspace/zeros/ones/empty/rand/randn/randint/full/eye/tensor</c>
/// (sources of the flow, no tensor input: the shape comes from the size arguments or the data), the
/// <c>*_like</c> family (the input's shape) and the <c>new_*</c> tensor methods (sizes given, the receiver only
/// lends dtype and device). A size that is not known makes the shape unknown, never a guess.
/// </summary>
internal static class CreationOps
{
    /// <summary>TorchSharp names of the size parameters of zeros/ones/empty/full/rand/randn, in order.</summary>
    private static readonly string[] SizeParameters = { "rows", "columns", "dim0", "dim1", "dim2", "dim3" };

    /// <summary>Whether <paramref name="op"/> is one of these: an op whose rule needs no tensor input.</summary>
    public static bool Creates(OpDef op) => s_names.Value.Contains(op.Name);

    private static readonly Lazy<HashSet<string>> s_names = new(() => new HashSet<string>(All().Select(o => o.Name), StringComparer.Ordinal));

    public static IEnumerable<OpDef> All()
    {
        foreach (var name in new[] { "zeros", "ones", "empty", "rand", "randn", "full", "randint", "new_zeros", "new_ones", "new_empty", "new_full" })
            yield return new OpDef(name, LayerCategory.Other, (a, _) => FromSizes(name, a), ShowSizes)
                .GivenUnknownInputs((a, _) => FromSizes(name, a)); // x.new_zeros(4, 16): x's shape does not matter
        foreach (var name in new[] { "linspace", "logspace" })
            yield return new OpDef(name, LayerCategory.Other, (a, _) => Steps(name, a), a => a.Get("steps") is null ? null : "(" + a.Show("steps") + ")");
        yield return new OpDef("tensor", LayerCategory.Other, (a, _) => FromData(a), null);
        foreach (var name in new[] { "zeros_like", "ones_like", "empty_like", "full_like", "rand_like", "randn_like" })
            yield return new OpDef(name, LayerCategory.Other, (a, x) => x.Count > 0 ? ShapeResult.Ok(x[0]) : ShapeResult.Unknown(name + " has no input"));
        yield return new OpDef("arange", LayerCategory.Other, (a, _) => Arange(a), ShowArange);
        yield return new OpDef("eye", LayerCategory.Other, (a, _) => Eye(a), null, List(Int("columns", -1)));
    }

    /// <summary>
    /// The shape from <c>size</c> (a tuple, a single length, or <c>sizes</c> of the tensor method) or from
    /// the <c>rows, columns</c> / <c>dim0..dim3</c> overloads.
    /// </summary>
    private static ShapeResult FromSizes(string op, LayerArgs a)
    {
        foreach (var tupleName in new[] { "size", "sizes", "shape" })
        {
            var arg = a.Get(tupleName);
            if (arg is null) continue;
            return a.Dims(tupleName) is { } dims ? Checked(op, dims) : ShapeResult.Unknown(op + " size is not known at compile time");
        }
        var list = new List<Dim>();
        foreach (var name in SizeParameters)
        {
            if (a.Get(name) is null) continue;
            if (a.Dims(name) is not { Length: 1 } d) return ShapeResult.Unknown(op + " " + name + " is not known at compile time");
            list.Add(d[0]);
        }
        return list.Count > 0 ? Checked(op, list.ToArray()) : ShapeResult.Unknown(op + " size is not known at compile time");
    }

    /// <summary><c>linspace/logspace(start, end, steps)</c>: one dimension of <c>steps</c> elements.</summary>
    private static ShapeResult Steps(string op, LayerArgs a) =>
        a.Dims("steps") is { Length: 1 } d ? Checked(op, d) : ShapeResult.Unknown(op + " steps is not known at compile time");

    /// <summary>
    /// <c>torch.tensor</c>: explicit <c>dimensions</c> or <c>rows/columns/dim0..dim3</c> win; else a scalar is 0-d and
    /// data is as deep as its rectangular nesting (<c>float[]</c> is n, <c>float[,]</c> is n×m). Data of unknown length
    /// or ragged nesting gives an unknown shape.
    /// </summary>
    private static ShapeResult FromData(LayerArgs a)
    {
        if (a.Get("dimensions") is not null)
            return a.Dims("dimensions") is { } dims ? Checked("tensor", dims) : ShapeResult.Unknown("tensor dimensions are not known at compile time");
        if (SizeParameters.Any(n => a.Get(n) is not null)) return FromSizes("tensor", a);
        if (a.Get("real") is not null) return ShapeResult.Ok(Shape.Of()); // a complex scalar (real, imaginary)
        if (a.Get("scalar") is { } scalar) return scalar.IsUnknown ? ShapeResult.Unknown("tensor value is not known") : ShapeResult.Ok(Shape.Of());
        if ((a.Get("rawArray") ?? a.Get("dataArray")) is not { IsUnknown: false } data)
            return ShapeResult.Unknown("tensor data is not known at compile time");
        return NestedDims(data) is { } nested ? ShapeResult.Ok(Shape.Of(nested.Select(n => (Dim)n).ToArray())) : ShapeResult.Unknown("tensor data is not known at compile time");
    }

    /// <summary>The lengths of a rectangular nesting of tuples; null when ragged or an item is unknown.</summary>
    private static List<long>? NestedDims(ArgValue value)
    {
        if (value.Kind != ArgKind.Tuple) return value.IsUnknown || value.Kind == ArgKind.Null ? null : new List<long>();
        List<long>? inner = null;
        foreach (var item in value.Items)
        {
            var dims = NestedDims(item);
            if (dims is null || (inner is not null && !inner.SequenceEqual(dims))) return null;
            inner = dims;
        }
        var result = new List<long> { value.Items.Count };
        if (inner is not null) result.AddRange(inner);
        return result;
    }

    private static ShapeResult Checked(string op, Dim[] dims)
    {
        foreach (var d in dims)
            if (d.Value is long v && v < 0) return ShapeResult.Fail(Rules.Invalid(op + " size " + Rules.Str(v) + " is negative", "size"));
        return ShapeResult.Ok(Shape.Of(dims));
    }

    private static string? ShowSizes(LayerArgs a)
    {
        foreach (var name in new[] { "size", "sizes", "shape" })
            if (a.Get(name) is not null) return a.Show(name);
        var shown = SizeParameters.Where(n => a.Get(n) is not null).Select(a.Show).ToArray();
        return shown.Length == 0 ? null : "(" + string.Join(", ", shown) + ")";
    }

    /// <summary>
    /// <c>arange(end)</c>, <c>arange(start, end)</c>, <c>arange(start, end, step)</c>: <c>ceil((end - start) / step)</c>
    /// elements. Sizes read from traced tensors (<c>x.size(1)</c>) give a symbolic length when the step is 1
    /// (or divides a known span); a fractional or unknown bound gives an unknown shape.
    /// </summary>
    private static ShapeResult Arange(LayerArgs a)
    {
        var end = a.Get("end") ?? a.Get("stop");
        if (end is null) return ShapeResult.Unknown("arange end is not known");
        var start = a.Get("start");
        var step = a.Get("step");
        if (end.IsUnknown || start is { IsUnknown: true } || step is { IsUnknown: true }) return ShapeResult.Unknown("arange bounds are not known at compile time");

        // All numbers: PyTorch's rule, computed in double.
        if (end.AsDouble is double e && (start is null || start.AsDouble is not null) && (step is null || step.AsDouble is not null))
        {
            double s = start?.AsDouble ?? 0, st = step?.AsDouble ?? 1;
            if (st == 0) return ShapeResult.Fail(Rules.Invalid("arange step must not be zero", "step"));
            var count = Math.Ceiling((e - s) / st);
            if (double.IsNaN(count) || count < 0) return ShapeResult.Fail(Rules.Invalid("arange upper bound and step have inconsistent signs", "end"));
            if (count > long.MaxValue / 2) return ShapeResult.Unknown("arange length is out of range");
            return ShapeResult.Ok(Shape.Of((long)count));
        }

        // Symbolic bounds: integers only (a symbolic size is an integer).
        var endDim = a.Dims(end == a.Get("end") ? "end" : "stop");
        Dim startDim = 0;
        if (start is not null)
        {
            if (a.Dims("start") is not { Length: 1 } sd) return ShapeResult.Unknown("arange start is not known at compile time");
            startDim = sd[0];
        }
        long stepValue = 1;
        if (step is not null)
        {
            if (step.AsLong is not long sv || sv <= 0) return ShapeResult.Unknown("arange step is not a positive integer known at compile time");
            stepValue = sv;
        }
        if (endDim is not { Length: 1 } ed) return ShapeResult.Unknown("arange end is not known at compile time");
        var span = ed[0] - startDim;
        if (span.Value is long n)
        {
            return n < 0 ? ShapeResult.Fail(Rules.Invalid("arange upper bound and step have inconsistent signs", "end"))
                : ShapeResult.Ok(Shape.Of(span.CeilDiv(stepValue)));
        }
        if (stepValue == 1) return ShapeResult.Ok(Shape.Of(span));
        // ceil(n / step) of a symbolic n: exact only when the step divides it.
        var q = span.FloorDiv(stepValue);
        return q * stepValue == span ? ShapeResult.Ok(Shape.Of(q)) : ShapeResult.Unknown("arange length of a symbolic span that the step may not divide");
    }

    private static string? ShowArange(LayerArgs a)
    {
        var end = a.Get("end") is not null ? "end" : "stop";
        var parts = new List<string>();
        if (a.Get("start") is not null) parts.Add(a.Show("start"));
        parts.Add(a.Show(end));
        if (a.Get("step") is not null) parts.Add(a.Show("step"));
        return "(" + string.Join(", ", parts) + ")";
    }

    /// <summary><c>eye(n)</c> is n×n, <c>eye(n, m)</c> n×m (TorchSharp: <c>rows</c>, <c>columns</c> = -1 for square).</summary>
    private static ShapeResult Eye(LayerArgs a)
    {
        var rowsName = a.Get("rows") is not null ? "rows" : "n";
        if (a.Dims(rowsName) is not { Length: 1 } rows) return ShapeResult.Unknown("eye size is not known at compile time");
        var colsName = a.Get("m") is not null ? "m" : "columns";
        var colsArg = a.Get(colsName);
        if (colsArg is null || colsArg.AsLong == -1) return Checked("eye", new[] { rows[0], rows[0] });
        if (a.Dims(colsName) is not { Length: 1 } cols) return ShapeResult.Unknown("eye columns are not known at compile time");
        return Checked("eye", new[] { rows[0], cols[0] });
    }
}
