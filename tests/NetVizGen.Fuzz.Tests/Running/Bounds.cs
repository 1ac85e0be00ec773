namespace NetVizGen.Fuzz.Tests.Running;

/// <summary>
/// Bounds per case. They detect hangs and runaway work; they do not measure speed (speed is in bench/).
/// Wall-clock bounds are loose because the CI machine has two cores shared with everything else (a load
/// average of 50 was seen while these tests were written); the work itself is bounded in CPU time of the
/// child process, far above the goals (generator ≤ 2 s, docs ≤ 5 s per model), which the campaign prints.
/// </summary>
internal static class Bounds
{
    /// <summary>The generator is cancelled after this long (wall clock); a case that needs it fails as "timeout".</summary>
    public const int GeneratorMs = 120_000;

    /// <summary>A child printing nothing for this long (wall clock) is hung: it is killed and the case reported.</summary>
    public const int SilenceMs = 300_000;

    /// <summary>Most CPU time the generator may use on one case (the first case of a child includes JIT).</summary>
    public const int GeneratorCpuMs = 15_000;

    /// <summary>Most CPU time rendering one case may use.</summary>
    public const int RenderCpuMs = 20_000;

    /// <summary>After cancellation the generator must return within this long (the goal is 100 ms; the bound allows for a loaded machine).</summary>
    public const int CancelReturnMs = 1_000;
}
