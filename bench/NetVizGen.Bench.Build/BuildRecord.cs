namespace NetVizGen.Bench.Build;

/// <summary>One timed build: what was built, how long the user waited, and what ran inside.</summary>
internal sealed record BuildRecord(string Scenario, Variant Variant, int Pair, TimeSpan Wall, PerformanceSummary Summary, int DocsFilesChanged)
{
    /// <summary>The docs task (GenerateArchitectureDocs) ran in this build rather than being skipped as up to date.</summary>
    public bool DocsTaskRan => Summary.Task("GenerateArchitectureDocs") != null;
}
