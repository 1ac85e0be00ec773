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

    /// <summary>
    /// Most modules built for one model. Loop caps bound each loop, not the model: nested loops of
    /// <c>int.MaxValue</c> repeats built 120,177 modules (13 s in the generator, 17 s+ in the task).
    /// Real models stay far inside: ResNet-1001 ≈ 3,000 modules, DenseNet-264 ≈ 1,000, a large
    /// transformer ≈ 2,000.
    /// </summary>
    public int MaxModules { get; init; } = 10_000;

    /// <summary>Most nodes of the traced forward graph (ResNet-1001 ≈ 3,500).</summary>
    public int MaxFlowNodes { get; init; } = 20_000;

    /// <summary>
    /// Most edges (inputs of flow nodes, summed) of the traced forward graph. A dense block of n layers
    /// has ≈ n²/2 (10,000 layers made a 44-million-character manifest); DenseNet-264 ≈ 5,500 in all, its
    /// largest block ≈ 2,100; ResNet-1001 ≈ 3,700.
    /// </summary>
    public int MaxFlowEdges { get; init; } = 25_000;

    public static ExtractionLimits Default { get; } = new();
}

/// <summary>Thrown to unwind evaluation when a hard limit is reached.</summary>
internal class EvaluationLimitException : Exception
{
    public EvaluationLimitException(string message) : base(message) { }
}

/// <summary>
/// Thrown when a model is larger than NetVizGen draws (<see cref="ExtractionLimits.MaxModules"/>,
/// <see cref="ExtractionLimits.MaxFlowNodes"/>, <see cref="ExtractionLimits.MaxFlowEdges"/>): what was read
/// before the limit is kept and the page says it is incomplete.
/// </summary>
internal sealed class BudgetExceededException : EvaluationLimitException
{
    public BudgetExceededException(string message, NetVizGen.Model.Specs.SourceSpan? where) : base(message) => Where = where;

    /// <summary>Where the limit was reached.</summary>
    public NetVizGen.Model.Specs.SourceSpan? Where { get; }
}
