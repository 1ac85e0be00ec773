using NetVizGen.Model.Shapes;

namespace NetVizGen.Model.Catalog.Ops;

/// <summary>
/// Masks and comparisons: <c>triu/tril</c> keep the shape; <c>masked_fill</c>, comparisons and logical ops
/// broadcast their tensor inputs (a scalar operand broadcasts to anything) like other element-wise ops.
/// </summary>
internal static class MaskOps
{
    /// <summary>
    /// Comparison and logical ops by TorchSharp method name, and the names the tracer gives C# operators
    /// on tensors (<c>x &lt; y</c> is <c>lessthan</c>, <c>a &amp; b</c> is <c>and</c>).
    /// </summary>
    private static readonly string[] Broadcasting =
    {
        "lt", "le", "gt", "ge", "eq", "ne", "less", "less_equal", "greater", "greater_equal", "not_equal",
        "lessthan", "lessthanorequal", "greaterthan", "greaterthanorequal", "equals", "notequals",
        "logical_and", "logical_or", "logical_xor", "bitwise_and", "bitwise_or", "bitwise_xor", "and", "or", "exclusiveor",
    };

    public static IEnumerable<OpDef> All()
    {
        foreach (var name in new[] { "triu", "tril" })
        {
            yield return new OpDef(name, LayerCategory.Other, (a, x) =>
            {
                if (x.Count == 0) return ShapeResult.Unknown(name + " has no input");
                return x[0].Rank >= 2 ? ShapeResult.Ok(x[0])
                    : ShapeResult.Fail(new ShapeError(ShapeErrorKind.RankMismatch, name + " needs an input of at least 2 dims, got " + x[0]));
            }, a => a.Get("diagonal") is { } d && d.AsLong != 0 ? "diagonal=" + a.Show("diagonal") : null);
        }
        foreach (var name in new[] { "logical_not", "bitwise_not", "bitwisenegation" })
            yield return new OpDef(name, LayerCategory.Other, (a, x) => x.Count > 0 ? ShapeResult.Ok(x[0]) : ShapeResult.Unknown(name + " has no input"));
        // x.masked_fill(mask, value): the out-of-place op broadcasts x with mask. Both must be traced
        // tensors: with one of them unknown the result could be either shape.
        // Input and mask broadcast together (a larger mask grows the result, as the oracle test shows), so
        // without the mask traced the shape is unknown rather than guessed as the input's.
        yield return new OpDef("masked_fill", LayerCategory.Other, (a, x) =>
            x.Count == 2 ? ShapeOps.Broadcast("masked_fill", x) : ShapeResult.Unknown("masked_fill needs the input and the mask as traced tensors"));
        foreach (var name in Broadcasting)
            yield return new OpDef(name, LayerCategory.Other, (a, x) => x.Count == 0 ? ShapeResult.Unknown(name + " has no input") : ShapeOps.Broadcast(name, x));
    }
}
