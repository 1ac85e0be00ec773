namespace NetVizGen.Rendering.Text;

/// <summary>
/// Measures text without a browser or a font file, from the Helvetica width table
/// (<see cref="HelveticaWidths"/>). Arial, Liberation Sans and Arimo share these advance widths.
/// </summary>
/// <remarks>
/// The font stack ends in <c>sans-serif</c>, which is DejaVu Sans on many Linux machines and is
/// 12–19% wider than Helvetica. Boxes are therefore sized with <see cref="Slack"/> on top of the
/// measured width, so a label still fits when the viewer substitutes the wider font.
/// </remarks>
internal static class TextMetrics
{
    /// <summary>Extra room for wider fallback fonts (DejaVu Sans is up to 19% wider).</summary>
    public const double Slack = 1.2;

    // Unknown characters (CJK, emoji) are assumed to be one em wide: wider than any Latin glyph,
    // so boxes err on the roomy side.
    private const int UnknownWidth = 1000;

    private static readonly Dictionary<int, int> Regular = Load(HelveticaWidths.Regular);
    private static readonly Dictionary<int, int> Bold = Load(HelveticaWidths.Bold);

    /// <summary>Advance width of <paramref name="text"/> in Helvetica at <paramref name="fontSize"/>.</summary>
    public static double Width(string text, double fontSize, bool bold = false)
    {
        var table = bold ? Bold : Regular;
        long units = 0;
        for (int i = 0; i < text.Length; i++)
        {
            int cp = char.IsSurrogatePair(text, i) ? char.ConvertToUtf32(text[i], text[++i]) : text[i];
            units += table.TryGetValue(cp, out var w) ? w : UnknownWidth;
        }
        return units * fontSize / 1000.0;
    }

    /// <summary>The width to reserve for <paramref name="text"/>: measured width plus <see cref="Slack"/>.</summary>
    public static double BoxWidth(string text, double fontSize, bool bold = false) => Width(text, fontSize, bold) * Slack;

    /// <summary>
    /// Baseline y for text whose visual centre (half the cap height) should sit at <paramref name="centerY"/>.
    /// SVG has no portable vertical centring (dominant-baseline is ignored by several converters),
    /// so the baseline is computed from the font's cap height.
    /// </summary>
    public static double BaselineForCenter(double centerY, double fontSize) => centerY + HelveticaWidths.CapHeight / 2000.0 * fontSize;

    private static Dictionary<int, int> Load(int[] pairs)
    {
        var map = new Dictionary<int, int>(pairs.Length / 2);
        for (int i = 0; i + 1 < pairs.Length; i += 2) map[pairs[i]] = pairs[i + 1];
        return map;
    }
}
