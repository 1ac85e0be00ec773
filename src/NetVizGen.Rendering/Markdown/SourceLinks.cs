using NetVizGen.Model.Specs;

namespace NetVizGen.Rendering.Markdown;

/// <summary>
/// Links from the docs folder to source lines. The compiler records absolute paths; a committed
/// page must not contain them (they differ per machine), so links are relative to the output folder
/// and only made for files inside the project.
/// </summary>
internal static class SourceLinks
{
    /// <summary><c>../Models/ResNet.cs#L42</c>, or null when the file is outside the project or the folders are unknown.</summary>
    public static string? Link(SourceSpan? span, RenderOptions options)
    {
        if (span is null || span.Path.Length == 0 || PackageSource.TryParse(span.Path, out _, out _) || options.ProjectDirectory.Length == 0 || options.OutputDirectory.Length == 0) return null;
        string file, project, output;
        try
        {
            file = Normalize(FullPath(span.Path, options));
            project = Normalize(options.ProjectDirectory);
            output = Normalize(options.OutputDirectory);
        }
        catch (ArgumentException) { return null; }
        var projectPrefix = project.EndsWith('/') ? project : project + "/";
        if (!file.StartsWith(projectPrefix, StringComparison.OrdinalIgnoreCase)) return null;
        var relative = Path.GetRelativePath(output, file).Replace('\\', '/');
        return MarkdownText.Destination(relative) + "#L" + Numbers.Int(span.DisplayLine);
    }

    /// <summary>The file part of a link, for its display text (unescaped: escape it for Markdown).</summary>
    public static string FileName(string link)
    {
        int hash = link.LastIndexOf('#');
        var path = Uri.UnescapeDataString(hash < 0 ? link : link[..hash]);
        return path.TrimStart('.', '/') + (hash < 0 ? "" : ":" + link[(hash + 2)..]);
    }

    /// <summary>
    /// The absolute path of a source file. Manifests hold project-relative paths, so a relative one is
    /// resolved against <see cref="RenderOptions.ProjectDirectory"/>, never the process's current folder:
    /// the page then depends only on the model and the options (the build's render cache relies on it),
    /// and no rendering thread asks the operating system for the current folder per link.
    /// </summary>
    internal static string FullPath(string path, RenderOptions options) =>
        Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(options.ProjectDirectory, path));

    private static string Normalize(string path) => Path.GetFullPath(path).Replace('\\', '/').TrimEnd('/');
}
