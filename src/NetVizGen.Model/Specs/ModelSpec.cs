namespace NetVizGen.Model.Specs;

/// <summary>Flow direction of a diagram.</summary>
public enum FlowDirection
{
    /// <summary>Top to bottom (the default).</summary>
    TopDown,
    /// <summary>Left to right.</summary>
    LeftRight,
}

/// <summary>
/// Everything NetVizGen knows about one documented model: the unit the generator produces per
/// <c>[Diagram]</c> attribute and the task renders.
/// </summary>
/// <remarks>
/// Immutable with structural equality (see <see cref="EquatableArray{T}"/>): this is the
/// incremental generator's pipeline model, so it must hold no Roslyn symbols, syntax or compilations.
/// </remarks>
/// <param name="Id">Output name: file stem of the generated docs, e.g. <c>LeNet5</c>.</param>
/// <param name="Title">Display title.</param>
/// <param name="TypeName">Fully qualified name of the model class.</param>
/// <param name="Direction">Diagram flow direction.</param>
/// <param name="Input">The declared input shape text, as written in the attribute.</param>
/// <param name="Depth">Block expansion depth requested in the attribute; -1 for the project default.</param>
/// <param name="Root">The module tree.</param>
/// <param name="Flow">The traced forward data flow, inlined down to leaf modules: custom blocks and
/// containers are expanded, and each node's <see cref="FlowNodeSpec.Scope"/> says which block it is in.</param>
/// <param name="Notes">Diagnostics found while extracting.</param>
/// <param name="Source">The attribute's location (class or factory method).</param>
/// <param name="MultiplyAdds">Multiply-accumulate operations per sample for one forward pass; -1 when unknown.</param>
/// <param name="Incomplete">What the reader could not determine, in plain words for the page ("construction
/// stopped at the step budget", "the parameters of 'blocks.0' (Foo) are unknown: ..."); empty when the model
/// is complete. Each has a located warning among <paramref name="Notes"/>.</param>
/// <param name="KnownParameters">When the total (<see cref="ModuleSpec.Parameters"/> of the root) is unknown,
/// the parameters that are known: the page writes "≥ N (incomplete)"; -1 otherwise.</param>
public sealed record ModelSpec(
    string Id,
    string Title,
    string TypeName,
    FlowDirection Direction,
    string Input,
    int Depth,
    ModuleSpec Root,
    FlowSpec Flow,
    EquatableArray<NoteSpec> Notes,
    SourceSpan? Source,
    long MultiplyAdds = -1,
    EquatableArray<string> Incomplete = default,
    long KnownParameters = -1);

