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
        foreach (var name in new[] { "add", "sub", "mul", "div", "maximum", "minimum", "where", "multiply", "subtract", "true_divide" })
            yield return new OpDef(name, LayerCategory.Merge, (a, x) => x.Count == 0 ? ShapeResult.Unknown(name + " has no input") : ShapeOps.Broadcast(name, x));
        foreach (var name in new[] { "matmul", "mm", "bmm" })
        {
            yield return new OpDef(name, LayerCategory.Linear,
                (a, x) => x.Count < 2 ? ShapeResult.Unknown(name + " needs two tensor inputs") : ShapeOps.Matmul(name, x[0], x[1], batchedOnly: name == "bmm"),
                macs: (a, x, output) => x.Count >= 2 && x[0][-1].Value is long k && Rules.PerSample(output, batched: x[0].Rank > 2) is long o ? o * k : null);
        }
    }

    private static OpDef Merge(string name, Func<LayerArgs, IReadOnlyList<Shapes.Shape>, ShapeResult> shape)
        => new(name, LayerCategory.Merge, (a, x) => x.Count == 0 ? ShapeResult.Unknown(name + " has no input") : shape(a, x),
            a => "dim=" + a.Show("dim"), List(Int("dim", 0)));
}
