namespace NetVizGen.Model.Specs;

/// <summary>
/// A source location as plain data: the pipeline model must not hold Roslyn <c>Location</c>s
/// (they keep syntax trees alive and compare by reference), so the generator rebuilds a
/// <c>Location</c> from this when it reports a diagnostic.
/// </summary>
/// <param name="Path">The file path as the compiler knows it.</param>
/// <param name="Start">Start offset in characters.</param>
/// <param name="Length">Length in characters.</param>
/// <param name="Line">Zero-based start line.</param>
/// <param name="Column">Zero-based start column.</param>
/// <param name="EndLine">Zero-based end line.</param>
/// <param name="EndColumn">Zero-based end column.</param>
public sealed record SourceSpan(string Path, int Start, int Length, int Line, int Column, int EndLine, int EndColumn)
{
    /// <summary>One-based line number for display, as editors show it.</summary>
    public int DisplayLine => Line + 1;
}
