using System.Diagnostics;
using System.Text;

namespace NetVizGen.EndToEnd.Tests;

/// <summary>Runs the real dotnet CLI and captures its output.</summary>
internal static class DotNet
{
    public sealed record Result(int ExitCode, string Output)
    {
        public Result ShouldSucceed(string what)
        {
            Assert.True(ExitCode == 0, $"{what} failed (exit {ExitCode}):\n{Output}");
            return this;
        }
    }

    public static Result Run(string workingDirectory, params string[] args) => Exec("dotnet", workingDirectory, args);

    /// <summary><see cref="Run"/> with environment variables changed on top of the isolation (null removes one).</summary>
    public static Result RunWithEnvironment(IReadOnlyDictionary<string, string?> environment, string workingDirectory, params string[] args) =>
        Exec("dotnet", workingDirectory, args, environment);

    /// <summary>Runs any program (git, an installed tool) with the same isolation and capture.</summary>
    public static Result Exec(string program, string workingDirectory, params string[] args) => Exec(program, workingDirectory, args, null);

    private static readonly string SharedDecompileCache = NewSharedDecompileCache();

    private static string NewSharedDecompileCache()
    {
        var folder = Directory.CreateTempSubdirectory("netvizgen-e2e-decompiled-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Directory.Delete(folder, recursive: true); }
            catch (IOException) { }
        };
        return folder;
    }

    private static Result Exec(string program, string workingDirectory, string[] args, IReadOnlyDictionary<string, string?>? environment)
    {
        var psi = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        // Isolated from the developer's machine: no MSBuild node reuse (it would keep our task DLL
        // loaded across versions), no build server, no telemetry, and English messages.
        psi.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        psi.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["UseSharedCompilation"] = "false";
        // No docs server either (it would outlive the test run); the tests of the server turn it on.
        psi.Environment["NetVizGenDocsServer"] = "false";
        // Decompiled package code is shared within this test run, never with the developer's own cache.
        psi.Environment["NetVizGenDecompileCacheDirectory"] = SharedDecompileCache;
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null) psi.Environment.Remove(name);
            else psi.Environment[name] = value;
        }
        var output = new StringBuilder();
        using var process = new Process { StartInfo = psi };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(TimeSpan.FromMinutes(8)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(" ", args)} did not finish in 8 minutes:\n{output}");
        }
        process.WaitForExit();
        return new Result(process.ExitCode, output.ToString());
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NetVizGen.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("NetVizGen.sln not found above the test assembly");
    }
}
