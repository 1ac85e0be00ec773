using NetVizGen.Model.Specs;

namespace NetVizGen.Rendering.Diff;

/// <summary>What happened to one module, op or group between the old and the new description.</summary>
public enum ChangeKind
{
    /// <summary>Present only in the new description (the top-most added module; its subtree is implied).</summary>
    Added,
    /// <summary>Present only in the old description.</summary>
    Removed,
    /// <summary>Same path, different type, arguments, shape, parameters or inputs.</summary>
    Changed,
    /// <summary>A module that moved to another path with the same type and arguments (a likely rename).</summary>
    Renamed,
    /// <summary>A run of identical numbered blocks (<c>layer3.0</c>, <c>layer3.1</c>) that got longer or shorter.</summary>
    Repeat,
}

/// <summary>One changed property: <c>out_features: 1000 → 10</c>. An empty side means absent.</summary>
/// <param name="Name">Argument name, or <c>type</c>, <c>output</c>, <c>parameters</c>, <c>inputs</c>.</param>
/// <param name="Old">The old value as displayed; empty when it did not exist.</param>
/// <param name="New">The new value as displayed; empty when it no longer exists.</param>
public sealed record ChangeDetail(string Name, string Old, string New);

/// <summary>One line of the plan.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Path">Module path (new path for renames; the group's path for repeats); for ops <c>scope/name#k</c>.</param>
/// <param name="Type">Module type, op name, or the repeated block's type.</param>
/// <param name="Details">The changed properties (Changed, Renamed) in a fixed order.</param>
/// <param name="OldPath">For renames: the old path.</param>
/// <param name="OldCount">For repeats: the old ×N.</param>
/// <param name="NewCount">For repeats: the new ×N.</param>
/// <param name="ParameterDelta">Parameters gained (positive) or lost; 0 when unknown or unchanged.</param>
/// <param name="IsOp">True for a functional op or merge in <c>forward</c> rather than a module.</param>
public sealed record Change(ChangeKind Kind, string Path, string Type, IReadOnlyList<ChangeDetail> Details, string? OldPath = null,
    int OldCount = 0, int NewCount = 0, long ParameterDelta = 0, bool IsOp = false);

/// <summary>Whether a model exists on both sides and differs.</summary>
public enum ModelStatus
{
    /// <summary>No architecture change (source lines may still have moved).</summary>
    Unchanged,
    /// <summary>Differences listed in <see cref="ModelDiff.Changes"/>.</summary>
    Changed,
    /// <summary>A new model.</summary>
    Added,
    /// <summary>A model that no longer exists.</summary>
    Removed,
}

/// <summary>The differences of one model (matched by id).</summary>
/// <param name="Id">Model id (file stem).</param>
/// <param name="Status">Overall verdict.</param>
/// <param name="Old">The old description; null for an added model.</param>
/// <param name="New">The new description; null for a removed model.</param>
/// <param name="Changes">Plan lines in model order.</param>
/// <param name="Model">Model-level details: input/output shape, total parameters (old → new).</param>
public sealed record ModelDiff(string Id, ModelStatus Status, ModelSpec? Old, ModelSpec? New, IReadOnlyList<Change> Changes, IReadOnlyList<ChangeDetail> Model)
{
    /// <summary>Total parameters before; -1 unknown or absent.</summary>
    public long OldParameters => Old?.Root.Parameters ?? -1;

    /// <summary>Total parameters after; -1 unknown or absent.</summary>
    public long NewParameters => New?.Root.Parameters ?? -1;

    /// <summary>Count of plan lines of <paramref name="kind"/>.</summary>
    public int Count(ChangeKind kind) => Changes.Count(c => c.Kind == kind);
}

/// <summary>The differences between two sets of descriptions, models in ordinal id order.</summary>
/// <param name="Models">Every model present on either side.</param>
public sealed record DiffReport(IReadOnlyList<ModelDiff> Models)
{
    /// <summary>True when nothing changed in any model.</summary>
    public bool IsEmpty => Models.All(m => m.Status == ModelStatus.Unchanged);

    /// <summary>Plan lines of <paramref name="kind"/> over all models.</summary>
    public int Count(ChangeKind kind) => Models.Sum(m => m.Count(kind));
}
