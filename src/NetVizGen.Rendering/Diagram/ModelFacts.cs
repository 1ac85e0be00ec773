using NetVizGen.Model.Specs;

namespace NetVizGen.Rendering.Diagram;

/// <summary>Totals and shapes of a model or block, read from its spec: the facts titles and summaries quote.</summary>
internal static class ModelFacts
{
    public static string InputShape(ModelSpec model)
    {
        var input = model.Flow.Nodes.FirstOrDefault(n => n.Kind == FlowNodeKind.Input && n.Shape.Length > 0);
        return input?.Shape ?? model.Input;
    }

    public static string OutputShape(ModelSpec model)
    {
        var byId = model.Flow.Nodes.ToDictionary(n => n.Id);
        var output = model.Flow.Nodes.LastOrDefault(n => n.Kind == FlowNodeKind.Output);
        if (output is null) return model.Flow.Nodes.Count > 0 ? model.Flow.Nodes[^1].Shape : "";
        if (output.Shape.Length > 0) return output.Shape;
        return string.Join(", ", output.Inputs.Where(byId.ContainsKey).Select(i => byId[i].Shape).Where(s => s.Length > 0));
    }

    /// <summary>The shape a module's output has in the trace: its own call, or the last node inside it.</summary>
    public static string ShapeOf(ModelSpec model, string path)
    {
        var own = model.Flow.Nodes.FirstOrDefault(n => n.Kind == FlowNodeKind.Module && n.ModulePath == path);
        if (own is not null) return own.Shape;
        var prefix = path + ".";
        bool Inside(FlowNodeSpec n) => n.Kind == FlowNodeKind.Module ? n.ModulePath.StartsWith(prefix, StringComparison.Ordinal)
            : n.Kind is FlowNodeKind.Op or FlowNodeKind.Merge && (n.Scope == path || n.Scope.StartsWith(prefix, StringComparison.Ordinal));
        // A block's output is what the rest of the model reads from it, not the last node it computed: a block
        // ending in `var (padded, _) = pad_packed_sequence(...)` computes the lengths last.
        var inside = model.Flow.Nodes.Where(Inside).ToDictionary(n => n.Id);
        var read = new List<FlowNodeSpec>();
        foreach (var n in model.Flow.Nodes)
        {
            if (inside.ContainsKey(n.Id)) continue;
            foreach (var i in n.Inputs)
                if (inside.TryGetValue(i, out var source) && !read.Contains(source)) read.Add(source);
        }
        // A block called twice (shared weights), or the layers of a ModuleList each read by the caller's
        // loop, give one shape; a container of branches (a ModuleDict's) gives one per branch.
        if (read.Count > 0 && read.All(r => r.Shape == read[0].Shape)) return read[0].Shape;
        if (read.Count > 1) return "(" + string.Join(", ", read.Select(r => r.Shape)) + ")";
        var last = model.Flow.Nodes.LastOrDefault(Inside);
        return last?.Shape ?? "";
    }

    /// <summary>"N×3×224×224 → N×1000 · 11.7 M parameters" (trainable added when it differs).</summary>
    public static string Subtitle(string input, string output, long parameters, long trainable)
    {
        var parts = new List<string>();
        if (input.Length > 0 || output.Length > 0) parts.Add((input.Length > 0 ? input : "?") + " → " + (output.Length > 0 ? output : "?"));
        if (parameters >= 0)
        {
            var p = Numbers.Short(parameters) + " parameters";
            if (trainable >= 0 && trainable != parameters) p += " (" + Numbers.Short(trainable) + " trainable)";
            parts.Add(p);
        }
        else parts.Add("parameters unknown");
        return string.Join(" · ", parts);
    }

    /// <summary>The model's caption: <see cref="Subtitle(string, string, long, long)"/>, with "≥ N parameters (incomplete)" when the total is not exact.</summary>
    public static string Subtitle(ModelSpec model, string input, string output)
    {
        if (!IsIncomplete(model)) return Subtitle(input, output, model.Root.Parameters, model.Root.Trainable);
        var parts = new List<string>();
        if (input.Length > 0 || output.Length > 0) parts.Add((input.Length > 0 ? input : "?") + " → " + (output.Length > 0 ? output : "?"));
        parts.Add(ParameterTotal(model, Numbers.Short));
        return string.Join(" · ", parts);
    }

    /// <summary>True when the page must not state the parameter total as exact.</summary>
    public static bool IsIncomplete(ModelSpec model) => model.Root.Parameters < 0 || model.KnownParameters >= 0;

    /// <summary>The total for a table cell: "11,689,512", "≥ 900,648" or "?".</summary>
    public static string ParameterCell(ModelSpec model) =>
        !IsIncomplete(model) ? Numbers.Grouped(model.Root.Parameters) : model.KnownParameters > 0 ? "≥ " + Numbers.Grouped(model.KnownParameters) : "?";

    /// <summary>"11,689,512 parameters", "≥ 900,648 parameters (incomplete)" or "parameters unknown".</summary>
    public static string ParameterTotal(ModelSpec model, Func<long, string> format)
    {
        if (!IsIncomplete(model)) return format(model.Root.Parameters) + " parameters";
        return model.KnownParameters > 0 ? "≥ " + format(model.KnownParameters) + " parameters (incomplete)" : "parameters unknown";
    }
}
