using NetVizGen.Model.Shapes;

namespace NetVizGen.Model.Catalog.Ops;

/// <summary>
/// Products beyond matmul: einsum with an explicit output, addmm (a product added to an input) and
/// scaled_dot_product_attention. baddbmm is left out: TorchSharp 0.107's Tensor.baddbmm does not follow
/// PyTorch's argument order (the oracle test found it expanding the input to batch1's shape), so a rule
/// written from PyTorch's documentation would disagree with the runtime.
/// </summary>
internal static class ContractionOps
{
    public static IEnumerable<OpDef> All()
    {
        yield return new OpDef("einsum", LayerCategory.Linear, (a, x) => Einsum(a.Get("equation")?.Text, x), a => a.Get("equation")?.Text);
        foreach (var (name, batched) in new[] { ("addmm", false) })
        {
            yield return new OpDef(name, LayerCategory.Linear, (a, x) =>
            {
                if (x.Count < 3) return ShapeResult.Unknown(name + " needs an input and two matrices as traced tensors");
                var product = ShapeOps.Matmul(name, x[1], x[2], batchedOnly: batched);
                if (product.Output is not Shape p) return product;
                if (!batched && (x[1].Rank != 2 || x[2].Rank != 2))
                    return ShapeResult.Fail(new ShapeError(ShapeErrorKind.RankMismatch, name + " needs 2-D matrices, got " + x[1] + " and " + x[2]));
                // The input is broadcast to the product's shape, never the other way.
                var sum = ShapeOps.Broadcast(name, new[] { p, x[0] });
                if (sum.Output is Shape s && s != p)
                    return ShapeResult.Fail(new ShapeError(ShapeErrorKind.ConcatMismatch, name + " cannot broadcast " + x[0] + " to the product's " + p));
                return sum;
            });
        }
        // (…, L, E) queries with (…, S, E) keys and (…, S, Ev) values give (…, L, Ev).
        yield return new OpDef("scaled_dot_product_attention", LayerCategory.Linear, (a, x) =>
        {
            if (x.Count < 3) return ShapeResult.Unknown("scaled_dot_product_attention needs query, key and value as traced tensors");
            var (q, k, v) = (x[0], x[1], x[2]);
            if (q.Rank < 2 || k.Rank < 2 || v.Rank < 2) return ShapeResult.Fail(new ShapeError(ShapeErrorKind.RankMismatch, "scaled_dot_product_attention needs at least 2-D inputs"));
            if (q[-1].IsConcrete && k[-1].IsConcrete && q[-1] != k[-1])
                return ShapeResult.Fail(new ShapeError(ShapeErrorKind.FeatureMismatch, "query and key sizes differ: " + q + " and " + k, null, q[-1].Value, k[-1].Value, 1, k.Rank - 1));
            if (k[-2].IsConcrete && v[-2].IsConcrete && k[-2] != v[-2])
                return ShapeResult.Fail(new ShapeError(ShapeErrorKind.ConcatMismatch, "key and value lengths differ: " + k + " and " + v, null, k[-2].Value, v[-2].Value, 2, v.Rank - 2));
            return ShapeResult.Ok(q.With(q.Rank - 1, v[-1]));
        });
    }

    /// <summary>
    /// einsum with an explicit output (<c>"bhqd,bhkd->bhqk"</c>, <c>"... i d, ... j d -> ... i j"</c>): every label
    /// takes its size from the operands (equal sizes, or 1 beside another size), <c>...</c> stands for the dims
    /// no label takes, broadcast across operands; the output lists its labels. Implicit outputs are unknown
    /// rather than guessed.
    /// </summary>
    internal static ShapeResult Einsum(string? equation, IReadOnlyList<Shape> inputs)
    {
        if (equation is null) return ShapeResult.Unknown("the einsum equation is not known at compile time");
        var eq = equation.Replace(" ", "");
        int arrow = eq.IndexOf("->", StringComparison.Ordinal);
        if (arrow < 0) return ShapeResult.Unknown("einsum '" + equation + "' without an explicit output is not followed");
        var operands = eq.Substring(0, arrow).Split(',');
        var output = eq.Substring(arrow + 2);
        if (operands.Length != inputs.Count)
            return ShapeResult.Fail(new ShapeError(ShapeErrorKind.InvalidArgument, "einsum '" + equation + "' names " + operands.Length + " operand(s), got " + inputs.Count));
        var sizes = new Dictionary<char, Dim>();
        var ellipses = new List<Shape>();
        for (int i = 0; i < operands.Length; i++)
        {
            var labels = operands[i];
            int dots = labels.IndexOf("...", StringComparison.Ordinal);
            var named = labels.Replace("...", "");
            if (named.Any(c => !char.IsLetter(c)) || dots >= 0 && labels.IndexOf("...", dots + 3, StringComparison.Ordinal) >= 0)
                return ShapeResult.Unknown("einsum '" + equation + "' has a label that is not a letter");
            int covered = inputs[i].Rank - named.Length;
            if (dots < 0 ? covered != 0 : covered < 0)
                return ShapeResult.Fail(new ShapeError(ShapeErrorKind.RankMismatch, "einsum '" + equation + "': operand " + i + " has " + inputs[i].Rank + " dim(s), the equation gives " + named.Length + (dots >= 0 ? " and ..." : ""), InputIndex: i));
            // Dims in order: the labels before "...", the covered dims, the labels after.
            int axis = 0;
            foreach (var c in labels.Replace("...", "\0"))
            {
                if (c == '\0')
                {
                    ellipses.Add(Shape.Of(Enumerable.Range(axis, covered).Select(k => inputs[i][k])));
                    axis += covered;
                    continue;
                }
                var d = inputs[i][axis];
                if (!sizes.TryGetValue(c, out var known) || known.Value == 1) sizes[c] = d;
                else if (!(d == known || d.Value == 1))
                {
                    if (d.IsConcrete && known.IsConcrete)
                        return ShapeResult.Fail(new ShapeError(ShapeErrorKind.FeatureMismatch, "einsum '" + equation + "': label " + c + " is " + known + " and " + d, null, known.Value, d.Value, i, axis));
                    return ShapeResult.Unknown("einsum '" + equation + "' cannot decide whether " + known + " and " + d + " are equal");
                }
                axis++;
            }
        }
        Shape? batch = null;
        if (ellipses.Count > 0)
        {
            var broadcast = ShapeOps.Broadcast("einsum", ellipses);
            if (broadcast.Output is not Shape b) return broadcast;
            batch = b;
        }
        var dims = new List<Dim>();
        foreach (var c in output.Replace("...", "\0"))
        {
            if (c == '\0')
            {
                if (batch is null) return ShapeResult.Fail(new ShapeError(ShapeErrorKind.InvalidArgument, "einsum '" + equation + "': the output has ... but no operand does"));
                dims.AddRange(batch.Dims);
                continue;
            }
            if (!sizes.TryGetValue(c, out var d))
                return ShapeResult.Fail(new ShapeError(ShapeErrorKind.InvalidArgument, "einsum '" + equation + "': output label " + c + " is in no operand"));
            dims.Add(d);
        }
        return ShapeResult.Ok(Shape.Of(dims));
    }
}
