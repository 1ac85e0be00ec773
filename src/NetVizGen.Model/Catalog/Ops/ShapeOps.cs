using NetVizGen.Model.Shapes;

namespace NetVizGen.Model.Catalog.Ops;

/// <summary>Shape rules shared by layers and ops: flatten, view, permute, cat, broadcasting, matmul.</summary>
internal static class ShapeOps
{
    public static ShapeResult Flatten(string op, Shape x, long? start, long? end)
    {
        if (start is null || end is null) return ShapeResult.Unknown(op + " dims are not known at compile time");
        if (x.Rank == 0) return ShapeResult.Ok(Shape.Of(1));
        if (x.NormalizeAxis(start.Value) is not int s || x.NormalizeAxis(end.Value) is not int e)
            return ShapeResult.Fail(Axis(op, x, start.Value));
        if (s > e) return ShapeResult.Fail(Rules.Invalid(op + " start_dim must not come after end_dim", "start_dim"));
        var dims = new List<Dim>();
        for (int i = 0; i < s; i++) dims.Add(x[i]);
        dims.Add(Dim.Product(Enumerable.Range(s, e - s + 1).Select(i => x[i])));
        for (int i = e + 1; i < x.Rank; i++) dims.Add(x[i]);
        return ShapeResult.Ok(Shape.Of(dims));
    }

    public static ShapeResult Unflatten(string op, Shape x, long? dim, long[]? sizes)
    {
        if (dim is null || sizes is null) return ShapeResult.Unknown(op + " arguments are not known at compile time");
        if (x.NormalizeAxis(dim.Value) is not int d) return ShapeResult.Fail(Axis(op, x, dim.Value));
        var resolved = Resolve(op, x[d], sizes, out var error);
        if (error is not null) return ShapeResult.Fail(error);
        if (resolved is null) return ShapeResult.Unknown(op + " cannot resolve -1 symbolically");
        var dims = x.Dims.Take(d).Concat(resolved).Concat(x.Dims.Skip(d + 1));
        return ShapeResult.Ok(Shape.Of(dims));
    }

    /// <summary>view/reshape: sizes with at most one -1.</summary>
    public static ShapeResult View(string op, Shape x, Dim[]? sizes)
    {
        if (sizes is null) return ShapeResult.Unknown(op + " shape is not known at compile time");
        if (sizes.Any(d => !d.IsConcrete)) return ViewSymbolic(op, x, sizes);
        return View(op, x, sizes.Select(d => d.Value!.Value).ToArray());
    }

    /// <summary>
    /// view/reshape/expand/broadcast_to of a tensor whose shape is not known: the output is the target when every
    /// size is given (a number or a size read from a traced tensor) and none is -1. view infers a -1 from the
    /// element count and expand keeps the input's size there: both need the input. Whatever the input, a view to
    /// given sizes either fails or has exactly them, and so has an expand (a leading size, one that broadcasts a
    /// 1, or one equal to the input's); the element count (view) and the sizes (expand) are checked when the
    /// input's shape is known.
    /// </summary>
    public static ShapeResult GivenSizes(string op, Dim[]? sizes)
    {
        if (sizes is null) return ShapeResult.Unknown(op + " shape is not known at compile time");
        if (sizes.Any(d => d.Value is long v && v < 0)) return ShapeResult.Unknown(op + " with a size of -1 needs the input's shape");
        return ShapeResult.Ok(Shape.Of(sizes));
    }

    /// <summary>view/reshape to sizes read from tensors (<c>x.size(0)</c>): -1 is the exact quotient.</summary>
    private static ShapeResult ViewSymbolic(string op, Shape x, Dim[] sizes)
    {
        int infer = Array.FindIndex(sizes, d => d.Value == -1);
        if (sizes.Count(d => d.Value == -1) > 1) return ShapeResult.Fail(Rules.Invalid(op + " allows only one -1", "shape"));
        if (infer < 0) return ShapeResult.Ok(Shape.Of(sizes)); // the element count cannot be checked symbolically
        var known = Dim.Product(sizes.Where((_, i) => i != infer));
        if (x.ElementCount.TryDivideExact(known) is not { } q) return ShapeResult.Unknown(op + " cannot resolve -1 symbolically");
        var dims = sizes.ToArray();
        dims[infer] = q;
        return ShapeResult.Ok(Shape.Of(dims));
    }

    public static ShapeResult View(string op, Shape x, long[]? sizes)
    {
        if (sizes is null) return ShapeResult.Unknown(op + " shape is not known at compile time");
        var resolved = Resolve(op, x.ElementCount, sizes, out var error);
        if (error is not null) return ShapeResult.Fail(error);
        if (resolved is null) return ShapeResult.Unknown(op + " cannot resolve -1 symbolically");
        return ShapeResult.Ok(Shape.Of(resolved));
    }

    /// <summary>Resolves sizes (one -1 allowed) against an element count; null when undecidable.</summary>
    private static Dim[]? Resolve(string op, Dim total, long[] sizes, out ShapeError? error)
    {
        error = null;
        int infer = -1;
        long known = 1;
        for (int i = 0; i < sizes.Length; i++)
        {
            if (sizes[i] == -1)
            {
                if (infer >= 0) { error = Rules.Invalid(op + " allows only one -1", "shape"); return null; }
                infer = i;
            }
            else if (sizes[i] < 0) { error = Rules.Invalid(op + " size " + Rules.Str(sizes[i]) + " is invalid", "shape"); return null; }
            else known *= sizes[i];
        }
        var dims = sizes.Select(s => Dim.Of(s)).ToArray();
        string target = "(" + string.Join(", ", sizes.Select(Rules.Str)) + ")";
        if (infer < 0)
        {
            if (total.Value is long t && t != known)
            {
                error = new ShapeError(ShapeErrorKind.ElementCountMismatch,
                    op + " to " + target + " needs " + Rules.Str(known) + " elements, the input has " + Rules.Str(t), "shape", known, t);
                return null;
            }
            // A symbolic count (N×400 to (1, 400)) cannot be checked, but the sizes are the output whenever the
            // op runs, as for an input whose shape is not known at all (GivenSizes).
            return dims;
        }
        if (known == 0) { error = Rules.Invalid(op + " cannot infer -1 with a zero-sized dim", "shape"); return null; }
        var q = total.FloorDiv(known);
        if (q * known != total)
        {
            if (total.Value is long t)
            {
                error = new ShapeError(ShapeErrorKind.ElementCountMismatch,
                    op + " to " + target + ": " + Rules.Str(t) + " elements are not divisible by " + Rules.Str(known), "shape", known, t);
            }
            return null;
        }
        dims[infer] = q;
        return dims;
    }

    public static ShapeResult Permute(string op, Shape x, long[]? order)
    {
        if (order is null) return ShapeResult.Unknown(op + " dims are not known at compile time");
        if (order.Length != x.Rank)
            return ShapeResult.Fail(new ShapeError(ShapeErrorKind.RankMismatch, op + " lists " + Rules.Str(order.Length) + " dims for a " + Rules.Str(x.Rank) + "-D input " + x));
        var dims = new Dim[x.Rank];
        var seen = new bool[x.Rank];
        for (int i = 0; i < order.Length; i++)
        {
            if (x.NormalizeAxis(order[i]) is not int a || seen[a]) return ShapeResult.Fail(Rules.Invalid(op + " dims are not a permutation", "dims"));
            seen[a] = true;
            dims[i] = x[a];
        }
        return ShapeResult.Ok(Shape.Of(dims));
    }

    public static ShapeResult Transpose(string op, Shape x, long? d0, long? d1)
    {
        if (d0 is null || d1 is null) return ShapeResult.Unknown(op + " dims are not known at compile time");
        if (x.NormalizeAxis(d0.Value) is not int a) return ShapeResult.Fail(Axis(op, x, d0.Value));
        if (x.NormalizeAxis(d1.Value) is not int b) return ShapeResult.Fail(Axis(op, x, d1.Value));
        return ShapeResult.Ok(x.With(a, x[b]).With(b, x[a]));
    }

    /// <summary>cat (new axis false) or stack (new axis true).</summary>
    public static ShapeResult Join(string op, IReadOnlyList<Shape> inputs, long? dim, bool stack)
    {
        if (dim is null) return ShapeResult.Unknown(op + " dim is not known at compile time");
        var first = inputs[0];
        if ((stack ? first.NormalizeAxis(dim.Value, 1) : first.NormalizeAxis(dim.Value)) is not int d) return ShapeResult.Fail(Axis(op, first, dim.Value));
        Dim sum = 0;
        for (int i = 0; i < inputs.Count; i++)
        {
            var x = inputs[i];
            if (x.Rank != first.Rank)
                return ShapeResult.Fail(new ShapeError(ShapeErrorKind.ConcatMismatch,
                    op + " inputs have different ranks: " + first + " and " + x, InputIndex: i));
            for (int j = 0; j < x.Rank; j++)
            {
                if (!stack && j == d) continue;
                if (x[j].IsConcrete && first[j].IsConcrete ? x[j] != first[j] : false)
                    return ShapeResult.Fail(new ShapeError(ShapeErrorKind.ConcatMismatch,
                        op + " along dim " + Rules.Str(dim.Value) + ": input " + Rules.Str(i + 1) + " is " + x + " but input 1 is " + first
                        + " (dim " + Rules.Str(j) + " differs)", null, first[j].Value, x[j].Value, i, j));
            }
            if (!stack) sum += x[d];
        }
        if (stack)
        {
            var dims = first.Dims.ToList();
            dims.Insert(d, inputs.Count);
            return ShapeResult.Ok(Shape.Of(dims));
        }
        return ShapeResult.Ok(first.With(d, sum));
    }

    /// <summary>NumPy broadcasting of element-wise ops.</summary>
    public static ShapeResult Broadcast(string op, IReadOnlyList<Shape> inputs)
    {
        var result = inputs[0];
        for (int i = 1; i < inputs.Count; i++)
        {
            var b = inputs[i];
            int rank = Math.Max(result.Rank, b.Rank);
            var dims = new Dim[rank];
            for (int j = 0; j < rank; j++)
            {
                int ia = result.Rank - rank + j, ib = b.Rank - rank + j;
                Dim? x = ia >= 0 ? result[ia] : null, y = ib >= 0 ? b[ib] : null;
                if (x is null) dims[j] = y!;
                else if (y is null || x == y || y.Value == 1) dims[j] = x;
                else if (x.Value == 1) dims[j] = y;
                else if (x.IsConcrete && y.IsConcrete)
                    return ShapeResult.Fail(new ShapeError(ShapeErrorKind.ConcatMismatch,
                        op + " cannot broadcast " + result + " with " + b, null, x.Value, y.Value, i, j));
                else return ShapeResult.Unknown(op + " cannot decide broadcasting of " + x + " and " + y);
            }
            result = Shape.Of(dims);
        }
        return ShapeResult.Ok(result);
    }

    /// <summary>torch.matmul semantics (1-D, 2-D and batched).</summary>
    public static ShapeResult Matmul(string op, Shape a, Shape b, bool batchedOnly = false)
    {
        if (a.Rank == 0 || b.Rank == 0) return ShapeResult.Fail(new ShapeError(ShapeErrorKind.RankMismatch, op + " needs at least 1-D inputs"));
        if (batchedOnly && (a.Rank != 3 || b.Rank != 3))
            return ShapeResult.Fail(new ShapeError(ShapeErrorKind.RankMismatch, op + " needs 3-D inputs, got " + a + " and " + b));
        var a2 = a.Rank == 1 ? Shape.Of(1, a[0]) : a;
        var b2 = b.Rank == 1 ? Shape.Of(b[0], 1) : b;
        var k1 = a2[-1];
        var k2 = b2[-2];
        if (k1.IsConcrete && k2.IsConcrete && k1 != k2)
            return ShapeResult.Fail(new ShapeError(ShapeErrorKind.FeatureMismatch,
                op + " inner dims differ: " + a + " @ " + b, null, k1.Value, k2.Value, 1, b2.Rank - 2));
        var batchA = Shape.Of(a2.Dims.Take(a2.Rank - 2));
        var batchB = Shape.Of(b2.Dims.Take(b2.Rank - 2));
        var batch = Broadcast(op, new[] { batchA, batchB });
        if (batch.Output is not Shape bs) return batch;
        var dims = bs.Dims.ToList();
        if (a.Rank > 1) dims.Add(a2[-2]);
        if (b.Rank > 1) dims.Add(b2[-1]);
        return ShapeResult.Ok(Shape.Of(dims));
    }

    public static ShapeError Axis(string op, Shape x, long axis)
        => new(ShapeErrorKind.RankMismatch, op + " dim " + Rules.Str(axis) + " is out of range for " + x);
}
