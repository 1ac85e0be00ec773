using NetVizGen.Layout.Graph;
using NetVizGen.Layout.P1Acyclic;
using NetVizGen.Layout.Tests.Support;

namespace NetVizGen.Layout.Tests.P1Acyclic;

public class DfsCycleBreakerTests
{
    private static LGraph Run(GraphSpec spec)
    {
        var g = GraphBuilder.Build(spec.Build(), new LayoutOptions());
        DfsCycleBreaker.Run(g);
        return g;
    }

    [Fact]
    public void DagKeepsEveryEdge()
    {
        var g = Run(new GraphSpec().Chain("a", 4).Edge("a0", "a3"));
        Assert.DoesNotContain(g.Edges, e => e.Reversed);
    }

    [Fact]
    public void TriangleReversesExactlyTheClosingEdge()
    {
        var g = Run(new GraphSpec().Chain("a", 3).Edge("a2", "a0"));
        Assert.Single(g.Edges, e => e.Reversed);
        Assert.True(g.Edges[2].Reversed);
        Assert.Equal(Phases.Leaf(g, "a0"), g.Edges[2].Source);
    }

    [Fact]
    public void SelfLoopsAreLeftAlone()
    {
        var g = Run(new GraphSpec().Node("a").Edge("a", "a"));
        Assert.False(g.Edges[0].Reversed);
    }

    [Fact]
    public void TwoCyclesBothBroken()
    {
        var g = Run(new GraphSpec().Node("a").Node("b").Edge("a", "b").Edge("b", "a").Edge("a", "b"));
        Assert.Single(g.Edges, e => e.Reversed);
        Assert.All(g.Edges, e => Assert.Equal(Phases.Leaf(g, "a"), e.Source));
    }
}
