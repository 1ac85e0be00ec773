using NetVizGen.Model.Specs;

namespace NetVizGen.Rendering.Diagram;

/// <summary>
/// Bookkeeping that carries none of the model's data: tensors created from scratch (<c>arange</c>,
/// <c>full</c>, <c>zeros</c>, <c>triu</c> of those, masks, position ids), shape reads, and every op
/// whose inputs are all such tensors. A paper never draws them; we fold each connected piece into
/// one small quiet node that feeds the layer or op using it (<see cref="Fold"/>).
/// </summary>
/// <remarks>
/// The node is named after the variable or argument its result is bound to in the code
/// (<c>attention_mask</c>, <c>position_ids</c>: <see cref="FlowNodeSpec.Variable"/> of the nodes whose
/// output leaves the piece); when the code binds it to no name, after what its ops build
/// (<see cref="Purpose"/>). It lists its ops, and keeps them (<see cref="DiagramNode.Inside"/>) so a
/// reader can open it. Module calls are never side computations (an embedding of position ids is a
/// layer a paper shows), nor are a module's own parameters, nor anything the tracer did not understand.
/// </remarks>
internal static class SideInputs
{
    private static readonly HashSet<string> ShapeReads = new(StringComparer.Ordinal) { "size", "shape", "dim", "numel", "sizes" };
    private static readonly HashSet<string> MaskOps = new(StringComparer.Ordinal)
    {
        "triu", "tril", "masked_fill", "masked_fill_", "lt", "le", "gt", "ge", "eq", "ne", "less", "lessthan", "less_equal",
        "greater", "greater_equal", "greaterthan", "logical_not", "logical_and", "logical_or", "where", "bool",
    };

    /// <summary>Separates op names in a side node's list of steps.</summary>
    public const string StepSeparator = " → ";

    /// <summary>Ids of the flow nodes that are side computations.</summary>
    public static HashSet<int> Find(IReadOnlyList<FlowNodeSpec> flow)
    {
        var side = new HashSet<int>();
        foreach (var n in flow) // trace order is topological
        {
            if (n.Kind is not (FlowNodeKind.Op or FlowNodeKind.Merge) || n.Name == "parameter") continue;
            if (ShapeReads.Contains(n.Name) || n.Inputs.Count == 0 || n.Inputs.All(side.Contains)) side.Add(n.Id);
        }
        return side;
    }

    /// <summary>
    /// Merges connected side nodes of one cluster into one quiet node, drops pieces that feed nothing
    /// drawn, and makes their edges quiet. Runs on the built graph, before edge labels are decided.
    /// </summary>
    public static void Fold(DiagramGraph graph)
    {
        var side = graph.Nodes.Where(n => n.IsSide).ToList();
        if (side.Count == 0) return;
        var group = side.ToDictionary(n => n.Id, n => n.Id, StringComparer.Ordinal);
        string Root(string id) { while (group[id] != id) id = group[id] = group[group[id]]; return id; }
        var byId = graph.Nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        foreach (var e in graph.Edges)
            if (group.ContainsKey(e.Source) && group.ContainsKey(e.Target) && byId[e.Source].Cluster == byId[e.Target].Cluster)
            {
                string a = Root(e.Source), b = Root(e.Target);
                if (a != b) group[string.CompareOrdinal(a, b) < 0 ? b : a] = string.CompareOrdinal(a, b) < 0 ? a : b;
            }

        foreach (var members in side.GroupBy(n => Root(n.Id), StringComparer.Ordinal))
        {
            var list = members.OrderBy(n => n.Order).ToList();
            var keep = list[0];
            var ids = new HashSet<string>(list.Select(n => n.Id), StringComparer.Ordinal);
            var inside = Inside(list, graph.Edges);
            keep.Kind = DiagramNodeKind.Side;
            keep.Category = Describe.NodeCategory.Other;
            var ops = list.SelectMany(n => n.Path.Split(StepSeparator)).ToList();
            keep.Label = Name(list, ids, graph.Edges) ?? Purpose(ops);
            keep.Details = Steps(ops);
            keep.Inside = inside;
            if (inside is not null) inside.Description = keep.Label + ": " + keep.Details;
            keep.Repeat = 1;
            foreach (var e in graph.Edges)
            {
                if (ids.Contains(e.Source)) e.Source = keep.Id;
                if (ids.Contains(e.Target)) e.Target = keep.Id;
            }
            graph.Nodes.RemoveAll(n => ids.Contains(n.Id) && n != keep);
        }
        // Inner edges vanish, parallel edges merge, and a piece that feeds nothing drawn goes.
        graph.Edges.RemoveAll(e => e.Source == e.Target);
        var seen = new HashSet<(string, string)>();
        graph.Edges.RemoveAll(e => !seen.Add((e.Source, e.Target)));
        var feeding = new HashSet<string>(graph.Edges.Select(e => e.Source), StringComparer.Ordinal);
        var dead = graph.Nodes.Where(n => n.Kind == DiagramNodeKind.Side && !feeding.Contains(n.Id)).Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        graph.Nodes.RemoveAll(n => dead.Contains(n.Id));
        graph.Edges.RemoveAll(e => dead.Contains(e.Target) || dead.Contains(e.Source));
        var quiet = graph.Nodes.Where(n => n.Kind == DiagramNodeKind.Side).Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var e in graph.Edges.Where(e => quiet.Contains(e.Source))) e.Style = DiagramEdgeStyle.Side;
    }

    // What opening the node shows: its traced ops with the edges between them, as they were before
    // folding. A side input entering a block page from outside has no traced ops here: nothing to open.
    private static DiagramGraph? Inside(List<DiagramNode> members, List<DiagramEdge> edges)
    {
        var ops = members.Where(n => n.Kind != DiagramNodeKind.Input).ToList();
        if (ops.Count == 0) return null;
        var inside = new DiagramGraph { Title = "", Subtitle = "" };
        foreach (var n in ops)
            inside.Nodes.Add(new DiagramNode
            {
                Id = n.Id, Kind = DiagramNodeKind.Op, Category = n.Category, Label = n.Label, Path = n.Path, Order = n.Order, Variable = n.Variable,
                OutputShape = edges.FirstOrDefault(e => e.Source == n.Id && e.Shape.Length > 0)?.Shape ?? "",
            });
        var kept = new HashSet<string>(ops.Select(n => n.Id), StringComparer.Ordinal);
        foreach (var e in edges.Where(e => kept.Contains(e.Source) && kept.Contains(e.Target)))
            inside.Edges.Add(new DiagramEdge { Id = "e." + e.Source + "-" + e.Target, Source = e.Source, Target = e.Target, Shape = e.Shape, Style = DiagramEdgeStyle.Data });
        return inside;
    }

    // The names the code binds the piece's results to: those of members whose value leaves the piece,
    // in trace order, each once. Null when none is bound (never a guess).
    private static string? Name(List<DiagramNode> members, HashSet<string> ids, List<DiagramEdge> edges)
    {
        var leaving = new HashSet<string>(edges.Where(e => ids.Contains(e.Source) && !ids.Contains(e.Target)).Select(e => e.Source), StringComparer.Ordinal);
        var names = members.Where(n => leaving.Contains(n.Id) && n.Variable.Length > 0).Select(n => n.Variable).Distinct(StringComparer.Ordinal).ToList();
        return names.Count == 0 ? null : string.Join(", ", names);
    }

    /// <summary>The best name the flow allows: "mask" when a comparison, triangle or fill builds it, "positions" for a range, else "constant".</summary>
    public static string Purpose(IEnumerable<string> ops)
    {
        var set = ops.ToList();
        if (set.Any(MaskOps.Contains)) return "mask";
        if (set.Any(o => o is "arange" or "range" or "linspace")) return "positions";
        return "constant";
    }

    // "arange → unsqueeze": the ops in trace order, repeats once, at most five named.
    private static string Steps(IEnumerable<string> ops)
    {
        var distinct = ops.Where(o => !ShapeReads.Contains(o)).Distinct(StringComparer.Ordinal).ToList();
        var text = string.Join(StepSeparator, distinct.Take(5));
        return distinct.Count > 5 ? text + " …" : text;
    }
}
