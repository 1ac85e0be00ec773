using System.Globalization;

namespace NetVizGen.Bench.Build;

/// <summary>
/// The processor time one build cost, over every process that worked for it (Linux only): the `dotnet build`
/// process and the children it waited for (the shell's <c>times</c> builtin), plus what the long-lived build
/// servers spent during it: the compiler server (VBCSCompiler), MSBuild's reused nodes and NetVizGen's docs
/// server, read from <c>/proc</c> before and after.
/// </summary>
/// <remarks>
/// Why beside wall time: on a shared 2-core machine the wall time of a 2–3 s build moves by several percent
/// with whatever else is scheduled, while the work a build does moves much less. A ratio of processor times
/// says what NetVizGen costs in work; the wall-time ratio says what the user waits. Both are reported.
/// Resolution is the kernel's clock tick (10 ms) per process.
/// </remarks>
internal static class BuildCpu
{
    /// <summary>Whether this machine can account processor time (a Linux <c>/proc</c> and a shell).</summary>
    public static bool Supported => OperatingSystem.IsLinux() && File.Exists("/bin/sh") && Directory.Exists("/proc");

    /// <summary>
    /// The shell command that runs <c>dotnet</c> with the arguments after it and writes the shell's
    /// <c>times</c> (its own, then its children's) to the file named by <see cref="TimesVariable"/>.
    /// </summary>
    public const string ShellScript = "dotnet \"$@\"; status=$?; times > \"$" + TimesVariable + "\"; exit $status";

    /// <summary>The environment variable naming the file <see cref="ShellScript"/> writes.</summary>
    public const string TimesVariable = "NETVIZGEN_BENCH_TIMES";

    /// <summary>Processor time of the build servers now, by process (pid and start time, so a reused pid is not mistaken).</summary>
    public static Dictionary<(int Pid, long Start), long> ServerTicks()
    {
        var result = new Dictionary<(int, long), long>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
            try
            {
                var cmdline = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                if (!IsBuildServer(cmdline)) continue;
                if (ParseStat(File.ReadAllText(Path.Combine(dir, "stat"))) is { } stat) result[(pid, stat.Start)] = stat.Ticks;
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        return result;
    }

    /// <summary>Milliseconds the servers spent between two snapshots; a server started in between counts from zero.</summary>
    public static double ServerMilliseconds(Dictionary<(int Pid, long Start), long> before, Dictionary<(int Pid, long Start), long> after) =>
        after.Sum(p => p.Value - before.GetValueOrDefault(p.Key)) * 1000.0 / TicksPerSecond;

    /// <summary>Milliseconds (user + system) of the waited children, from the two lines the shell's <c>times</c> writes.</summary>
    public static double? ChildrenMilliseconds(string timesOutput)
    {
        var lines = timesOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length < 2) return null;
        double total = 0;
        foreach (var part in lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            // "0m1.234s"
            int m = part.IndexOf('m');
            if (m < 0 || !part.EndsWith('s')) return null;
            total += int.Parse(part[..m], CultureInfo.InvariantCulture) * 60_000.0
                + double.Parse(part[(m + 1)..^1], CultureInfo.InvariantCulture) * 1000.0;
        }
        return total;
    }

    internal static bool IsBuildServer(string cmdline) =>
        cmdline.Contains("VBCSCompiler", StringComparison.Ordinal)
        || (cmdline.Contains("MSBuild.dll", StringComparison.Ordinal) && cmdline.Contains("nodemode", StringComparison.OrdinalIgnoreCase))
        || cmdline.Contains("NetVizGen.DocsServer", StringComparison.Ordinal);

    // /proc/<pid>/stat: the command name is in parentheses and may hold spaces, so fields are counted after
    // the last ')'. Fields (1-based, man 5 proc): 14 utime, 15 stime, 22 starttime; after ')' they are 12, 13, 20.
    internal static (long Ticks, long Start)? ParseStat(string stat)
    {
        int close = stat.LastIndexOf(')');
        if (close < 0) return null;
        var fields = stat[(close + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 20) return null;
        long F(int field) => long.Parse(fields[field - 3], CultureInfo.InvariantCulture);
        return (F(14) + F(15), F(22));
    }

    // USER_HZ: 100 on every Linux architecture .NET runs on (the kernel reports times to user space in it).
    private const double TicksPerSecond = 100;
}
