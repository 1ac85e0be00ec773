using Microsoft.Build.Utilities;
using NetVizGen.Tasks.Decompilation;
using NetVizGen.Tasks.Tests.Support;

namespace NetVizGen.Tasks.Tests.Decompilation;

/// <summary>
/// The per-user cache of decompiled code: a second <c>obj/</c> (a fresh clone, another project) copies what the
/// first decompiled, an entry is whole or absent, and builds writing the same entry at once all succeed.
/// </summary>
public sealed class SharedDecompileCacheTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("netvizgen-shared-decompile-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static readonly DecompiledType[] Types =
    [
        new("Vendor.Models.Net", "Vendor.Models.Net.cs", "namespace Vendor.Models { class Net { } }\n"),
        new("Vendor.Models.Block", "Vendor.Models.Block.cs", "namespace Vendor.Models { class Block { /* é ∑ */ } }\n"),
    ];

    [Fact]
    public void An_entry_reads_back_as_written_and_only_for_its_own_assembly_version()
    {
        var mvid = Guid.NewGuid();
        Assert.Null(SharedDecompileCache.TryRead(_root, "Vendor", mvid));
        Assert.True(SharedDecompileCache.TryWrite(_root, "Vendor", mvid, Types));

        var read = SharedDecompileCache.TryRead(_root, "Vendor", mvid);
        Assert.NotNull(read);
        Assert.Equal(Types.Select(t => (t.FileName, t.Text)), read!.Select(t => (t.FileName, t.Text)));
        Assert.Null(SharedDecompileCache.TryRead(_root, "Vendor", Guid.NewGuid()));
        Assert.Null(SharedDecompileCache.TryRead(_root, "Other", mvid));
    }

    [Fact]
    public void A_damaged_entry_is_a_miss_and_is_replaced()
    {
        var mvid = Guid.NewGuid();
        Assert.True(SharedDecompileCache.TryWrite(_root, "Vendor", mvid, Types));
        var file = Directory.GetFiles(_root, "Vendor.Models.Block.cs", SearchOption.AllDirectories).Single();
        File.Delete(file);

        Assert.Null(SharedDecompileCache.TryRead(_root, "Vendor", mvid));
        Assert.True(SharedDecompileCache.TryWrite(_root, "Vendor", mvid, Types));
        Assert.Equal(2, SharedDecompileCache.TryRead(_root, "Vendor", mvid)!.Count);
    }

    [Fact]
    public void Builds_writing_the_same_entry_at_once_all_succeed_and_leave_one_whole_entry()
    {
        var mvid = Guid.NewGuid();
        var results = new bool[8];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => results[i] = SharedDecompileCache.TryWrite(_root, "Vendor", mvid, Types));

        Assert.All(results, Assert.True);
        Assert.Equal(2, SharedDecompileCache.TryRead(_root, "Vendor", mvid)!.Count);
        // Only the entry: every temporary folder was renamed into place or removed.
        Assert.Single(Directory.GetDirectories(Path.Combine(_root, "Vendor")));
    }

    [Fact]
    public void A_second_obj_folder_copies_TorchVision_from_the_shared_cache_instead_of_decompiling()
    {
        var shared = Path.Combine(_root, "shared");
        var first = Run(Path.Combine(_root, "obj1"), shared, out var firstLog);
        var second = Run(Path.Combine(_root, "obj2"), shared, out var secondLog);

        Assert.Contains(firstLog.Messages, m => m.StartsWith("NetVizGen: decompiled ", StringComparison.Ordinal) && m.Contains("TorchVision", StringComparison.Ordinal));
        Assert.DoesNotContain(secondLog.Messages, m => m.StartsWith("NetVizGen: decompiled ", StringComparison.Ordinal));
        Assert.Contains(secondLog.Messages, m => m.Contains("taken from the shared cache", StringComparison.Ordinal));
        // The same files, byte for byte (header included): the generator sees no difference.
        Assert.True(first.Length > 20);
        Assert.Equal(first.Select(Path.GetFileName), second.Select(Path.GetFileName));
        for (int i = 0; i < first.Length; i++) Assert.Equal(File.ReadAllBytes(first[i]), File.ReadAllBytes(second[i]));

        // Turned off, it neither reads nor writes the cache.
        var third = Run(Path.Combine(_root, "obj3"), Path.Combine(_root, "unused"), out var thirdLog, useShared: false);
        Assert.Contains(thirdLog.Messages, m => m.StartsWith("NetVizGen: decompiled ", StringComparison.Ordinal));
        Assert.False(Directory.Exists(Path.Combine(_root, "unused")));
        Assert.Equal(first.Length, third.Length);
    }

    private static string[] Run(string obj, string shared, out TaskHost host, bool useShared = true)
    {
        host = new TaskHost();
        var references = new List<string> { Path.Combine(AppContext.BaseDirectory, "TorchVision.dll"), Path.Combine(AppContext.BaseDirectory, "TorchSharp.dll") };
        references.AddRange(Directory.GetFiles(System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory(), "*.dll")
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) == "netstandard.dll"));
        var task = new DecompileReferencedModules
        {
            BuildEngine = host,
            References = references.Select(p => (Microsoft.Build.Framework.ITaskItem)new TaskItem(p)).ToArray(),
            OutputDirectory = obj,
            UseSharedCache = useShared,
            SharedCacheDirectory = shared,
        };
        Assert.True(task.Execute(), string.Join("\n", host.Errors.Concat(host.Warnings)));
        Assert.Empty(host.Warnings);
        return task.DecompiledFiles.Select(f => f.ItemSpec).OrderBy(p => Path.GetFileName(p), StringComparer.Ordinal).ToArray();
    }
}
