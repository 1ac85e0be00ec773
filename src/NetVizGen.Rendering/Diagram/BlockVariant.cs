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

    /// <summary>
    /// What a card of this variant says: its <see cref="Name"/> when that names the difference
    /// (<c>BasicBlock-downsample</c>), else the type name. A variant told apart only by its children's names or
    /// sizes is named <c>ResidualBlock-changed-3</c> for its file; on the card that reads as noise, and the card's
    /// details and parameter count already show what differs.
    /// </summary>
    public string Label => HasGenericName ? TypeName : Name;

    /// <summary>True when <see cref="Name"/> says only that the structure differs ("changed"), not how.</summary>
    public bool HasGenericName { get; set; }
    public required string TypeName { get; init; }
    public required string StructureKey { get; init; }
    /// <summary>The first instance in registration order: the one the page draws.</summary>
    public required ModuleSpec Representative { get; init; }
    /// <summary>Every instance's path, in registration order.</summary>
    public List<string> Instances { get; } = [];
}
