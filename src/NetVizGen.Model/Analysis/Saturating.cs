namespace NetVizGen.Model.Analysis;

/// <summary>
/// Arithmetic for element and multiply-add counts that never throws and never wraps: a result too large
/// for <see cref="long"/> is <see cref="AtLeast"/>, which every page shows as "≥ 9,223,372,036,854,775,807".
/// </summary>
/// <remarks>
/// Counts are non-negative; -1 means unknown and is handled by the callers before they add. A wrapped sum
/// would be a wrong number with no warning, and a checked one an exception that drops the model's shapes
/// (it did: NVG0999 for a few huge layers).
/// </remarks>
public static class Saturating
{
    /// <summary>The saturated value: the true count is at least this.</summary>
    public const long AtLeast = long.MaxValue;

    /// <summary><paramref name="a"/> + <paramref name="b"/> for non-negative counts, saturated at <see cref="AtLeast"/>.</summary>
    public static long Add(long a, long b)
    {
        if (a < 0 || b < 0) return a + b < 0 ? -1 : a + b; // unknowns are the caller's business; never reached in practice
        long r = unchecked(a + b);
        return r < 0 ? AtLeast : r;
    }

    /// <summary><paramref name="a"/> × <paramref name="b"/> for non-negative counts, saturated at <see cref="AtLeast"/>.</summary>
    public static long Multiply(long a, long b)
    {
        if (a < 0 || b < 0) return -1;
        if (a == 0 || b == 0) return 0;
        return a > AtLeast / b ? AtLeast : a * b;
    }

    /// <summary>The sum of non-negative counts, saturated.</summary>
    public static long Sum(IEnumerable<long> values)
    {
        long total = 0;
        foreach (var v in values) total = Add(total, v);
        return total;
    }

    /// <summary>Runs a catalog formula in checked arithmetic; an overflow means the count is at least <see cref="AtLeast"/>.</summary>
    public static long? Guard(Func<long?> formula)
    {
        try { return formula(); }
        catch (OverflowException) { return AtLeast; }
    }
}
