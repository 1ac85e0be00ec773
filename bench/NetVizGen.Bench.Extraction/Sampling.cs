using System.Diagnostics;

/// <summary>Wall-clock times of each run, and the process CPU time per run (all threads, GC included):
/// the CPU figure is what the work costs when the shared machine is busy with other jobs.</summary>
internal sealed record Sample(double[] Wall, double CpuPerRun);

/// <summary>How every table of this bench is measured: warm-up, a full collection, then n timed runs.</summary>
internal static class Sampling
{
    public static double Median(double[] xs)
    {
        var s = xs.OrderBy(x => x).ToArray();
        return s.Length % 2 == 1 ? s[s.Length / 2] : (s[s.Length / 2 - 1] + s[s.Length / 2]) / 2;
    }

    public static Sample Measure(int n, Func<double> run)
    {
        for (int i = 0; i < 3; i++) run(); // warm-up: JIT, tiering
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var result = new double[n];
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        for (int i = 0; i < n; i++) result[i] = run();
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalMilliseconds / n;
        return new Sample(result, cpu);
    }

    /// <summary>Two workloads measured in alternation (a, b, a, b, ...), so that a change of load on the
    /// shared machine affects both alike. CPU per run is the process CPU over each workload's own runs.</summary>
    public static (Sample First, Sample Second) MeasurePair(int n, Func<double> a, Func<double> b)
    {
        for (int i = 0; i < 3; i++) { a(); b(); }
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var wa = new double[n];
        var wb = new double[n];
        double cpuA = 0, cpuB = 0;
        var process = Process.GetCurrentProcess();
        for (int i = 0; i < n; i++)
        {
            process.Refresh();
            var c0 = process.TotalProcessorTime;
            wa[i] = a();
            process.Refresh();
            var c1 = process.TotalProcessorTime;
            wb[i] = b();
            process.Refresh();
            cpuA += (c1 - c0).TotalMilliseconds;
            cpuB += (process.TotalProcessorTime - c1).TotalMilliseconds;
        }
        return (new Sample(wa, cpuA / n), new Sample(wb, cpuB / n));
    }
}
