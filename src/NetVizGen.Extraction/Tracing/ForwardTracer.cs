using Microsoft.CodeAnalysis;
using NetVizGen.Extraction.Construction;
using NetVizGen.Extraction.Diagnostics;
using NetVizGen.Extraction.Evaluation;
using NetVizGen.Model.Specs;

namespace NetVizGen.Extraction.Tracing;

/// <summary>Traces the root module's <c>forward</c> into a <see cref="FlowSpec"/>.</summary>
internal static class ForwardTracer
{
    public static FlowSpec Trace(Interpreter interpreter, ModuleValue root, Dictionary<ModuleValue, string> paths, SourceSpan? site)
    {
        var graph = new FlowBuilder(paths, interpreter.Limits);
        interpreter.Graph = graph;
        try
        {
            var forward = root.CustomType is null ? null : FindRootForward(root.CustomType);
            var inputs = new List<Value>();
            if (forward is not null)
            {
                foreach (var p in forward.Parameters)
                    inputs.Add(TorchNames.IsTensor(p.Type) ? new TensorValue(graph.Add(FlowNodeKind.Input, p.Name, "", Array.Empty<int>(), null, null)) : Value.Unknown);
                var body = interpreter.BodyOf(forward);
                if (body is null) return graph.Build();
                var result = interpreter.CallSourceMethod(forward, root, inputs, body);
                AddOutputs(graph, result, "output");
            }
            else if (root.Origin is ModuleOrigin.Builtin or ModuleOrigin.Container)
            {
                // A factory returning a Sequential (or a single layer): one input flows through it.
                var x = new TensorValue(graph.Add(FlowNodeKind.Input, "input", "", Array.Empty<int>(), null, null));
                var result = interpreter.CallModuleFromRoot(root, x);
                AddOutputs(graph, result, "output");
            }
            return graph.Build();
        }
        catch (BudgetExceededException e)
        {
            // Bounded work: the steps traced before the budget are drawn, and the page says the rest is missing.
            interpreter.Notes.Add(ExtractionNoteIds.EvaluationLimit, NoteSeverity.Warning,
                $"Forward was traced only in part: {e.Message}; the diagram shows the first {graph.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)} and is incomplete",
                e.Where ?? site);
            return graph.Build();
        }
        finally
        {
            interpreter.Graph = null;
        }
    }

    private static IMethodSymbol? FindRootForward(INamedTypeSymbol type)
    {
        for (int arity = 1; arity <= 4; arity++)
        {
            var f = Interpreter.FindForward(type, arity);
            if (f is not null) return f;
        }
        return null;
    }

    private static void AddOutputs(FlowBuilder graph, Value result, string name)
    {
        switch (result)
        {
            case TensorValue t:
                graph.Add(FlowNodeKind.Output, name, "", new[] { t.NodeId }, null, null);
                break;
            case MultiTensorValue m:
                graph.Add(FlowNodeKind.Output, name, "", new[] { m.NodeId }, null, null);
                break;
            case TupleValue tuple:
                for (int i = 0; i < tuple.Items.Count; i++) AddOutputs(graph, tuple.Items[i], name + "." + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                break;
        }
    }

    /// <summary>NVG0106: registered modules forward never calls (reported at the topmost such module).</summary>
    public static void ReportUncalled(ModuleSpec tree, FlowSpec flow, NoteCollector notes)
    {
        if (flow.Nodes.IsEmpty) return;
        var called = new HashSet<string>(flow.Nodes.Where(n => n.Kind is FlowNodeKind.Module or FlowNodeKind.Unresolved).Select(n => n.ModulePath), StringComparer.Ordinal);
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
            notes.Add(ExtractionNoteIds.NeverCalled, NoteSeverity.Info,
                $"Registered module '{m.Path}' ({m.TypeName}) is never called by forward; its parameters are counted but it is not in the diagram",
                m.Source);
        }
    }
}
