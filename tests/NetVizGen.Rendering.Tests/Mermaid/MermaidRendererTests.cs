using NetVizGen.Rendering.Describe;
using NetVizGen.Rendering.Diagram;
using NetVizGen.Rendering.Mermaid;

namespace NetVizGen.Rendering.Tests.Mermaid;

/// <summary>GitHub refuses oversized Mermaid blocks; we write a note instead of a broken diagram.</summary>
public class MermaidRendererTests
{
    private static DiagramGraph Chain(int nodes, int clusterDepth = 0)
    {
        var g = new DiagramGraph { Title = "T", Subtitle = "" };
        string? parent = null;
        for (int d = 0; d < clusterDepth; d++)
        {
            var id = "c" + d;
            g.Clusters.Add(new DiagramCluster { Id = id, Parent = parent, Title = "block " + d });
            parent = id;
        }
        for (int i = 0; i < nodes; i++)
            g.Nodes.Add(new DiagramNode { Id = "n" + i, Kind = DiagramNodeKind.Layer, Category = NodeCategory.Linear, Label = "Linear \"" + i + "\"", Cluster = parent });
        for (int i = 1; i < nodes; i++)
            g.Edges.Add(new DiagramEdge { Id = "e" + i, Source = "n" + (i - 1), Target = "n" + i, Shape = "N×4", ShowShape = true });
        return g;
    }

    [Fact]
    public void A_small_graph_becomes_a_flowchart_with_quoted_labels_and_shapes()
    {
        var text = MermaidRenderer.Render(Chain(3, clusterDepth: 2), leftRight: true);
        Assert.Contains("```mermaid\nflowchart LR\n", text);
        Assert.Contains("#quot;1#quot;", text);   // a quote in a label cannot break the chart
        Assert.Contains("-->|\"N×4\"|", text);
        Assert.Equal(2, text.Split("subgraph").Length - 1);
    }

    [Fact]
    public void Five_hundred_edges_or_more_give_a_note_instead()
    {
        var text = MermaidRenderer.Render(Chain(501), leftRight: false);
        Assert.DoesNotContain("```mermaid", text);
        Assert.Contains("500 edges", text);
    }

    [Fact]
    public void Nesting_deeper_than_two_levels_gives_a_note_instead()
    {
        var text = MermaidRenderer.Render(Chain(3, clusterDepth: 3), leftRight: false);
        Assert.DoesNotContain("```mermaid", text);
        Assert.Contains("nest deeper than two levels", text);
    }

    [Fact]
    public void More_than_fifty_thousand_characters_give_a_note_instead()
    {
        var g = Chain(400);
        foreach (var n in g.Nodes.ToList())
        {
            g.Nodes[g.Nodes.IndexOf(n)] = new DiagramNode { Id = n.Id, Kind = n.Kind, Category = n.Category, Label = new string('x', 200), Cluster = n.Cluster };
        }
        var text = MermaidRenderer.Render(g, leftRight: false);
        Assert.DoesNotContain("```mermaid", text);
        Assert.Contains("50,000", text);
    }
}
