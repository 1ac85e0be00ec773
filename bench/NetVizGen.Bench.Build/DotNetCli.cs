using System.Diagnostics;
using System.Text;

namespace NetVizGen.Bench.Build;

/// <summary>One finished <c>dotnet</c> command: exit code, merged output, wall time of the whole process, and
/// (when asked and the machine can say) the processor time it cost in milliseconds (<see cref="BuildCpu"/>).</summary>
internal sealed record CommandResult(int ExitCode, string Output, TimeSpan Wall, double? CpuMilliseconds = null);

/// <summary>
/// Runs <c>dotnet</c> as a user does from a shell. The timed span is the process from start to exit,
/// so it holds everything the user waits for: CLI start-up, the implicit restore, evaluation, the
/// build, and the loggers.
/// </summary>
internal static class DotNetCli
{
    public static CommandResult Run(string workingDirectory, params string[] args) => Run(workingDirectory, CommandEnvironment.None, args);

    /// <summary>Runs with <paramref name="environment"/> set over the inherited one (a null value removes the variable).</summary>
    public static CommandResult Run(string workingDirectory, CommandEnvironment environment, params string[] args) =>
        Run(workingDirectory, environment, measureCpu: false, args);

    /// <summary>
    /// Runs as above; with <paramref name="measureCpu"/> (Linux), through a shell that reports the processor time of
    /// the command's waited children, plus the build servers' share read from /proc (<see cref="BuildCpu"/>). The
    /// shell adds a few milliseconds to the wall time of both variants alike.
    /// </summary>
    public static CommandResult Run(string workingDirectory, CommandEnvironment environment, bool measureCpu, params string[] args)
    {
        measureCpu &= BuildCpu.Supported;
        var timesFile = measureCpu ? Path.GetTempFileName() : null;
        var start = new ProcessStartInfo(measureCpu ? "/bin/sh" : "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (measureCpu)
        {
            foreach (var a in new[] { "-c", BuildCpu.ShellScript, "sh" }) start.ArgumentList.Add(a);
            start.Environment[BuildCpu.TimesVariable] = timesFile;
        }
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        // The runner's own MSBuild settings (when started by `dotnet run`) must not leak into the builds.
        foreach (var name in new[] { "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH" })
            start.Environment.Remove(name);
        foreach (var (name, value) in environment.Variables)
        {
            if (value == null) start.Environment.Remove(name);
            else start.Environment[name] = value;
        }

        var output = new StringBuilder();
        var serversBefore = measureCpu ? BuildCpu.ServerTicks() : null;
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, e) => { if (e.Data != null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data != null) lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.WaitForExit();
        watch.Stop();
        double? cpu = null;
        if (measureCpu)
        {
            // A server may still be finishing its share when the client exits (the compiler server answers
            // before it lets go of the compilation): settle first, so that work is not counted in the next build,
            // which in an interleaved run is the other variant's.
            Thread.Sleep(SettleMilliseconds);
            var children = BuildCpu.ChildrenMilliseconds(File.ReadAllText(timesFile!));
            File.Delete(timesFile!);
            if (children != null) cpu = children + BuildCpu.ServerMilliseconds(serversBefore!, BuildCpu.ServerTicks());
        }
        lock (output) return new CommandResult(process.ExitCode, output.ToString(), watch.Elapsed, cpu);
    }

    private const int SettleMilliseconds = 300;

    public static CommandResult RunOrThrow(string workingDirectory, params string[] args) => RunOrThrow(workingDirectory, CommandEnvironment.None, args);

    public static CommandResult RunOrThrow(string workingDirectory, CommandEnvironment environment, params string[] args)
    {
        var result = Run(workingDirectory, environment, args);
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"dotnet {string.Join(' ', args)} failed ({result.ExitCode}):\n{result.Output}");
        return result;
    }
}

/// <summary>Environment variables set (or, when null, removed) for a command.</summary>
internal sealed record CommandEnvironment(IReadOnlyDictionary<string, string?> Variables)
{
    public static readonly CommandEnvironment None = new(new Dictionary<string, string?>());

    /// <summary>
    /// A user's defaults: the compiler server and NetVizGen's docs server on (or both off, to measure that
    /// case) and MSBuild node reuse on, whatever the shell running the bench says (CI and shared machines
    /// often turn them off; NetVizGen itself leaves its server off in CI).
    /// </summary>
    public static CommandEnvironment UserBuild(bool compilerServer) => new(new Dictionary<string, string?>
    {
        ["UseSharedCompilation"] = compilerServer ? "true" : "false",
        ["NetVizGenDocsServer"] = compilerServer ? "true" : "false",
        ["MSBUILDDISABLENODEREUSE"] = null,
    });
}
