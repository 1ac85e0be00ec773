using Microsoft.Build.Framework;
using NetVizGen.Tasks.Server;
using MSBuildTask = Microsoft.Build.Utilities.Task;

namespace NetVizGen.Tasks;

/// <summary>
/// MSBuild task that writes architecture docs (SVG, Markdown) for every <c>[Diagram]</c> model in
/// the built assembly. Run by build/NetVizGen.targets after the build; see the README for properties.
/// </summary>
public sealed class GenerateArchitectureDocs : MSBuildTask
{
    /// <summary>The compiled assembly holding the manifests (the intermediate assembly).</summary>
    [Required]
    public string AssemblyPath { get; set; } = "";

    /// <summary>The docs folder to write into (<c>$(NetVizGenOutputPath)</c>).</summary>
    [Required]
    public string OutputDirectory { get; set; } = "";

    /// <summary>The project folder, for relative source links.</summary>
    public string ProjectDirectory { get; set; } = "";

    /// <summary>Overview depth: 1 = block level, -1 = full expansion (<c>$(NetVizGenDepth)</c>).</summary>
    public int Depth { get; set; } = 1;

    /// <summary>Overrides every diagram's direction: <c>TopDown</c>, <c>LeftRight</c>, or empty.</summary>
    public string Direction { get; set; } = "";

    /// <summary>Adds a Mermaid overview to the Markdown pages.</summary>
    public bool Mermaid { get; set; }

    /// <summary>Writes a dark-theme SVG next to each light one.</summary>
    public bool DarkMode { get; set; } = true;

    /// <summary>Shapes of papers: a detected U-Net as a U, long drawings wrapped to a page (<c>$(NetVizGenPaperShapes)</c>).</summary>
    public bool PaperShapes { get; set; } = true;

    /// <summary>Writes the interactive page <c>X.html</c> per model (<c>$(NetVizGenHtml)</c>).</summary>
    public bool Html { get; set; } = true;

    /// <summary>The repository address (<c>$(RepositoryUrl)</c>), for source links in the interactive page.</summary>
    public string RepositoryUrl { get; set; } = "";

    /// <summary>The commit (<c>$(SourceRevisionId)</c>), for source links in the interactive page.</summary>
    public string SourceRevision { get; set; } = "";

    /// <summary>
    /// Links sources to <see cref="RepositoryUrl"/> at <see cref="SourceRevision"/> (<c>$(NetVizGenRepositoryLinks)</c>).
    /// Off by default: the revision changes with every commit, and committed docs would never be current.
    /// </summary>
    public bool RepositoryLinks { get; set; }

    /// <summary>
    /// <c>Write</c> (default) brings the docs folder up to date. <c>Verify</c> writes nothing and fails with
    /// one error (NVG1010) listing every stale file, for CI (<c>$(NetVizGenMode)</c>).
    /// </summary>
    public string Mode { get; set; } = "Write";

    /// <summary>
    /// The render cache file (in <c>obj/</c>): models whose manifest, options and renderer are unchanged
    /// and whose files are still on disk as written are not rendered again. Empty: every model renders.
    /// </summary>
    public string CacheFile { get; set; } = "";

    /// <summary>How many models render at once; 0 (the default) means one per processor.</summary>
    public int MaxParallelism { get; set; }

    /// <summary>How many models this run rendered (the others were unchanged and reused).</summary>
    [Output]
    public int RenderedModels { get; private set; }

    /// <summary>Files written (changed) by this run.</summary>
    [Output]
    public ITaskItem[] WrittenFiles { get; private set; } = Array.Empty<ITaskItem>();

    /// <summary>Outputs not written because a file NetVizGen does not own is in the way (NVG1001).</summary>
    [Output]
    public ITaskItem[] RefusedFiles { get; private set; } = Array.Empty<ITaskItem>();

    /// <summary>
    /// Hands the run to the docs server (<c>$(NetVizGenDocsServer)</c>, default on; Linux and macOS): a
    /// long-lived process that keeps the renderer compiled, as the compiler server does for the compiler.
    /// Off, or when no server answers, the task renders in the build process as before.
    /// </summary>
    public bool DocsServer { get; set; }

    /// <summary>The docs server program (<c>NetVizGen.DocsServer.dll</c>, next to the task in the package); empty: no server.</summary>
    public string DocsServerPath { get; set; } = "";

    /// <summary>Seconds a docs server started by this task waits for another request before it exits (<c>$(NetVizGenDocsServerIdleTimeout)</c>).</summary>
    public int DocsServerIdleTimeout { get; set; } = 600;

    /// <inheritdoc/>
    public override bool Execute()
    {
        var request = new DocsRequest
        {
            AssemblyPath = AssemblyPath,
            OutputDirectory = OutputDirectory,
            ProjectDirectory = ProjectDirectory,
            Depth = Depth,
            Direction = Direction ?? "",
            Mermaid = Mermaid,
            DarkMode = DarkMode,
            PaperShapes = PaperShapes,
            Html = Html,
            RepositoryUrl = RepositoryUrl ?? "",
            SourceRevision = SourceRevision ?? "",
            RepositoryLinks = RepositoryLinks,
            Mode = Mode ?? "Write",
            CacheFile = CacheFile ?? "",
            MaxParallelism = MaxParallelism,
        };

        DocsResult? result = null;
        DocsServerClient? server = null;
        if (DocsServer && DocsServerClient.Supported && !string.IsNullOrEmpty(DocsServerPath))
        {
            server = new DocsServerClient(DocsServerPath);
            if (server.TryRun(request, out var reason) is { } served)
            {
                result = served.Result;
                Log.LogMessage(MessageImportance.Low, "NetVizGen: the docs server (process {0}) ran this build's docs", served.ServerProcessId);
            }
            else
            {
                Log.LogMessage(MessageImportance.Low, "NetVizGen: rendering in the build process: {0}", reason);
            }
        }

        if (result is null)
        {
            result = DocsRun.Execute(request);
            // Rendered here: start a server for the next build (it exits at once if one is already running).
            if (server is not null)
            {
                Log.LogMessage(MessageImportance.Low, server.Launch(TimeSpan.FromSeconds(Math.Max(1, DocsServerIdleTimeout)), AssemblyPath, out var why)
                    ? "NetVizGen: started a docs server for the next builds (" + DocsServerPath + ", pipe " + server.PipeName + ")"
                    : "NetVizGen: no docs server started: " + why);
            }
        }

        Replay(result);
        RenderedModels = result.RenderedModels;
        RefusedFiles = result.Refused.Select(r => (ITaskItem)new Microsoft.Build.Utilities.TaskItem(r)).ToArray();
        WrittenFiles = result.Written.Select(w => (ITaskItem)new Microsoft.Build.Utilities.TaskItem(w)).ToArray();
        return !Log.HasLoggedErrors;
    }

    private void Replay(DocsResult result)
    {
        foreach (var m in result.Messages)
        {
            var file = m.File.Length == 0 ? null : m.File;
            switch (m.Kind)
            {
                case DocsMessageKind.Error:
                    Log.LogError(null, m.Code, null, file, 0, 0, 0, 0, "{0}", m.Text);
                    break;
                case DocsMessageKind.Warning:
                    Log.LogWarning(null, m.Code, null, file, 0, 0, 0, 0, "{0}", m.Text);
                    break;
                default:
                    Log.LogMessage((MessageImportance)Math.Clamp(m.Importance, 0, 2), "{0}", m.Text);
                    break;
            }
        }
    }
}
