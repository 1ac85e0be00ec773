namespace NetVizGen.Bench.Build;

/// <summary>One timed build: what was built, how long the user waited, what ran inside, and the processor time it cost (null where it cannot be read).</summary>
internal sealed record BuildRecord(string Scenario, Variant Variant, int Pair, TimeSpan Wall, PerformanceSummary Summary, int DocsFilesChanged, bool GeneratorFailed, double? CpuMilliseconds)
{
    /// <summary>
    /// The compiler reported that a source generator threw (CS8785): the build then skipped NetVizGen's
    /// work and its time says nothing about NetVizGen's cost (and the docs task removes the pages).
    /// </summary>
    public static bool ReportsGeneratorFailure(string log) => log.Contains("warning CS8785", StringComparison.Ordinal);

    /// <summary>The docs task (GenerateArchitectureDocs) ran in this build rather than being skipped as up to date.</summary>
    public bool DocsTaskRan => Summary.Task("GenerateArchitectureDocs") != null;
}
