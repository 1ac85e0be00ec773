using NetVizGen.Rendering.Describe;

namespace NetVizGen.Rendering.Theme;

/// <summary>
/// The non-colour cue: a tiny pictogram per category, drawn as an SVG path in a 10×10 box (not as a
/// text glyph, whose look would depend on the viewer's fonts). Readers who cannot tell the fills
/// apart, or who print in grey, still see which node is a convolution and which a pooling.
/// </summary>
internal static class Glyphs
{
    public const double Size = 10;

    /// <summary>Path data in a 10×10 box, or empty for categories whose shape already says enough.</summary>
    public static string Path(NodeCategory c) => c switch
    {
        NodeCategory.Conv => "M0 0H10V10H0Z M3.33 0V10 M6.67 0V10 M0 3.33H10 M0 6.67H10",  // kernel grid
        NodeCategory.Linear => "M1 1L9 9 M1 9L9 1 M1 1V9 M9 1V9",                               // dense connections
        NodeCategory.Norm => "M0 9C3 9 3.5 1 5 1C6.5 1 7 9 10 9",                              // bell curve
        NodeCategory.Activation => "M0 8H5L10 1",                                                // ReLU hinge
        NodeCategory.Pool => "M0 1H10L5 9Z",                                                     // funnel
        NodeCategory.Recurrent => "M8.5 2.5A4 4 0 1 0 9 6 M6.5 2.5H8.5V0.5",                     // loop
        NodeCategory.Attention => "M5 0L10 5L5 10L0 5Z M0 5H10",                                 // diamond
        NodeCategory.Embedding => "M0 1H10V9H0Z M0 5H10 M3 1V9",                                 // lookup table
        NodeCategory.Dropout => "M1 1L9 9 M9 1L1 9",                                             // cross
        NodeCategory.Reshape => "M0 5H9 M6 2L9 5L6 8",                                           // arrow
        NodeCategory.Padding => "M0 0H10V10H0Z M3 3H7V7H3Z",                                     // frame
        NodeCategory.Upsample => "M0 9H10L5 1Z",                                                 // inverted funnel
        NodeCategory.Block or NodeCategory.Container => "M0 3H7V10H0Z M3 3V0H10V7H7",           // stack
        NodeCategory.Other => "M2 5A3 3 0 1 0 8 5A3 3 0 1 0 2 5",                               // ring
        _ => "",
    };
}
