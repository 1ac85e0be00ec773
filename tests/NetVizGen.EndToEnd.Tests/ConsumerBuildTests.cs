namespace NetVizGen.EndToEnd.Tests;

[Collection(PackageFeedCollection.Name)]
public sealed class ConsumerBuildTests
{
    private readonly PackageFeedFixture _feed;

    public ConsumerBuildTests(PackageFeedFixture feed) => _feed = feed;

    private static Dictionary<string, DateTime> Stamps(string docs) =>
        Directory.GetFiles(docs).ToDictionary(f => Path.GetFileName(f), File.GetLastWriteTimeUtc);

    [Fact]
    public void Build_writes_docs_rewrites_nothing_when_unchanged_and_updates_after_an_edit()
    {
        var dir = _feed.NewConsumer("Consumer");
        File.WriteAllText(Path.Combine(dir, "LeNet5.cs"), Models.WithClasses(Models.LeNet5, 10));
        File.WriteAllText(Path.Combine(dir, "Mlp.cs"), Models.Mlp);
        _feed.AddPackages(dir);

        DotNet.Run(dir, "build").ShouldSucceed("first build");
        var docs = Path.Combine(dir, "docs");
        foreach (var f in new[] { "LeNet5.svg", "LeNet5.dark.svg", "LeNet5.md", "LeNet5.html", "MnistMlp.svg", "MnistMlp.md", "MnistMlp.html", "README.md" })
            Assert.True(File.Exists(Path.Combine(docs, f)), $"docs/{f} was not written");

        // The page describes the model: layer names, types and arguments.
        var md = File.ReadAllText(Path.Combine(docs, "LeNet5.md"));
        foreach (var expected in new[] { "conv1", "Conv2d", "5×5", "fc3", "Linear", "84→10", "N×1×28×28" })
            Assert.Contains(expected, md);
        var mlp = File.ReadAllText(Path.Combine(docs, "MnistMlp.md"));
        Assert.Contains("MLP for MNIST", mlp);
        Assert.Contains("layers.fc1", mlp);
        Assert.Contains("LeNet5.md", File.ReadAllText(Path.Combine(docs, "README.md")));
        var svg = File.ReadAllText(Path.Combine(docs, "LeNet5.svg"));
        Assert.StartsWith("<svg", svg.TrimStart().Substring(svg.TrimStart().IndexOf("<svg", StringComparison.Ordinal)));
        Assert.Contains("Conv2d", svg);

        // A second build with no change rewrites nothing.
        var before = Stamps(docs);
        Thread.Sleep(1100);
        DotNet.Run(dir, "build").ShouldSucceed("second build");
        Assert.Equal(before, Stamps(docs));

        // Editing the model updates its docs (and only the files whose content changed).
        File.WriteAllText(Path.Combine(dir, "LeNet5.cs"), Models.WithClasses(Models.LeNet5, 12));
        DotNet.Run(dir, "build").ShouldSucceed("build after edit");
        var edited = File.ReadAllText(Path.Combine(docs, "LeNet5.md"));
        Assert.Contains("84→12", edited);
        Assert.NotEqual(md, edited);
        Assert.Equal(before["MnistMlp.md"], File.GetLastWriteTimeUtc(Path.Combine(docs, "MnistMlp.md")));
    }

    [Fact]
    public void Files_NetVizGen_did_not_write_are_never_overwritten_and_a_renamed_model_leaves_no_stale_docs()
    {
        var dir = _feed.NewConsumer("Owner");
        File.WriteAllText(Path.Combine(dir, "LeNet5.cs"), Models.WithClasses(Models.LeNet5, 10));
        _feed.AddPackages(dir);
        var docs = Path.Combine(dir, "docs");
        Directory.CreateDirectory(docs);
        File.WriteAllText(Path.Combine(docs, "LeNet5.md"), "my own notes");

        var first = DotNet.Run(dir, "build").ShouldSucceed("build");
        Assert.Equal("my own notes", File.ReadAllText(Path.Combine(docs, "LeNet5.md")));
        Assert.Contains("NVG1001", first.Output);
        Assert.True(File.Exists(Path.Combine(docs, "LeNet5.svg")));

        // Rename the model: its old files (which NetVizGen wrote) go, the user's file stays.
        File.WriteAllText(Path.Combine(dir, "LeNet5.cs"), Models.WithClasses(Models.LeNet5, 10).Replace("[Diagram(Input = \"N,1,28,28\")]", "[Diagram(Input = \"N,1,28,28\", Name = \"Digits\")]"));
        DotNet.Run(dir, "build").ShouldSucceed("build after rename");
        Assert.False(File.Exists(Path.Combine(docs, "LeNet5.svg")), "stale LeNet5.svg was not removed");
        Assert.True(File.Exists(Path.Combine(docs, "Digits.svg")));
        Assert.Equal("my own notes", File.ReadAllText(Path.Combine(docs, "LeNet5.md")));
    }

    [Fact]
    public void Multi_targeting_writes_docs_once_and_they_equal_a_single_target_build()
    {
        var single = _feed.NewConsumer("Single");
        var multi = _feed.NewConsumer("Multi", "net8.0;net10.0");
        foreach (var dir in new[] { single, multi })
        {
            File.WriteAllText(Path.Combine(dir, "LeNet5.cs"), Models.WithClasses(Models.LeNet5, 10));
            _feed.AddPackages(dir);
        }
        DotNet.Run(single, "build").ShouldSucceed("single-target build");
        var result = DotNet.Run(multi, "build", "-v:n").ShouldSucceed("multi-target build");

        var writes = result.Output.Split('\n').Count(l => l.Contains("NetVizGen:", StringComparison.Ordinal) && l.Contains("file(s) written", StringComparison.Ordinal));
        Assert.Equal(1, writes);
        var a = Directory.GetFiles(Path.Combine(single, "docs")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        var b = Directory.GetFiles(Path.Combine(multi, "docs")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(a, b);
        foreach (var f in a)
            Assert.Equal(File.ReadAllBytes(Path.Combine(single, "docs", f!)), File.ReadAllBytes(Path.Combine(multi, "docs", f!)));
    }

    [Fact]
    public void A_malformed_input_shape_is_a_located_warning_not_a_failed_build_nor_a_crash()
    {
        var dir = _feed.NewConsumer("Bad");
        File.WriteAllText(Path.Combine(dir, "Broken.cs"), Models.BadInput);
        _feed.AddPackages(dir);
        var result = DotNet.Run(dir, "build");
        Assert.Equal(0, result.ExitCode); // documentation problems never fail the build by default
        Assert.Matches(@"Broken\.cs\(8,\d+\): warning NVG0\d{3}", result.Output);
        Assert.DoesNotContain("CS8785", result.Output);
    }

    [Fact]
    public void Design_time_builds_and_NetVizGenEnabled_false_write_nothing_and_NetVizGenOutputPath_moves_the_docs()
    {
        var dir = _feed.NewConsumer("Settings");
        File.WriteAllText(Path.Combine(dir, "LeNet5.cs"), Models.WithClasses(Models.LeNet5, 10));
        _feed.AddPackages(dir);

        DotNet.Run(dir, "build", "-p:DesignTimeBuild=true").ShouldSucceed("design-time build");
        Assert.False(Directory.Exists(Path.Combine(dir, "docs")), "a design-time build wrote docs");

        DotNet.Run(dir, "build", "-p:NetVizGenEnabled=false").ShouldSucceed("build with NetVizGenEnabled=false");
        Assert.False(Directory.Exists(Path.Combine(dir, "docs")), "NetVizGenEnabled=false still wrote docs");

        DotNet.Run(dir, "build", "-p:NetVizGenOutputPath=architecture/").ShouldSucceed("build with NetVizGenOutputPath");
        Assert.True(File.Exists(Path.Combine(dir, "architecture", "LeNet5.svg")));
        Assert.False(Directory.Exists(Path.Combine(dir, "docs")));

        // Settings are inputs: with the assembly unchanged, turning dark mode off still re-renders,
        // and the dark files NetVizGen wrote before are removed.
        Assert.True(File.Exists(Path.Combine(dir, "architecture", "LeNet5.dark.svg")));
        DotNet.Run(dir, "build", "-p:NetVizGenOutputPath=architecture/", "-p:NetVizGenDarkMode=false").ShouldSucceed("build with NetVizGenDarkMode=false");
        Assert.False(File.Exists(Path.Combine(dir, "architecture", "LeNet5.dark.svg")), "changing a setting did not re-render");
        Assert.True(File.Exists(Path.Combine(dir, "architecture", "LeNet5.svg")));

        // NetVizGenHtml=false: no interactive page, and the one written before is removed.
        Assert.True(File.Exists(Path.Combine(dir, "architecture", "LeNet5.html")));
        DotNet.Run(dir, "build", "-p:NetVizGenOutputPath=architecture/", "-p:NetVizGenHtml=false").ShouldSucceed("build with NetVizGenHtml=false");
        Assert.False(File.Exists(Path.Combine(dir, "architecture", "LeNet5.html")), "NetVizGenHtml=false still wrote the interactive page");
    }

    [Fact]
    public void Diagnostic_severities_follow_editorconfig()
    {
        var dir = _feed.NewConsumer("Severity");
        File.WriteAllText(Path.Combine(dir, "Mismatch.cs"), """
            using TorchSharp;
            using static TorchSharp.torch;
            using static TorchSharp.torch.nn;
            using NetVizGen;

            namespace Consumer;

            [Diagram(Input = "N,3,32,32")]
            public sealed class Mismatch : Module<Tensor, Tensor>
            {
                private readonly Module<Tensor, Tensor> conv = Conv2d(3, 128, 3, padding: 1);
                private readonly Module<Tensor, Tensor> bn = BatchNorm2d(64);
                public Mismatch() : base(nameof(Mismatch)) => RegisterComponents();
                public override Tensor forward(Tensor x) => bn.forward(conv.forward(x));
            }
            """);
        _feed.AddPackages(dir);

        var warned = DotNet.Run(dir, "build").ShouldSucceed("build with the default severity");
        Assert.Contains("warning NVG0201", warned.Output);

        File.WriteAllText(Path.Combine(dir, ".editorconfig"), "root = true\n[*.cs]\ndotnet_diagnostic.NVG0201.severity = error\n");
        var failed = DotNet.Run(dir, "build");
        Assert.NotEqual(0, failed.ExitCode);
        Assert.Contains("error NVG0201", failed.Output);

        File.WriteAllText(Path.Combine(dir, ".editorconfig"), "root = true\n[*.cs]\ndotnet_diagnostic.NVG0201.severity = none\n");
        var quiet = DotNet.Run(dir, "build").ShouldSucceed("build with the diagnostic turned off");
        Assert.DoesNotContain("NVG0201", quiet.Output);
    }

    [Fact]
    public void The_docs_folder_is_not_globbed_into_project_items_unless_asked()
    {
        var dir = _feed.NewConsumer("ItemsConsumer");
        File.WriteAllText(Path.Combine(dir, "Mlp.cs"), Models.Mlp);
        _feed.AddPackages(dir);
        DotNet.Run(dir, "build").ShouldSucceed("build");
        Assert.True(File.Exists(Path.Combine(dir, "docs", "MnistMlp.md")));

        // Build output, like bin/ and obj/: every build would glob and walk hundreds of files otherwise.
        var items = DotNet.Run(dir, "msbuild", "-getItem:None").ShouldSucceed("list None items").Output;
        Assert.DoesNotContain("MnistMlp.md", items);
        var kept = DotNet.Run(dir, "msbuild", "-getItem:None", "-p:NetVizGenDocsAsProjectItems=true").ShouldSucceed("list None items, docs kept").Output;
        Assert.Contains("MnistMlp.md", kept);
    }
}
