namespace NetVizGen.Rendering;

/// <summary>A file produced by <see cref="DocumentationRenderer"/>.</summary>
/// <param name="RelativePath">Path relative to the docs output folder, with '/' separators.</param>
/// <param name="Content">The full text content; deterministic for the same input.</param>
public sealed record GeneratedFile(string RelativePath, string Content);
