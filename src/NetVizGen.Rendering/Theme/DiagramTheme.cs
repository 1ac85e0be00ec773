using NetVizGen.Rendering.Describe;

namespace NetVizGen.Rendering.Theme;

/// <summary>
/// The colours of one rendering. Light is the default and the print version; dark is a second file
/// that GitHub picks through <c>&lt;picture&gt;</c> (a media query inside the SVG would follow the
/// OS setting, not GitHub's theme).
/// </summary>
internal sealed class DiagramTheme
{
    /// <summary>How far the dark theme mixes a category colour towards its background.</summary>
    private const double DarkMix = 0.6;

    public required string Name { get; init; }
    public required Rgb Background { get; init; }
    public required Rgb Text { get; init; }
    public required Rgb MutedText { get; init; }
    public required Rgb Edge { get; init; }
    public required Rgb ClusterFill { get; init; }
    public required Rgb ClusterStroke { get; init; }
    public required Rgb NodeText { get; init; }
    public required bool IsDark { get; init; }

    /// <summary>Fill of a node of <paramref name="c"/>.</summary>
    public Rgb Fill(NodeCategory c) => IsDark ? Palette.Base(c).Mix(Background, DarkMix) : Palette.Base(c);

    /// <summary>Border of a node: the fill pushed towards the text colour, so it stays visible on both backgrounds.</summary>
    public Rgb Stroke(NodeCategory c) => IsDark ? Palette.Base(c).Mix(Background, 0.15) : Palette.Base(c).Mix(Text, 0.55);

    public static readonly DiagramTheme Light = new()
    {
        Name = "light", IsDark = false,
        Background = Rgb.Parse("#FFFFFF"), Text = Rgb.Parse("#1A1A1A"), NodeText = Rgb.Parse("#1A1A1A"),
        MutedText = Rgb.Parse("#595959"), Edge = Rgb.Parse("#4D4D4D"),
        ClusterFill = Rgb.Parse("#F5F7FA"), ClusterStroke = Rgb.Parse("#A8B0BA"),
    };

    public static readonly DiagramTheme Dark = new()
    {
        Name = "dark", IsDark = true,
        Background = Rgb.Parse("#0D1117"), Text = Rgb.Parse("#E6EDF3"), NodeText = Rgb.Parse("#F0F3F6"),
        MutedText = Rgb.Parse("#9DA7B3"), Edge = Rgb.Parse("#A0A8B2"),
        ClusterFill = Rgb.Parse("#151B23"), ClusterStroke = Rgb.Parse("#4A525C"),
    };
}
