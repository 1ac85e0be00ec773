using NetVizGen.Model.Analysis;
using NetVizGen.Model.Shapes;
using NetVizGen.Model.Specs;

namespace NetVizGen.Extraction.Tracing;

/// <summary>
/// The shapes of the flow traced so far, so that a condition on traced sizes (<c>if (skip.shape[2] !=
/// up.shape[2])</c>, <c>if (y.shape[1] == x.shape[1]) return y + x;</c>) is decided while tracing, as the runtime
/// decides it for the declared input, instead of being assumed and checked afterwards.
/// </summary>
/// <remarks>
/// Why: sizes are references to flow nodes while tracing, and shape analysis runs once the trace is done. A
/// condition assumed true and found false afterwards was only a warning ("false for the traced shapes, but the
/// diagram follows the branch for true"), yet the drawn flow was the wrong branch: a U-Net drew an
/// interpolation of its skip that never runs, and a residual block whose channels change drew an add of
/// mismatched shapes, reported as a bug in the user's model (NVG0203). The flow is appended in order and a
/// node's shape depends only on earlier nodes, so the shapes of the prefix are the ones the final analysis
/// gives. Each node is analysed once (<see cref="ShapeAnalysis.Incremental"/>), when a question first needs it,
/// so a trace costs at most one more pass of shape analysis.
/// </remarks>
internal sealed class TracedShapes
{
    private readonly FlowBuilder _graph;
    private readonly ShapeAnalysis.Incremental? _shapes;

    public TracedShapes(FlowBuilder graph, ModuleSpec tree, DiagramTarget target)
    {
        _graph = graph;
        _shapes = string.IsNullOrWhiteSpace(target.Input) ? null : new ShapeAnalysis.Incremental(tree, target.Input!);
    }

    /// <summary>The value of the <see cref="ShapeGuards"/> expression <paramref name="guard"/> for the shapes traced so far; null when they do not decide it.</summary>
    public bool? Decide(string guard)
    {
        if (Advanced() is not { } shapes) return null;
        return ShapeGuards.Decide(guard, shapes.OutputOf, r => r.Resolve(shapes.OutputOf));
    }

    /// <summary>The size <paramref name="dim"/> as a number for the shapes traced so far; null when it is symbolic (the batch) or unknown.</summary>
    public long? ValueOf(DimRef dim) => Advanced() is { } shapes ? dim.Resolve(shapes.OutputOf)?.Value : null;

    /// <summary>The number of dims of node <paramref name="node"/>'s output for the shapes traced so far; null when unknown.</summary>
    public int? RankOf(int node) => Advanced()?.OutputOf(node)?.Rank;

    private ShapeAnalysis.Incremental? Advanced()
    {
        _shapes?.Advance(_graph.Nodes);
        return _shapes;
    }
}
