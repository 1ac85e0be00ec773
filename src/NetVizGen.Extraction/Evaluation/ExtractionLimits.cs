namespace NetVizGen.Extraction.Evaluation;

/// <summary>
/// Hard limits that keep the evaluator from hanging the compiler on code it cannot bound
/// (a <c>while</c> over a runtime value, deep recursion). Hitting one ends in diagnostic NVG0103.
/// </summary>
internal sealed class ExtractionLimits
{
    /// <summary>Most iterations of a single loop (position tables and anchor grids run tens of thousands).</summary>
    public int MaxLoopIterations { get; init; } = 1_000_000;

    /// <summary>Largest collection built at once (<c>new T[n]</c>, <c>Enumerable.Range</c>, <c>Repeat</c>).</summary>
    public int MaxCollectionItems { get; init; } = 1_000_000;

    /// <summary>Deepest call nesting (helpers, constructors of blocks, forward of blocks).</summary>
    public int MaxCallDepth { get; init; } = 64;

    /// <summary>Most operations evaluated for one model (about a second of evaluation; see docs/benchmarks.md).</summary>
    public int MaxSteps { get; init; } = 20_000_000;

    public static ExtractionLimits Default { get; } = new();
}

/// <summary>Thrown to unwind evaluation when a hard limit is reached.</summary>
internal sealed class EvaluationLimitException : Exception
{
    public EvaluationLimitException(string message) : base(message) { }
}
