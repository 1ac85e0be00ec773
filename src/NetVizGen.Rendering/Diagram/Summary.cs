using System.Text;

namespace NetVizGen.Rendering.Diagram;

/// <summary>The one-paragraph text summary of a diagram, used as SVG &lt;desc&gt; and image alt text.</summary>
internal static class Summary
{
    private const int MaxListed = 14;

    public static string Describe(DiagramGraph graph)
    {
        var sb = new StringBuilder();
        sb.Append(graph.Title).Append(": ").Append(graph.Subtitle).Append(". ");
        var steps = graph.Nodes.Where(n => n.Kind is not (DiagramNodeKind.Input or DiagramNodeKind.Output)).ToList();
        sb.Append("Data flows through ");
        var residual = ResidualAdds(graph);
        sb.Append(string.Join(", ", steps.Take(MaxListed).Select(n => Text(n, residual))));
        if (steps.Count > MaxListed) sb.Append(" and ").Append(Numbers.Int(steps.Count - MaxListed)).Append(" more steps");
        sb.Append('.');
        return sb.ToString();
    }

    private static string Text(DiagramNode n, HashSet<string> residual) => n.Kind switch
    {
        DiagramNodeKind.Side => "a side input (" + n.Label + ": " + n.Details + ")",
        DiagramNodeKind.Block when n.IsGroup => n.Label + " ×" + Numbers.Int(n.Repeat) + " (" + n.Details.Replace("\n", "; ", StringComparison.Ordinal) + ")",
        _ when n.Role.Length > 0 => n.Role + " (" + n.Label + ")",
        DiagramNodeKind.Merge when n.Label == "+" => residual.Contains(n.Id) ? "a residual add" : "an add",
        DiagramNodeKind.Merge => "a " + n.Label + " merge",
        DiagramNodeKind.Block when n.Repeat > 1 => n.Label + " ×" + Numbers.Int(n.Repeat),
        _ => n.Label,
    };

    /// <summary>
    /// The adds that are residual: two of their inputs branch from one point of the flow and meet again here (an
    /// identity skip, whose input is upstream of the other, or a projection shortcut beside the main path). An add
    /// whose inputs share no source (a weight plus its noise, a tensor plus a parameter) joins two things and is
    /// no skip connection.
    /// </summary>
    private static HashSet<string> ResidualAdds(DiagramGraph graph)
    {
        var into = graph.Edges.Where(e => e.Style == DiagramEdgeStyle.Data).ToLookup(e => e.Target, e => e.Source, StringComparer.Ordinal);
        var residual = new HashSet<string>(StringComparer.Ordinal);
        foreach (var add in graph.Nodes.Where(n => n.Kind == DiagramNodeKind.Merge && n.Label == "+"))
        {
            var upstream = into[add.Id].Distinct(StringComparer.Ordinal).Select(i => Upstream(into, i)).ToList();
            for (int a = 0; a < upstream.Count && !residual.Contains(add.Id); a++)
                for (int b = a + 1; b < upstream.Count; b++)
                    if (upstream[a].Overlaps(upstream[b])) { residual.Add(add.Id); break; }
        }
        return residual;
    }

    // The node and everything upstream of it (following data edges backwards).
    private static HashSet<string> Upstream(ILookup<string, string> into, string node)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { node };
        var stack = new Stack<string>();
        stack.Push(node);
        while (stack.Count > 0)
            foreach (var source in into[stack.Pop()])
                if (seen.Add(source)) stack.Push(source);
        return seen;
    }
}
