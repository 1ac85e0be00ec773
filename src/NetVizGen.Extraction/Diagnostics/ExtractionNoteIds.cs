namespace NetVizGen.Extraction.Diagnostics;

/// <summary>
/// Ids of the findings extraction itself reports (attribute and code understanding). Shape and
/// parameter findings (NVG02xx) come from <c>NetVizGen.Model.Analysis</c>. Every id is documented
/// in docs/diagnostics.md.
/// </summary>
public static class ExtractionNoteIds
{
    /// <summary>The attribute sits on something that is not a module class or a static factory returning one.</summary>
    public const string InvalidTarget = "NVG0002";
    /// <summary>Two diagrams in one project would write the same output name.</summary>
    public const string DuplicateName = "NVG0003";
    /// <summary>No constructor of the model can be called with the attribute's arguments.</summary>
    public const string NoConstructor = "NVG0004";
    /// <summary>Part of a constructor could not be evaluated statically (a warning: the page says what is incomplete).</summary>
    public const string UnresolvedConstruction = "NVG0101";
    /// <summary>Part of <c>forward</c> could not be traced; it appears as an "unresolved" node.</summary>
    public const string UnresolvedForward = "NVG0102";
    /// <summary>Evaluation stopped at the iteration, recursion or step limit.</summary>
    public const string EvaluationLimit = "NVG0103";
    /// <summary>A module held in a field was never registered (its parameters would not train).</summary>
    public const string NotRegistered = "NVG0104";
    /// <summary>A module was assigned after <c>RegisterComponents()</c> already ran, so it was not registered.</summary>
    public const string AssignedAfterRegistration = "NVG0105";
    /// <summary>A registered submodule is never called by <c>forward</c>.</summary>
    public const string NeverCalled = "NVG0106";
    /// <summary>The attribute's input declaration does not match forward's inputs (same id as shape analysis' input findings).</summary>
    public const string InvalidInput = "NVG0208";

    /// <summary>A model is built by a referenced assembly (a package) whose code is not available to read.</summary>
    public const string PackageCodeUnavailable = "NVG0120";
    /// <summary>The extractor hit an internal error on this model; the rest of the build goes on.</summary>
    public const string InternalError = "NVG0999";
}
