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
/// node's shape depends only on earlier nodes, so analysing the prefix gives exactly the shapes the final
/// analysis will give them. Work is bounded: each question analyses the prefix once (re-used while no node is
/// added), and past <see cref="NodeBudget"/> analysed nodes in one trace the old way (assume and warn) applies.
/// </remarks>
internal sealed class TracedShapes
{
    /// <summary>Most flow nodes analysed in total for one trace.</summary>
    public const long NodeBudget = 200_000;

    private readonly FlowBuilder _graph;
    private readonly ModuleSpec _tree;
    private readonly DiagramTarget _target;
    private long _budget = NodeBudget;
    private int _analysedCount = -1;
    private Dictionary<int, Shape>? _outputs;

    public TracedShapes(FlowBuilder graph, ModuleSpec tree, DiagramTarget target)
    {
        _graph = graph;
        _tree = tree;
        _target = target;
    }

    /// <summary>The value of the <see cref="ShapeGuards"/> expression <paramref name="guard"/> for the shapes traced so far; null when they do not decide it.</summary>
    public bool? Decide(string guard)
    {
        if (string.IsNullOrWhiteSpace(_target.Input) || Outputs() is not { } outputs) return null;
        Shape? OutputOf(int id) => outputs.TryGetValue(id, out var s) ? s : null;
        return ShapeGuards.Decide(guard, OutputOf, r => r.Resolve(OutputOf));
    }

    /// <summary>The size <paramref name="dim"/> as a number for the shapes traced so far; null when it is symbolic (the batch) or unknown.</summary>
    public long? ValueOf(DimRef dim)
    {
        if (string.IsNullOrWhiteSpace(_target.Input) || Outputs() is not { } outputs) return null;
        return dim.Resolve(id => outputs.TryGetValue(id, out var s) ? s : null)?.Value;
    }

    private Dictionary<int, Shape>? Outputs()
    {
        int count = _graph.Count;
        if (count == _analysedCount) return _outputs;
        if (_budget < count) return null;
        _budget -= count;
        var prefix = new ModelSpec(_target.DefaultId, _target.DefaultId, _target.TypeMetadataName, _target.Direction, _target.Input ?? "",
            _target.Depth, _tree, _graph.Build(), EquatableArray<NoteSpec>.Empty, null);
        var result = ShapeAnalysis.Run(prefix);
        _outputs = new Dictionary<int, Shape>();
        foreach (var n in result.Nodes)
            if (n.Outputs.Count == 1) _outputs[n.Id] = n.Outputs[0];
        _analysedCount = count;
        return _outputs;
    }
}
