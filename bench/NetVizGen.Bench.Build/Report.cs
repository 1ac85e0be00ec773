using System.Globalization;
using System.Text;

namespace NetVizGen.Bench.Build;

/// <summary>
/// The tables of a run, in Markdown: wall time per variant and the pair-by-pair ratio (the figure to
/// quote on a noisy machine: both builds of a pair ran side by side in time), then the median time of
/// the tasks that tell where the difference goes.
/// </summary>
internal static class Report
{
    private static readonly string[] TaskColumns = ["Csc", "GenerateArchitectureDocs", "DecompileReferencedModules", "ResolveAssemblyReference"];

    public static string Write(IReadOnlyList<Scenario> scenarios, IReadOnlyList<BuildRecord> records)
    {
        var s = new StringBuilder();
        s.AppendLine("| scenario | without NetVizGen, s (min / median / max) | with NetVizGen, s (min / median / max) | with ÷ without, pair by pair (min / **median** / max) | docs task ran | docs files changed (median) |");
        s.AppendLine("|---|---|---|---|---|---|");
        foreach (var scenario in scenarios)
        {
            var with = Of(records, scenario, Variant.With);
            var without = Of(records, scenario, Variant.Without);
            if (with.Length == 0) continue;
            var ratios = with.Zip(without, (w, o) => w.Wall.TotalSeconds / o.Wall.TotalSeconds).ToArray();
            s.AppendLine(Invariant($"| {scenario.Title} | {Seconds(without)} | {Seconds(with)} | {Triple(ratios, "0.00", bold: true)}× | {with.Count(r => r.DocsTaskRan)} of {with.Length} | {Median(with.Select(r => (double)r.DocsFilesChanged).ToArray()):0} |"));
        }
        s.AppendLine();
        s.AppendLine("Median ms of the tasks in the MSBuild performance summary (without → with; – : did not run):");
        s.AppendLine();
        s.AppendLine("| scenario | " + string.Join(" | ", TaskColumns) + " |");
        s.AppendLine("|---|" + string.Concat(TaskColumns.Select(_ => "---:|")));
        foreach (var scenario in scenarios)
        {
            var with = Of(records, scenario, Variant.With);
            var without = Of(records, scenario, Variant.Without);
            if (with.Length == 0) continue;
            s.Append("| ").Append(scenario.Name);
            foreach (var task in TaskColumns)
                s.Append(" | ").Append(TaskMedian(without, task)).Append(" → ").Append(TaskMedian(with, task));
            s.AppendLine(" |");
        }
        return s.ToString();
    }

    private static BuildRecord[] Of(IReadOnlyList<BuildRecord> records, Scenario scenario, Variant variant) =>
        records.Where(r => r.Scenario == scenario.Name && r.Variant == variant).OrderBy(r => r.Pair).ToArray();

    private static string Seconds(BuildRecord[] builds) => Triple(builds.Select(b => b.Wall.TotalSeconds).ToArray(), "0.00", bold: false);

    private static string TaskMedian(BuildRecord[] builds, string task)
    {
        var ran = builds.Select(b => b.Summary.Task(task)).Where(ms => ms != null).Select(ms => (double)ms!.Value).ToArray();
        return ran.Length == 0 ? "–" : Invariant($"{Median(ran):0}");
    }

    private static string Triple(double[] values, string format, bool bold)
    {
        string F(double v) => v.ToString(format, CultureInfo.InvariantCulture);
        var median = bold ? $"**{F(Median(values))}**" : F(Median(values));
        return $"{F(values.Min())} / {median} / {F(values.Max())}";
    }

    public static double Median(double[] values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
