using Microsoft.CodeAnalysis;
using NetVizGen.Extraction.Construction;
using NetVizGen.Extraction;
using NetVizGen.Extraction.Diagnostics;
using NetVizGen.Extraction.Evaluation;
using NetVizGen.Model.Specs;

namespace NetVizGen.Extraction.Tracing;

/// <summary>Traces the root module's <c>forward</c> into a <see cref="FlowSpec"/>.</summary>
internal static class ForwardTracer
{
    public static FlowSpec Trace(Interpreter interpreter, ModuleValue root, ModuleSpec tree, Dictionary<ModuleValue, string> paths, DiagramTarget target, List<string> incomplete)
    {
        var graph = new FlowBuilder(paths, interpreter.Limits);
        var notes = interpreter.Notes;
        interpreter.Graph = graph;
        interpreter.Shapes = new TracedShapes(graph, tree, target);
        try
        {
            var forward = root.CustomType is null ? null : FindRootForward(root.CustomType);
            if (forward is not null)
            {
                var body = interpreter.BodyOf(forward);
                if (body is null) return graph.Build();
                var inputs = ForwardInputs.Bind(forward, graph, target, notes);
                var result = interpreter.CallSourceMethod(forward, root, inputs, body);
                var where = forward.Locations.FirstOrDefault() is { IsInSource: true } l ? Spans.Of(l) : target.Source;
                if (!AddOutputs(graph, result, "output", forward.ReturnType, notes, where))
                    incomplete.Add("what forward returns is not known at compile time");
            }
            else if (root.Origin is ModuleOrigin.Builtin or ModuleOrigin.Container)
            {
                // A factory returning a Sequential (or a single layer): one input flows through it.
                var x = new TensorValue(graph.Add(FlowNodeKind.Input, "input", "", Array.Empty<int>(), null, null));
                var result = interpreter.CallModuleFromRoot(root, x);
                AddOutputs(graph, result, "output", null, notes, target.Source);
            }
            else if (root.CustomType is not null)
            {
                notes.Add(ExtractionNoteIds.UnresolvedForward, NoteSeverity.Warning,
                    $"'{root.CustomType.Name}' has no forward method whose source the reader can trace; the page shows its module tree without a data flow",
                    target.Source);
                incomplete.Add("forward could not be traced");
            }
            return graph.Build();
        }
        catch (BudgetExceededException e)
        {
            // Bounded work: the steps traced before the budget are drawn, and the page says the rest is missing.
            notes.Add(ExtractionNoteIds.EvaluationLimit, NoteSeverity.Warning,
                $"Forward was traced only in part: {e.Message}; the diagram shows the first {graph.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)} steps and is incomplete",
                e.Where ?? target.Source);
            incomplete.Add($"tracing forward stopped ({e.Message})");
            return graph.Build();
        }
        catch (EvaluationLimitException e)
        {
            // What was traced until then is kept (nodes are appended in order, so it is a valid flow).
            notes.Add(ExtractionNoteIds.EvaluationLimit, NoteSeverity.Warning,
                $"Tracing forward stopped: {e.Message}; the diagram shows the flow traced until then", (e as NestingLimitException)?.Where ?? target.Source);
            incomplete.Add($"tracing forward stopped ({e.Message})");
            return graph.Build();
        }
        finally
        {
            interpreter.Graph = null;
        }
    }

    private static IMethodSymbol? FindRootForward(INamedTypeSymbol type)
    {
        // Module<T, TResult>.forward(x), Module<T1, T2, TResult>.forward(x, y), or any forward a
        // non-generic Module declares: the fewest parameters first.
        for (int arity = 1; arity <= 8; arity++)
        {
            var f = Interpreter.FindForward(type, arity);
            if (f is not null) return f;
        }
        return Interpreter.FindForward(type, 0);
    }

    /// <summary>Output nodes for each tensor forward returns (tuples, records, lists: one per element); false when nothing could be followed.</summary>
    private static bool AddOutputs(FlowBuilder graph, Value result, string name, ITypeSymbol? type, NoteCollector notes, SourceSpan? where)
    {
        // (Tensor a, Tensor b)?: the tuple's element names are those of the underlying tuple.
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable) type = nullable.TypeArguments[0];
        switch (result)
        {
            case TensorValue t:
                graph.Add(FlowNodeKind.Output, name, "", new[] { t.NodeId }, null, null);
                return true;
            // A dictionary of outputs by name (YoloSharp's heads: preds["boxes"], preds["scores"], preds["feats"]).
            case DictValue { Indexed: true } dict when dict.Entries.Count > 0:
                {
                    bool any = false;
                    foreach (var entry in dict.Entries)
                    {
                        if (entry.Key is not PrimValue { Raw: string key }) return false;
                        any |= AddOutputs(graph, entry.Value, name + "." + key, null, notes, where);
                    }
                    return any;
                }
            case MultiTensorValue m:
                graph.Add(FlowNodeKind.Output, name, "", new[] { m.NodeId }, null, null);
                return true;
            case TupleValue tuple:
                {
                    var elements = (type as INamedTypeSymbol) is { IsTupleType: true } tt ? tt.TupleElements : default;
                    bool any = false;
                    for (int i = 0; i < tuple.Items.Count; i++)
                    {
                        var element = !elements.IsDefault && i < elements.Length ? elements[i] : null;
                        var elementName = element is not null && element.Name != "Item" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)
                            ? element.Name : i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                        any |= AddOutputs(graph, tuple.Items[i], name + "." + elementName, element?.Type, notes, where);
                    }
                    return any;
                }
            case ObjectValue record:
                {
                    bool any = false;
                    foreach (var field in record.Fields)
                    {
                        if (field.Value is TensorValue or MultiTensorValue or TupleValue)
                            any |= AddOutputs(graph, field.Value, name + "." + field.Key, null, notes, where);
                    }
                    if (!any) goto default;
                    return true;
                }
            case ListValue list when list.Items.Count > 0:
                {
                    bool any = false;
                    for (int i = 0; i < list.Items.Count; i++)
                        any |= AddOutputs(graph, list.Items[i], name + "." + i.ToString(System.Globalization.CultureInfo.InvariantCulture), null, notes, where);
                    return any;
                }
            case PrimValue { IsNull: true }:
                return true; // an optional output left null
            default:
                if (type is not null && type.SpecialType is not SpecialType.None && !TorchNames.IsTensor(type)) return true; // a plain number or flag
                notes.Add(ExtractionNoteIds.UnresolvedForward, NoteSeverity.Warning,
                    $"What forward returns as '{name}' is not known at compile time; the diagram has no output for it", where);
                return false;
        }
    }

    /// <summary>NVG0106: registered modules forward never calls (reported at the topmost such module).</summary>
    public static void ReportUncalled(ModuleSpec tree, FlowSpec flow, NoteCollector notes)
    {
        if (flow.Nodes.IsEmpty) return;
        var called = new HashSet<string>(flow.Nodes.Where(n => n.Kind is FlowNodeKind.Module or FlowNodeKind.Unresolved).Select(n => n.ModulePath), StringComparer.Ordinal);
        // A custom module whose forward is only tensor ops (a hand-written LayerNorm) has no call node of its
        // own: its ops, scoped to it, are what shows it was called.
        called.UnionWith(flow.Nodes.Where(n => n.Scope.Length > 0).Select(n => n.Scope));
        // A layer whose weight forward reads (cat(iou_token.weight, ...)) is drawn as that weight's source node.
        foreach (var n in flow.Nodes.Where(n => n.Kind == FlowNodeKind.Op && n.Name == "parameter"))
            if (n.Args.FirstOrDefault(a => a.Name == "name")?.Value.Text is { } name && name.LastIndexOf('.') is var dot and > 0)
                called.Add(name.Substring(0, dot));
        foreach (var child in tree.Children) Visit(child);

        // A shared instance's calls carry its first path: every occurrence of it counts as called.
        bool AnyCalled(ModuleSpec m) => called.Contains(m.InstancePath) || m.Children.Any(AnyCalled);

        void Visit(ModuleSpec m)
        {
            if (AnyCalled(m))
            {
                foreach (var c in m.Children) Visit(c);
                return;
            }
            // An empty container (a ModuleList of attention gates a config switched off) holds nothing to call.
            if (m.Origin == ModuleOrigin.Container && m.Children.Count == 0) return;
            notes.Add(ExtractionNoteIds.NeverCalled, NoteSeverity.Info,
                $"Registered module '{m.Path}' ({m.TypeName}) is never called by forward; its parameters are counted but it is not in the diagram",
                m.Source);
        }
    }
}
