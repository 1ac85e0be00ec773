using static NetVizGen.Model.Catalog.Decl;

namespace NetVizGen.Model.Catalog.Ops;

/// <summary>cat/stack, element-wise merges with broadcasting, and matrix products.</summary>
internal static class MergeOps
{
    public static IEnumerable<OpDef> All()
    {
        foreach (var name in new[] { "cat", "concat", "concatenate" })
            yield return Merge(name, (a, x) => ShapeOps.Join(name, x, a.Long("dim"), stack: false));
        yield return Merge("stack", (a, x) => ShapeOps.Join("stack", x, a.Long("dim"), stack: true));
        foreach (var name in new[] { "add", "sub", "mul", "div", "maximum", "minimum", "multiply", "subtract", "true_divide" })
            yield return new OpDef(name, LayerCategory.Merge, (a, x) => x.Count == 0 ? ShapeResult.Unknown(name + " has no input") : ShapeOps.Broadcast(name, x));
        // Element-wise arithmetic that is no merge of paths (x % 1, a complex number from real and imaginary parts).
        foreach (var name in new[] { "remainder", "fmod", "atan2", "complex", "polar" })
            yield return new OpDef(name, LayerCategory.Other, (a, x) => x.Count == 0 ? ShapeResult.Unknown(name + " has no input") : ShapeOps.Broadcast(name, x));
        // torch.where(condition, x, y) / x.where(condition, y): the broadcast of all three. where(condition)
        // alone returns data-dependent index tensors, and with a tensor the tracer lost the shape is unknown.
        yield return new OpDef("where", LayerCategory.Merge,
            (a, x) => x.Count == 3 ? ShapeOps.Broadcast("where", x) : ShapeResult.Unknown("where needs condition, x and y as traced tensors"));
        yield return new OpDef("hstack", LayerCategory.Merge, (a, x) => x.Count == 0 ? ShapeResult.Unknown("hstack has no input") : HStack(x));
        yield return new OpDef("vstack", LayerCategory.Merge, (a, x) => x.Count == 0 ? ShapeResult.Unknown("vstack has no input") : VStack(x));
        yield return new OpDef("outer", LayerCategory.Linear, (a, x) =>
        {
            if (x.Count != 2) return ShapeResult.Unknown("outer needs two tensor inputs");
            if (x[0].Rank != 1 || x[1].Rank != 1)
                return ShapeResult.Fail(new ShapeError(ShapeErrorKind.RankMismatch, "outer needs two 1-D inputs, got " + x[0] + " and " + x[1]));
            return ShapeResult.Ok(Shapes.Shape.Of(x[0][0], x[1][0]));
        });
        // sparse_coo_tensor(indices, values, size): a sparse tensor of the size given (a graph's adjacency matrix).
        yield return new OpDef("sparse_coo_tensor", LayerCategory.Other, (a, x) =>
            a.Dims("size") is { Length: > 0 } size ? ShapeResult.Ok(Shapes.Shape.Of(size)) : ShapeResult.Unknown("sparse_coo_tensor size is not known at compile time"));
        // A product with a sparse matrix: a dense product's shape; its multiply-adds depend on the non-zeros (unknown).
        yield return new OpDef("sparse_matmul", LayerCategory.Linear,
            (a, x) => x.Count < 2 ? ShapeResult.Unknown("sparse_matmul needs two tensor inputs") : ShapeOps.Matmul("matmul", x[0], x[1], batchedOnly: false));
        // functional.linear(x, weight, bias): x @ weightᵀ + bias, a layer whose weights the module holds itself
        // (a noisy network's weight plus its noise). A 1-D weight drops the last dim.
        yield return new OpDef("linear", LayerCategory.Linear,
            (a, x) => x.Count < 2 ? ShapeResult.Unknown("linear needs its input and its weight") : Linear(x[0], x[1], x.Count > 2 ? x[2] : null),
            macs: (a, x, output) => x.Count >= 2 && x[0].Rank > 0 && x[0][-1].Value is long k && Rules.PerSample(output, batched: x[0].Rank > 1) is long o ? o * k : null);
        foreach (var name in new[] { "matmul", "mm", "bmm" })
        {
            yield return new OpDef(name, LayerCategory.Linear,
                (a, x) => x.Count < 2 ? ShapeResult.Unknown(name + " needs two tensor inputs") : ShapeOps.Matmul(name, x[0], x[1], batchedOnly: name == "bmm"),
                macs: (a, x, output) => x.Count >= 2 && x[0][-1].Value is long k && Rules.PerSample(output, batched: x[0].Rank > 2) is long o ? o * k : null);
        }
    }

    /// <summary>linear: the input's last dim is the weight's in-features (its last dim); it becomes the out-features
    /// (the weight's first dim), or goes away with a 1-D weight. The bias broadcasts against that.</summary>
    private static ShapeResult Linear(Shapes.Shape input, Shapes.Shape weight, Shapes.Shape? bias)
    {
        if (input.Rank == 0) return ShapeResult.Fail(new ShapeError(ShapeErrorKind.RankMismatch, "linear needs an input of at least 1-D"));
        if (weight.Rank is not (1 or 2))
            return ShapeResult.Fail(new ShapeError(ShapeErrorKind.RankMismatch, "linear needs a 1-D or 2-D weight, got " + weight));
        if (Rules.Differs(input[-1], weight[-1].Value))
            return ShapeResult.Fail(Rules.Mismatch(ShapeErrorKind.FeatureMismatch, "linear", "in_features", weight[-1].Value!.Value, input[-1], input.Rank - 1));
        var dims = input.Dims.Take(input.Rank - 1).ToList();
        if (weight.Rank == 2) dims.Add(weight[0]);
        var output = Shapes.Shape.Of(dims);
        return bias is null ? ShapeResult.Ok(output) : ShapeOps.Broadcast("linear", new[] { output, bias });
    }

    /// <summary>hstack: 0-D inputs become 1-D; 1-D inputs are joined along dim 0, others along dim 1.</summary>
    private static ShapeResult HStack(IReadOnlyList<Shapes.Shape> inputs)
    {
        var x = inputs.Select(s => s.Rank == 0 ? Shapes.Shape.Of(1) : s).ToArray();
        return ShapeOps.Join("hstack", x, x[0].Rank == 1 ? 0 : 1, stack: false);
    }

    /// <summary>vstack: inputs below 2-D become (1, n) (a 0-D one (1, 1)), then joined along dim 0.</summary>
    private static ShapeResult VStack(IReadOnlyList<Shapes.Shape> inputs)
    {
        var x = inputs.Select(s => s.Rank == 0 ? Shapes.Shape.Of(1, 1) : s.Rank == 1 ? Shapes.Shape.Of(1, s[0]) : s).ToArray();
        return ShapeOps.Join("vstack", x, 0, stack: false);
    }

    private static OpDef Merge(string name, Func<LayerArgs, IReadOnlyList<Shapes.Shape>, ShapeResult> shape)
        => new(name, LayerCategory.Merge, (a, x) => x.Count == 0 ? ShapeResult.Unknown(name + " has no input") : shape(a, x),
            a => "dim=" + a.Show("dim"), List(Int("dim", 0)));
}
