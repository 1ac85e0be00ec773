using System.Text.RegularExpressions;

namespace NetVizGen.EndToEnd.Tests;

/// <summary>
/// Build cost, counted rather than timed: through real `dotnet build`s of a three-model consumer, the
/// docs task renders only the models an edit changed, and does not run at all for an edit no model
/// reads or when nothing changed.
/// </summary>
[Collection(PackageFeedCollection.Name)]
public sealed class IncrementalDocsBuildTests
{
    private readonly PackageFeedFixture _feed;

    public IncrementalDocsBuildTests(PackageFeedFixture feed) => _feed = feed;

    private const string Helpers = """
        namespace Consumer;

        public static class Helpers
        {
            public static int Answer() => 41;
        }
        """;

    // "NetVizGen: 3 model(s): 1 rendered, 2 unchanged; ..." from a -v:n build log.
    private static (int Models, int Rendered, int Unchanged) Renders(DotNet.Result build)
    {
        var lines = build.Output.Split('\n').Where(l => l.Contains("NetVizGen: ", StringComparison.Ordinal) && l.Contains(" rendered, ", StringComparison.Ordinal)).ToList();
        Assert.True(lines.Count == 1, "expected one docs summary line in the build log:\n" + build.Output);
        var m = Regex.Match(lines[0], @"NetVizGen: (\d+) model\(s\): (\d+) rendered, (\d+) unchanged");
        Assert.True(m.Success, lines[0]);
        return (int.Parse(m.Groups[1].Value), int.Parse(m.Groups[2].Value), int.Parse(m.Groups[3].Value));
    }

    [Fact]
    public void Only_the_edited_model_is_rendered_an_unrelated_edit_renders_none_and_no_change_skips_the_task()
    {
        var dir = _feed.NewConsumer("Incremental");
        File.WriteAllText(Path.Combine(dir, "LeNet5.cs"), Models.WithClasses(Models.LeNet5, 10));
        // Two models from one class: MnistMlp and TinyMlp.
        File.WriteAllText(Path.Combine(dir, "Mlp.cs"), Models.Mlp.Replace(
            "    public override Tensor forward",
            "    [Diagram(Input = \"N,16\", Name = \"TinyMlp\")]\n    public static Mlp Tiny() => new Mlp(16, 8, 2);\n\n    public override Tensor forward", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(dir, "Helpers.cs"), Helpers);
        _feed.AddPackages(dir);
        var docs = Path.Combine(dir, "docs");

        Assert.Equal((3, 3, 0), Renders(DotNet.Run(dir, "build", "-v:n").ShouldSucceed("first build")));
        var mlpPage = File.ReadAllText(Path.Combine(docs, "MnistMlp.md"));
        var stamp = File.GetLastWriteTimeUtc(Path.Combine(docs, "TinyMlp.svg"));

        // One model's constructor changes: that model, and only it, is rendered.
        File.WriteAllText(Path.Combine(dir, "LeNet5.cs"), Models.WithClasses(Models.LeNet5, 12));
        Assert.Equal((3, 1, 2), Renders(DotNet.Run(dir, "build", "-v:n").ShouldSucceed("build after a model edit")));
        Assert.Contains("84→12", File.ReadAllText(Path.Combine(docs, "LeNet5.md")));
        Assert.Equal(mlpPage, File.ReadAllText(Path.Combine(docs, "MnistMlp.md")));
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(Path.Combine(docs, "TinyMlp.svg")));

        // A method body no model reads: the assembly changed, its manifests did not, so the docs target is skipped.
        File.WriteAllText(Path.Combine(dir, "Helpers.cs"), Helpers.Replace("=> 41;", "=> 42;", StringComparison.Ordinal));
        var unrelated = DotNet.Run(dir, "build", "-v:n").ShouldSucceed("build after an unrelated edit");
        Assert.Contains("NetVizGen: the manifests of 3 model(s) are unchanged", unrelated.Output);
        Assert.Contains("Skipping target \"_NetVizGenWriteDocsCore\"", unrelated.Output);
        Assert.DoesNotContain(" rendered, ", unrelated.Output);
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(Path.Combine(docs, "TinyMlp.svg")));

        // The next model edit after it is seen (the digest moved on from the skipped build's state).
        File.WriteAllText(Path.Combine(dir, "LeNet5.cs"), Models.WithClasses(Models.LeNet5, 14));
        Assert.Equal((3, 1, 2), Renders(DotNet.Run(dir, "build", "-v:n").ShouldSucceed("build after a second model edit")));
        Assert.Contains("84→14", File.ReadAllText(Path.Combine(docs, "LeNet5.md")));

        // No change at all: the docs target is skipped, and the digest task is not even loaded.
        var quiet = DotNet.Run(dir, "build", "-v:n").ShouldSucceed("no-change build");
        Assert.Contains("Skipping target \"_NetVizGenWriteDocsCore\"", quiet.Output);
        Assert.Contains("Skipping target \"_NetVizGenManifestDigest\"", quiet.Output);
        Assert.DoesNotContain(" rendered, ", quiet.Output);
    }
    [Fact]
    public void In_the_compiler_server_a_rebuild_reuses_every_model_and_never_fails_the_generator()
    {
        // Users build with the compiler server on (the SDK's default; these tests turn it off elsewhere).
        // There the generator's static state lives from one build to the next: a rebuild must re-use the
        // extracted models (NVG0090, read from the SARIF log since Info diagnostics are not printed) and
        // must never fail (CS8785 would drop every manifest and the docs task would delete every page).
        var dir = _feed.NewConsumer("CompilerServer");
        File.WriteAllText(Path.Combine(dir, "LeNet5.cs"), Models.WithClasses(Models.LeNet5, 10));
        File.WriteAllText(Path.Combine(dir, "Mlp.cs"), Models.Mlp);
        File.WriteAllText(Path.Combine(dir, "Helpers.cs"), Helpers);
        _feed.AddPackages(dir);
        string[] Build(string log) => ["build", "-v:n", "-p:UseSharedCompilation=true", "-p:NetVizGenCacheReport=true", "-p:ErrorLog=" + Path.Combine(dir, log)];
        try
        {
            var first = DotNet.Run(dir, Build("first.sarif")).ShouldSucceed("first build in the compiler server");
            Assert.Equal((2, 2, 0), Renders(first));

            File.WriteAllText(Path.Combine(dir, "Helpers.cs"), Helpers.Replace("=> 41;", "=> 42;", StringComparison.Ordinal));
            var second = DotNet.Run(dir, Build("second.sarif")).ShouldSucceed("rebuild in the compiler server");
            Assert.DoesNotContain("CS8785", second.Output);
            // Same manifests: the docs target is skipped (a failed generator would carry none, and the docs
            // task would then run and delete every page).
            Assert.Contains("NetVizGen: the manifests of 2 model(s) are unchanged", second.Output);
            Assert.Contains("Skipping target \"_NetVizGenWriteDocsCore\"", second.Output);
            Assert.True(File.Exists(Path.Combine(dir, "docs", "LeNet5.svg")), "the pages must survive the rebuild");
            var report = File.ReadAllText(Path.Combine(dir, "second.sarif"));
            Assert.Contains("2 model(s), 2 re-used from an earlier compilation, 0 extracted", report);
        }
        finally
        {
            DotNet.Run(dir, "build-server", "shutdown", "--vbcscompiler");
        }
    }
}
