using System.Text;
using NetVizGen.Model.Analysis;
using NetVizGen.Rendering.Describe;

namespace NetVizGen.Rendering.Diagram;

/// <summary>
/// Repeats in flat code: in a <c>Sequential</c> or a flat model, a chain of layers whose type pattern
/// repeats (Conv–BN–ReLU ×3; Conv–ReLU–Conv–ReLU–MaxPool ×3 with channels doubling) becomes one group
/// card "×N" whose quiet lines say how the arguments change from one repeat to the next. Exact: the
/// types and arguments are the extracted ones; the Markdown layer table still lists every layer.
/// </summary>
/// <remarks>
/// A chain is a path of layers and (non-bookkeeping) ops in one cluster, each fed only by the one
/// before it. Edges may leave a chain from its middle (U-Net's skip connections); they then leave
/// the group card. Nothing may enter it except at its first node, so grouping never makes a cycle.
/// At each position the longest cover wins (pattern length × repeats), shorter patterns on ties;
/// a cover needs three repeats or more, or two repeats spanning at least eight nodes.
/// </remarks>
internal static class PatternFolder
{
    private const int MaxPattern = 12;

    public static void Fold(DiagramGraph graph)
    {
        foreach (var chain in Chains(graph))
        {
            int i = 0;
            while (i < chain.Count)
            {
                var (p, r) = Best(chain, i);
                // Two tensors from one run into the same consumer (two skips into one cat) would
                // become one edge of the card: fewer repeats, or none, rather than a hidden input.
                while (r >= 2 && MergesInputs(graph, chain.GetRange(i, p * r))) r--;
                if (r < 2) { i++; continue; }
                Group(graph, chain.GetRange(i, p * r), p, r);
                i += p * r;
            }
        }
    }

    private static bool MergesInputs(DiagramGraph graph, List<DiagramNode> run)
    {
        var ids = new HashSet<string>(run.Select(n => n.Id), StringComparer.Ordinal);
        return graph.Edges.Where(e => e.Style == DiagramEdgeStyle.Data && ids.Contains(e.Source) && !ids.Contains(e.Target))
            .GroupBy(e => e.Target, StringComparer.Ordinal).Any(g => g.Count() > 1);
    }

    private static string Key(DiagramNode n) => n.Module?.TypeName ?? "op:" + n.Path;

    private static bool Candidate(DiagramNode n) => n.Kind is DiagramNodeKind.Layer || (n.Kind == DiagramNodeKind.Op && !n.IsSide);

    private static (int P, int R) Best(List<DiagramNode> chain, int i)
    {
        int bestP = 0, bestR = 0;
        for (int p = 1; p <= MaxPattern && i + 2 * p <= chain.Count; p++)
        {
            int r = 1;
            while (i + (r + 1) * p <= chain.Count && Enumerable.Range(0, p).All(k => Key(chain[i + k]) == Key(chain[i + r * p + k]))) r++;
            // Worth a group card only when it saves the reader real length: three repeats or more, or
            // two long ones. A classic small net (LeNet's two conv stages) keeps each layer's kernel and
            // channels on its own card, as its paper draws it.
            if (r < 2 || (r < 3 && p * r < 8)) continue;
            if (p * r > bestP * bestR) (bestP, bestR) = (p, r);
        }
        return (bestP, bestR);
    }

    // Maximal chains in node order: a link a → b needs b fed by a alone (side inputs aside), same cluster.
    private static List<List<DiagramNode>> Chains(DiagramGraph graph)
    {
        var byId = graph.Nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        var feeds = graph.Edges.Where(e => e.Style == DiagramEdgeStyle.Data).ToLookup(e => e.Target, StringComparer.Ordinal);
        var outs = graph.Edges.Where(e => e.Style == DiagramEdgeStyle.Data).ToLookup(e => e.Source, StringComparer.Ordinal);
        DiagramNode? Next(DiagramNode a) => outs[a.Id].Select(e => byId[e.Target])
            .Where(b => Candidate(b) && b.Cluster == a.Cluster && feeds[b.Id].Count() == 1)
            .OrderBy(b => b.Order).FirstOrDefault();
        var hasPrevious = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in graph.Nodes.Where(Candidate)) if (Next(a) is { } b) hasPrevious.Add(b.Id);
        var chains = new List<List<DiagramNode>>();
        foreach (var start in graph.Nodes.Where(n => Candidate(n) && !hasPrevious.Contains(n.Id)).OrderBy(n => n.Order))
        {
            var chain = new List<DiagramNode> { start };
            for (var n = Next(start); n is not null && chain.Count < 10_000; n = Next(n)) chain.Add(n);
            if (chain.Count >= 3) chains.Add(chain);
        }
        return chains;
    }

    private static void Group(DiagramGraph graph, List<DiagramNode> run, int p, int r)
    {
        var first = run[0];
        var ids = new HashSet<string>(run.Select(n => n.Id), StringComparer.Ordinal);
        var keys = run.Take(p).Select(Key).ToList();
        var card = new DiagramNode
        {
            Id = "g." + first.Id, Kind = DiagramNodeKind.Block, Category = NodeCategory.Block, IsGroup = true,
            Label = PatternText(keys.Select(k => k.StartsWith("op:", StringComparison.Ordinal) ? k[3..] : k).ToList()),
            Details = Progression(run, p, r), Cluster = first.Cluster, Order = first.Order, Repeat = r, Path = first.Path,
            Parameters = run.All(n => n.Parameters >= 0 || n.Module is null) ? run.Aggregate(0L, (sum, n) => Saturating.Add(sum, Math.Max(0, n.Parameters))) : -1,
        };
        card.Instances.AddRange(run.Select(n => n.Path));
        graph.Nodes[graph.Nodes.IndexOf(first)] = card;
        graph.Nodes.RemoveAll(n => ids.Contains(n.Id));
        foreach (var e in graph.Edges)
        {
            if (ids.Contains(e.Source)) e.Source = card.Id;
            if (ids.Contains(e.Target)) e.Target = card.Id;
        }
        graph.Edges.RemoveAll(e => e.Source == card.Id && e.Target == card.Id);
        var seen = new HashSet<(string, string)>();
        // The last repeat's output keeps its edge first, so its shape is the one written.
        graph.Edges.RemoveAll(e => !seen.Add((e.Source, e.Target)));
    }

    // "(Conv2d–BatchNorm2d–ReLU)×3–MaxPool2d": inner repeats shortened one level.
    public static string PatternText(IReadOnlyList<string> keys)
    {
        var parts = new List<string>();
        int i = 0;
        while (i < keys.Count)
        {
            int bestQ = 1, bestR = 1;
            for (int q = 1; i + 2 * q <= keys.Count; q++)
            {
                int r = 1;
                while (i + (r + 1) * q <= keys.Count && Enumerable.Range(0, q).All(k => keys[i + k] == keys[i + r * q + k])) r++;
                if (r >= 2 && q * r > bestQ * bestR) (bestQ, bestR) = (q, r);
            }
            var unit = string.Join("–", keys.Skip(i).Take(bestQ));
            parts.Add(bestR == 1 ? unit : (bestQ > 1 ? "(" + unit + ")" : unit) + "×" + Numbers.Int(bestR));
            i += bestQ * bestR;
        }
        return string.Join("–", parts);
    }

    // One line per layer position whose arguments change between repeats; positions with the same
    // type and the same change share a line ("Conv2d 2,3: in_channels 64→128→256").
    private static string Progression(List<DiagramNode> run, int p, int r)
    {
        var lines = new List<(string Type, string Change, List<int> Positions)>();
        for (int k = 0; k < p; k++)
        {
            var modules = Enumerable.Range(0, r).Select(j => run[j * p + k].Module).ToList();
            if (modules.Any(m => m is null)) continue;
            var changes = new List<string>();
            foreach (var arg in modules[0]!.Args)
            {
                var values = modules.Select(m => m!.Arg(arg.Name)).ToList();
                if (values.Any(v => v is null)) continue;
                var shown = values.Select(v => ArgReader.Compact(v!)).ToList();
                if (shown.Distinct(StringComparer.Ordinal).Count() > 1)
                    changes.Add((arg.Name.StartsWith('#') ? "arg " + arg.Name : arg.Name) + " " + string.Join("→", shown));
            }
            if (changes.Count == 0) continue;
            var change = string.Join(", ", changes);
            var type = modules[0]!.TypeName;
            var line = lines.FirstOrDefault(l => l.Type == type && l.Change == change);
            if (line.Positions is null) lines.Add((type, change, [k + 1]));
            else line.Positions.Add(k + 1);
        }
        if (lines.Count == 0) return "identical repeats";
        var typeCount = run.Take(p).Where(n => n.Module is not null).GroupBy(n => n.Module!.TypeName).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var sb = new StringBuilder();
        foreach (var (type, change, positions) in lines)
        {
            if (sb.Length > 0) sb.Append('\n');
            sb.Append(type);
            // Positions are counted among the layers of that type in the pattern (the 2nd Conv2d).
            if (typeCount[type] > 1)
            {
                var ordinals = positions.Select(pos => run.Take(pos).Count(n => n.Module?.TypeName == type));
                sb.Append(' ').Append(string.Join(",", ordinals.Select(o => Numbers.Int(o))));
            }
            sb.Append(": ").Append(change);
        }
        return sb.ToString();
    }
}
