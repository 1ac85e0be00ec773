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
        sb.Append(string.Join(", ", steps.Take(MaxListed).Select(Text)));
        if (steps.Count > MaxListed) sb.Append(" and ").Append(Numbers.Int(steps.Count - MaxListed)).Append(" more steps");
        sb.Append('.');
        return sb.ToString();
    }

    private static string Text(DiagramNode n) => n.Kind switch
    {
        DiagramNodeKind.Side => "a side input (" + n.Label + ": " + n.Details + ")",
        DiagramNodeKind.Block when n.IsGroup => n.Label + " ×" + Numbers.Int(n.Repeat) + " (" + n.Details.Replace("\n", "; ", StringComparison.Ordinal) + ")",
        _ when n.Role.Length > 0 => n.Role + " (" + n.Label + ")",
        DiagramNodeKind.Merge => n.Label == "+" ? "a residual add" : "a " + n.Label + " merge",
        DiagramNodeKind.Block when n.Repeat > 1 => n.Label + " ×" + Numbers.Int(n.Repeat),
        _ => n.Label,
    };
}
