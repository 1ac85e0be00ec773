using NetVizGen.Model.Shapes;
using static NetVizGen.Model.Catalog.Decl;

namespace NetVizGen.Model.Catalog.Ops;

/// <summary>
/// Ops that pick elements by an index tensor or by rank: index_select, gather, one_hot, topk, sort, argsort.
/// Their sizes follow from the shapes alone; what the indices hold never matters.
/// </summary>
internal static class SelectionOps
{
    public static IEnumerable<OpDef> All()
    {
        // x.index_select(dim, index): the dim becomes as long as the (0-D or 1-D) index.
        yield return Op("index_select", (a, x) =>
        {
            if (x.Count < 2) return ShapeResult.Unknown("index_select needs the index as a traced tensor");
            if (a.Long("dim") is not long d) return ShapeResult.Unknown("index_select dim is not known at compile time");
            if (x[0].NormalizeAxis(d) is not int axis) return ShapeResult.Fail(ShapeOps.Axis("index_select", x[0], d));
            if (x[1].Rank > 1) return ShapeResult.Fail(new ShapeError(ShapeErrorKind.RankMismatch, "index_select needs a 0-D or 1-D index, got " + x[1], InputIndex: 1));
            return ShapeResult.Ok(x[0].With(axis, x[1].Rank == 0 ? 1 : x[1][0]));
        }, a => "dim=" + a.Show("dim"));
        // x.gather(dim, index): the result has the index's shape (same rank as x).
        yield return Op("gather", (a, x) =>
        {
            if (x.Count < 2) return ShapeResult.Unknown("gather needs the index as a traced tensor");
            if (x[1].Rank != x[0].Rank)
                return ShapeResult.Fail(new ShapeError(ShapeErrorKind.RankMismatch, "gather needs an index of the input's rank: " + x[0] + " and " + x[1], InputIndex: 1));
            return ShapeResult.Ok(x[1]);
        }, a => "dim=" + a.Show("dim"));
        // one_hot(x, n): a last dim of n; with n = -1 (the default) it is the largest class in the data.
        yield return Op("one_hot", (a, x) => a.Long("num_classes") is long n && n > 0
            ? ShapeResult.Ok(Shape.Of(x[0].Dims.Concat(new[] { Dim.Of(n) })))
            : ShapeResult.Unknown("one_hot without num_classes takes its size from the data"), a => a.Show("num_classes"), List(Int("num_classes", -1)));
        // topk(k, dim): values and indices, k long along dim.
        yield return Op("topk", (a, x) =>
        {
            if (a.Long("k") is not long k || a.Long("dim") is not long d) return ShapeResult.Unknown("topk arguments are not known at compile time");
            if (x[0].NormalizeAxis(d) is not int axis) return ShapeResult.Fail(ShapeOps.Axis("topk", x[0], d));
            if (x[0][axis].Value is long n && (k < 0 || k > n))
                return ShapeResult.Fail(new ShapeError(ShapeErrorKind.InvalidArgument, "topk k=" + k + " is out of range for dim " + axis + " of " + x[0], "k", n, k));
            var shape = x[0].With(axis, k);
            return ShapeResult.Ok(shape, shape);
        }, a => "k=" + a.Show("k"), List(Int("dim", -1)));
        yield return Op("sort", (a, x) => ShapeResult.Ok(x[0], x[0]), null);
        yield return Op("argsort", (a, x) => ShapeResult.Ok(x[0]), null);
    }

    private static OpDef Op(string name, Func<LayerArgs, IReadOnlyList<Shape>, ShapeResult> shape, Func<LayerArgs, string?>? label, LayerParam[]? defaults = null)
        => new(name, LayerCategory.Other, (a, x) => x.Count == 0 ? ShapeResult.Unknown(name + " has no input") : shape(a, x), label, defaults);
}
