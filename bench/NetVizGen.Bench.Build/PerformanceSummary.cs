using System.Globalization;
using System.Text.RegularExpressions;

namespace NetVizGen.Bench.Build;

/// <summary>
/// The "Task Performance Summary" and "Target Performance Summary" of a console log made with
/// <c>-clp:PerformanceSummary</c>: total milliseconds per task and per target name. Targets skipped as
/// up to date are listed too (at about 0 ms); a task is listed only when it ran.
/// </summary>
internal sealed partial class PerformanceSummary
{
    private PerformanceSummary(IReadOnlyDictionary<string, int> tasks, IReadOnlyDictionary<string, int> targets)
    {
        Tasks = tasks;
        Targets = targets;
    }

    public IReadOnlyDictionary<string, int> Tasks { get; }

    public IReadOnlyDictionary<string, int> Targets { get; }

    /// <summary>The task's total milliseconds in this build, or null when it did not run.</summary>
    public int? Task(string name) => Tasks.TryGetValue(name, out var ms) ? ms : null;

    public static PerformanceSummary Parse(string log)
    {
        var tasks = new Dictionary<string, int>(StringComparer.Ordinal);
        var targets = new Dictionary<string, int>(StringComparer.Ordinal);
        Dictionary<string, int>? section = null;
        foreach (var raw in log.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.StartsWith("Task Performance Summary:", StringComparison.Ordinal)) { section = tasks; continue; }
            if (line.StartsWith("Target Performance Summary:", StringComparison.Ordinal)) { section = targets; continue; }
            if (section == null) continue;
            var m = Row().Match(line);
            if (m.Success) section[m.Groups[2].Value] = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            else if (line.Trim().Length > 0) section = null;
        }
        return new PerformanceSummary(tasks, targets);
    }

    [GeneratedRegex(@"^\s+(\d+) ms\s+(\S+)\s+\d+ calls\s*$")]
    private static partial Regex Row();
}
