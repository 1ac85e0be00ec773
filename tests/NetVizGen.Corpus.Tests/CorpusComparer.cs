using NetVizGen.Model.Specs;
using NetVizGen.Oracle.Tests;

namespace NetVizGen.Corpus.Tests;

/// <summary>
/// The oracle's comparison, with one allowance for code written the way the corpus is: TorchSharp's
/// forward hooks fire only through <c>module.call(x)</c>, and much public code calls
/// <c>module.forward(x)</c> directly (TorchSharpExamples' MNIST and AlexNet, the Stable Diffusion port),
/// which the runtime cannot observe. So the module tree and every count are compared in full, but call
/// order and per-call shapes only for the modules the runtime saw being called: a static call of a
/// module the hooks never saw is neither confirmed nor refuted, and is counted in
/// <see cref="CorpusComparison.UnobservedCalls"/> instead. The model's output shape is compared whenever the
/// static side knows it.
/// </summary>
public static class CorpusComparer
{
    public static CorpusComparison Compare(ModelSpec spec, RuntimeReport report)
    {
        var full = OracleComparer.Compare(spec, report);
        var mismatches = full.Mismatches.Where(m => m.Aspect is not ("call order" or "shape")).ToList();

        var observed = report.Calls.Select(c => c.Path).ToHashSet(StringComparer.Ordinal);
        var all = StaticCalls(spec);
        var nodes = all.Where(n => observed.Contains(n.ModulePath)).ToList();
        var calls = report.Calls;

        int n = Math.Min(nodes.Count, calls.Count);
        int firstDiff = -1;
        for (int i = 0; i < n; i++)
        {
            if (nodes[i].ModulePath != calls[i].Path)
            {
                firstDiff = i;
                mismatches.Add(new Mismatch("call order", $"observed call #{i}", $"'{nodes[i].ModulePath}' (flow node {nodes[i].Id})", $"'{calls[i].Path}'"));
                break;
            }
        }
        if (nodes.Count != calls.Count)
            mismatches.Add(new Mismatch("call order", "count", $"{nodes.Count} calls of observed modules", $"{calls.Count} leaf calls"));

        int aligned = firstDiff < 0 ? n : firstDiff;
        var bindings = new Dictionary<string, long>(StringComparer.Ordinal);
        int shapesChecked = 0;
        for (int i = 0; i < aligned; i++)
        {
            shapesChecked++;
            var error = OracleComparer.OutputsError(nodes[i].Shape, calls[i].Shapes, bindings);
            if (error != null)
                mismatches.Add(new Mismatch("shape", $"call #{i} '{calls[i].Path}'",
                    nodes[i].Shape.Length == 0 ? "not inferred" : nodes[i].Shape + error,
                    string.Join(", ", calls[i].Shapes.Select(RuntimeReport.FormatShape))));
        }
        // The model's output, which the hooks never see when forward calls its modules directly (HiFT): the first
        // tensor forward returns against the flow's first output, when the static side knows its shape. The
        // runtime reports no shape for what it cannot read (YoloSharp's List<Tensor>) nor for a scalar: not compared.
        if (report.OutputShape.Length > 0 && spec.Flow.Nodes.FirstOrDefault(n => n.Kind == FlowNodeKind.Output) is { } output
            && FirstOutput(output.Shape) is { } first && OracleComparer.ShapeError(first, report.OutputShape, bindings) is { } outputError)
            mismatches.Add(new Mismatch("output shape", "forward's first output", first + outputError, RuntimeReport.FormatShape(report.OutputShape)));
        return new CorpusComparison(new ComparisonResult(spec.Id, mismatches), all.Count - nodes.Count, shapesChecked);
    }

    /// <summary>The first shape of a flow output (<c>(A, B)</c> for a tuple); null when it is not known.</summary>
    private static string? FirstOutput(string shape)
    {
        var text = shape.Trim();
        if (text.Length > 1 && text[0] == '(' && text[^1] == ')') text = text[1..^1].Split(',', StringSplitOptions.TrimEntries)[0];
        return text.Length == 0 || text.Contains('?') ? null : text;
    }

    /// <summary>
    /// The calls the static flow shows, in trace order: every module node, and every call of a custom module
    /// with no children (a hand-written LayerNorm), which the flow shows as its ops scoped to it rather than as
    /// one node, while the runtime's hooks see it as a leaf call. Such a call is a run of consecutive nodes in
    /// its scope, and stands for the last of them (its output).
    /// </summary>
    private static List<FlowNodeSpec> StaticCalls(ModelSpec spec)
    {
        var childless = new HashSet<string>(StringComparer.Ordinal);
        void Visit(ModuleSpec m)
        {
            if (m.Children.Count == 0 && m.Path.Length > 0) childless.Add(m.Path);
            foreach (var c in m.Children) Visit(c);
        }
        Visit(spec.Root);
        var calls = new List<FlowNodeSpec>();
        var nodes = spec.Flow.Nodes;
        for (int i = 0; i < nodes.Count; i++)
        {
            var n = nodes[i];
            if (n.Kind == FlowNodeKind.Module) { calls.Add(n); continue; }
            if (!childless.Contains(n.Scope)) continue;
            if (i + 1 < nodes.Count && nodes[i + 1].Scope == n.Scope) continue; // not the run's last node yet
            calls.Add(n with { Kind = FlowNodeKind.Module, ModulePath = n.Scope });
        }
        return calls;
    }
}

/// <summary>The comparison, how many static calls the runtime could not observe, and how many shapes were checked.</summary>
public sealed record CorpusComparison(ComparisonResult Result, int UnobservedCalls, int ShapesChecked);
