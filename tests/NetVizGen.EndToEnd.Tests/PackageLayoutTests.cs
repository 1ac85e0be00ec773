using System.IO.Compression;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;

namespace NetVizGen.EndToEnd.Tests;

/// <summary>
/// What the packed NetVizGen carries and which copy of the docs task `dotnet build` loads: the task as IL for
/// every MSBuild (tasks/net8.0), and precompiled (ReadyToRun) for .NET 10 per platform (tasks/net10.0/&lt;rid&gt;),
/// because the docs task runs in a fresh MSBuild process on every build and compiling it just in time cost
/// more than rendering an edited model.
/// </summary>
[Collection(PackageFeedCollection.Name)]
public sealed class PackageLayoutTests
{
    private static readonly string[] ReadyToRunPlatforms = ["linux-x64", "win-x64", "osx-arm64"];
    private static readonly string[] TaskAssemblies = ["NetVizGen.Tasks.dll", "NetVizGen.Model.dll", "NetVizGen.Layout.dll", "NetVizGen.Rendering.dll"];

    private readonly PackageFeedFixture _feed;

    public PackageLayoutTests(PackageFeedFixture feed) => _feed = feed;

    [Fact]
    public void The_package_carries_the_task_as_IL_and_precompiled_per_platform()
    {
        using var package = ZipFile.OpenRead(Path.Combine(_feed.Feed, $"NetVizGen.{_feed.Version}.nupkg"));
        var entries = package.Entries.ToDictionary(e => e.FullName, StringComparer.Ordinal);

        foreach (var name in TaskAssemblies.Append("ICSharpCode.Decompiler.dll"))
            Assert.False(IsReadyToRun(entries[$"tasks/net8.0/{name}"]), $"tasks/net8.0/{name} should be IL only");
        foreach (var rid in ReadyToRunPlatforms)
            foreach (var name in TaskAssemblies)
            {
                Assert.True(entries.TryGetValue($"tasks/net10.0/{rid}/{name}", out var entry), $"tasks/net10.0/{rid}/{name} is missing");
                Assert.True(IsReadyToRun(entry!), $"tasks/net10.0/{rid}/{name} is not precompiled");
            }
        // The decompiler stays with the IL task only (the docs task never loads it).
        Assert.DoesNotContain(entries.Keys, k => k.StartsWith("tasks/net10.0/", StringComparison.Ordinal) && k.Contains("Decompiler", StringComparison.Ordinal));
        // The docs server beside every copy of the task, on the same assemblies; its dependency list only
        // where every file it names is (a missing one would stop the host).
        foreach (var folder in ReadyToRunPlatforms.Select(r => $"tasks/net10.0/{r}/").Append("tasks/net8.0/"))
        {
            Assert.True(entries.ContainsKey(folder + "NetVizGen.DocsServer.dll"), folder + "NetVizGen.DocsServer.dll is missing");
            Assert.True(entries.ContainsKey(folder + "NetVizGen.DocsServer.runtimeconfig.json"), folder + "NetVizGen.DocsServer.runtimeconfig.json is missing");
        }
        Assert.True(entries.ContainsKey("tasks/net8.0/NetVizGen.DocsServer.deps.json"));
        Assert.DoesNotContain(entries.Keys, k => k.StartsWith("tasks/net10.0/", StringComparison.Ordinal) && k.EndsWith(".deps.json", StringComparison.Ordinal));
    }

    [Fact]
    public void Dotnet_build_runs_the_docs_task_precompiled_for_this_platform_and_the_decompile_task_as_IL()
    {
        var dir = _feed.NewConsumer("ReadyToRunConsumer");
        File.WriteAllText(Path.Combine(dir, "Mlp.cs"), Models.Mlp);
        _feed.AddPackages(dir);

        var build = DotNet.Run(dir, "build", "-v:d").ShouldSucceed("build");
        Assert.True(File.Exists(Path.Combine(dir, "docs", "MnistMlp.svg")));

        // Elsewhere (another platform) the IL copy is the one to load.
        var rid = RuntimeInformation.RuntimeIdentifier;
        var docsTask = ReadyToRunPlatforms.Contains(rid) ? $"tasks/net10.0/{rid}/NetVizGen.Tasks.dll" : "tasks/net8.0/NetVizGen.Tasks.dll";
        var used = build.Output.Split('\n').Where(l => l.Contains("task from assembly", StringComparison.Ordinal)).ToList();
        Assert.Contains(used, l => l.Contains("\"GenerateArchitectureDocs\"", StringComparison.Ordinal) && l.Contains(docsTask, StringComparison.Ordinal));
        Assert.Contains(used, l => l.Contains("\"DecompileReferencedModules\"", StringComparison.Ordinal) && l.Contains("tasks/net8.0/NetVizGen.Tasks.dll", StringComparison.Ordinal));
    }

    private static bool IsReadyToRun(ZipArchiveEntry entry)
    {
        using var stream = new MemoryStream();
        using (var s = entry.Open()) s.CopyTo(stream);
        stream.Position = 0;
        using var pe = new PEReader(stream);
        return pe.PEHeaders.CorHeader is { ManagedNativeHeaderDirectory.Size: > 0 };
    }
}
