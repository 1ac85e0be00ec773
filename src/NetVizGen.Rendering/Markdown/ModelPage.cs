using NetVizGen.Model.Specs;
using NetVizGen.Rendering.Diagram;
using NetVizGen.Rendering.Layout;

namespace NetVizGen.Rendering.Markdown;

/// <summary>Everything one model's Markdown page shows, already decided and drawn.</summary>
internal sealed class ModelPage
{
    public required ModelSpec Model { get; init; }
    public required DiagramGraph Overview { get; init; }
    /// <summary>Block variant sections in first-use order, with the file stem of their diagram.</summary>
    public List<(BlockVariant Variant, DiagramGraph Graph, string Stem)> Blocks { get; } = [];
    /// <summary>The layout of <see cref="Overview"/>, as drawn in the SVG.</summary>
    public LayoutResult? OverviewLayout { get; set; }
    /// <summary>The layouts of <see cref="Blocks"/>, in the same order.</summary>
    public List<LayoutResult> BlockLayouts { get; } = [];
    /// <summary>The direction the diagrams were drawn in.</summary>
    public FlowDirection Direction { get; init; }
    public required string Summary { get; init; }
    public string? Mermaid { get; set; }
}
