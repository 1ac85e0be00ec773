using NetVizGen.Model.Catalog;
using NetVizGen.Model.Shapes;
using NetVizGen.Model.Specs;

namespace NetVizGen.Model.Analysis;

/// <summary>Shapes computed so far, and lookups, during one <see cref="ShapeAnalysis.Run"/>.</summary>
internal sealed class FlowContext
{
    public FlowContext(Dictionary<int, FlowNodeSpec> nodes, Dictionary<string, ModuleSpec> modules)
    {
        Nodes = nodes;
        Modules = modules;
    }

    public Dictionary<int, FlowNodeSpec> Nodes { get; }

    public Dictionary<string, ModuleSpec> Modules { get; }

    public Dictionary<int, IReadOnlyList<Shape>> Outputs { get; } = new();

    public Dictionary<int, string> Summaries { get; } = new();

    /// <summary>
    /// The shapes feeding <paramref name="node"/>; null when any is unknown. A producer with several outputs
    /// feeds all of them to a list-taking merge (<c>cat(x.chunk(2))</c>); a module producer feeds its primary
    /// output (LSTM output, attention output); anything else is unknown rather than guessed.
    /// </summary>
    public IReadOnlyList<Shape>? InputsOf(FlowNodeSpec node, bool expandLists)
    {
        var shapes = new List<Shape>();
        foreach (var id in node.Inputs)
        {
            if (!Outputs.TryGetValue(id, out var outs) || outs.Count == 0) return null;
            if (outs.Count == 1) shapes.Add(outs[0]);
            else if (expandLists) shapes.AddRange(outs);
            else if (Nodes.TryGetValue(id, out var producer) && producer.Kind == FlowNodeKind.Module) shapes.Add(outs[0]);
            else return null;
        }
        return shapes;
    }

    /// <summary>
    /// The shape feeding <paramref name="node"/> at each of its inputs, null where it is not known (as
    /// <see cref="InputsOf"/> would take it: one output, or a module's primary one).
    /// </summary>
    public IReadOnlyList<Shape?> PartialInputsOf(FlowNodeSpec node)
    {
        var shapes = new List<Shape?>();
        foreach (var id in node.Inputs)
        {
            Shape? shape = null;
            if (Outputs.TryGetValue(id, out var outs) && outs.Count > 0
                && (outs.Count == 1 || Nodes.TryGetValue(id, out var producer) && producer.Kind == FlowNodeKind.Module))
                shape = outs[0];
            shapes.Add(shape);
        }
        return shapes;
    }

    /// <summary>Readable name of the node that produced input <paramref name="index"/> of <paramref name="node"/>.</summary>
    public string Producer(FlowNodeSpec node, int index)
    {
        if (index >= node.Inputs.Count || !Nodes.TryGetValue(node.Inputs[index], out var p)) return "?";
        return Describe(p);
    }

    public string Describe(FlowNodeSpec p) => p.Kind switch
    {
        FlowNodeKind.Module => "'" + p.ModulePath + "'" + (Summaries.TryGetValue(p.Id, out var s) ? " (" + s + ")" : ""),
        FlowNodeKind.Input => "input '" + p.Name + "'",
        _ => "'" + p.Name + "'" + (p.Scope.Length > 0 ? " in '" + p.Scope + "'" : ""),
    };

    /// <summary>Whether a category reshapes (flatten, view) rather than computes.</summary>
    public static bool IsReshape(FlowNodeSpec n, Dictionary<string, ModuleSpec> modules)
    {
        if (n.Kind == FlowNodeKind.Op) return OpCatalog.TryGet(n.Name, out var op) && op.Category == LayerCategory.Reshape;
        return n.Kind == FlowNodeKind.Module && modules.TryGetValue(n.ModulePath, out var m)
            && LayerCatalog.TryGet(m.TypeName, out var def) && def.Category == LayerCategory.Reshape;
    }
}
