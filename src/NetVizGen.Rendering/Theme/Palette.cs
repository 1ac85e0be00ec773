using NetVizGen.Rendering.Describe;

namespace NetVizGen.Rendering.Theme;

/// <summary>
/// Category colours from Paul Tol's colour-blind-safe "light" and "pale" schemes
/// (https://personal.sron.nl/~pault/). They are light enough for dark text; the dark theme mixes
/// them towards its background so light text reads on them. Colour is never the only cue: each
/// category also has a glyph and some a dashed border (see <see cref="Glyphs"/>).
/// </summary>
internal static class Palette
{
    public static Rgb Base(NodeCategory c) => Rgb.Parse(c switch
    {
        NodeCategory.Conv => "#77AADD",        // light blue
        NodeCategory.Linear => "#99DDFF",      // light cyan
        NodeCategory.Norm => "#44BB99",        // mint
        NodeCategory.Activation => "#EEDD88",  // light yellow
        NodeCategory.Pool => "#BBCC33",        // pear
        NodeCategory.Recurrent => "#EE8866",   // orange
        NodeCategory.Attention => "#FFAABB",   // pink
        NodeCategory.Embedding => "#AAAA00",   // olive
        NodeCategory.Upsample => "#CCEEFF",    // pale cyan
        NodeCategory.Block or NodeCategory.Container => "#BBCCEE", // pale blue
        NodeCategory.Input or NodeCategory.Output => "#EEEEBB",    // pale yellow
        _ => "#DDDDDD",                        // pale grey: dropout, reshape, padding, merge, other
    });

    /// <summary>True for categories drawn with a dashed border: they move or drop data but learn nothing.</summary>
    public static bool Dashed(NodeCategory c) => c is NodeCategory.Dropout or NodeCategory.Reshape or NodeCategory.Padding or NodeCategory.Other;

    /// <summary>Legend names.</summary>
    public static string Name(NodeCategory c) => c switch
    {
        NodeCategory.Conv => "convolution",
        NodeCategory.Linear => "linear",
        NodeCategory.Norm => "normalization",
        NodeCategory.Activation => "activation",
        NodeCategory.Pool => "pooling",
        NodeCategory.Recurrent => "recurrent",
        NodeCategory.Attention => "attention",
        NodeCategory.Embedding => "embedding",
        NodeCategory.Dropout => "dropout",
        NodeCategory.Reshape => "reshape / shape op",
        NodeCategory.Merge => "merge (add, cat)",
        NodeCategory.Padding => "padding",
        NodeCategory.Upsample => "upsampling",
        NodeCategory.Block or NodeCategory.Container => "block",
        NodeCategory.Input or NodeCategory.Output => "input / output",
        _ => "other",
    };
}
