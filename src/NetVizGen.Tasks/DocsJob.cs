using NetVizGen.Model.Specs;
using NetVizGen.Rendering;

namespace NetVizGen.Tasks;

/// <summary>
/// The one way an assembly becomes docs files, shared by the MSBuild task and the <c>netviz</c> tool
/// (render, check) so the two can never disagree about what is current.
/// </summary>
internal static class DocsJob
{
    /// <summary>Reads the manifests of <paramref name="assemblyPath"/> and renders them in memory.</summary>
    public static (IReadOnlyList<ModelSpec> Models, List<(string RelativePath, string Content)> Files) Render(string assemblyPath, RenderOptions options)
    {
        var models = ManifestReader.Read(assemblyPath);
        return (models, Files(models, options));
    }

    /// <summary>
    /// The docs files of <paramref name="models"/>, paths relative to the docs folder: every model
    /// rendered (in parallel, the same bytes as one by one), nothing taken from a cache.
    /// </summary>
    public static List<(string RelativePath, string Content)> Files(IReadOnlyList<ModelSpec> models, RenderOptions options, int? maxParallelism = null) =>
        DocumentationRenderer.Assemble(ParallelRender.Models(models, options, maxParallelism ?? Environment.ProcessorCount), options)
            .Select(f => (f.RelativePath, f.Content)).ToList();

    /// <summary>
    /// The single error of a failed verification, like <c>dotnet format --verify-no-changes</c>: every stale
    /// file on its own line, then the command that brings them up to date.
    /// </summary>
    public static string StaleMessage(string outputDirectory, IReadOnlyList<(string RelativePath, string Reason)> stale, string fixCommand)
    {
        var lines = stale.Select(s => "  " + Path.Combine(outputDirectory, s.RelativePath).Replace('\\', '/') + " (" + s.Reason + ")");
        return "NetVizGen docs are not up to date with the code; " + stale.Count + " file(s) differ:\n" + string.Join("\n", lines)
            + "\nRun `" + fixCommand + "` and commit the docs folder.";
    }
}
