using NetVizGen.Model.Shapes;
using static NetVizGen.Model.Catalog.Decl;

namespace NetVizGen.Model.Catalog.Ops;

/// <summary>flatten, view/reshape, permute, transpose, squeeze/unsqueeze, chunk/split, reductions.</summary>
internal static class ReshapeOps
{
    public static IEnumerable<OpDef> All()
    {
        yield return Op("flatten", (a, x) => ShapeOps.Flatten("flatten", x[0], a.Long("start_dim"), a.Long("end_dim")),
            a => a.Long("end_dim") != -1 ? a.Show("start_dim") + ".." + a.Show("end_dim") : a.Long("start_dim") == 0 ? null : a.Show("start_dim"),
            List(Int("start_dim", 0), Int("end_dim", -1)));
        yield return Op("unflatten", (a, x) => ShapeOps.Unflatten("unflatten", x[0], a.Long("dim"), a.List("sizes") ?? a.List("unflattened_size")));
        foreach (var name in new[] { "view", "reshape" })
            yield return Op(name, (a, x) => ShapeOps.View(name, x[0], a.Dims("shape") ?? a.Dims("size")), a => a.Show("shape"))
                .GivenUnknownInputs((a, _) => ShapeOps.GivenSizes(name, a.Dims("shape") ?? a.Dims("size")));
        yield return Op("permute", (a, x) => ShapeOps.Permute("permute", x[0], a.List("permutation") ?? a.List("dims")), a => a.Show("permutation"));
        foreach (var name in new[] { "transpose", "swapaxes", "swapdims" })
            yield return Op(name, (a, x) => ShapeOps.Transpose(name, x[0], a.Long("dim0") ?? a.Long("axis0"), a.Long("dim1") ?? a.Long("axis1")),
                a => a.Show("dim0") + "," + a.Show("dim1"));
        yield return Op("t", (a, x) => x[0].Rank < 2 ? ShapeResult.Ok(x[0]) : ShapeOps.Transpose("t", x[0], 0, 1));
        yield return Op("squeeze", (a, x) => Squeeze(a, x[0]), null, List(Null("dim")));
        yield return Op("unsqueeze", (a, x) =>
        {
            if (a.Long("dim") is not long d) return ShapeResult.Unknown("unsqueeze dim is not known at compile time");
            if (x[0].NormalizeAxis(d, 1) is not int axis) return ShapeResult.Fail(ShapeOps.Axis("unsqueeze", x[0], d));
            var dims = x[0].Dims.ToList();
            dims.Insert(axis, 1);
            return ShapeResult.Ok(Shape.Of(dims));
        }, a => a.Show("dim"));
        yield return Op("chunk", (a, x) => Chunk(a, x[0]), a => a.Show("chunks"), List(Int("dim", 0)));
        yield return Op("split", (a, x) => Split(a, x[0]), null, List(Int("dim", 0)));
        // unbind(dim): one tensor per index of dim, each without it (q, k, v = qkv.unbind(0)).
        yield return Op("unbind", (a, x) =>
        {
            if (a.Long("dim") is not long d) return ShapeResult.Unknown("unbind dim is not known at compile time");
            if (x[0].NormalizeAxis(d) is not int axis) return ShapeResult.Fail(ShapeOps.Axis("unbind", x[0], d));
            if (x[0][axis].Value is not long n) return ShapeResult.Unknown("unbind along a dim whose size is known only at run time");
            var each = Shape.Of(x[0].Dims.Where((_, i) => i != axis));
            return ShapeResult.Ok(Enumerable.Repeat(each, (int)n).ToArray());
        }, a => a.Show("dim"), List(Int("dim", 0)));
        // x[i] / x.select(dim, i): drops the axis.
        yield return Op("select", (a, x) =>
        {
            if (a.Long("dim") is not long d) return ShapeResult.Unknown("select dim is not known at compile time");
            if (x[0].NormalizeAxis(d) is not int axis) return ShapeResult.Fail(ShapeOps.Axis("select", x[0], d));
            return ShapeResult.Ok(Shape.Of(x[0].Dims.Where((_, i) => i != axis)));
        }, a => a.Show("dim") + "," + a.Show("index"), List(Int("dim", 0)));
        // A Parameter or buffer of a module used directly in forward (a class token, a positional
        // embedding, a noisy layer's noise): a source of the data flow whose shape the extractor knows from its
        // creation, labelled with what it is ("buffer" when the extractor marked it so).
        yield return new OpDef("parameter", LayerCategory.Other, (a, _) => ParameterShape(a),
            a => (a.Get("buffer") is { AsBool: true } ? "buffer" : "parameter")
                + (a.Get("name") is { Kind: NetVizGen.Model.Specs.ArgKind.String } n ? " " + n.Text : ""),
            labelIsWhole: true);
        // x[..., 1:3, None] and every other basic index (TensorIndexing), the positions as one text argument.
        yield return Op(TensorIndexing.OpName, (a, x) =>
        {
            var text = a.Get(TensorIndexing.ArgName) is { Kind: NetVizGen.Model.Specs.ArgKind.String } t ? t.Text : null;
            return text is not null && TensorIndexing.Decode(text) is { } items
                ? TensorIndexing.Apply(x[0], items, a.Sizes)
                : ShapeResult.Unknown("the index is not known");
        }, a => a.Get(TensorIndexing.ArgName) is { Kind: NetVizGen.Model.Specs.ArgKind.String } t ? "[" + TensorIndexing.Label(t.Text ?? "") + "]" : null);
        // table[indices] with an integer tensor: the indices' shape, then the table's dims after the first. With
        // whole slices before it (table[:, indices], dim = 1), the dims they keep come first.
        yield return Op(TensorIndexing.ByTensorOpName, (a, x) =>
        {
            if (x.Count < 2) return ShapeResult.Unknown("indexing without its index tensor");
            var dim = a.Long("dim") ?? 0;
            if (dim < 0 || x[0].Rank <= dim) return ShapeResult.Fail(Rules.Invalid($"a {x[0].Rank}-dimensional tensor cannot be indexed by a tensor at dim {dim}", "indices"));
            return ShapeResult.Ok(Shape.Of(x[0].Dims.Take((int)dim).Concat(x[1].Dims).Concat(x[0].Dims.Skip((int)dim + 1))));
        });
        // x[...] = v: the written tensor keeps its shape.
        // Writes of one statement repeated in a loop are one node with a count ("writes"): "[…] ×441".
        yield return Op(TensorIndexing.WriteOpName, (a, x) => ShapeResult.Ok(x[0]),
            a => a.Get(TensorIndexing.ArgName) is { Kind: NetVizGen.Model.Specs.ArgKind.String } t
                ? "[" + TensorIndexing.Label(t.Text ?? "") + "]" + (a.Long("writes") is long n and > 1 ? " ×" + n.ToString(System.Globalization.CultureInfo.InvariantCulture) : "")
                : null);
        yield return Op("narrow", (a, x) =>
        {
            // The length may be a size read from a traced tensor (x.narrow(0, 0, y.size(0))).
            if (a.Long("dim") is not long d || a.Dims("length") is not { Length: 1 } len) return ShapeResult.Unknown("narrow arguments are not known");
            return x[0].NormalizeAxis(d) is int axis ? ShapeResult.Ok(x[0].With(axis, len[0])) : ShapeResult.Fail(ShapeOps.Axis("narrow", x[0], d));
        });
        yield return Op("view_as_complex", (a, x) =>
        {
            // The last dim holds (real, imaginary) and must be 2: it becomes the complex value.
            if (x[0].Rank == 0 || ((x[0][-1].Value is long last) && last != 2))
                return ShapeResult.Fail(new ShapeError(ShapeErrorKind.RankMismatch, "view_as_complex needs a last dim of size 2, got " + x[0]));
            return ShapeResult.Ok(Shape.Of(x[0].Dims.Take(x[0].Rank - 1)));
        });
        yield return Op("view_as_real", (a, x) => ShapeResult.Ok(Shape.Of(x[0].Dims.Concat(new[] { Dim.Of(2) }))));
        yield return Op("repeat_interleave", (a, x) => RepeatInterleave(a, x), a => a.IsNull("dim") ? a.Show("repeats") : a.Show("repeats") + " dim=" + a.Show("dim"),
            List(Null("dim"), Null("output_size")));
        foreach (var name in new[] { "mean", "sum", "amax", "amin", "prod", "std", "var", "logsumexp", "norm", "all", "any" })
            yield return new OpDef(name, LayerCategory.Other, (a, x) => Reduce(name, a, x[0]), ReduceLabel,
                List(Bool("keepdim", false), Null("dim"), Null("dimensions")));
        foreach (var name in new[] { "max", "min", "argmax", "argmin" })
            yield return new OpDef(name, LayerCategory.Other, (a, x) => x.Count > 1 ? ShapeOps.Broadcast(name, x) : Reduce(name, a, x[0], pair: !name.StartsWith("arg", StringComparison.Ordinal)),
                null, List(Bool("keepdim", false), Null("dim"), Null("dimensions")));
    }

    /// <summary>The declared shape of a parameter node (<c>shape</c> argument), when known.</summary>
    internal static ShapeResult ParameterShape(LayerArgs a) =>
        a.List("shape") is { Length: > 0 } dims ? ShapeResult.Ok(Shape.Of(dims.Select(d => (Dim)d))) : ShapeResult.Unknown("parameter shape is not known");

    /// <summary>"dim 1" or "dims (1, 2)"; nothing when the op reduces every dimension.</summary>
    private static string? ReduceLabel(LayerArgs a)
    {
        foreach (var name in new[] { "dim", "dimensions" })
        {
            if (a.IsNull(name)) continue;
            var shown = a.Show(name);
            if (shown != "?") return (name == "dim" ? "dim " : "dims ") + shown;
        }
        return null;
    }

    private static OpDef Op(string name, Func<LayerArgs, IReadOnlyList<Shape>, ShapeResult> shape, Func<LayerArgs, string?>? label = null, LayerParam[]? defaults = null)
        => new(name, LayerCategory.Reshape, (a, x) => x.Count == 0 ? ShapeResult.Unknown(name + " has no input") : shape(a, x), label, defaults);

    private static ShapeResult Squeeze(LayerArgs a, Shape x)
    {
        if (a.IsNull("dim"))
        {
            if (x.Dims.Any(d => !d.IsConcrete)) return ShapeResult.Unknown("squeeze of symbolic dims");
            return ShapeResult.Ok(Shape.Of(x.Dims.Where(d => d.Value != 1)));
        }
        if (a.Long("dim") is not long dim) return ShapeResult.Unknown("squeeze dim is not known at compile time");
        if (x.NormalizeAxis(dim) is not int axis) return ShapeResult.Fail(ShapeOps.Axis("squeeze", x, dim));
        if (x[axis].Value == 1) return ShapeResult.Ok(Shape.Of(x.Dims.Where((_, i) => i != axis)));
        return x[axis].IsConcrete ? ShapeResult.Ok(x) : ShapeResult.Unknown("squeeze of a symbolic dim");
    }

    /// <summary>
    /// <c>repeat_interleave(repeats, dim)</c>: dim's size times repeats; without dim the flattened input.
    /// A tensor of repeats (a second input) gives data-dependent sizes unless <c>output_size</c> is given.
    /// </summary>
    private static ShapeResult RepeatInterleave(LayerArgs a, IReadOnlyList<Shape> inputs)
    {
        var x = inputs[0];
        Dim? length = null; // the resulting size along dim (or of the flattened input), when output_size says it
        Dim repeats = Dim.Of(0);
        if (inputs.Count > 1)
        {
            if (a.Long("output_size") is not long given) return ShapeResult.Unknown("repeat_interleave with a tensor of repeats has data-dependent sizes");
            length = given;
        }
        else
        {
            if (a.Long("repeats") is long r)
            {
                if (r < 0) return ShapeResult.Fail(Rules.Invalid("repeat_interleave repeats must not be negative", "repeats"));
                repeats = r;
            }
            // A size read from another tensor (SAM: repeat_interleave(image, tokens.size(0), 0)).
            else if (a.Dims("repeats") is { Length: 1 } symbolic) repeats = symbolic[0];
            else return ShapeResult.Unknown("repeat_interleave repeats are not known at compile time");
        }
        if (a.IsNull("dim")) return ShapeResult.Ok(Shape.Of(length ?? x.ElementCount * repeats));
        if (a.Long("dim") is not long dim) return ShapeResult.Unknown("repeat_interleave dim is not known at compile time");
        if (x.NormalizeAxis(dim) is not int axis) return ShapeResult.Fail(ShapeOps.Axis("repeat_interleave", x, dim));
        return ShapeResult.Ok(x.With(axis, length ?? x[axis] * repeats));
    }

    private static ShapeResult Chunk(LayerArgs a, Shape x)
    {
        if (a.Long("chunks") is not long chunks || a.Long("dim") is not long dim) return ShapeResult.Unknown("chunk arguments are not known");
        if (x.NormalizeAxis(dim) is not int axis) return ShapeResult.Fail(ShapeOps.Axis("chunk", x, dim));
        if (chunks <= 0) return ShapeResult.Fail(Rules.Invalid("chunk count must be positive", "chunks"));
        var size = x[axis];
        if (size.Value is long n)
        {
            long each = (n + chunks - 1) / chunks;
            var outs = new List<Shape>();
            for (long start = 0; start < n; start += each) outs.Add(x.With(axis, Math.Min(each, n - start)));
            return ShapeResult.Ok(outs.ToArray());
        }
        var part = size.FloorDiv(chunks);
        if (part * chunks != size) return ShapeResult.Unknown("chunk of a symbolic size that may not divide evenly");
        return ShapeResult.Ok(Enumerable.Repeat(x.With(axis, part), (int)chunks).ToArray());
    }

    private static ShapeResult Split(LayerArgs a, Shape x)
    {
        if (a.Long("dim") is not long dim) return ShapeResult.Unknown("split dim is not known");
        if (x.NormalizeAxis(dim) is not int axis) return ShapeResult.Fail(ShapeOps.Axis("split", x, dim));
        var arg = a.Get("split_size_or_sections") ?? a.Get("sizes") ?? a.Get("size") ?? a.Get("split_size");
        if (arg is null || arg.IsUnknown) return ShapeResult.Unknown("split sizes are not known");
        if (arg.Kind == Specs.ArgKind.Tuple)
        {
            var sizes = arg.Items.Select(i => i.AsLong).ToArray();
            if (sizes.Any(s => s is null)) return ShapeResult.Unknown("split sizes are not known");
            long total = sizes.Sum(s => s!.Value);
            if (x[axis].Value is long n && n != total)
                return ShapeResult.Fail(new ShapeError(ShapeErrorKind.ElementCountMismatch, "split sizes add up to " + Rules.Str(total) + " but dim "
                    + Rules.Str(dim) + " of " + x + " is " + Rules.Str(n), "split_size_or_sections", total, n));
            return ShapeResult.Ok(sizes.Select(s => x.With(axis, s!.Value)).ToArray());
        }
        if (arg.AsLong is not long each || each <= 0) return ShapeResult.Unknown("split size is not known");
        if (x[axis].Value is not long len) return ShapeResult.Unknown("split of a symbolic size");
        var outs = new List<Shape>();
        for (long start = 0; start < len; start += each) outs.Add(x.With(axis, Math.Min(each, len - start)));
        return ShapeResult.Ok(outs.ToArray());
    }

    private static ShapeResult Reduce(string name, LayerArgs a, Shape x, bool pair = false)
    {
        var keep = a.Bool("keepdim");
        bool noDim = a.IsNull("dim") && a.IsNull("dimensions");
        if (keep is null) return ShapeResult.Unknown(name + " keepdim is not known");
        if (noDim)
            return ShapeResult.Ok(keep.Value ? Shape.Of(x.Dims.Select(_ => Dim.Of(1))) : Shape.Of());
        var dims = a.List("dim") ?? a.List("dimensions");
        if (dims is null) return ShapeResult.Unknown(name + " dims are not known");
        var axes = new HashSet<int>();
        foreach (var d in dims)
        {
            if (x.NormalizeAxis(d) is not int axis) return ShapeResult.Fail(ShapeOps.Axis(name, x, d));
            axes.Add(axis);
        }
        var result = Shape.Of(x.Dims.Select((d, i) => axes.Contains(i) ? (keep.Value ? Dim.Of(1) : null) : d).Where(d => d is not null)!);
        return pair ? ShapeResult.Ok(result, result) : ShapeResult.Ok(result);
    }
}
