namespace NetVizGen.Rendering.Diagram;

/// <summary>
/// The label of one drawn edge that carries several tensors. Cards swallow what happens inside them, so a
/// backbone's three feature maps entering the FPN, or a head's five per-level outputs feeding a <c>cat</c>, are one
/// edge; labelled with the first tensor's shape only, it would read as one tensor of that shape.
/// </summary>
internal static class EdgeShapes
{
    /// <summary>Up to this many shapes are written out; more are shortened to the first and last.</summary>
    private const int Written = 3;

    /// <summary>
    /// "N×64" for one tensor; "N×64 (×2)" for two of one shape; "N×128×16×16, N×256×8×8, N×448×4×4" for a few of
    /// different shapes; "N×2304×4, …, N×9×4 (5 tensors)" for more. An unknown shape reads "?".
    /// </summary>
    public static string Label(IReadOnlyList<string> shapes)
    {
        if (shapes.Count == 1) return shapes[0];
        var shown = shapes.Select(s => s.Length == 0 ? "?" : s).ToList();
        if (shown.Distinct(StringComparer.Ordinal).Count() == 1) return shown[0] + " (×" + Count(shown.Count) + ")";
        if (shown.Count <= Written) return string.Join(", ", shown);
        return shown[0] + ", …, " + shown[^1] + " (" + Count(shown.Count) + " tensors)";
    }

    private static string Count(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
