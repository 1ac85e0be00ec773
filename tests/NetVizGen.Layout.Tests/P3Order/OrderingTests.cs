using NetVizGen.Layout.P3Order;
using NetVizGen.Layout.Tests.Support;

namespace NetVizGen.Layout.Tests.P3Order;

public class OrderingTests
{
    [Fact]
    public void CrossingCounterCountsABowtie()
    {
        // a->d and b->c cross once when the ranks read (a, b) and (c, d).
        var g = Phases.Split(new GraphSpec().Node("a").Node("b").Node("c").Node("d").Edge("a", "d").Edge("b", "c"));
        BarycenterOrderer.InitialOrder(g);
        g.Layers = [[0, 1], [2, 3]];
        BarycenterOrderer.UpdatePos(g);
        Assert.Equal(1, new CrossingCounter().Count(g, g.Layers));
        g.Layers = [[0, 1], [3, 2]];
        BarycenterOrderer.UpdatePos(g);
        Assert.Equal(0, new CrossingCounter().Count(g, g.Layers));
    }

    [Fact]
    public void CrossingCounterCountsK33()
    {
        var spec = new GraphSpec();
        for (int i = 0; i < 3; i++) spec.Node("u" + i);
        for (int i = 0; i < 3; i++) spec.Node("v" + i);
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++) spec.Edge("u" + i, "v" + j);
        var g = Phases.Split(spec);
        BarycenterOrderer.InitialOrder(g);
        g.Layers = [[0, 1, 2], [3, 4, 5]];
        BarycenterOrderer.UpdatePos(g);
        Assert.Equal(9, new CrossingCounter().Count(g, g.Layers)); // C(3,2)^2
    }

    [Fact]
    public void SweepsRemoveAvoidableCrossings()
    {
        // Two parallel chains wired crosswise in input order; a planar order exists.
        var spec = new GraphSpec().Node("a").Node("b").Node("c").Node("d").Node("e").Node("f")
            .Edge("a", "d").Edge("b", "c").Edge("c", "f").Edge("d", "e");
        var g = Phases.Ordered(spec);
        Assert.Equal(0, new CrossingCounter().Count(g, g.Layers));
    }

    [Fact]
    public void ClustersStayContiguousInEveryRank()
    {
        // Members of two clusters interleave in the input order.
        var spec = new GraphSpec().Node("top").Cluster("L").Cluster("R");
        for (int i = 0; i < 4; i++) spec.Node("l" + i, parent: "L").Node("r" + i, parent: "R");
        for (int i = 0; i < 4; i++) spec.Edge("top", "l" + i).Edge("top", "r" + i);
        for (int i = 0; i < 4; i++) spec.Node("x" + i).Edge("l" + i, "x" + i).Edge("r" + i, "x" + ((i + 1) % 4));
        var g = Phases.Ordered(spec);
        foreach (var layer in g.Layers)
        {
            var clusters = layer.Select(v => g.Cluster[v]).ToArray();
            for (int c = 0; c < g.C; c++)
            {
                int first = Array.IndexOf(clusters, c), last = Array.LastIndexOf(clusters, c);
                if (first < 0) continue;
                Assert.All(clusters[first..(last + 1)], x => Assert.Equal(c, x));
            }
        }
    }

    [Fact]
    public void SiblingClustersKeepOneOrderAcrossRanks()
    {
        var spec = new GraphSpec().Node("in").Cluster("A").Cluster("B").Chain("a", 3, "A").Chain("b", 3, "B")
            .Edge("in", "b0").Edge("in", "a0").Node("out").Edge("a2", "out").Edge("b2", "out");
        var g = Phases.Ordered(spec);
        int A = Phases.ClusterIndex(g, "A"), B = Phases.ClusterIndex(g, "B");
        var aLeft = g.Layers.Where(l => l.Any(v => g.Cluster[v] == A) && l.Any(v => g.Cluster[v] == B))
            .Select(l => Array.FindIndex(l, v => g.Cluster[v] == A) < Array.FindIndex(l, v => g.Cluster[v] == B)).Distinct();
        Assert.Single(aLeft);
    }

    [Fact]
    public void FanOutPutsTheMainPathInTheMiddle()
    {
        // q is x's first output, so it continues the spine; k and v are side branches into the same node.
        var spec = new GraphSpec().Node("x").Node("q").Node("k").Node("v").Chain("s", 3)
            .Edge("x", "q").Edge("x", "k").Edge("x", "v").Edge("q", "s0").Edge("k", "s0").Edge("v", "s0");
        var g = Phases.Ordered(spec);
        var rank1 = g.Layers[1].Where(v => v < g.LeafCount).Select(v => g.LeafIds[v]).ToArray();
        Assert.Equal("q", rank1[1]);
    }
}
