using NetVizGen.Extraction.Construction;
using NetVizGen.Model.Specs;

namespace NetVizGen.Extraction.Tracing;

/// <summary>
/// Accumulates the forward data-flow graph while <c>forward</c> is traced: nodes are appended in
/// trace order, which is a topological order because a node can only consume earlier outputs.
/// </summary>
internal sealed class FlowBuilder
{
    private readonly List<FlowNodeSpec> _nodes = new();
    private readonly Dictionary<ModuleValue, string> _paths;
    private readonly Dictionary<(int, int), int> _selectors = new();
    private readonly Stack<string> _scopes = new();
    // Names values are bound to (FlowNodeSpec.Variable): locals of the node's own scope win, the last
    // assignment counting; a parameter it is passed to (named argument, user code) is the fallback.
    private readonly Dictionary<int, string> _locals = new();
    private readonly Dictionary<int, string> _parameters = new();
    private readonly Dictionary<int, List<PortSpec>> _ports = new();

    private readonly NetVizGen.Extraction.Evaluation.ExtractionLimits _limits;
    private int _edges;

    public FlowBuilder(Dictionary<ModuleValue, string> paths, NetVizGen.Extraction.Evaluation.ExtractionLimits? limits = null)
    {
        _paths = paths;
        _limits = limits ?? NetVizGen.Extraction.Evaluation.ExtractionLimits.Default;
        _scopes.Push("");
    }

    public string Scope => _scopes.Peek();

    /// <summary>Paths of leaf modules that the trace called.</summary>
    public HashSet<string> CalledPaths { get; } = new(StringComparer.Ordinal);

    public string? PathOf(ModuleValue module) => _paths.TryGetValue(module, out var p) ? p : null;

    public void PushScope(string path) => _scopes.Push(path);

    public void PopScope() => _scopes.Pop();

    public int Add(FlowNodeKind kind, string name, string modulePath, IEnumerable<int> inputs, IEnumerable<ArgSpec>? args, SourceSpan? source, int outputIndex = -1)
    {
        int id = _nodes.Count;
        var inputArray = inputs.ToEquatableArray();
        _edges += inputArray.Count;
        if (id >= _limits.MaxFlowNodes || _edges > _limits.MaxFlowEdges)
            throw new NetVizGen.Extraction.Evaluation.BudgetExceededException(id >= _limits.MaxFlowNodes
                ? $"its forward has more than {_limits.MaxFlowNodes.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} steps"
                : $"its forward has more than {_limits.MaxFlowEdges.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} data-flow edges", source);
        _nodes.Add(new FlowNodeSpec(id, kind, name, modulePath, inputArray,
            (args ?? Array.Empty<ArgSpec>()).ToEquatableArray(), "", source, Scope, outputIndex));
        if (kind == FlowNodeKind.Module) CalledPaths.Add(modulePath);
        return id;
    }

    /// <summary>The node that selects output <paramref name="index"/> of a multi-output node, made once.</summary>
    public int Select(int producer, int index, SourceSpan? source)
    {
        if (_selectors.TryGetValue((producer, index), out var id)) return id;
        id = Add(FlowNodeKind.Op, "getitem", "", new[] { producer },
            new[] { new ArgSpec("index", ArgValue.FromInt(index)) }, source, index);
        _selectors[(producer, index)] = id;
        return id;
    }

    /// <summary>
    /// Another scalar write by the same statement into the tensor the last node wrote (a mask filled element by
    /// element in nested loops: Swin's and AutoFormerV2's shifted-window masks): the last <c>index_put</c> counts
    /// one write more instead of a node per element. False when <paramref name="tensor"/> is not such a node.
    /// </summary>
    public bool FoldWrite(int tensor, SourceSpan? source, string writeOp, string indicesArg)
    {
        if (tensor != _nodes.Count - 1 || source is null) return false;
        var last = _nodes[tensor];
        if (last.Name != writeOp || last.Inputs.Count != 1 || last.Source != source || last.Scope != Scope) return false;
        long writes = last.Args.FirstOrDefault(a => a.Name == WritesArg)?.Value.AsLong ?? 1;
        _nodes[tensor] = last with
        {
            Args = new[] { new ArgSpec(indicesArg, ArgValue.FromString("…")), new ArgSpec(WritesArg, ArgValue.FromInt(writes + 1)) }.ToEquatableArray(),
        };
        return true;
    }

    /// <summary>The argument of a folded <c>index_put</c> that counts its writes (<see cref="FoldWrite"/>).</summary>
    public const string WritesArg = "writes";

    /// <summary>Nodes added so far.</summary>
    public int Count => _nodes.Count;

    /// <summary>The nodes traced so far, in order (append-only; local names are added by <see cref="Build"/>).</summary>
    public IReadOnlyList<FlowNodeSpec> Nodes => _nodes;

    /// <summary>
    /// <paramref name="value"/> was assigned to local or parameter <paramref name="name"/>. Counts in the scope
    /// that computed the value and in the blocks around it (a block's result assigned by its caller,
    /// <c>var h = layer.call(x)</c>), not inside a block it is passed into: that block's parameter names the
    /// value as the block sees it. The last assignment wins (<c>mask = mask.triu(1)</c>).
    /// </summary>
    public void BindLocal(NetVizGen.Extraction.Evaluation.Value value, string name)
    {
        if (value is not NetVizGen.Extraction.Evaluation.TensorValue t || t.NodeId >= _nodes.Count) return;
        string own = _nodes[t.NodeId].Scope, here = Scope;
        if (own == here || here.Length == 0 || own.StartsWith(here + ".", StringComparison.Ordinal)) _locals[t.NodeId] = name;
    }

    /// <summary><paramref name="value"/> was passed to parameter <paramref name="name"/> (a named argument, or a
    /// parameter of user code). Used only when no local of its own scope names it; the first such call wins.</summary>
    public void BindParameter(NetVizGen.Extraction.Evaluation.Value value, string name)
    {
        if (value is NetVizGen.Extraction.Evaluation.TensorValue t && t.NodeId < _nodes.Count && !_parameters.ContainsKey(t.NodeId))
            _parameters[t.NodeId] = name;
    }

    /// <summary>The values a call of block <paramref name="block"/> took or returned, by the names its code gives
    /// them (<see cref="BlockPorts"/>). Only a side with several tensors is kept: one needs no name to be told apart.</summary>
    public void AddPorts(string block, PortSide side, IReadOnlyList<(int Node, string Name)> values)
    {
        if (values.Count < 2) return;
        for (int i = 0; i < values.Count; i++)
        {
            if (values[i].Node >= _nodes.Count) continue;
            if (!_ports.TryGetValue(values[i].Node, out var list)) _ports[values[i].Node] = list = new List<PortSpec>();
            list.Add(new PortSpec(block, side, values[i].Name, i));
        }
    }

    public FlowSpec Build() => new(_nodes.Select(n =>
    {
        if (_locals.TryGetValue(n.Id, out var local)) n = n with { Variable = local };
        else if (_parameters.TryGetValue(n.Id, out var parameter)) n = n with { Variable = parameter };
        return _ports.TryGetValue(n.Id, out var ports) ? n with { Ports = ports.ToEquatableArray() } : n;
    }).ToEquatableArray());
}
