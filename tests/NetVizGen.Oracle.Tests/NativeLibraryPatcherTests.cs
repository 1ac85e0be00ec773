using TorchSharp;

namespace NetVizGen.Oracle.Tests;

[Collection(TorchCollection.Name)]
public sealed class NativeLibraryPatcherTests
{
    private static string OutputCopy =>
        Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");

    [Fact]
    public void Output_copy_needs_GLIBCXX_3_4_32_only_weakly_and_torch_loads()
    {
        TorchRuntime.Ensure();
        Assert.True(File.Exists(OutputCopy), $"expected the native library at {OutputCopy}");
        Assert.True(NativeLibraryPatcher.IsWeakOrAbsent(OutputCopy));
        Assert.Contains(TorchRuntime.PatchResults, r => r.Path == Path.GetFullPath(OutputCopy));
        using var t = torch.ones(2, 3);
        Assert.Equal(6.0, t.sum().item<float>());
    }

    [Fact]
    public void Weakening_is_idempotent_and_changes_only_the_flag()
    {
        var original = File.ReadAllBytes(OutputCopy);
        var once = (byte[])original.Clone();
        NativeLibraryPatcher.Weaken(once);                                // whatever state the copy is in
        var twice = (byte[])once.Clone();
        Assert.Equal(NativeLibraryPatcher.Outcome.AlreadyWeak, NativeLibraryPatcher.Weaken(twice));
        Assert.Equal(once, twice);
        Assert.Equal(original.Length, once.Length);
        Assert.True(original.Zip(once).Count(p => p.First != p.Second) <= 1);   // one byte of vna_flags at most
    }

    [Fact]
    public void The_NuGet_cache_copy_is_never_touched()
    {
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
                    ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var packaged = Path.Combine(cache, "torchsharp", "0.107.0", "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        if (!File.Exists(packaged)) return;                                  // restored elsewhere: nothing to check
        var bytes = File.ReadAllBytes(packaged);
        Assert.Equal(NativeLibraryPatcher.Outcome.Patched, NativeLibraryPatcher.Weaken(bytes)); // still strong there
    }

    [Fact]
    public void Rejects_non_ELF_input()
    {
        Assert.Throws<InvalidDataException>(() => NativeLibraryPatcher.Weaken(new byte[64]));
    }
}
