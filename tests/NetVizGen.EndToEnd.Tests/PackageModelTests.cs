namespace NetVizGen.EndToEnd.Tests;

/// <summary>
/// Models from packages, as a new user meets them: a fresh project references TorchVision from NuGet and
/// documents a torchvision factory. The build decompiles TorchVision (cached by MVID) and the page is the
/// same as if the model's source were in the project.
/// </summary>
[Collection(PackageFeedCollection.Name)]
public sealed class PackageModelTests
{
    private readonly PackageFeedFixture _feed;

    public PackageModelTests(PackageFeedFixture feed) => _feed = feed;

    private const string Backbones = """
        using NetVizGen;
        using TorchSharp;
        using static TorchSharp.torch;

        namespace Consumer;

        public static class Backbones
        {
            [Diagram(Input = "N,3,224,224")]
            public static nn.Module<Tensor, Tensor> Backbone() => torchvision.models.resnet18(num_classes: 10);

            [Diagram(Input = "N,3,224,224", Name = "ImageNetResNet18")]
            public static nn.Module<Tensor, Tensor> Full() => torchvision.models.resnet18();
        }
        """;

    [Fact]
    public void A_torchvision_factory_gets_a_correct_page_and_the_decompiled_code_is_cached()
    {
        var dir = _feed.NewConsumer("TorchVisionConsumer");
        File.WriteAllText(Path.Combine(dir, "Backbones.cs"), Backbones);
        _feed.AddPackages(dir);
        DotNet.Run(dir, "add", "package", "TorchVision", "--version", "0.107.0").ShouldSucceed("dotnet add package TorchVision");

        var first = DotNet.Run(dir, "build").ShouldSucceed("first build");
        Assert.DoesNotContain("NVG0120", first.Output);
        var docs = Path.Combine(dir, "docs");

        // ResNet-18: 11,689,512 parameters with the ImageNet head; with 10 classes the head is
        // 512·10 + 10 instead of 512·1000 + 1000, so 11,181,642.
        var full = File.ReadAllText(Path.Combine(docs, "ImageNetResNet18.md"));
        Assert.Contains("11,689,512 parameters", full);
        Assert.Contains("N×1000", full);
        var backbone = File.ReadAllText(Path.Combine(docs, "Backbone.md"));
        Assert.Contains("11,181,642 parameters", backbone);
        Assert.Contains("N×3×224×224", backbone);
        Assert.Contains("N×10", backbone);
        Assert.Contains("BasicBlock", backbone);
        // The source of the model is named by package and type, never an obj/ path.
        Assert.Contains("`TorchSharp.Modules.ResNet` in package TorchVision 0.107.0", backbone);
        Assert.DoesNotContain("obj/", backbone);

        // The decompiled code is cached by MVID: a rebuild decompiles nothing (files untouched).
        var decompiled = Directory.GetDirectories(Path.Combine(dir, "obj"), "TorchVision", SearchOption.AllDirectories).Single();
        Assert.True(File.Exists(Path.Combine(decompiled, "netvizgen.stamp")));
        var stamps = Directory.GetFiles(decompiled).ToDictionary(f => f, File.GetLastWriteTimeUtc);
        Assert.Contains(stamps.Keys, f => f.EndsWith("TorchSharp.Modules.ResNet.cs", StringComparison.Ordinal));
        Thread.Sleep(1100);
        var rebuild = DotNet.Run(dir, "build", "--no-incremental", "-v:n").ShouldSucceed("rebuild");
        Assert.Equal(stamps, Directory.GetFiles(decompiled).ToDictionary(f => f, File.GetLastWriteTimeUtc));
        Assert.Equal(backbone, File.ReadAllText(Path.Combine(docs, "Backbone.md")));
        // With no reference changed the decompile task is not even loaded: the list of files written
        // last time is read (it survives the Rebuild's Clean, like the files).
        Assert.Contains("Skipping target \"_NetVizGenDecompileCore\"", rebuild.Output);

        // A decompiled file deleted by hand is written again, not handed to the compiler as a missing file.
        var resnet = stamps.Keys.Single(f => f.EndsWith("TorchSharp.Modules.ResNet.cs", StringComparison.Ordinal));
        File.Delete(resnet);
        DotNet.Run(dir, "build", "--no-incremental").ShouldSucceed("build after deleting a decompiled file");
        Assert.True(File.Exists(resnet));
        Assert.Equal(backbone, File.ReadAllText(Path.Combine(docs, "Backbone.md")));

        // Without the decompiled code the model is not silently dropped: a located warning says why.
        var off = DotNet.Run(dir, "build", "--no-incremental", "-p:NetVizGenDecompilePackages=false").ShouldSucceed("build without decompiling");
        Assert.Contains("Backbones.cs(10,", off.Output);
        Assert.Contains("warning NVG0120", off.Output);
        Assert.Contains("TorchVision", off.Output);
    }

    [Fact]
    public void A_fresh_obj_folder_takes_the_decompiled_code_from_the_per_user_cache()
    {
        var dir = _feed.NewConsumer("SharedDecompileConsumer");
        File.WriteAllText(Path.Combine(dir, "Backbones.cs"), Backbones);
        _feed.AddPackages(dir);
        DotNet.Run(dir, "add", "package", "TorchVision", "--version", "0.107.0").ShouldSucceed("dotnet add package TorchVision");
        var cache = Path.Combine(dir, "..", "SharedDecompileConsumer.cache");
        var property = "-p:NetVizGenDecompileCacheDirectory=" + cache;

        var first = DotNet.Run(dir, "build", "-v:n", property).ShouldSucceed("first build");
        Assert.Contains("NetVizGen: decompiled ", first.Output);
        Assert.True(Directory.EnumerateFiles(cache, "netvizgen.stamp", SearchOption.AllDirectories).Any());
        var page = File.ReadAllText(Path.Combine(dir, "docs", "Backbone.md"));

        // A fresh clone, a new worktree or a deleted obj/: the code is copied from the cache, not decompiled.
        Directory.Delete(Path.Combine(dir, "obj"), recursive: true);
        Directory.Delete(Path.Combine(dir, "bin"), recursive: true);
        var fresh = DotNet.Run(dir, "build", "-v:n", property).ShouldSucceed("build with a fresh obj/");
        Assert.DoesNotContain("NetVizGen: decompiled ", fresh.Output);
        Assert.Contains("taken from the shared cache", fresh.Output);
        Assert.Equal(page, File.ReadAllText(Path.Combine(dir, "docs", "Backbone.md")));
    }
}
