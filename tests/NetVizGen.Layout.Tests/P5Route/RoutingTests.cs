using NetVizGen.Layout.Tests.Support;

namespace NetVizGen.Layout.Tests.P5Route;

public class RoutingTests
{
    [Fact]
    public void StraightChainEdgesAreVerticalSegmentsBetweenBorders()
    {
        var r = new GraphSpec().Chain("a", 3).Layout();
        var e = r.Edges["e0"];
        Assert.Equal(2, e.Points.Count);
        Assert.Equal(e.Points[0].X, e.Points[1].X);
        Assert.Equal(r.Nodes["a0"].Y + 15, e.Points[0].Y);
        Assert.Equal(r.Nodes["a1"].Y - 15, e.Points[1].Y);
    }

    [Fact]
    public void LongEdgesBendOnlyBesideTheNodesTheyPass()
    {
        var spec = new GraphSpec().Chain("a", 5).Edge("a0", "a4");
        var r = spec.Layout();
        var skip = r.Edges["e4"];
        // Leaves a0, runs straight down beside the chain, enters a4: at most 4 points.
        Assert.InRange(skip.Points.Count, 2, 4);
        Invariants.Check(spec, r);
    }

    [Fact]
    public void FanOutPortsAreDistinctAndOrdered()
    {
        // Four edges leave x toward nodes to its right: they must not share one port point.
        var spec = new GraphSpec().Node("x", 120).Chain("s", 2);
        for (int i = 0; i < 4; i++) spec.Node("t" + i, 60).Edge("x", "t" + i);
        spec.Edge("x", "s0");
        var r = spec.Layout();
        var starts = r.Edges.Values.Where(e => e.Source == "x").OrderBy(e => e.Points[1].X).Select(e => e.Points[0].X).ToArray();
        for (int i = 1; i < starts.Length; i++) Assert.True(starts[i] > starts[i - 1], "ports share a point or are out of order");
        Invariants.Check(spec, r);
    }

    [Fact]
    public void ReversedEdgesStillRunFromSourceToTarget()
    {
        var spec = new GraphSpec().Chain("a", 3).Edge("a2", "a0");
        var r = spec.Layout();
        var back = r.Edges["e2"];
        Assert.True(back.Reversed);
        Assert.True(Math.Abs(back.Points[0].Y - r.Nodes["a2"].Y) <= 15.01);
        Assert.True(Math.Abs(back.Points[^1].Y - r.Nodes["a0"].Y) <= 15.01);
    }

    [Fact]
    public void LabelsGetTheirOwnSpace()
    {
        var spec = new GraphSpec().Node("a").Node("b").Node("c").Edge("a", "b", 80, 14).Edge("a", "c", 80, 14).Edge("b", "c", 50, 14);
        var r = spec.Layout();
        Invariants.Check(spec, r);
        Assert.All(r.Edges.Values, e => Assert.NotNull(e.LabelCenter));
    }

    [Fact]
    public void SelfLoopStaysBesideItsNode()
    {
        var spec = new GraphSpec().Node("a").Node("b").Edge("a", "a").Edge("a", "b");
        var r = spec.Layout();
        var loop = r.Edges["e0"];
        Assert.True(loop.Points.Count >= 3);
        Assert.All(loop.Points, p => Assert.True(p.X >= r.Nodes["a"].X + 30 - 0.01));
        Invariants.Check(spec, r, expectDownward: false);
    }
}
