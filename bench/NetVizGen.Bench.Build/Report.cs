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
        int failed = records.Count(r => r.GeneratorFailed);
        if (failed > 0)
        {
            s.AppendLine($"**Not a measurement of NetVizGen's cost: the generator failed (CS8785) in {failed} of {records.Count(r => r.Variant == Variant.With)} builds with NetVizGen; see the logs.**");
            s.AppendLine();
        }
        s.AppendLine("| scenario | without NetVizGen, s (min / median / max) | with NetVizGen, s (min / median / max) | with ÷ without, pair by pair (min / **median** / max) | 95 % interval of that median | docs task ran | docs files changed (median) |");
        s.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var scenario in scenarios)
        {
            var with = Of(records, scenario, Variant.With);
            var without = Of(records, scenario, Variant.Without);
            if (with.Length == 0) continue;
            var ratios = with.Zip(without, (w, o) => w.Wall.TotalSeconds / o.Wall.TotalSeconds).ToArray();
            s.AppendLine(Invariant($"| {scenario.Title} | {Seconds(without)} | {Seconds(with)} | {Triple(ratios, "0.00", bold: true)}× | {Interval(ratios)} | {with.Count(r => r.DocsTaskRan)} of {with.Length} | {Median(with.Select(r => (double)r.DocsFilesChanged).ToArray()):0} |"));
        }
        if (records.Any(r => r.Variant == Variant.Floor)) WriteFloor(s, scenarios, records);
        if (records.All(r => r.CpuMilliseconds != null)) WriteCpu(s, scenarios, records);
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
        s.AppendLine();
        s.AppendLine("Targets whose median time grows most with NetVizGen (ms, without → with; targets overlap, so these do not add up):");
        s.AppendLine();
        foreach (var scenario in scenarios)
        {
            var with = Of(records, scenario, Variant.With);
            var without = Of(records, scenario, Variant.Without);
            if (with.Length == 0) continue;
            var growth = with.Concat(without).SelectMany(r => r.Summary.Targets.Keys).Distinct(StringComparer.Ordinal)
                .Select(t => (Target: t, Without: TargetMedian(without, t), With: TargetMedian(with, t)))
                .OrderByDescending(g => g.With - g.Without).ThenBy(g => g.Target, StringComparer.Ordinal)
                .Take(TopTargets)
                .Select(g => Invariant($"{g.Target} {g.Without:0} → {g.With:0}"));
            s.AppendLine($"- {scenario.Name}: " + string.Join("; ", growth));
        }
        return s.ToString();
    }

    private const int TopTargets = 6;

    // The floor (Without plus a do-nothing per-model generator) against both: which part of NetVizGen's
    // figure any generator pays, and which part is NetVizGen's own. Each ratio is taken within a round
    // (the three builds ran one after another).
    private static void WriteFloor(StringBuilder s, IReadOnlyList<Scenario> scenarios, IReadOnlyList<BuildRecord> records)
    {
        s.AppendLine();
        s.AppendLine("The floor: the Without copy plus bench/FloorGenerator (finds each [Diagram] as NetVizGen does, emits one constant per model), built in the same rounds:");
        s.AppendLine();
        s.AppendLine("| scenario | floor, s (min / median / max) | floor ÷ without (min / **median** / max) | with ÷ floor (min / **median** / max) | 95 % interval of with ÷ floor | Csc median ms (without / floor / with) |");
        s.AppendLine("|---|---|---|---|---|---|");
        foreach (var scenario in scenarios)
        {
            var with = Of(records, scenario, Variant.With);
            var without = Of(records, scenario, Variant.Without);
            var floor = Of(records, scenario, Variant.Floor);
            if (floor.Length == 0) continue;
            var floorRatios = floor.Zip(without, (f, o) => f.Wall.TotalSeconds / o.Wall.TotalSeconds).ToArray();
            var withRatios = with.Zip(floor, (w, f) => w.Wall.TotalSeconds / f.Wall.TotalSeconds).ToArray();
            s.AppendLine(Invariant($"| {scenario.Title} | {Seconds(floor)} | {Triple(floorRatios, "0.00", bold: true)}× | {Triple(withRatios, "0.00", bold: true)}× | {Interval(withRatios)} | {TaskMedian(without, "Csc")} / {TaskMedian(floor, "Csc")} / {TaskMedian(with, "Csc")} |"));
        }
    }

    // Processor time of every process that worked for the build (BuildCpu): the work NetVizGen adds, less
    // disturbed by the machine's other load than the wall time is.
    private static void WriteCpu(StringBuilder s, IReadOnlyList<Scenario> scenarios, IReadOnlyList<BuildRecord> records)
    {
        bool floorRan = records.Any(r => r.Variant == Variant.Floor);
        s.AppendLine();
        s.AppendLine("Processor time of the build (the `dotnet build` process and its children, plus the compiler server's, MSBuild nodes' and docs server's share), pair by pair:");
        s.AppendLine();
        s.AppendLine("| scenario | without, s (median) | with, s (median) | with ÷ without (min / **median** / max) |" + (floorRan ? " floor ÷ without (median) | with ÷ floor (median) |" : ""));
        s.AppendLine("|---|---:|---:|---|" + (floorRan ? "---:|---:|" : ""));
        foreach (var scenario in scenarios)
        {
            var with = Of(records, scenario, Variant.With);
            var without = Of(records, scenario, Variant.Without);
            if (with.Length == 0) continue;
            double Cpu(BuildRecord r) => r.CpuMilliseconds!.Value;
            var ratios = with.Zip(without, (w, o) => Cpu(w) / Cpu(o)).ToArray();
            s.Append(Invariant($"| {scenario.Title} | {Median(without.Select(Cpu).ToArray()) / 1000:0.00} | {Median(with.Select(Cpu).ToArray()) / 1000:0.00} | {Triple(ratios, "0.00", bold: true)}× |"));
            if (floorRan)
            {
                var floor = Of(records, scenario, Variant.Floor);
                s.Append(Invariant($" {Median(floor.Zip(without, (f, o) => Cpu(f) / Cpu(o)).ToArray()):0.00}× | {Median(with.Zip(floor, (w, f) => Cpu(w) / Cpu(f)).ToArray()):0.00}× |"));
            }
            s.AppendLine();
        }
    }

    // A target missing from a build's summary did not run there: 0 ms.
    private static double TargetMedian(BuildRecord[] builds, string target) =>
        Median(builds.Select(b => b.Summary.Targets.TryGetValue(target, out var ms) ? (double)ms : 0).ToArray());

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

    /// <summary>
    /// A 95 % percentile-bootstrap interval of the median of <paramref name="ratios"/>: how far the median of
    /// this many pairs could move on this machine's noise, so that a figure is quoted with its uncertainty.
    /// Fixed seed: the same records give the same interval.
    /// </summary>
    internal static string Interval(double[] ratios)
    {
        if (ratios.Length < 5) return "–";
        var (low, high) = BootstrapMedian(ratios, resamples: 4000, seed: 13);
        return Invariant($"{low:0.00}–{high:0.00}×");
    }

    internal static (double Low, double High) BootstrapMedian(double[] values, int resamples, int seed)
    {
        var random = new Random(seed);
        var medians = new double[resamples];
        var sample = new double[values.Length];
        for (int i = 0; i < resamples; i++)
        {
            for (int j = 0; j < sample.Length; j++) sample[j] = values[random.Next(values.Length)];
            medians[i] = Median(sample);
        }
        Array.Sort(medians);
        return (medians[(int)(0.025 * resamples)], medians[(int)(0.975 * resamples) - 1]);
    }

    public static double Median(double[] values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
