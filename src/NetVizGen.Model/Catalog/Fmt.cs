using System.Globalization;

namespace NetVizGen.Model.Catalog;

/// <summary>Culture-invariant label pieces.</summary>
internal static class Fmt
{
    public const string Times = "\u00D7";
    public const string Arrow = "\u2192";
    public const string Dot = " \u00B7 ";

    public static string N(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "?";

    public static string N(double? value) => value?.ToString("0.####", CultureInfo.InvariantCulture) ?? "?";

    /// <summary><c>3×3</c>; <c>?</c> when unknown.</summary>
    public static string Size(long[]? values) => values is null ? "?" : string.Join(Times, values.Select(v => N(v)));

    /// <summary>A compact tuple: <c>2</c> when all equal, else <c>2×1</c>.</summary>
    public static string Compact(long[]? values)
        => values is null ? "?" : values.Distinct().Count() == 1 ? N(values[0]) : Size(values);

    public static string InOut(long? a, long? b) => N(a) + Arrow + N(b);

    /// <summary>Joins non-empty parts with spaces.</summary>
    public static string Join(params string?[] parts) => string.Join(" ", parts.Where(p => !string.IsNullOrEmpty(p)));
}
