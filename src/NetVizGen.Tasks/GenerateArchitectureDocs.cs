using Microsoft.Build.Framework;
using NetVizGen.Model.Json;
using NetVizGen.Model.Specs;
using NetVizGen.Rendering;
using NetVizGen.Tasks.Incremental;
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

    // The folder holding .git (a directory, or a file in worktrees and submodules), searched upwards.
    private static string? FindRepositoryRoot(string start)
    {
        for (var dir = start.Length > 0 ? new DirectoryInfo(start) : null; dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, ".git")) || File.Exists(Path.Combine(dir.FullName, ".git"))) return dir.FullName;
        return null;
    }

    /// <inheritdoc/>
    public override bool Execute()
    {
        try
        {
            var started = System.Diagnostics.Stopwatch.StartNew();
            var manifests = ManifestReader.ReadCarried(AssemblyPath);
            Log.LogMessage(MessageImportance.Low, "NetVizGen: read {0} manifest(s) in {1} ms", manifests.Count, started.ElapsedMilliseconds);
            if (manifests.Count == 0 && !File.Exists(Path.Combine(OutputDirectory, OwnedFileWriter.RecordFileName)))
            {
                Log.LogMessage(MessageImportance.Low, "NetVizGen: no [Diagram] models in {0}", AssemblyPath);
                return true;
            }

            var options = new RenderOptions
            {
                Depth = Depth,
                Mermaid = Mermaid,
                DarkMode = DarkMode,
                EncoderDecoderLayout = PaperShapes,
                WrapAspectRatio = PaperShapes ? new RenderOptions().WrapAspectRatio : 0,
                ProjectDirectory = ProjectDirectory,
                OutputDirectory = OutputDirectory,
                Direction = ParseDirection(Direction),
                Html = Html,
            };
            if (RepositoryLinks && RepositoryUrl.Length > 0 && SourceRevision.Length > 0 && FindRepositoryRoot(ProjectDirectory) is { } repoRoot)
            {
                options.RepositoryUrl = RepositoryUrl;
                options.SourceRevision = SourceRevision;
                options.RepositoryRoot = repoRoot;
            }
            int parallelism = MaxParallelism > 0 ? MaxParallelism : Environment.ProcessorCount;

            var writer = new OwnedFileWriter(OutputDirectory);
            if (string.Equals(Mode?.Trim(), "Verify", StringComparison.OrdinalIgnoreCase))
            {
                // A check compares full content: every model is rendered, the cache is neither read nor written.
                var all = DocsJob.Files(manifests.Select(m => ManifestJson.Read(ManifestCarrier.Decode(m))).ToList(), options, parallelism);
                RenderedModels = manifests.Count;
                var stale = writer.Verify(all);
                if (stale.Count > 0)
                    Log.LogError(null, "NVG1010", null, OutputDirectory, 0, 0, 0, 0, "{0}", DocsJob.StaleMessage(OutputDirectory, stale, "dotnet build -p:NetVizGenMode=Write"));
                else
                    Log.LogMessage(MessageImportance.Normal, "NetVizGen: {0} model(s), docs in {1} are up to date", manifests.Count, OutputDirectory);
                return !Log.HasLoggedErrors;
            }

            var phases = new PhaseTimes();
            var key = RenderKey.For(options);
            phases.Mark("key");
            var cache = RenderCache.Load(CacheFile, key);
            phases.Mark("cache");
            var run = IncrementalRender.Run(manifests, options, cache, OutputDirectory, parallelism);
            phases.Mark("render");
            RenderedModels = run.Rendered;
            writer.Sync(run.Files, run.Unchanged);
            phases.Mark("write");
            SaveCache(key, RenderCache.Stamp(run.Models, OutputDirectory, new HashSet<string>(writer.Refused, StringComparer.Ordinal), DateTime.UtcNow));
            phases.Mark("save");
            // Where the task's time went, for anyone measuring what NetVizGen adds to a build (-v:d).
            Log.LogMessage(MessageImportance.Low, "NetVizGen: task phases {0}", phases);
            foreach (var refused in writer.Refused)
            {
                Log.LogWarning(null, "NVG1001", null, Path.Combine(OutputDirectory, refused), 0, 0, 0, 0,
                    "NetVizGen did not overwrite '{0}': the file exists and was not generated by NetVizGen. Move it, or set NetVizGenOutputPath to another folder.", refused);
            }
            RefusedFiles = writer.Refused.Select(r => (ITaskItem)new Microsoft.Build.Utilities.TaskItem(Path.Combine(OutputDirectory, r))).ToArray();
            WrittenFiles = writer.Written.Select(w => (ITaskItem)new Microsoft.Build.Utilities.TaskItem(Path.Combine(OutputDirectory, w))).ToArray();
            Log.LogMessage(MessageImportance.Normal, "NetVizGen: {0} model(s): {1} rendered, {2} unchanged; {3} file(s) written, {4} deleted, docs in {5}",
                manifests.Count, run.Rendered, run.Reused, writer.Written.Count, writer.Deleted.Count, OutputDirectory);
            return !Log.HasLoggedErrors;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or BadImageFormatException or InvalidOperationException)
        {
            Log.LogError(null, "NVG1000", null, AssemblyPath, 0, 0, 0, 0, "NetVizGen could not write the architecture docs: {0}", e.Message);
            return false;
        }
    }

    // The cache only saves time: failing to write it is worth a message, never a failed build.
    private void SaveCache(string key, IEnumerable<CachedModel> models)
    {
        if (CacheFile.Length == 0) return;
        try { RenderCache.Save(CacheFile, key, models); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Log.LogMessage(MessageImportance.Normal, "NetVizGen: could not write the render cache {0} ({1}); the next build renders every model", CacheFile, e.Message);
        }
    }

    private FlowDirection? ParseDirection(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (Enum.TryParse<FlowDirection>(text.Trim(), ignoreCase: true, out var d)) return d;
        Log.LogWarning(null, "NVG1002", null, null, 0, 0, 0, 0, "NetVizGenDirection '{0}' is not TopDown or LeftRight; ignored", text);
        return null;
    }

    /// <summary>Milliseconds between marks, as "key 3 ms, cache 1 ms, ...".</summary>
    private sealed class PhaseTimes
    {
        private readonly System.Diagnostics.Stopwatch _watch = System.Diagnostics.Stopwatch.StartNew();
        private readonly List<string> _parts = new();
        private double _last;

        public void Mark(string phase)
        {
            var now = _watch.Elapsed.TotalMilliseconds;
            _parts.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{phase} {now - _last:0} ms"));
            _last = now;
        }

        public override string ToString() => string.Join(", ", _parts);
    }
}
