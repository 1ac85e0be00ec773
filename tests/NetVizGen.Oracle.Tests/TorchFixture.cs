using TorchSharp;

namespace NetVizGen.Oracle.Tests;

/// <summary>
/// Brings up the TorchSharp runtime once for the whole test run: patches the native library copy in
/// the output folder (see <see cref="NativeLibraryPatcher"/>) before torch is first touched, then keeps
/// libtorch to a thread budget that suits a 2-core machine shared with others.
/// </summary>
public static class TorchRuntime
{
    private static readonly Lazy<IReadOnlyList<(string Path, NativeLibraryPatcher.Outcome Outcome)>> Init = new(() =>
    {
        var patched = NativeLibraryPatcher.PatchTorchSharpInOutputFolder();
        torch.set_num_threads(2);
        torch.manual_seed(0);
        return patched;
    });

    /// <summary>What the patcher did, for diagnostics.</summary>
    public static IReadOnlyList<(string Path, NativeLibraryPatcher.Outcome Outcome)> PatchResults => Init.Value;

    /// <summary>Idempotent: the first call patches and configures, later calls do nothing.</summary>
    public static void Ensure() => _ = Init.Value;
}

/// <summary>xUnit fixture shared by every torch-using test class (they run serially in one collection).</summary>
public sealed class TorchFixture
{
    public TorchFixture() => TorchRuntime.Ensure();
}

[CollectionDefinition(Name)]
public sealed class TorchCollection : ICollectionFixture<TorchFixture>
{
    public const string Name = "torch";
}
