using System.Diagnostics;
using System.Text.RegularExpressions;

namespace NetVizGen.EndToEnd.Tests;

/// <summary>
/// The docs server through real `dotnet build`s of a consumer of the packed package: the first build
/// renders in its own process and starts the server, the next hands its docs to the server, and what the
/// server wrote is byte for byte what the build process writes (a Verify build, which renders every model
/// in the build process and compares, passes).
/// </summary>
[Collection(PackageFeedCollection.Name)]
public sealed class DocsServerBuildTests
{
    private readonly PackageFeedFixture _feed;

    public DocsServerBuildTests(PackageFeedFixture feed) => _feed = feed;

    // -v:d shows the task's low-importance lines, which say where the docs were rendered.
    private static readonly string[] ServerBuild = ["build", "-v:d", "-p:NetVizGenDocsServer=true", "-p:NetVizGenDocsServerIdleTimeout=120"];

    [Fact]
    public void The_first_build_starts_a_docs_server_and_the_next_hands_it_the_docs_with_the_same_files()
    {
        Assert.False(OperatingSystem.IsWindows(), "the docs server is Linux and macOS only; this test does not apply on Windows");
        var dir = _feed.NewConsumer("DocsServer");
        File.WriteAllText(Path.Combine(dir, "LeNet5.cs"), Models.WithClasses(Models.LeNet5, 10));
        File.WriteAllText(Path.Combine(dir, "Mlp.cs"), Models.Mlp);
        _feed.AddPackages(dir);
        string? pipe = null;
        try
        {
            var first = DotNet.Run(dir, ServerBuild).ShouldSucceed("first build");
            Assert.Contains("NetVizGen: rendering in the build process: no docs server is running", first.Output);
            var started = Regex.Match(first.Output, @"NetVizGen: started a docs server for the next builds \((.+), pipe (nvgdocs-[0-9a-f]+)\)");
            Assert.True(started.Success, "the first build started no docs server:\n" + first.Output);
            pipe = started.Groups[2].Value;
            var socket = Path.Combine(Path.GetTempPath(), "CoreFxPipe_" + pipe);
            var deadline = DateTime.UtcNow.AddMinutes(1);
            while (!File.Exists(socket) && DateTime.UtcNow < deadline) Thread.Sleep(100);
            Assert.True(File.Exists(socket), "the docs server never listened on " + socket);

            File.WriteAllText(Path.Combine(dir, "LeNet5.cs"), Models.WithClasses(Models.LeNet5, 12));
            var second = DotNet.Run(dir, ServerBuild).ShouldSucceed("build after a model edit");
            var served = Regex.Match(second.Output, @"NetVizGen: the docs server \(process (\d+)\) ran this build's docs");
            Assert.True(served.Success, "the second build did not use the docs server:\n" + second.Output);
            Assert.NotEqual(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), served.Groups[1].Value);
            Assert.True(second.Output.Contains("NetVizGen: 2 model(s): 1 rendered, 1 unchanged", StringComparison.Ordinal), "the server rendered more than the edited model:\n" + second.Output);
            Assert.Contains("84→12", File.ReadAllText(Path.Combine(dir, "docs", "LeNet5.md")));
            // The server runs the very assemblies the task does: the one in the package folder of the task.
            var task = Regex.Match(first.Output, @"Using ""GenerateArchitectureDocs"" task from assembly ""([^""]+)""");
            Assert.True(task.Success, "no task assembly in the log:\n" + first.Output);
            Assert.Equal(Path.GetDirectoryName(Path.GetFullPath(task.Groups[1].Value)), Path.GetDirectoryName(Path.GetFullPath(started.Groups[1].Value)));

            // Verify renders every model in the build process and compares bytes with the files on disk.
            var verify = DotNet.Run(dir, "build", "-v:n", "-p:NetVizGenDocsServer=false", "-p:NetVizGenMode=Verify").ShouldSucceed("Verify build without the server");
            Assert.Contains("are up to date", verify.Output);
        }
        finally
        {
            if (pipe is not null) StopServer(pipe);
        }
    }

    [Fact]
    public void The_docs_server_is_on_by_default_and_off_in_CI()
    {
        var dir = _feed.NewConsumer("DocsServerDefault");
        _feed.AddPackages(dir);
        string Value(params (string Name, string? Value)[] environment)
        {
            var variables = new Dictionary<string, string?> { ["NetVizGenDocsServer"] = null, ["CI"] = null, ["TF_BUILD"] = null };
            foreach (var (name, value) in environment) variables[name] = value;
            return DotNet.RunWithEnvironment(variables, dir, "msbuild", "-getProperty:NetVizGenDocsServer").ShouldSucceed("read NetVizGenDocsServer").Output.Trim();
        }

        Assert.Equal("true", Value());
        Assert.Equal("false", Value(("CI", "true")));
        Assert.Equal("false", Value(("TF_BUILD", "True")));
        Assert.Equal("true", Value(("CI", "true"), ("NetVizGenDocsServer", "true")));
    }

    // The server would otherwise idle for its timeout after the tests end.
    private static void StopServer(string pipe)
    {
        foreach (var process in Process.GetProcesses())
        {
            try
            {
                var commandLine = File.ReadAllText($"/proc/{process.Id}/cmdline");
                if (commandLine.Contains(pipe, StringComparison.Ordinal)) process.Kill();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or System.ComponentModel.Win32Exception) { }
            finally { process.Dispose(); }
        }
    }
}
