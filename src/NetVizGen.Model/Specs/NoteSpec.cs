namespace NetVizGen.Model.Specs;

/// <summary>Severity of a <see cref="NoteSpec"/>, mirroring compiler diagnostic severities.</summary>
public enum NoteSeverity
{
    /// <summary>Information only.</summary>
    Info,
    /// <summary>A likely bug or an unresolved part of the diagram.</summary>
    Warning,
    /// <summary>The model or its attribute is invalid.</summary>
    Error,
}

/// <summary>
/// A finding about a model (a diagnostic) as plain data. The generator reports it to the compiler
/// and also stores it in the manifest so the Markdown page can list it.
/// </summary>
/// <param name="Id">The diagnostic id, e.g. <c>NVG0201</c>.</param>
/// <param name="Severity">Default severity.</param>
/// <param name="Message">The formatted message.</param>
/// <param name="Source">Where it applies, when known.</param>
/// <param name="Guard">
/// A condition on traced shapes that decides whether the note stands (<see cref="Analysis.ShapeGuards"/>);
/// set by the extractor, resolved and cleared by shape analysis, never stored in a manifest.
/// </param>
public sealed record NoteSpec(string Id, NoteSeverity Severity, string Message, SourceSpan? Source = null, string? Guard = null);
