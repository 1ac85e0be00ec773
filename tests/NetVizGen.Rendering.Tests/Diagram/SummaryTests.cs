using NetVizGen.Rendering.Describe;
using NetVizGen.Rendering.Diagram;

namespace NetVizGen.Rendering.Tests.Diagram;

/// <summary>The text summary (SVG desc, image alt text) calls an add residual only when its inputs branch from one point.</summary>
public class SummaryTests
{
    private static DiagramGraph Graph(params (string Source, string Target)[] edges)
    {
        var g = new DiagramGraph { Title = "T", Subtitle = "N×4 → N×4" };
        foreach (var id in edges.SelectMany(e => new[] { e.Source, e.Target }).Distinct())
        {
            var kind = id == "in" ? DiagramNodeKind.Input : id == "out" ? DiagramNodeKind.Output : id.StartsWith("add", StringComparison.Ordinal) ? DiagramNodeKind.Merge : DiagramNodeKind.Layer;
            g.Nodes.Add(new DiagramNode { Id = id, Kind = kind, Category = NodeCategory.Other, Label = kind == DiagramNodeKind.Merge ? "+" : id });
        }
        int i = 0;
        foreach (var (source, target) in edges) g.Edges.Add(new DiagramEdge { Id = "e" + i++, Source = source, Target = target });
        return g;
    }

    [Fact]
    public void An_add_with_a_skip_around_a_path_is_residual()
    {
        // x + f(g(x)): the input reaches the add around f and g.
        var g = Graph(("in", "g"), ("g", "f"), ("f", "add"), ("in", "add"), ("add", "out"));
        Assert.Equal("T: N×4 → N×4. Data flows through g, f, a residual add.", Summary.Describe(g));
    }

    [Fact]
    public void A_projection_shortcut_beside_the_main_path_is_residual()
    {
        // downsample(x) + conv(x): both branch from the input.
        var g = Graph(("in", "conv"), ("in", "downsample"), ("conv", "add"), ("downsample", "add"), ("add", "out"));
        Assert.Equal("T: N×4 → N×4. Data flows through conv, downsample, a residual add.", Summary.Describe(g));
    }

    [Fact]
    public void An_add_of_inputs_with_no_common_source_is_not_residual()
    {
        // A noisy layer's weight plus its noise: two tensors of the module, no shared source.
        var g = Graph(("weight", "add"), ("noise", "add"), ("add", "linear"), ("in", "linear"), ("linear", "out"));
        Assert.Equal("T: N×4 → N×4. Data flows through weight, an add, noise, linear.", Summary.Describe(g));
    }
}
