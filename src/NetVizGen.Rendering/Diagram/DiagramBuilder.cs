using NetVizGen.Model.Specs;
using NetVizGen.Rendering.Describe;

namespace NetVizGen.Rendering.Diagram;

/// <summary>
/// ModelSpec → DiagramGraph for one drawn scope (the whole model, or one block for its page).
/// Decides visibility only; it knows nothing about coordinates or colours.
/// </summary>
/// <remarks>
/// Visibility rule: walking from the scope's root down to a flow node, every custom block passed
/// counts one level. At level <c>depth</c> the block is collapsed into a card that swallows all
/// nodes inside it; above that level blocks and containers are drawn as cluster boxes. Depth -1
/// never collapses. Ops belong to the block whose forward contains them (their Scope).
/// </remarks>
internal sealed class DiagramBuilder
{
    private readonly ModelSpec _model;
    private readonly ModuleSpec _root;
    private readonly int _depth;
    private readonly BlockCatalog _blocks;
    private readonly Dictionary<string, ModuleSpec> _modules = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DiagramNode> _nodesById = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _occurrences = new(StringComparer.Ordinal);
    private readonly Dictionary<int, DiagramNode> _unitOf = [];
    // Trivial ops (contiguous, a view to the same shape) are not drawn: their id maps to their input.
    private readonly Dictionary<int, int> _passThrough = [];
    // A run of shape ops drawn as one box (view → transpose → reshape): the ops' names, per box.
    private readonly Dictionary<DiagramNode, List<string>> _shapeRuns = [];
    private readonly Dictionary<DiagramNode, string> _shapeRunFirstLabel = [];
    private Dictionary<int, int> _consumers = [];
    private HashSet<int> _side = [];
    // Module lists whose members are called apart from each other (ScatteredLists): no box around them.
    private HashSet<string> _scattered = [];
    // Cluster ids of containers (Sequential, ModuleList items): a box around one node is dropped (LoneClusters).
    private readonly HashSet<string> _containerClusters = new(StringComparer.Ordinal);
    private readonly DiagramGraph _graph;

    private DiagramBuilder(ModelSpec model, ModuleSpec root, int depth, BlockCatalog blocks, DiagramGraph graph)
    {
        _model = model;
        _root = root;
        _depth = depth == 0 ? 1 : depth;
        _blocks = blocks;
        _graph = graph;
        foreach (var m in model.Root.DescendantsAndSelf()) _modules[m.Path] = m;
    }

    /// <summary>Builds the diagram of <paramref name="root"/> (the model root or one block) at <paramref name="depth"/>.</summary>
    public static DiagramGraph Build(ModelSpec model, ModuleSpec root, int depth, BlockCatalog blocks, string title, string subtitle)
    {
        var graph = new DiagramGraph { Title = title, Subtitle = subtitle };
        new DiagramBuilder(model, root, depth, blocks, graph).Run();
        if (!graph.Nodes.Any(n => n.Kind is not (DiagramNodeKind.Input or DiagramNodeKind.Output)))
            HierarchyFallback.Build(graph, root, depth, blocks);
        SideInputs.Fold(graph);
        SharedInputs.Split(graph);
        RepeatFolder.Fold(graph);
        PatternFolder.Fold(graph);
        SharedInputs.Merge(graph);
        foreach (var e in graph.Edges) e.Id = "e." + e.Source + "-" + e.Target;
        EdgeLabels.Decide(graph);
        foreach (var n in graph.Nodes) if (n.Inside is not null) EdgeLabels.Decide(n.Inside);
        foreach (var e in graph.Edges) if (e.Style != DiagramEdgeStyle.Data) e.ShowShape = false;
        graph.Nodes.Sort((a, b) => a.Order.CompareTo(b.Order));
        var order = graph.Nodes.Select((n, i) => (n.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        graph.Edges.Sort((a, b) => order[a.Source] != order[b.Source] ? order[a.Source].CompareTo(order[b.Source]) : order[a.Target].CompareTo(order[b.Target]));
        graph.Description = Summary.Describe(graph);
        return graph;
    }

    private bool IsBlockPage => _root.Path.Length > 0;

    private void Run()
    {
        var flow = _model.Flow.Nodes;
        var byId = flow.ToDictionary(n => n.Id);
        var externalInputs = new Dictionary<int, DiagramNode>();
        _side = SideInputs.Find(flow);
        _scattered = ScatteredLists.Find(flow.Where(Inside).ToList(), _modules);
        _consumers = new Dictionary<int, int>();
        foreach (var n in flow)
            foreach (var i in n.Inputs) _consumers[i] = _consumers.TryGetValue(i, out var c) ? c + 1 : 1;
        foreach (var n in flow)
        {
            if (!Inside(n) || IsSelector(n)) continue;
            if (n.Inputs.Count == 1 && TrivialOps.IsTrivial(n, byId.TryGetValue(n.Inputs[0], out var only) ? only.Shape : ""))
            {
                _passThrough[n.Id] = n.Inputs[0];
                continue;
            }
            if (ShapeRunBefore(n, byId) is { } run)
            {
                // Quiet where it does not matter: a shape op right after another, whose result nothing else
                // reads, joins that op's box; the edge out carries the run's final shape.
                _unitOf[n.Id] = run;
                _shapeRuns[run].Add(n.Name);
                run.Label = ShapeRunLabel(_shapeRuns[run], _shapeRunFirstLabel[run]);
                continue;
            }
            var unit = Resolve(n);
            _unitOf[n.Id] = unit;
            if (n.Kind == FlowNodeKind.Op && ShapeRunOps.Contains(n.Name) && unit.Kind == DiagramNodeKind.Op && !_shapeRuns.ContainsKey(unit))
            {
                _shapeRuns[unit] = [n.Name];
                _shapeRunFirstLabel[unit] = unit.Label;
            }
            foreach (var selected in n.Inputs)
            {
                // An output selector (LSTM's output of (output, h, c)) is not drawn: the edge comes
                // from the producer and carries the selected output's shape.
                var input = ProducerOf(selected, byId);
                DiagramNode? src = _unitOf.TryGetValue(input, out var u) ? u : null;
                if (src is null)
                {
                    if (!IsBlockPage) continue; // an input the trace never defined: nothing to draw from
                    if (!externalInputs.TryGetValue(input, out src))
                    {
                        // A mask or position ids built outside the block enter it quietly, as a side input.
                        bool side = _side.Contains(input);
                        var port = PortOf(byId, PortSide.Input, selected, input);
                        src = Add(new DiagramNode
                        {
                            Id = "in" + Num(externalInputs.Count), Kind = DiagramNodeKind.Input, Category = NodeCategory.Input, Label = "Input", Order = input - 1_000_000,
                            IsSide = side, Path = side ? SideChain(input, byId) : "", Variable = byId.TryGetValue(input, out var producer) ? producer.Variable : "",
                            Port = port?.Name ?? "", PortIndex = port?.Index ?? -1,
                        });
                        externalInputs[input] = src;
                    }
                }
                // One tensor reached through ops that are not drawn is one tensor; outputs picked from one producer
                // (an LSTM's output and state) are several.
                AddEdge(src, unit, byId.TryGetValue(selected, out var i) ? i.Shape : "", i is not null && IsSelector(i) ? selected : input);
            }
        }
        // A model's output nodes are made from what forward returns, in that order.
        _graph.OutputsInReturnOrder = !IsBlockPage;
        _graph.InputsInParameterOrder = !IsBlockPage;
        if (IsBlockPage)
        {
            AddBlockOutputs(flow);
            EndpointLabels.NameBlockInputs(_graph);
            EndpointLabels.NameBlockOutputs(_graph);
        }
        LoneClusters.Drop(_graph, _containerClusters);
    }

    // "full → triu": the side ops that produce a value, in trace order.
    private static string SideChain(int id, Dictionary<int, FlowNodeSpec> byId)
    {
        var seen = new SortedSet<int>();
        var stack = new Stack<int>([id]);
        while (stack.Count > 0)
            if (byId.TryGetValue(stack.Pop(), out var n) && seen.Add(n.Id))
                foreach (var i in n.Inputs) stack.Push(i);
        return string.Join(SideInputs.StepSeparator, seen.Select(i => byId[i].Name).Where(n => n != "getitem"));
    }

    /// <summary>Ops that only rearrange a tensor's dims: a run of them reads as one step.</summary>
    private static readonly HashSet<string> ShapeRunOps = new(StringComparer.Ordinal)
    {
        "view", "reshape", "flatten", "unflatten", "permute", "transpose", "swapaxes", "swapdims", "t", "movedim",
        "squeeze", "unsqueeze", "expand", "expand_as", "broadcast_to", "view_as_complex", "view_as_real", "contiguous",
    };

    // The box of the shape op n directly follows, when n is a shape op of the same scope and the op before
    // it (through ops not drawn) feeds nothing else.
    private DiagramNode? ShapeRunBefore(FlowNodeSpec n, Dictionary<int, FlowNodeSpec> byId)
    {
        if (n.Kind != FlowNodeKind.Op || n.Inputs.Count != 1 || !ShapeRunOps.Contains(n.Name) || _side.Contains(n.Id)) return null;
        int id = n.Inputs[0];
        while (true)
        {
            if (!_consumers.TryGetValue(id, out var readers) || readers != 1) return null;
            if (!_passThrough.TryGetValue(id, out var through)) break;
            id = through;
        }
        if (!byId.TryGetValue(id, out var previous) || previous.Kind != FlowNodeKind.Op || previous.Scope != n.Scope || _side.Contains(previous.Id)) return null;
        return _unitOf.TryGetValue(previous.Id, out var unit) && _shapeRuns.ContainsKey(unit) ? unit : null;
    }

    // "view → transpose → reshape"; a longer run keeps its ends: "view → … → reshape (5 ops)".
    private static string ShapeRunLabel(List<string> ops, string firstLabel)
    {
        if (ops.Count == 1) return firstLabel;
        if (ops.Count <= 3) return string.Join(" → ", ops);
        return ops[0] + " → … → " + ops[^1] + " (" + Num(ops.Count) + " ops)";
    }

    private static bool IsSelector(FlowNodeSpec n) => n.Kind == FlowNodeKind.Op && n.Name == "getitem" && n.Inputs.Count == 1;

    private int ProducerOf(int id, Dictionary<int, FlowNodeSpec> byId)
    {
        while (true)
        {
            if (_passThrough.TryGetValue(id, out var through)) id = through;
            else if (byId.TryGetValue(id, out var n) && IsSelector(n)) id = n.Inputs[0];
            else return id;
        }
    }

    // A block page ends in an Output node fed by whatever the rest of the model consumes.
    private void AddBlockOutputs(IReadOnlyList<FlowNodeSpec> flow)
    {
        // Each output is what the rest of the model reads: a producer and, when it has several outputs
        // (pad_packed_sequence's (padded, lengths), an LSTM's (output, h, c)), the selected one's shape,
        // never the whole tuple's.
        var fed = new List<(int Producer, string Shape)>();
        var byId = flow.ToDictionary(n => n.Id);
        foreach (var n in flow)
        {
            if (Inside(n)) continue;
            foreach (var selected in n.Inputs)
            {
                var input = ProducerOf(selected, byId);
                var shape = byId.TryGetValue(selected, out var s) && IsSelector(s) ? s.Shape : byId.TryGetValue(input, out var p) ? p.Shape : "";
                if (_unitOf.ContainsKey(input) && !fed.Contains((input, shape))) fed.Add((input, shape));
            }
        }
        if (fed.Count == 0 && _unitOf.Count > 0)
        {
            var last = flow.Last(f => _unitOf.ContainsKey(f.Id));
            fed.Add((last.Id, last.Shape));
        }
        // The block's results, by the names its code gives them, keyed like the outputs above.
        var returned = new Dictionary<(int, string), PortSpec>();
        foreach (var n in flow)
        {
            if (!Inside(n) || PortOf(byId, PortSide.Output, n.Id) is not { } port) continue;
            var producer = ProducerOf(n.Id, byId);
            var shape = IsSelector(n) ? n.Shape : byId.TryGetValue(producer, out var p) ? p.Shape : "";
            returned.TryAdd((producer, shape), port);
        }
        // When every output is a named result of one call, they are drawn in the order forward returns them.
        bool inReturnOrder = fed.Count > 1 && fed.All(f => returned.ContainsKey(f))
            && fed.Select(f => returned[f].Index).Distinct().Count() == fed.Count;
        _graph.OutputsInReturnOrder = inReturnOrder;
        for (int k = 0; k < fed.Count; k++)
        {
            var port = returned.TryGetValue(fed[k], out var r) ? r : null;
            var output = Add(new DiagramNode
            {
                Id = "out" + Num(k), Kind = DiagramNodeKind.Output, Category = NodeCategory.Output, Label = "Output",
                Order = 1_000_000 + (inReturnOrder ? port!.Index : k), Port = port?.Name ?? "",
            });
            AddEdge(_unitOf[fed[k].Producer], output, fed[k].Shape, fed[k].Producer);
        }
    }

    // The name one call of this page's block gives node id (the first of ids that has one) on the given side.
    private PortSpec? PortOf(Dictionary<int, FlowNodeSpec> byId, PortSide side, params int[] ids)
    {
        foreach (var id in ids)
            if (byId.TryGetValue(id, out var n))
                foreach (var p in n.Ports)
                    if (p.Side == side && (p.Block == _root.Path || p.Block == _root.InstancePath)) return p;
        return null;
    }

    private bool Inside(FlowNodeSpec n) => n.Kind switch
    {
        FlowNodeKind.Module => !IsBlockPage || IsUnder(n.ModulePath),
        FlowNodeKind.Input or FlowNodeKind.Output => !IsBlockPage,
        _ => !IsBlockPage || n.Scope == _root.Path || IsUnder(n.Scope),
    };

    private static string RegisteredName(string path) => path[(path.LastIndexOf('.') + 1)..];

    private bool IsUnder(string path) => path.StartsWith(_root.Path + ".", StringComparison.Ordinal);

    private string Rel(string path) => IsBlockPage ? path.Substring(_root.Path.Length + 1) : path;

    private static bool IsWithin(string path, string scope) =>
        scope.Length == 0 || path.StartsWith(scope + ".", StringComparison.Ordinal);

    private DiagramNode Resolve(FlowNodeSpec n)
    {
        if (n.Kind == FlowNodeKind.Input) return AddUnique("input", n, DiagramNodeKind.Input, NodeDescriber.Describe(n) with { Label = EndpointLabels.Input(n, _model.Flow.Nodes) }, null);
        if (n.Kind == FlowNodeKind.Output) return AddUnique("output", n, DiagramNodeKind.Output, NodeDescriber.Describe(n) with { Label = EndpointLabels.Output(n, _model.Flow.Nodes) }, null);

        // A layer is drawn where it is called. That is its own path, except for a shared instance
        // called through another container (one Linear appended twice): its path names the first
        // registration, its scope says where this call happens.
        var location = n.Kind == FlowNodeKind.Module && IsWithin(n.ModulePath, n.Scope) ? n.ModulePath : n.Scope;
        string? cluster = null;
        int level = 0;
        foreach (var prefix in Prefixes(location))
        {
            if (!_modules.TryGetValue(prefix, out var m)) continue;
            bool isCalledModule = n.Kind == FlowNodeKind.Module && prefix == n.ModulePath;
            if (m.Origin == ModuleOrigin.Custom)
            {
                level++;
                if ((_depth > 0 && level >= _depth) || isCalledModule) return Card(m, cluster, n.Id);
            }
            if (isCalledModule) break;
            if (m.Origin is ModuleOrigin.Custom or ModuleOrigin.Container && !_scattered.Contains(m.Path)) cluster = Cluster(m, cluster, n.Id);
        }

        if (n.Kind == FlowNodeKind.Module && _modules.TryGetValue(n.ModulePath, out var layer))
        {
            var d = NodeDescriber.Describe(layer);
            var node = AddUnique("m." + Rel(n.ModulePath), n, DiagramNodeKind.Layer, d, cluster, layer);
            node.Role = Roles.For(layer, ParentOf(layer.Path));
            return node;
        }
        if (n.Kind == FlowNodeKind.Unresolved && n.ModulePath.Length > 0 && _modules.TryGetValue(n.ModulePath, out var unknown))
        {
            // A registered module the reader could not follow (loaded by jit.load, made by reflection): its name is
            // what tells the reader which one it is, as for a layer.
            var node = AddUnique("m." + Rel(n.ModulePath), n, DiagramNodeKind.Op, NodeDescriber.Describe(n), cluster, unknown);
            node.Role = Roles.For(unknown, ParentOf(unknown.Path));
            return node;
        }
        var op = NodeDescriber.Describe(OwnNames(n));
        var kind = n.Kind == FlowNodeKind.Merge ? DiagramNodeKind.Merge : DiagramNodeKind.Op;
        var scope = n.Scope.Length == 0 || n.Scope == _root.Path ? "" : Rel(n.Scope) + ".";
        return AddUnique("op." + scope + FileNames.Safe(n.Name), n, kind, op, cluster);
    }

    // A block page names the block's own parameters and buffers from the block, as it names its layers (Rel):
    // NoisyLinear's page reads "parameter _linear.weight", not the first instance's "sharedModules.0._linear.weight".
    private FlowNodeSpec OwnNames(FlowNodeSpec n)
    {
        if (!IsBlockPage || n.Name != "parameter") return n;
        var prefix = _root.Path + ".";
        return n with
        {
            Args = n.Args.Select(a => a.Name == "name" && a.Value is { Kind: ArgKind.String, Text: { } text } && text.StartsWith(prefix, StringComparison.Ordinal)
                ? a with { Value = ArgValue.FromString(text.Substring(prefix.Length)) } : a).ToEquatableArray(),
        };
    }

    // Ancestor paths strictly below the scope root, outermost first, ending with the path itself.
    private IEnumerable<string> Prefixes(string path)
    {
        if (path.Length == 0 || (IsBlockPage && !IsUnder(path))) yield break;
        int start = IsBlockPage ? _root.Path.Length + 1 : 0;
        for (int i = path.IndexOf('.', start); i >= 0; i = path.IndexOf('.', i + 1)) yield return path.Substring(0, i);
        yield return path;
    }

    private DiagramNode Card(ModuleSpec m, string? cluster, int flowId)
    {
        var id = "b." + Rel(m.Path);
        if (_nodesById.TryGetValue(id, out var existing)) return existing;
        var card = Add(new DiagramNode
        {
            Id = id, Kind = DiagramNodeKind.Block, Category = NodeCategory.Block, Label = _blocks.ForPath(m.Path)?.Label ?? m.TypeName,
            // A name argument that only repeats the type (torchvision's InvertedResidual("InvertedResidual", ...)) or the
            // registered name says nothing; long lists wrap.
            Details = NodeDescriber.CardArgs(m.Args, RegisteredName(m.Path), m.TypeName), Role = Roles.For(m, ParentOf(m.Path)), Module = m,
            Path = Rel(m.Path), Cluster = cluster, Variant = _blocks.ForPath(m.Path), FoldKey = BlockSignature.Fold(m), Parameters = m.Parameters, Order = flowId,
        });
        card.Instances.Add(m.Path);
        return card;
    }

    private string Cluster(ModuleSpec m, string? parent, int flowId)
    {
        var id = "c." + Rel(m.Path);
        if (!_graph.Clusters.Any(c => c.Id == id))
        {
            var title = m.Origin == ModuleOrigin.Custom ? Rel(m.Path) + " · " + m.TypeName : Rel(m.Path);
            _graph.Clusters.Add(new DiagramCluster { Id = id, Parent = parent, Title = title, Order = flowId });
            if (m.Origin == ModuleOrigin.Container) _containerClusters.Add(id);
        }
        return id;
    }

    // A module called twice (torchvision reuses one ReLU) must be two nodes, or the graph would loop.
    private ModuleSpec? ParentOf(string path)
    {
        int dot = path.LastIndexOf('.');
        return _modules.TryGetValue(dot < 0 ? "" : path[..dot], out var parent) ? parent : null;
    }

    private DiagramNode AddUnique(string baseId, FlowNodeSpec n, DiagramNodeKind kind, NodeDescription d, string? cluster, ModuleSpec? module = null)
    {
        _occurrences.TryGetValue(baseId, out int seen);
        _occurrences[baseId] = seen + 1;
        var id = seen == 0 ? baseId : baseId + "-call" + Num(seen + 1);
        long parameters = n.Kind == FlowNodeKind.Module && _modules.TryGetValue(n.ModulePath, out var m) ? m.Parameters : -1;
        return Add(new DiagramNode
        {
            Id = id, Kind = kind, Category = d.Category, Label = d.Label, Cluster = cluster, Order = n.Id, Parameters = parameters,
            Path = n.Kind == FlowNodeKind.Module ? Rel(n.ModulePath) : n.Name, Module = module, IsSide = _side.Contains(n.Id), Variable = n.Variable,
        });
    }

    private DiagramNode Add(DiagramNode node)
    {
        _nodesById.Add(node.Id, node);
        _graph.Nodes.Add(node);
        return node;
    }

    // The tensors (flow id, shape) each drawn edge carries, by edge id: one edge between two cards may carry several.
    private readonly Dictionary<string, List<(int Tensor, string Shape)>> _edgeTensors = new(StringComparer.Ordinal);

    private void AddEdge(DiagramNode src, DiagramNode dst, string shape, int tensor)
    {
        if (ReferenceEquals(src, dst)) return;
        var id = "e." + src.Id + "-" + dst.Id;
        if (_edgeTensors.TryGetValue(id, out var carried))
        {
            if (carried.Any(c => c.Tensor == tensor)) return;
            carried.Add((tensor, shape));
            _graph.Edges.First(e => e.Id == id).Shape = EdgeShapes.Label(carried.Select(c => c.Shape).ToList());
            return;
        }
        _edgeTensors[id] = [(tensor, shape)];
        _graph.Edges.Add(new DiagramEdge { Id = id, Source = src.Id, Target = dst.Id, Shape = shape, Style = src.IsSide ? DiagramEdgeStyle.Side : DiagramEdgeStyle.Data });
    }

    private static string Num(int i) => i.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
