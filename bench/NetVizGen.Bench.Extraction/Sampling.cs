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
}
