using System.Text;
using NetVizGen.Model.Specs;

namespace NetVizGen.Oracle.Tests;

/// <summary>One disagreement between the static extraction and the runtime.</summary>
/// <param name="Aspect">What was compared: <c>module tree</c>, <c>parameters</c>, <c>trainable</c>,
/// <c>buffers</c>, <c>call order</c>, <c>shape</c>.</param>
/// <param name="Where">The module path (or position) it concerns.</param>
/// <param name="Static">What the manifest says.</param>
/// <param name="Runtime">What TorchSharp says.</param>
public sealed record Mismatch(string Aspect, string Where, string Static, string Runtime)
{
    public override string ToString() => $"{Aspect} at {Where}: static {Static} | runtime {Runtime}";
}

/// <summary>The outcome of <see cref="OracleComparer.Compare"/>.</summary>
public sealed class ComparisonResult(string modelId, IReadOnlyList<Mismatch> mismatches)
{
    public string ModelId { get; } = modelId;
    public IReadOnlyList<Mismatch> Mismatches { get; } = mismatches;
    public bool IsMatch => Mismatches.Count == 0;

    /// <summary>A readable diff: the first mismatch of each aspect first, then the rest (capped).</summary>
    public string Describe(int max = 25)
    {
        if (IsMatch) return $"{ModelId}: the static extraction matches the TorchSharp runtime.";
        var sb = new StringBuilder();
        sb.AppendLine($"{ModelId}: {Mismatches.Count} mismatch(es) between the static extraction (manifest) and the TorchSharp runtime.");
        var firsts = Mismatches.GroupBy(m => m.Aspect).Select(g => g.First()).ToList();
        sb.AppendLine("First difference per aspect:");
        foreach (var m in firsts) sb.AppendLine("  " + m);
        var rest = Mismatches.Except(firsts).Take(Math.Max(0, max - firsts.Count)).ToList();
        if (rest.Count > 0)
        {
            sb.AppendLine("More:");
            foreach (var m in rest) sb.AppendLine("  " + m);
        }
        int hidden = Mismatches.Count - firsts.Count - rest.Count;
        if (hidden > 0) sb.AppendLine($"  ... and {hidden} more");
        return sb.ToString();
    }

    public override string ToString() => Describe();
}

/// <summary>
/// Checks a statically extracted <see cref="ModelSpec"/> against a <see cref="RuntimeReport"/>:
/// <list type="number">
/// <item>the module tree (paths, type names, order) equals <c>named_modules()</c>;</item>
/// <item>each module's Parameters / Trainable / Buffers equal the runtime counts (-1, "unknown", is a mismatch), and
/// its <c>SharedWith</c> (the first path of the same instance) equals the runtime's object identity;</item>
/// <item>the <see cref="FlowNodeKind.Module"/> nodes' <c>ModulePath</c>s, in <c>Flow.Nodes</c> order, equal the
/// forward-hook leaf call order;</item>
/// <item>each such node's <c>Shape</c> (<c>1×64×56×56</c>) equals the hooked output shape. A symbolic
/// dimension (<c>N</c>) binds to the runtime value on first use and must agree everywhere after.</item>
/// </list>
/// </summary>
public static class OracleComparer
{
    /// <summary>
    /// The static tree flattened in TorchSharp's <c>named_modules()</c> order, root first. TorchSharp does
    /// NOT use PyTorch's depth-first pre-order: for a module it yields all its children, then each
    /// child's descendants (so <c>layer1.0</c>, <c>layer1.1</c> come before <c>layer1.0.conv1</c>).
    /// </summary>
    public static IReadOnlyList<ModuleSpec> NamedModulesOrder(ModuleSpec root)
    {
        var list = new List<ModuleSpec> { root };
        AddDescendants(root, list);
        return list;

        static void AddDescendants(ModuleSpec m, List<ModuleSpec> into)
        {
            foreach (var c in m.Children) into.Add(c);
            foreach (var c in m.Children) AddDescendants(c, into);
        }
    }

    public static ComparisonResult Compare(ModelSpec spec, RuntimeReport report)
    {
        var mismatches = new List<Mismatch>();
        CompareTree(spec, report, mismatches);
        CompareFlow(spec, report, mismatches);
        return new ComparisonResult(spec.Id, mismatches);
    }

    private static string Q(string path) => path.Length == 0 ? "<root>" : $"'{path}'";

    private static void CompareTree(ModelSpec spec, RuntimeReport report, List<Mismatch> mismatches)
    {
        var stat = NamedModulesOrder(spec.Root);
        var run = report.Modules;

        // 1. Order, paths and type names, position by position: report the first divergence.
        int n = Math.Min(stat.Count, run.Count);
        for (int i = 0; i < n; i++)
        {
            if (stat[i].Path != run[i].Path || stat[i].TypeName != run[i].TypeName)
            {
                mismatches.Add(new Mismatch("module tree", $"#{i}",
                    $"{Q(stat[i].Path)} ({stat[i].TypeName})", $"{Q(run[i].Path)} ({run[i].TypeName})"));
                break;
            }
        }
        if (stat.Count != run.Count)
            mismatches.Add(new Mismatch("module tree", "count", $"{stat.Count} modules", $"{run.Count} modules"));

        var staticByPath = stat.GroupBy(m => m.Path).ToDictionary(g => g.Key, g => g.First());
        var runtimeByPath = run.GroupBy(m => m.Path).ToDictionary(g => g.Key, g => g.First());
        foreach (var m in run.Where(m => !staticByPath.ContainsKey(m.Path)))
            mismatches.Add(new Mismatch("module tree", Q(m.Path), "missing", $"{m.TypeName}"));
        foreach (var m in stat.Where(m => !runtimeByPath.ContainsKey(m.Path)))
            mismatches.Add(new Mismatch("module tree", Q(m.Path), $"{m.TypeName}", "missing"));

        // 2. Per-module counts, in runtime order, for the paths both sides know.
        foreach (var r in run)
        {
            if (!staticByPath.TryGetValue(r.Path, out var s)) continue;
            if (s.TypeName != r.TypeName)
                mismatches.Add(new Mismatch("type", Q(r.Path), s.TypeName, r.TypeName));
            if (s.SharedWith != r.SharedWith)
                mismatches.Add(new Mismatch("shared with", Q(r.Path), s.SharedWith ?? "(first occurrence)", r.SharedWith ?? "(first occurrence)"));
            Count("parameters", r.Path, s.Parameters, r.Parameters, mismatches);
            Count("trainable", r.Path, s.Trainable, r.Trainable, mismatches);
            Count("buffers", r.Path, s.Buffers, r.Buffers, mismatches);
        }
    }

    private static void Count(string aspect, string path, long stat, long run, List<Mismatch> mismatches)
    {
        if (stat != run)
            mismatches.Add(new Mismatch(aspect, Q(path), stat < 0 ? "unknown (-1)" : stat.ToString("N0"), run.ToString("N0")));
    }

    private static void CompareFlow(ModelSpec spec, RuntimeReport report, List<Mismatch> mismatches)
    {
        var nodes = spec.Flow.Nodes.Where(nd => nd.Kind == FlowNodeKind.Module).ToList();
        // The static flow inlines custom modules down to their layers; a custom module without child
        // modules (an RMSNorm holding one Parameter) is still a leaf for the runtime's hooks.
        var custom = spec.Root.DescendantsAndSelf().Where(m => m.Origin == ModuleOrigin.Custom).Select(m => m.Path).ToHashSet(StringComparer.Ordinal);
        var calls = report.Calls.Where(c => !custom.Contains(c.Path)).ToList();

        int n = Math.Min(nodes.Count, calls.Count);
        int firstDiff = -1;
        for (int i = 0; i < n; i++)
        {
            if (nodes[i].ModulePath != calls[i].Path)
            {
                firstDiff = i;
                mismatches.Add(new Mismatch("call order", $"call #{i}",
                    $"{Q(nodes[i].ModulePath)} (flow node {nodes[i].Id})", Q(calls[i].Path)));
                break;
            }
        }
        if (nodes.Count != calls.Count)
            mismatches.Add(new Mismatch("call order", "count", $"{nodes.Count} module calls", $"{calls.Count} leaf calls"));

        // Shapes along the aligned prefix (past the first divergence the pairs no longer correspond).
        int aligned = firstDiff < 0 ? n : firstDiff;
        var bindings = new Dictionary<string, long>(StringComparer.Ordinal);
        for (int i = 0; i < aligned; i++)
        {
            var error = OutputsError(nodes[i].Shape, calls[i].Shapes, bindings);
            if (error != null)
                mismatches.Add(new Mismatch("shape", $"call #{i} {Q(calls[i].Path)}",
                    nodes[i].Shape.Length == 0 ? "not inferred" : nodes[i].Shape + error,
                    string.Join(", ", calls[i].Shapes.Select(RuntimeReport.FormatShape))));
        }
    }

    /// <summary>
    /// Null when the static output shape describes every runtime output. A module with several outputs
    /// (LSTM: output, h_n, c_n) has the static shape <c>(A, B, C)</c> and the hook sees the tuple's
    /// tensors in the same order: all of them are compared, not the first one against the whole tuple.
    /// </summary>
    public static string? OutputsError(string staticShape, IReadOnlyList<long[]> runtime, Dictionary<string, long> bindings)
    {
        var text = staticShape.Trim();
        if (text.Length > 1 && text[0] == '(' && text[^1] == ')')
        {
            var parts = text[1..^1].Split(',', StringSplitOptions.TrimEntries);
            if (parts.Length != runtime.Count) return $" ({parts.Length} outputs vs {runtime.Count})";
            for (int k = 0; k < parts.Length; k++)
            {
                var error = ShapeError(parts[k], runtime[k], bindings);
                if (error != null) return $" (output {k}{error})";
            }
            return null;
        }
        return ShapeError(staticShape, runtime.Count > 0 ? runtime[0] : Array.Empty<long>(), bindings);
    }

    /// <summary>
    /// Null when <paramref name="staticShape"/> (<c>1×64×56×56</c> or <c>N×64×56×56</c>) describes
    /// <paramref name="runtime"/>; otherwise a short reason. Symbols bind on first use.
    /// </summary>
    public static string? ShapeError(string staticShape, long[] runtime, Dictionary<string, long> bindings)
    {
        if (string.IsNullOrEmpty(staticShape)) return "";
        var dims = staticShape.Split(RuntimeReport.Times);
        if (dims.Length != runtime.Length) return $" (rank {dims.Length} vs {runtime.Length})";
        for (int d = 0; d < dims.Length; d++)
        {
            var text = dims[d].Trim();
            if (long.TryParse(text, out var value))
            {
                if (value != runtime[d]) return $" (dim {d})";
            }
            else if (IsIdentifier(text))
            {
                if (bindings.TryGetValue(text, out var bound))
                {
                    if (bound != runtime[d]) return $" (dim {d}: {text} is {bound} elsewhere)";
                }
                else
                {
                    bindings[text] = runtime[d];
                }
            }
            else
            {
                return $" (dim {d}: cannot evaluate '{text}')";
            }
        }
        return null;
    }

    private static bool IsIdentifier(string s) =>
        s.Length > 0 && (char.IsLetter(s[0]) || s[0] == '_') && s.All(c => char.IsLetterOrDigit(c) || c == '_');
}
