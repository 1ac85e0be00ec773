using NetVizGen.Layout.Graph;
using NetVizGen.Layout.P4Position;
using NetVizGen.Layout.Tests.Support;

namespace NetVizGen.Layout.Tests.P4Position;

public class PositionTests
{
    private static LGraph Placed(GraphSpec spec)
    {
        var g = Phases.Bordered(spec);
        RankYPlacer.Run(g, out _, out _);
        AlignedXPlacer.Run(g);
        return g;
    }

    [Fact]
    public void SeparationHoldsBetweenRankNeighbours()
    {
        var spec = new GraphSpec().Node("in").Cluster("c").Node("a", 100, parent: "c").Node("b", 40, parent: "c").Node("d", 70).Node("out")
            .Edge("in", "a").Edge("in", "b").Edge("in", "d").Edge("a", "out").Edge("b", "out").Edge("d", "out").Edge("in", "out");
        var g = Placed(spec);
        foreach (var layer in g.Layers)
            for (int i = 0; i + 1 < layer.Length; i++)
                Assert.True(g.X[layer[i + 1]] - g.X[layer[i]] >= AlignedXPlacer.Separation(g, layer[i], layer[i + 1]) - 1e-9);
    }

    [Fact]
    public void MainPathIsAStraightLineWithTheSkipBesideIt()
    {
        // A residual block: x -> conv -> bn -> relu -> add, and x -> add.
        var spec = new GraphSpec().Node("x").Chain("c", 3).Node("add").Node("y")
            .Edge("x", "c0").Edge("c2", "add").Edge("x", "add").Edge("add", "y");
        var g = Placed(spec);
        var spine = new[] { "x", "c0", "c1", "c2", "add", "y" }.Select(id => g.X[Phases.Leaf(g, id)]).Distinct();
        Assert.Single(spine);
        var skip = g.Edges.Single(e => g.LeafIds[e.OrigSource] == "x" && g.LeafIds[e.OrigTarget] == "add");
        Assert.Single(skip.Chain[1..^1].Select(d => g.X[d]).Distinct()); // the skip runs straight too
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void MainPathStaysStraightBesideADownsampleCluster(bool labels)
    {
        // A ResNet block with a downsample branch: in -> 10 layers -> add -> out (12 nodes), and
        // in -> [downsample: conv, bn] -> add. Node widths as the renderer sizes them (conv wide, relu narrow).
        var widths = new double[] { 80, 172, 145, 96, 172, 145, 96, 180, 153, 24, 96, 80 };
        var spec = new GraphSpec();
        for (int i = 0; i < 12; i++) spec.Node("n" + i, widths[i], i == 9 ? 24 : 40);
        spec.Cluster("downsample").Node("d0", 180, 40, "downsample").Node("d1", 153, 40, "downsample");
        for (int i = 1; i < 12; i++) spec.Edge("n" + (i - 1), "n" + i, labels && i is 1 or 8 ? 70 : 0, labels && i is 1 or 8 ? 12 : 0);
        spec.Edge("n0", "d0").Edge("d0", "d1", labels ? 70 : 0, labels ? 12 : 0).Edge("d1", "n9");
        var r = spec.Layout();
        Invariants.Check(spec, r);
        var xs = Enumerable.Range(0, 12).Select(i => r.Nodes["n" + i].X).ToArray();
        Assert.True(xs.Distinct().Count() == 1, "main-path centres: " + string.Join(", ", xs));
        // The branch sits beside the spine, not on it.
        var c = r.Clusters["downsample"];
        Assert.True(c.Left >= r.Nodes["n7"].Left + r.Nodes["n7"].Width || c.Left + c.Width <= r.Nodes["n7"].Left);
    }

    [Fact]
    public void ClusterBordersAreAligned()
    {
        var spec = new GraphSpec().Cluster("c").Node("a", 200, parent: "c").Node("b", 40, parent: "c").Node("z", 300).Edge("a", "b").Edge("z", "b");
        var g = Placed(spec);
        for (int c = 0; c < g.C; c++)
        {
            Assert.Single(Enumerable.Range(0, g.N).Where(v => g.Kind[v] == NodeKind.BorderLeft && g.Cluster[v] == c).Select(v => g.X[v]).Distinct());
            Assert.Single(Enumerable.Range(0, g.N).Where(v => g.Kind[v] == NodeKind.BorderRight && g.Cluster[v] == c).Select(v => g.X[v]).Distinct());
        }
    }

    [Fact]
    public void RanksLeaveRoomForClusterTitlesAndPadding()
    {
        var o = new LayoutOptions { RankSpacing = 10, ClusterPadding = 10 };
        var spec = new GraphSpec().Node("a").Cluster("c", titleHeight: 30).Node("b", parent: "c").Edge("a", "b");
        var g = Phases.Bordered(spec, o);
        RankYPlacer.Run(g, out var start, out _);
        Assert.Equal(40, start[0]);
        Assert.True(g.RankTop[1] - (g.RankTop[0] + g.RankHeight[0]) >= 40 + 10);
    }
}
