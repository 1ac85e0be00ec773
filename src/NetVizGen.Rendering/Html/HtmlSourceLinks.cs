using NetVizGen.Model.Specs;
using NetVizGen.Rendering.Markdown;

namespace NetVizGen.Rendering.Html;

/// <summary>
/// Source links for the interactive page. When the repository's address and commit are known
/// (SourceLink's <c>RepositoryUrl</c>/<c>SourceRevisionId</c>), a GitHub-style
/// <c>blob/&lt;rev&gt;/path#Lnn</c> link, which also works from a CI artifact; otherwise the same
/// relative link the Markdown page uses.
/// </summary>
internal static class HtmlSourceLinks
{
    public static string? Link(SourceSpan? span, RenderOptions options)
    {
        var relative = SourceLinks.Link(span, options);
        if (relative is null || span is null) return null;
        if (options.RepositoryUrl.Length == 0 || options.SourceRevision.Length == 0 || options.RepositoryRoot.Length == 0) return relative;
        if (!Uri.TryCreate(options.RepositoryUrl.Trim(), UriKind.Absolute, out var repo) || repo.Scheme != Uri.UriSchemeHttps) return relative;
        string file, root;
        try
        {
            file = SourceLinks.FullPath(span.Path, options).Replace('\\', '/');
            root = Path.GetFullPath(options.RepositoryRoot).Replace('\\', '/').TrimEnd('/') + "/";
        }
        catch (ArgumentException) { return relative; }
        if (!file.StartsWith(root, StringComparison.OrdinalIgnoreCase)) return relative;
        var inRepo = string.Join("/", file[root.Length..].Split('/').Select(Uri.EscapeDataString));
        var baseUrl = repo.GetLeftPart(UriPartial.Path).TrimEnd('/');
        if (baseUrl.EndsWith(".git", StringComparison.OrdinalIgnoreCase)) baseUrl = baseUrl[..^4];
        return baseUrl + "/blob/" + Uri.EscapeDataString(options.SourceRevision.Trim()) + "/" + inRepo + "#L" + Numbers.Int(span.DisplayLine);
    }
}
