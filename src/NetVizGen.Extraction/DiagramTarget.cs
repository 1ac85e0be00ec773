using NetVizGen.Model.Specs;

namespace NetVizGen.Extraction;

/// <summary>
/// One <c>[Diagram]</c> attribute as plain data: what the syntax step of the generator finds. The
/// model itself is extracted in a later step that has the whole compilation (blocks and helpers
/// live in other files, so extraction must re-run when any file changes).
/// </summary>
/// <param name="TypeMetadataName">Metadata name of the attributed class, or of the factory method's class.</param>
/// <param name="MethodName">The factory method's name; null when the attribute is on a class.</param>
/// <param name="DefaultId">Class or method name: the output name when the attribute gives none.</param>
/// <param name="Name">The attribute's <c>Name</c>, or null.</param>
/// <param name="Title">The attribute's <c>Title</c>, or null.</param>
/// <param name="Input">The attribute's <c>Input</c>, or null.</param>
/// <param name="Direction">The attribute's <c>Direction</c>.</param>
/// <param name="Depth">The attribute's <c>Depth</c> (-1: project default).</param>
/// <param name="Arguments">Constructor arguments given in the attribute.</param>
/// <param name="Source">The attribute's location.</param>
/// <param name="TargetError">Why the attribute's target cannot be documented, or null.</param>
public sealed record DiagramTarget(
    string TypeMetadataName,
    string? MethodName,
    string DefaultId,
    string? Name,
    string? Title,
    string? Input,
    FlowDirection Direction,
    int Depth,
    EquatableArray<ArgValue> Arguments,
    SourceSpan? Source,
    string? TargetError);
