using NetVizGen.Model.Specs;
using NetVizGen.Tasks.Incremental;
using NetVizGen.Tasks.Tests.Support;

namespace NetVizGen.Tasks.Tests;

/// <summary>
/// The digest that gates the docs target: over real compiled assemblies, its file is rewritten when a
/// manifest changed and left untouched (time included) when only other code did.
/// </summary>
public sealed class WriteManifestDigestTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "nvg-digest-" + Guid.NewGuid().ToString("N").Substring(0, 10));
    private string Assembly => Path.Combine(_dir, "Models.dll");
    private string Digest => Path.Combine(_dir, "obj", "NetVizGen", "manifests.digest");

    public WriteManifestDigestTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private (bool Changed, TaskHost Host) Run()
    {
        var host = new TaskHost();
        var task = new WriteManifestDigest { BuildEngine = host, AssemblyPath = Assembly, DigestFile = Digest };
        Assert.True(task.Execute());
        Assert.Empty(host.Errors);
        Assert.Empty(host.Warnings);
        return (task.Changed, host);
    }

    private void Build(params ModelSpec[] models) => File.WriteAllBytes(Assembly, ManifestAssembly.Compile(false, models));

    [Fact]
    public void The_file_is_written_once_per_manifest_change_and_otherwise_keeps_its_time()
    {
        Build(ManifestAssembly.Stacked("Alpha", 2, 8), ManifestAssembly.Stacked("Beta", 3, 16));
        Assert.True(Run().Changed);
        var first = File.ReadAllText(Digest);
        Assert.StartsWith("netvizgen-manifests 1 2 ", first);

        // The same manifests in a newly written assembly (what an edit no model reads produces): not touched.
        var old = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(Digest, old);
        Build(ManifestAssembly.Stacked("Alpha", 2, 8), ManifestAssembly.Stacked("Beta", 3, 16));
        var (changed, host) = Run();
        Assert.False(changed);
        Assert.Contains(host.Messages, m => m.Contains("are unchanged", StringComparison.Ordinal));
        Assert.Equal(old, File.GetLastWriteTimeUtc(Digest));

        // One model's manifest changes: rewritten, with another digest.
        Build(ManifestAssembly.Stacked("Alpha", 2, 8), ManifestAssembly.Stacked("Beta", 3, 32));
        Assert.True(Run().Changed);
        Assert.NotEqual(first, File.ReadAllText(Digest));
        Assert.NotEqual(old, File.GetLastWriteTimeUtc(Digest));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(Digest)!, "*.tmp"));
    }

    [Fact]
    public void A_model_removed_or_added_changes_the_digest()
    {
        Build(ManifestAssembly.Stacked("Alpha", 2, 8), ManifestAssembly.Tiny("Beta"));
        Run();
        var two = File.ReadAllText(Digest);
        Build(ManifestAssembly.Stacked("Alpha", 2, 8));
        Assert.True(Run().Changed);
        Assert.NotEqual(two, File.ReadAllText(Digest));
        Build();
        Assert.True(Run().Changed);
        Assert.StartsWith("netvizgen-manifests 1 0 ", File.ReadAllText(Digest));
    }

    [Fact]
    public void Manifests_are_hashed_with_their_lengths_so_one_cannot_run_into_the_next() =>
        Assert.NotEqual(ManifestDigest.Of(["ab", "c"]), ManifestDigest.Of(["a", "bc"]));

    [Fact]
    public void An_unreadable_assembly_removes_the_digest_so_the_docs_target_runs_and_reports_it()
    {
        Build(ManifestAssembly.Tiny("Alpha"));
        Run();
        Assert.True(File.Exists(Digest));
        File.WriteAllText(Assembly, "not an assembly");
        var (changed, host) = Run();
        Assert.True(changed);
        Assert.False(File.Exists(Digest));
        Assert.Contains(host.Messages, m => m.Contains("no manifest digest", StringComparison.Ordinal));
    }
}
