namespace NetVizGen.EndToEnd.Tests;

/// <summary>
/// The reviewer's workflow as a user runs it: a consumer committed with its docs in a real git
/// repository, the netviz tool installed from the local feed with `dotnet tool install`, then
/// check (fresh: passes; code edited but docs not regenerated: fails naming the file), the MSBuild
/// Verify mode, and `netviz diff --base HEAD` reporting exactly the edit.
/// </summary>
[Collection(PackageFeedCollection.Name)]
public sealed class ReviewerWorkflowTests
{
    private readonly PackageFeedFixture _feed;

    public ReviewerWorkflowTests(PackageFeedFixture feed) => _feed = feed;

    [Fact]
    public void Check_verify_and_diff_against_the_committed_docs()
    {
        var repo = DotNet.RepositoryRoot();
        DotNet.Run(repo, "pack", Path.Combine(repo, "src", "NetVizGen.Cli", "NetVizGen.Cli.csproj"), "-c", "Release", "-o", _feed.Feed, "-p:Version=" + _feed.Version)
            .ShouldSucceed("dotnet pack the tool");
        var dir = _feed.NewConsumer("Reviewed");
        File.WriteAllText(Path.Combine(dir, "LeNet5.cs"), Models.WithClasses(Models.LeNet5, 10));
        File.WriteAllText(Path.Combine(dir, "Mlp.cs"), Models.Mlp);
        File.WriteAllText(Path.Combine(dir, ".gitignore"), "bin/\nobj/\n");
        _feed.AddPackages(dir);

        // The tool as a user installs it: from the feed, into a tool path.
        var tools = Path.Combine(_feed.Root, "tools");
        DotNet.Run(dir, "tool", "install", "NetVizGen.Tool", "--version", _feed.Version, "--tool-path", tools, "--add-source", _feed.Feed)
            .ShouldSucceed("dotnet tool install");
        var netviz = Path.Combine(tools, OperatingSystem.IsWindows() ? "netviz.exe" : "netviz");
        Assert.True(File.Exists(netviz), "the netviz command was not installed");

        DotNet.Run(dir, "build").ShouldSucceed("first build");
        var docs = Path.Combine(dir, "docs");
        Assert.True(File.Exists(Path.Combine(docs, "LeNet5.model.json")), "the model description was not written next to the SVG");
        Git(dir, "init", "-q");
        Git(dir, "add", "-A");
        Git(dir, "commit", "-q", "-m", "consumer with docs");

        var assembly = Path.Combine(dir, "bin", "Debug", "net10.0", "Reviewed.dll");
        var fresh = DotNet.Exec(netviz, dir, "check", assembly);
        Assert.True(fresh.ExitCode == 0, "check failed on a fresh build:\n" + fresh.Output);
        Assert.Contains("up to date", fresh.Output);

        // The code changes; the docs are not regenerated (a Verify build writes nothing and fails).
        File.WriteAllText(Path.Combine(dir, "LeNet5.cs"), Models.WithClasses(Models.LeNet5, 12));
        var verify = DotNet.Run(dir, "build", "-p:NetVizGenMode=Verify");
        Assert.True(verify.ExitCode != 0, "a Verify build with stale docs succeeded:\n" + verify.Output);
        Assert.Contains("NVG1010", verify.Output);
        Assert.Contains("docs/LeNet5.model.json", verify.Output);
        Assert.Equal("", Git(dir, "status", "--porcelain", "--", "docs"));

        var stale = DotNet.Exec(netviz, dir, "check", assembly);
        Assert.True(stale.ExitCode == 1, "check passed although the docs are stale:\n" + stale.Output);
        Assert.Contains("NVG1010", stale.Output);
        foreach (var f in new[] { "LeNet5.model.json", "LeNet5.svg", "LeNet5.md" }) Assert.Contains("docs/" + f, stale.Output);
        Assert.DoesNotContain("docs/MnistMlp", stale.Output); // the untouched model's files are current
        Assert.Equal("", Git(dir, "status", "--porcelain", "--", "docs"));

        // A normal build updates the docs; the diff against HEAD is exactly the edit.
        DotNet.Run(dir, "build").ShouldSucceed("build after the edit");
        var diff = DotNet.Exec(netviz, dir, "diff", "--base", "HEAD", "docs");
        Assert.True(diff.ExitCode == 0, diff.Output);
        Assert.Equal(
            "~ LeNet5: 0 added, 0 removed, 1 changed; parameters 61,706 → 61,876 (+170)\n" +
            "    output: N×10 → N×12\n" +
            "    parameters: 61,706 → 61,876 (+170)\n" +
            "  ~ fc3  Linear  (+170 parameters)\n" +
            "      outputSize: 10 → 12\n" +
            "      output: N×10 → N×12\n" +
            "      parameters: 850 → 1,020 (+170)\n" +
            "= MnistMlp: no architecture change\n" +
            "\n" +
            "Plan: 0 added, 0 removed, 1 changed in 1 of 2 models.\n", diff.Output.Replace("\r\n", "\n"));
        var md = DotNet.Exec(netviz, dir, "diff", "--base", "HEAD", "docs", "--format", "md", "--svg", Path.Combine(_feed.Root, "diff-svg"));
        Assert.Contains("✏️ **LeNet5**: 0 added, 0 removed, 1 changed", md.Output);
        Assert.Contains("<details>", md.Output);
        Assert.True(File.Exists(Path.Combine(_feed.Root, "diff-svg", "LeNet5.diff.dark.svg")));
        Assert.Equal(0, DotNet.Exec(netviz, dir, "check", assembly).ExitCode);
    }

    private static string Git(string dir, params string[] args)
    {
        var r = DotNet.Exec("git", dir, ["-c", "user.name=NetVizGen Tests", "-c", "user.email=tests@example.invalid", "-c", "commit.gpgsign=false", .. args]);
        Assert.True(r.ExitCode == 0, "git " + string.Join(" ", args) + " failed:\n" + r.Output);
        return r.Output;
    }
}
