using NetVizGen.Model.Specs;

namespace NetVizGen.Rendering.Diagram;

/// <summary>
/// A distinct block structure: one custom module type with one arrangement of children. Blocks of
/// one variant share a diagram page section; e.g. ResNet's plain BasicBlock and its stride-2
/// BasicBlock with a downsample branch are two variants of one type.
/// </summary>
internal sealed class BlockVariant
{
    /// <summary>Display and file name: <c>BasicBlock</c>, <c>BasicBlock-downsample</c>.</summary>
    public string Name { get; set; } = "";
    public required string TypeName { get; init; }
    public required string StructureKey { get; init; }
    /// <summary>The first instance in registration order: the one the page draws.</summary>
    public required ModuleSpec Representative { get; init; }
    /// <summary>Every instance's path, in registration order.</summary>
    public List<string> Instances { get; } = [];
}
