using NetVizGen.Model.Shapes;

namespace NetVizGen.Model.Catalog.Ops;

/// <summary>
/// Ops that grow or re-shape a tensor to given sizes: expand / broadcast_to, repeat / tile, and the
/// <c>*_as</c> forms that take the sizes from a second tensor (expand_as, view_as; TorchSharp has no reshape_as).
/// </summary>
internal static class ExpandOps
{
    public static IEnumerable<OpDef> All()
    {
        // x.expand(b, s, h, n, d): sizes may be traced sizes (RepeatKV in the LLaMA ports: x.shape[0] ...).
        // Each of these has the sizes it is given whatever its input, when none is -1 (GivenSizes): so it has
        // them when its input's shape is not known; the *_as forms take them from the other tensor, when known.
        yield return Op("expand", (a, x) => Expand("expand", x[0], a.Dims("sizes") ?? a.Dims("size")), a => a.Show("sizes"))
            .GivenUnknownInputs((a, _) => ShapeOps.GivenSizes("expand", a.Dims("sizes") ?? a.Dims("size")));
        yield return Op("broadcast_to", (a, x) => Expand("broadcast_to", x[0], a.Dims("shape") ?? a.Dims("size")), a => a.Show("shape"))
            .GivenUnknownInputs((a, _) => ShapeOps.GivenSizes("broadcast_to", a.Dims("shape") ?? a.Dims("size")));
        yield return Op("expand_as", (a, x) => x.Count < 2 ? ShapeResult.Unknown("expand_as needs the other tensor") : Expand("expand_as", x[0], x[1].Dims.ToArray()))
            .GivenUnknownInputs((a, x) => Other("expand_as", x));
        yield return Op("view_as", (a, x) => x.Count < 2 ? ShapeResult.Unknown("view_as needs the other tensor") : ShapeOps.View("view_as", x[0], x[1].Dims.ToArray()))
            .GivenUnknownInputs((a, x) => Other("view_as", x));
        yield return Op("repeat", (a, x) => Repeat("repeat", x[0], a.Dims("sizes") ?? a.Dims("repeats"), tile: false), a => a.Show("sizes"));
        yield return Op("tile", (a, x) => Repeat("tile", x[0], a.Dims("reps") ?? a.Dims("dims"), tile: true), a => a.Show("reps"));
    }

    /// <summary>The shape of the other tensor of expand_as/view_as, when it is known.</summary>
    private static ShapeResult Other(string op, IReadOnlyList<Shape?> x) =>
        x.Count >= 2 && x[1] is { } other ? ShapeOps.GivenSizes(op, other.Dims.ToArray()) : ShapeResult.Unknown(op + " needs the other tensor's shape");

    private static OpDef Op(string name, Func<LayerArgs, IReadOnlyList<Shape>, ShapeResult> shape, Func<LayerArgs, string?>? label = null)
        => new(name, LayerCategory.Reshape, (a, x) => x.Count == 0 ? ShapeResult.Unknown(name + " has no input") : shape(a, x), label);

    /// <summary>
    /// PyTorch's expand: the sizes may add leading dims; -1 keeps a dim; an existing dim must be 1 (it is
    /// broadcast) or equal to its new size.
    /// </summary>
    internal static ShapeResult Expand(string op, Shape x, Dim[]? sizes)
    {
        if (sizes is null) return ShapeResult.Unknown(op + " sizes are not known at compile time");
        if (sizes.Length < x.Rank)
            return ShapeResult.Fail(new ShapeError(ShapeErrorKind.RankMismatch, op + " needs at least " + x.Rank + " sizes for " + x + ", got " + sizes.Length));
        int lead = sizes.Length - x.Rank;
        var dims = new Dim[sizes.Length];
        for (int i = 0; i < sizes.Length; i++)
        {
            var target = sizes[i];
            if (i < lead)
            {
                if (target.Value is long v && v < 0)
                    return ShapeResult.Fail(new ShapeError(ShapeErrorKind.InvalidArgument, op + ": -1 is not allowed for the new leading dim " + i, Axis: i));
                dims[i] = target;
                continue;
            }
            var have = x[i - lead];
            if (target.Value == -1 || target == have) dims[i] = have;
            else if (have.Value == 1) dims[i] = target;
            else if (have.IsConcrete && target.IsConcrete)
                return ShapeResult.Fail(new ShapeError(ShapeErrorKind.InvalidArgument,
                    op + " cannot expand dim " + (i - lead) + " of " + x + " (size " + have + ") to " + target, null, target.Value, have.Value, Axis: i - lead));
            else return ShapeResult.Unknown(op + " cannot decide whether dim " + (i - lead) + " of " + x + " (" + have + ") expands to " + target);
        }
        return ShapeResult.Ok(Shape.Of(dims));
    }

    /// <summary>
    /// repeat: one count per dim, at least as many counts as dims (extra counts add leading dims); tile:
    /// fewer counts than dims are padded with leading 1s.
    /// </summary>
    internal static ShapeResult Repeat(string op, Shape x, Dim[]? counts, bool tile)
    {
        if (counts is null) return ShapeResult.Unknown(op + " counts are not known at compile time");
        if (counts.Any(c => c.Value is long v && v < 0))
            return ShapeResult.Fail(new ShapeError(ShapeErrorKind.InvalidArgument, op + " counts must not be negative"));
        if (tile && counts.Length < x.Rank) counts = Enumerable.Repeat((Dim)1, x.Rank - counts.Length).Concat(counts).ToArray();
        if (counts.Length < x.Rank)
            return ShapeResult.Fail(new ShapeError(ShapeErrorKind.RankMismatch, op + " needs at least " + x.Rank + " counts for " + x + ", got " + counts.Length));
        int lead = counts.Length - x.Rank;
        var dims = new Dim[counts.Length];
        for (int i = 0; i < counts.Length; i++) dims[i] = i < lead ? counts[i] : x[i - lead] * counts[i];
        return ShapeResult.Ok(Shape.Of(dims));
    }
}
