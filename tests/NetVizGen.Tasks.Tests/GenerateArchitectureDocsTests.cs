using System.Text.RegularExpressions;
using NetVizGen.Model.Specs;
using NetVizGen.Tasks.Tests.Support;

namespace NetVizGen.Tasks.Tests;

/// <summary>
/// The real task over a real assembly, run twice and more: only the models whose manifest changed
/// are rendered, and what the cache reuses is byte for byte what a full render writes.
/// </summary>
public sealed class GenerateArchitectureDocsTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "nvg-task-" + Guid.NewGuid().ToString("N").Substring(0, 10));
    private string Assembly => Path.Combine(_dir, "Models.dll");
    private string Docs => Path.Combine(_dir, "docs");
    private string Cache => Path.Combine(_dir, "obj", "NetVizGen", "render-cache");

    private static readonly ModelSpec[] Three = [ManifestAssembly.Stacked("Alpha", 2, 8), ManifestAssembly.Stacked("Beta", 3, 16), ManifestAssembly.Stacked("Gamma", 1, 4)];

    public GenerateArchitectureDocsTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private (GenerateArchitectureDocs Task, TaskHost Host) Run(Action<GenerateArchitectureDocs>? configure = null)
    {
        var host = new TaskHost();
        var task = new GenerateArchitectureDocs { BuildEngine = host, AssemblyPath = Assembly, OutputDirectory = Docs, ProjectDirectory = _dir, CacheFile = Cache };
        configure?.Invoke(task);
        Assert.True(task.Execute(), string.Join("\n", host.Errors));
        return (task, host);
    }

    // The summary line users (and these tests) count renders with.
    private static (int Models, int Rendered, int Unchanged, int Written, int Deleted) Summary(TaskHost host)
    {
        var line = Assert.Single(host.Messages, m => m.StartsWith("NetVizGen: ", StringComparison.Ordinal) && m.Contains("rendered", StringComparison.Ordinal));
        var m = Regex.Match(line, @"^NetVizGen: (\d+) model\(s\): (\d+) rendered, (\d+) unchanged; (\d+) file\(s\) written, (\d+) deleted");
        Assert.True(m.Success, line);
        int G(int i) => int.Parse(m.Groups[i].Value, System.Globalization.CultureInfo.InvariantCulture);
        return (G(1), G(2), G(3), G(4), G(5));
    }

    private Dictionary<string, byte[]> Snapshot() =>
        Directory.GetFiles(Docs).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);

    private Dictionary<string, DateTime> Stamps() =>
        Directory.GetFiles(Docs).ToDictionary(f => Path.GetFileName(f), File.GetLastWriteTimeUtc);

    private static void SameFiles(Dictionary<string, byte[]> expected, Dictionary<string, byte[]> actual)
    {
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, bytes) in expected) Assert.True(bytes.AsSpan().SequenceEqual(actual[name]), name + " differs");
    }

    [Fact]
    public void A_second_run_renders_nothing_and_writes_nothing()
    {
        ManifestAssembly.WriteTo(Assembly, Three);
        var first = Summary(Run().Host);
        Assert.Equal((3, 3, 0), (first.Models, first.Rendered, first.Unchanged));
        Assert.True(first.Written > 3);
        Assert.True(File.Exists(Cache));
        var before = Snapshot();

        ManifestAssembly.WriteTo(Assembly, Three); // the assembly was rebuilt, no model changed
        var (task, host) = Run();
        Assert.Equal((3, 0, 3, 0, 0), Summary(host));
        Assert.Equal(0, task.RenderedModels);
        SameFiles(before, Snapshot());
    }

    [Fact]
    public void Changing_one_model_renders_exactly_that_model_and_leaves_the_others_untouched()
    {
        ManifestAssembly.WriteTo(Assembly, Three);
        Run();
        var stamps = Stamps();
        Thread.Sleep(50);

        ManifestAssembly.WriteTo(Assembly, Three[0], ManifestAssembly.Stacked("Beta", 4, 16), Three[2]);
        var (task, host) = Run();
        var summary = Summary(host);
        Assert.Equal((3, 1, 2), (summary.Models, summary.Rendered, summary.Unchanged));
        Assert.Equal(1, task.RenderedModels);
        var after = Stamps();
        foreach (var (name, stamp) in stamps)
            if (!name.StartsWith("Beta", StringComparison.Ordinal) && name != "README.md") Assert.Equal(stamp, after[name]);
        // The index keeps every model's row: the reused ones come from the cache, Beta's is new.
        var index = File.ReadAllText(Path.Combine(Docs, "README.md"));
        foreach (var id in new[] { "Alpha", "Beta", "Gamma" }) Assert.Contains("[" + id + "](" + id + ".md)", index);

        // And the result is what a full render writes from scratch.
        var incremental = Snapshot();
        File.Delete(Cache);
        Directory.Delete(Docs, recursive: true);
        Assert.Equal(3, Run().Task.RenderedModels);
        SameFiles(Snapshot(), incremental);
    }

    [Fact]
    public void A_deleted_or_edited_generated_file_makes_its_model_render_again()
    {
        ManifestAssembly.WriteTo(Assembly, Three);
        Run();
        var full = Snapshot();

        File.Delete(Path.Combine(Docs, "Gamma.svg"));
        var summary = Summary(Run().Host);
        Assert.Equal((3, 1, 2), (summary.Models, summary.Rendered, summary.Unchanged));
        SameFiles(full, Snapshot());

        File.AppendAllText(Path.Combine(Docs, "Alpha.Block.svg"), "<!-- hand edit -->");
        Assert.Equal(1, Run().Task.RenderedModels);
        SameFiles(full, Snapshot());
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("{\"Format\":1,\"Key\":\"other\",\"Models\":[]}")]
    [InlineData("{\"Format\":1,\"Key\":null,\"Models\":[{\"Manifest\":null}]}")]
    [InlineData("")]
    public void A_corrupt_or_foreign_cache_renders_everything_to_the_same_bytes(string cache)
    {
        ManifestAssembly.WriteTo(Assembly, Three);
        Run();
        var full = Snapshot();

        File.WriteAllText(Cache, cache);
        var (task, host) = Run();
        Assert.Equal(3, task.RenderedModels);
        Assert.Equal(0, Summary(host).Written);
        SameFiles(full, Snapshot());
        Assert.Equal(0, Run().Task.RenderedModels); // and the cache is whole again
    }

    [Fact]
    public void A_cache_entry_pointing_outside_the_docs_folder_is_not_trusted()
    {
        ManifestAssembly.WriteTo(Assembly, Three);
        Run();
        var cache = File.ReadAllText(Cache);
        Assert.Contains("file\tGamma.svg\t", cache);
        File.WriteAllText(Cache, cache.Replace("file\tGamma.svg\t", "file\t../Gamma.svg\t", StringComparison.Ordinal));
        Assert.Equal(3, Run().Task.RenderedModels);
    }

    [Fact]
    public void Changing_an_option_renders_everything()
    {
        ManifestAssembly.WriteTo(Assembly, Three);
        Run();
        var (task, host) = Run(t => t.DarkMode = false);
        Assert.Equal(3, task.RenderedModels);
        Assert.True(Summary(host).Deleted > 0); // the dark pictures went
        Assert.False(File.Exists(Path.Combine(Docs, "Alpha.dark.svg")));
        Assert.Equal(3, Run(t => t.Depth = -1).Task.RenderedModels);
    }

    [Fact]
    public void Without_a_cache_file_every_run_renders_everything()
    {
        ManifestAssembly.WriteTo(Assembly, Three);
        Run(t => t.CacheFile = "");
        Assert.Equal(3, Run(t => t.CacheFile = "").Task.RenderedModels);
    }

    [Fact]
    public void A_removed_model_leaves_the_index_and_deletes_its_files_even_when_the_rest_is_reused()
    {
        ManifestAssembly.WriteTo(Assembly, Three);
        Run();
        ManifestAssembly.WriteTo(Assembly, Three[0], Three[2]);
        var (task, host) = Run();
        Assert.Equal(0, task.RenderedModels);
        Assert.True(Summary(host).Deleted > 0);
        Assert.False(File.Exists(Path.Combine(Docs, "Beta.svg")));
        Assert.DoesNotContain("Beta", File.ReadAllText(Path.Combine(Docs, "README.md")));
        Assert.DoesNotContain("Beta", File.ReadAllText(Path.Combine(Docs, OwnedFileWriter.RecordFileName)));
    }

    [Fact]
    public void Verify_renders_every_model_and_ignores_the_cache()
    {
        ManifestAssembly.WriteTo(Assembly, Three);
        Run();
        var (task, host) = Run(t => t.Mode = "Verify");
        Assert.Equal(3, task.RenderedModels);
        Assert.Contains(host.Messages, m => m.Contains("are up to date", StringComparison.Ordinal));

        // An edited file fails the check: Verify compares full content.
        File.AppendAllText(Path.Combine(Docs, "Beta.md"), "edit");
        var failing = new TaskHost();
        var verify = new GenerateArchitectureDocs { BuildEngine = failing, AssemblyPath = Assembly, OutputDirectory = Docs, ProjectDirectory = _dir, CacheFile = Cache, Mode = "Verify" };
        Assert.False(verify.Execute());
        Assert.Contains(failing.Errors, e => e.StartsWith("NVG1010", StringComparison.Ordinal) && e.Contains("Beta.md", StringComparison.Ordinal));
    }

    [Fact]
    public void Parallel_and_sequential_runs_write_the_same_bytes()
    {
        var many = Enumerable.Range(0, 12).Select(i => ManifestAssembly.Stacked("M" + i, 1 + i % 4, 4 << (i % 5))).ToArray();
        ManifestAssembly.WriteTo(Assembly, many);
        Run(t => { t.CacheFile = ""; t.MaxParallelism = 1; });
        var sequential = Snapshot();
        Directory.Delete(Docs, recursive: true);
        Run(t => { t.CacheFile = ""; t.MaxParallelism = 8; });
        SameFiles(sequential, Snapshot());
    }
}
