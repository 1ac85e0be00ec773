using NetVizGen.Model.Specs;
using NetVizGen.Rendering.Diagram;

namespace NetVizGen.Rendering.Markdown;

/// <summary>Everything one model's Markdown page shows, already decided and drawn.</summary>
internal sealed class ModelPage
{
    public required ModelSpec Model { get; init; }
    public required DiagramGraph Overview { get; init; }
    /// <summary>Block variant sections in first-use order, with the file stem of their diagram.</summary>
    public List<(BlockVariant Variant, DiagramGraph Graph, string Stem)> Blocks { get; } = [];
    public required string Summary { get; init; }
    public string? Mermaid { get; set; }
}
