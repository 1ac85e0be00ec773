using System.Globalization;

namespace NetVizGen.Rendering;

/// <summary>Culture-invariant number formatting, the only place numbers become text.</summary>
internal static class Numbers
{
    /// <summary>Integer text, invariant culture.</summary>
    public static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Exact count with thin grouping for tables: <c>11,689,512</c>.</summary>
    public static string Grouped(long value) =>
        (value == long.MaxValue ? "≥ " : "") + value.ToString("#,0", CultureInfo.InvariantCulture); // long.MaxValue: a saturated count (Model's Saturating.AtLeast)

    /// <summary>Short count for diagrams: <c>9.4 K</c>, <c>11.7 M</c>, <c>1.2 B</c>.</summary>
    public static string Short(long value)
    {
        if (value == long.MaxValue) return "≥ 9.2 E"; // a saturated count (Model's Saturating.AtLeast): at least 9.2·10^18
        if (value < 1000) return Int(value);
        if (value < 999_950) return Fixed1(value / 1e3) + " K";
        if (value < 999_950_000) return Fixed1(value / 1e6) + " M";
        if (value < 999_950_000_000) return Fixed1(value / 1e9) + " B";
        return Fixed1(value / 1e12) + " T";
    }

    /// <summary>Coordinates: at most two decimals, invariant culture, no trailing zeros, no "-0".</summary>
    public static string Coord(double value)
    {
        var r = Math.Round(value, 2, MidpointRounding.AwayFromZero);
        if (r == 0) r = 0;
        return r.ToString("0.##", CultureInfo.InvariantCulture);
    }

    private static string Fixed1(double v) => v.ToString("0.0", CultureInfo.InvariantCulture);
}
