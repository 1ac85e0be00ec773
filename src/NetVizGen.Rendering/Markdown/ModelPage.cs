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
    /// <summary>What the side nodes of <see cref="Overview"/> and <see cref="Blocks"/> fold, laid out for the
    /// interactive page to open in place: the node, the module path of the diagram it is drawn in ("" for the
    /// overview), its inside graph and that graph's layout.</summary>
    public List<(DiagramNode Node, string Rep, DiagramGraph Graph, LayoutResult Layout)> SideViews { get; } = [];
    /// <summary>The direction the diagrams were drawn in.</summary>
    public FlowDirection Direction { get; init; }
    public required string Summary { get; init; }
    public string? Mermaid { get; set; }
}
