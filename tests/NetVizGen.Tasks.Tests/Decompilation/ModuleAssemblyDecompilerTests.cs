using NetVizGen.Tasks.Decompilation;

namespace NetVizGen.Tasks.Tests.Decompilation;

/// <summary>
/// The real TorchVision assembly decompiled as a build does it: types are decompiled side by side, and the
/// files must not depend on which thread took which type.
/// </summary>
public sealed class ModuleAssemblyDecompilerTests
{
    private static readonly string TorchVision = Path.Combine(AppContext.BaseDirectory, "TorchVision.dll");

    private static IReadOnlyList<string> References()
    {
        var references = new List<string> { Path.Combine(AppContext.BaseDirectory, "TorchSharp.dll") };
        references.AddRange(Directory.GetFiles(System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory(), "*.dll"));
        return references;
    }

    [Fact]
    public void TorchVision_decompiles_to_the_same_files_every_time()
    {
        Assert.True(ModuleAssemblyDecompiler.ReferencesTorchSharp(TorchVision, out _, out var referenceOnly));
        Assert.False(referenceOnly);

        var first = ModuleAssemblyDecompiler.Decompile(TorchVision, References());
        var second = ModuleAssemblyDecompiler.Decompile(TorchVision, References());

        Assert.Equal(first, second);
        Assert.Contains(first, t => t.TypeName == "TorchSharp.torchvision" && t.Text.Contains("resnet18", StringComparison.Ordinal));
        var resnet = Assert.Single(first, t => t.TypeName == "TorchSharp.Modules.ResNet");
        Assert.Contains("class ResNet", resnet.Text);
        // One file per top-level type, in name order, no two names alike.
        Assert.Equal(first.Select(t => t.TypeName).Order(StringComparer.Ordinal), first.Select(t => t.TypeName));
        Assert.Equal(first.Count, first.Select(t => t.FileName.ToLowerInvariant()).Distinct().Count());
    }
}
