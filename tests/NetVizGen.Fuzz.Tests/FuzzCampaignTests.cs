using System.Diagnostics;
using NetVizGen.Fuzz.Tests.Cases;
using NetVizGen.Fuzz.Tests.Running;
using Xunit.Abstractions;

namespace NetVizGen.Fuzz.Tests;

/// <summary>
/// The fuzz campaign: mutants of the zoo's sources with a fixed seed, each through the real generator and
/// renderer in child processes. Asserts no generator exception (no CS8785), no crash, no hang, the time
/// bounds, and inert output. <c>NVG_FUZZ_COUNT</c> and <c>NVG_FUZZ_SEED</c> run a longer or different
/// campaign (docs/testing.md).
/// </summary>
public class FuzzCampaignTests
{
    private readonly ITestOutputHelper _output;

    public FuzzCampaignTests(ITestOutputHelper output) => _output = output;

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : fallback;

    [Fact]
    public void Zoo_mutants_never_crash_hang_throw_or_emit_live_markup()
    {
        int count = Setting("NVG_FUZZ_COUNT", 2_000), seed = Setting("NVG_FUZZ_SEED", 12);
        var zoo = Zoo.Sources();
        var cases = Enumerable.Range(0, count).Select(i => Mutator.Make(seed, i, zoo)).ToList();
        var clock = Stopwatch.StartNew();
        var results = ChildProcess.Run(cases, parallel: 2);
        clock.Stop();

        var byStatus = results.GroupBy(r => r.Status).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key + " " + g.Count());
        _output.WriteLine($"{count} mutants (seed {seed}) in {clock.Elapsed.TotalSeconds:F0} s: {string.Join(", ", byStatus)}");
        _output.WriteLine($"CPU per case: generator median {Percentile(results.Select(r => r.GeneratorCpuMs), 0.5)} ms, p99 {Percentile(results.Select(r => r.GeneratorCpuMs), 0.99)} ms, max {results.Max(r => r.GeneratorCpuMs)} ms; "
            + $"render median {Percentile(results.Select(r => r.RenderCpuMs), 0.5)} ms, p99 {Percentile(results.Select(r => r.RenderCpuMs), 0.99)} ms, max {results.Max(r => r.RenderCpuMs)} ms; "
            + $"total CPU {results.Sum(r => r.GeneratorCpuMs + r.RenderCpuMs) / 1000} s; wall per case max {results.Max(r => r.GeneratorMs + r.RenderMs)} ms; "
            + $"models {results.Sum(r => r.Models.Count)}, NVG0103 {results.Count(r => r.Diagnostics.Any(d => d.StartsWith("NVG0103", StringComparison.Ordinal)))}");
        foreach (var slow in results.OrderByDescending(r => r.GeneratorCpuMs + r.RenderCpuMs).Take(5))
            _output.WriteLine($"  slowest: {slow.Name}: generator {slow.GeneratorMs} ms ({slow.GeneratorCpuMs} ms CPU), render {slow.RenderMs} ms ({slow.RenderCpuMs} ms CPU)");

        var failures = results.Where(r => r.Status != "ok" || r.Problems.Count > 0
                || r.Diagnostics.Any(d => d.StartsWith("CS8785", StringComparison.Ordinal) || d.StartsWith("CS8784", StringComparison.Ordinal) || d.StartsWith("NVG0999", StringComparison.Ordinal))
                || r.GeneratorCpuMs >= Bounds.GeneratorCpuMs || r.RenderCpuMs >= Bounds.RenderCpuMs)
            .Select(r => r.Name + ": " + r.Status + " " + string.Join("; ", r.Problems.Take(3))
                + " " + string.Join("; ", r.Diagnostics.Where(d => d.StartsWith("NVG0999", StringComparison.Ordinal) || d.StartsWith("CS878", StringComparison.Ordinal)))
                + " " + r.Exception?.Split('\n')[0])
            .ToList();
        Assert.True(failures.Count == 0, failures.Count + " failing mutants:\n" + string.Join("\n", failures.Take(20)));
    }

    private static long Percentile(IEnumerable<long> values, double p)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];
    }
}
