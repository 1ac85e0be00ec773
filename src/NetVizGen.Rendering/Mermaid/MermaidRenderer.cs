using System.Text;
using NetVizGen.Rendering.Diagram;

namespace NetVizGen.Rendering.Mermaid;

/// <summary>
/// An optional Mermaid flowchart of the overview, folded inside &lt;details&gt;. GitHub refuses
/// diagrams with 500 or more edges or 50,000 or more characters and renders deep subgraph nesting
/// poorly, so larger diagrams get a note instead of a broken block.
/// </summary>
internal static class MermaidRenderer
{
    public const int MaxEdges = 500, MaxChars = 50_000, MaxNesting = 2;

    public static string Render(DiagramGraph graph, bool leftRight)
    {
        int nesting = graph.Clusters.Count == 0 ? 0 : graph.Clusters.Max(c => Nesting(graph, c));
        if (graph.Edges.Count >= MaxEdges || nesting > MaxNesting)
            return Skipped(graph.Edges.Count >= MaxEdges ? "it has " + Numbers.Int(graph.Edges.Count) + " edges (GitHub's limit is 500)" : "its blocks nest deeper than two levels");
        var ids = graph.Nodes.Select((n, i) => (n.Id, Short: "n" + Numbers.Int(i))).ToDictionary(p => p.Id, p => p.Short, StringComparer.Ordinal);
        var sb = new StringBuilder();
        sb.Append("flowchart ").Append(leftRight ? "LR" : "TD").Append('\n');
        WriteLevel(sb, graph, ids, null, "  ");
        foreach (var e in graph.Edges)
        {
            sb.Append("  ").Append(ids[e.Source]).Append(" -->");
            if (e.ShowShape) sb.Append("|\"").Append(Quote(e.Shape)).Append("\"|");
            sb.Append(' ').Append(ids[e.Target]).Append('\n');
        }
        var chart = sb.ToString();
        if (chart.Length >= MaxChars) return Skipped("it would be " + Numbers.Int(chart.Length) + " characters (GitHub's limit is 50,000)");
        return "<details>\n<summary>Mermaid overview</summary>\n\n```mermaid\n" + chart + "```\n\n</details>\n";
    }

    private static void WriteLevel(StringBuilder sb, DiagramGraph g, Dictionary<string, string> ids, string? cluster, string indent)
    {
        foreach (var c in g.Clusters.Where(c => c.Parent == cluster))
        {
            sb.Append(indent).Append("subgraph c").Append(Numbers.Int(g.Clusters.IndexOf(c))).Append("[\"").Append(Quote(c.Title)).Append("\"]\n");
            WriteLevel(sb, g, ids, c.Id, indent + "  ");
            sb.Append(indent).Append("end\n");
        }
        foreach (var n in g.Nodes.Where(n => n.Cluster == cluster))
        {
            var label = n.Repeat > 1 ? n.Label + " ×" + Numbers.Int(n.Repeat) : n.Label;
            var (open, close) = n.Kind switch
            {
                DiagramNodeKind.Merge => ("((", "))"),
                DiagramNodeKind.Input or DiagramNodeKind.Output => ("([", "])"),
                DiagramNodeKind.Block => ("[[", "]]"),
                _ => ("[", "]"),
            };
            sb.Append(indent).Append(ids[n.Id]).Append(open).Append('"').Append(Quote(label)).Append('"').Append(close).Append('\n');
        }
    }

    private static int Nesting(DiagramGraph g, DiagramCluster c)
    {
        int d = 1;
        for (var p = c.Parent; p is not null && d < 64; p = g.Clusters.FirstOrDefault(x => x.Id == p)?.Parent) d++;
        return d;
    }

    /// <summary>
    /// A quoted Mermaid label: Mermaid's own entity codes for the characters that are markup to it or to
    /// the HTML it renders labels into ('#' first, since it starts a code), line breaks flattened, so a
    /// user's name stays text and cannot close the label, the fence or open a tag.
    /// </summary>
    internal static string Quote(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '#': sb.Append("#35;"); break;
                case '"': sb.Append("#quot;"); break;
                case '<': sb.Append("#lt;"); break;
                case '>': sb.Append("#gt;"); break;
                case '&': sb.Append("#amp;"); break;
                case '`': sb.Append("#96;"); break;
                case '\r': case '\n': case '\u2028': case '\u2029': sb.Append(' '); break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }

    private static string Skipped(string why) => "<details>\n<summary>Mermaid overview</summary>\n\nNot generated: " + why + ".\n\n</details>\n";
}
