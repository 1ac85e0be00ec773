using NetVizGen.Layout.Graph;
using NetVizGen.Layout.Tests.Support;

namespace NetVizGen.Layout.Tests.Nesting;

public class NestingTests
{
    private static GraphSpec Nested() => new GraphSpec()
        .Node("in")
        .Cluster("outer").Cluster("inner", "outer")
        .Node("a", parent: "outer").Node("b", parent: "inner").Node("c", parent: "inner").Node("d", parent: "outer")
        .Node("out")
        .Edge("in", "a").Edge("a", "b").Edge("b", "c").Edge("c", "d").Edge("d", "out").Edge("in", "out");

    [Fact]
    public void SpansCoverMembersAndNest()
    {
        var g = Phases.Ranked(Nested());
        int outer = Phases.ClusterIndex(g, "outer"), inner = Phases.ClusterIndex(g, "inner");
        Assert.Equal((1, 4), (g.Top[outer], g.Bottom[outer]));
        Assert.Equal((2, 3), (g.Top[inner], g.Bottom[inner]));
    }

    [Fact]
    public void BordersWrapEachClusterOnEveryRankOfItsSpan()
    {
        var g = Phases.Bordered(Nested());
        for (int r = 0; r < g.RankCount; r++)
        {
            // Reading a rank left to right, border nodes must form properly nested brackets.
            var open = new Stack<int>();
            foreach (int v in g.Layers[r])
            {
                if (g.Kind[v] == NodeKind.BorderLeft) open.Push(g.Cluster[v]);
                else if (g.Kind[v] == NodeKind.BorderRight) Assert.Equal(open.Pop(), g.Cluster[v]);
                else
                {
                    int c = g.Cluster[v];
                    if (c >= 0) Assert.Contains(c, open);
                }
            }
            Assert.Empty(open);
            for (int c = 0; c < g.C; c++)
            {
                bool covers = g.Top[c] <= r && r <= g.Bottom[c];
                Assert.Equal(covers, g.Layers[r].Any(v => g.Kind[v] == NodeKind.BorderLeft && g.Cluster[v] == c));
            }
        }
    }

    [Fact]
    public void LongEdgeDummiesStayInsideTheDeepestCoveringCluster()
    {
        // A skip connection inside a block: its dummies belong to the block.
        var spec = new GraphSpec().Cluster("block").Chain("x", 4, "block").Edge("x0", "x3");
        var g = Phases.Split(spec);
        var skip = g.Edges[^1];
        Assert.Equal(4, skip.Chain.Length);
        Assert.All(skip.Chain[1..^1], d => Assert.Equal(Phases.ClusterIndex(g, "block"), g.Cluster[d]));
    }
}
