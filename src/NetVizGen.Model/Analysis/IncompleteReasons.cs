namespace NetVizGen.Model.Analysis;

/// <summary>Fixed openings of <see cref="Specs.ModelSpec.Incomplete"/> reasons that analysis acts on.</summary>
public static class IncompleteReasons
{
    /// <summary>
    /// The constructor was cut short (a budget ran out): the tree holds only what was built, so even a
    /// parameter total computed from it is a lower bound.
    /// </summary>
    public const string ConstructionStopped = "construction stopped";
}
