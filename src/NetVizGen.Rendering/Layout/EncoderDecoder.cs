using NetVizGen.Rendering.Diagram;

namespace NetVizGen.Rendering.Layout;

/// <summary>
/// Finds the encoder–decoder (U-Net) pattern in a diagram, exactly, from its edges: one chain through every
/// node, plus at least two skip connections that pair stages symmetrically (the k-th encoder output feeds the
/// k-th merge from the end), each into a merge (cat, add) or a block card that takes exactly two inputs.
/// </summary>
/// <remarks>
/// Nothing is guessed from names or shapes. Any other structure (a node beside the chain, a side input, a
/// cluster, two skips from one stage, skips that cross instead of nest, a single skip) is "not detected", and
/// the diagram is laid out as usual.
/// </remarks>
internal static class EncoderDecoder
{
    /// <summary>A detected U: the skip pairs (encoder node, merge node), outermost first, and each node's level
    /// (0 = the outermost resolution, then one per encoder stage; the bottleneck is the deepest).</summary>
    public sealed record Shape(IReadOnlyList<(string Encoder, string Merge)> Pairs, IReadOnlyDictionary<string, int> Levels);

    /// <summary>The U of <paramref name="graph"/>, or null when it is not exactly an encoder–decoder.</summary>
    public static Shape? Detect(DiagramGraph graph)
    {
        if (graph.Clusters.Count > 0 || graph.Nodes.Count < 5) return null;
        if (graph.Nodes.Exists(n => n.Kind == DiagramNodeKind.Side) || graph.Edges.Exists(e => e.Style != DiagramEdgeStyle.Data)) return null;
        var chain = Chain(graph);
        if (chain is null) return null;
        var pos = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < chain.Count; i++) pos[chain[i]] = i;

        var skips = new List<(int From, int To)>();
        var inputs = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var e in graph.Edges)
        {
            inputs[e.Target] = inputs.GetValueOrDefault(e.Target) + 1;
            int a = pos[e.Source], b = pos[e.Target];
            if (b > a + 1) skips.Add((a, b));
        }
        if (skips.Count < 2) return null;
        skips.Sort((x, y) => x.From.CompareTo(y.From));
        var kinds = graph.Nodes.ToDictionary(n => n.Id, n => n.Kind, StringComparer.Ordinal);
        for (int k = 0; k < skips.Count; k++)
        {
            var (a, b) = skips[k];
            var target = chain[b];
            // Symmetric pairing: sources strictly increase while targets strictly decrease (the skips nest).
            if (k > 0 && (a == skips[k - 1].From || b >= skips[k - 1].To)) return null;
            if (kinds[target] is not (DiagramNodeKind.Merge or DiagramNodeKind.Block) || inputs[target] != 2) return null;
        }

        var levels = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int p = 0; p < chain.Count; p++)
            levels[chain[p]] = skips.Count(s => s.From < p && p < s.To);
        return new Shape(skips.ConvertAll(s => (chain[s.From], chain[s.To])), levels);
    }

    // The one path through every node (each node's successor on it is an edge), or null when there is none.
    private static List<string>? Chain(DiagramGraph graph)
    {
        var succ = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var indeg = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var n in graph.Nodes) { succ[n.Id] = []; indeg[n.Id] = 0; }
        foreach (var e in graph.Edges)
        {
            if (!succ.ContainsKey(e.Source) || !succ.ContainsKey(e.Target) || e.Source == e.Target) return null;
            succ[e.Source].Add(e.Target);
            indeg[e.Target]++;
        }
        // A topological order that is unique (one ready node at each step) is the Hamiltonian path of a DAG.
        var ready = graph.Nodes.Where(n => indeg[n.Id] == 0).Select(n => n.Id).ToList();
        var order = new List<string>();
        while (ready.Count == 1)
        {
            var v = ready[0];
            ready.Clear();
            order.Add(v);
            foreach (var w in succ[v])
                if (--indeg[w] == 0) ready.Add(w);
        }
        return order.Count == graph.Nodes.Count ? order : null;
    }
}
