namespace NetVizGen.Rendering.Layout;

/// <summary>
/// The figure shapes of papers a diagram may take (see docs/rendering.md): the encoder–decoder U when the
/// diagram is exactly one (<see cref="EncoderDecoder"/>), else wrapping a long chain to a page-like aspect ratio.
/// </summary>
/// <param name="EncoderDecoder">Lay out a detected U-Net as a U (levels across the flow).</param>
/// <param name="WrapAspectRatio">Wrap long drawings towards this flow-length to cross-width ratio; 0: never.</param>
internal readonly record struct PaperShapes(bool EncoderDecoder, double WrapAspectRatio)
{
    /// <summary>Neither: the plain layered layout.</summary>
    public static PaperShapes None => default;

    /// <summary>Drawings shorter than this along the flow (px) never wrap: a page and a quarter of A4 at 96 dpi
    /// (1123 px), so a column that nearly fits a page is not broken for a few boxes.</summary>
    public const double WrapMinLength = 1400;

    /// <summary>The shapes <paramref name="options"/> ask for.</summary>
    public static PaperShapes From(RenderOptions options) => new(options.EncoderDecoderLayout, options.WrapAspectRatio);
}
