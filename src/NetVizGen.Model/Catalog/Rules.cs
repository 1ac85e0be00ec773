using System.Globalization;
using NetVizGen.Model.Shapes;

namespace NetVizGen.Model.Catalog;

/// <summary>Shared shape arithmetic and checks for the layer and op rules.</summary>
internal static class Rules
{
    /// <summary>Conv/pool output size: <c>floor((L + 2p - d(k-1) - 1)/s) + 1</c> (ceil in ceil_mode).</summary>
    public static Dim SlidingOut(Dim size, long k, long s, long p, long d, bool ceil = false)
    {
        var span = size + (2 * p - d * (k - 1) - 1);
        var q = ceil ? span.CeilDiv(s) : span.FloorDiv(s);
        var result = q + 1;
        // PyTorch: in ceil_mode the last window must start inside the input or left padding.
        if (ceil && result.Value is long o && size.Value is long l && (o - 1) * s >= l + p) result = o - 1;
        return result;
    }

    /// <summary>Transposed conv output size: <c>(L-1)s - 2p + d(k-1) + output_padding + 1</c>.</summary>
    public static Dim TransposedOut(Dim size, long k, long s, long p, long op, long d)
        => (size - 1) * s + (d * (k - 1) + op + 1 - 2 * p);

    /// <summary>True when <paramref name="actual"/> is a number that differs from <paramref name="expected"/>.</summary>
    public static bool Differs(Dim actual, long? expected) => expected is long e && actual.Value is long a && a != e;

    /// <summary>A spatial layer accepts (N, C, *spatial) or unbatched (C, *spatial).</summary>
    public static ShapeError? SpatialRank(string layer, Shape x, int spatial)
    {
        if (x.Rank == spatial + 2 || x.Rank == spatial + 1) return null;
        return new ShapeError(ShapeErrorKind.RankMismatch,
            layer + " expects a " + (spatial + 2).ToString(CultureInfo.InvariantCulture) + "-D (or unbatched "
            + (spatial + 1).ToString(CultureInfo.InvariantCulture) + "-D) input, got " + x);
    }

    public static ShapeError Mismatch(ShapeErrorKind kind, string layer, string arg, long expected, Dim actual, int axis, int input = 0)
        => new(kind, layer + " expects " + arg + " " + expected.ToString(CultureInfo.InvariantCulture) + ", got " + actual,
            arg, expected, actual.Value, input, axis);

    public static ShapeError NonPositive(string layer, Shape result, int axis)
        => new(ShapeErrorKind.NonPositiveSize, layer + " output size " + result[axis] + " is not positive (output " + result + ")",
            Axis: axis);

    public static ShapeError Invalid(string message, string? arg = null) => new(ShapeErrorKind.InvalidArgument, message, arg);

    /// <summary>Ok, or a non-positive-size error when a concrete dim of <paramref name="result"/> is ≤ 0.</summary>
    public static ShapeResult Checked(string layer, Shape result)
    {
        for (int i = 0; i < result.Rank; i++)
            if (result[i].IsKnownNonPositive) return ShapeResult.Fail(NonPositive(layer, result, i));
        return ShapeResult.Ok(result);
    }

    /// <summary>Product of output dims excluding a leading batch dim; null when symbolic.</summary>
    public static long? PerSample(Shape output, bool batched = true)
    {
        long n = 1;
        for (int i = batched && output.Rank > 1 ? 1 : 0; i < output.Rank; i++)
        {
            if (output[i].Value is not long v) return null;
            n *= v;
        }
        return n;
    }

    public static long Prod(long[] values)
    {
        long n = 1;
        foreach (var v in values) n *= v;
        return n;
    }

    public static string Str(long value) => value.ToString(CultureInfo.InvariantCulture);
}
