using System.Globalization;
using NetVizGen.Layout.Tests.Support;

namespace NetVizGen.Layout.Tests;

public class LayeredLayoutTests
{
    [Fact]
    public void EmptyGraph()
    {
        var r = LayeredLayout.Run(new LayoutGraph());
        Assert.Empty(r.Nodes);
        Assert.True(r.Width >= 0 && r.Height >= 0);
    }

    [Fact]
    public void SingleNodeSitsAtTheMargin()
    {
        var r = new GraphSpec().Node("a", 100, 40).Layout();
        Assert.Equal(new NodeLayout("a", 60, 30, 100, 40), r.Nodes["a"]);
        Assert.Equal(120, r.Width);
        Assert.Equal(60, r.Height);
    }

    [Fact]
    public void BadInputThrowsAtAddTime()
    {
        var g = new LayoutGraph();
        g.AddCluster("c");
        g.AddNode("a", 10, 10, "c");
        Assert.Throws<ArgumentException>(() => g.AddNode("a", 10, 10));
        Assert.Throws<ArgumentException>(() => g.AddNode("c", 10, 10));
        Assert.Throws<ArgumentException>(() => g.AddNode("b", 10, 10, "nope"));
        Assert.Throws<ArgumentException>(() => g.AddNode("b", double.NaN, 10));
        Assert.Throws<ArgumentException>(() => g.AddNode("b", -1, 10));
        var ex = Assert.Throws<ArgumentException>(() => g.AddEdge("e", "a", "missing"));
        Assert.Contains("missing", ex.Message);
        Assert.Throws<ArgumentException>(() => g.AddEdge("e", "a", "c"));
        g.AddEdge("e", "a", "a");
        Assert.Throws<ArgumentException>(() => g.AddEdge("e", "a", "a"));
    }

    [Fact]
    public void CyclesSelfLoopsDuplicatesAndEmptyClustersAreFine()
    {
        var spec = new GraphSpec().Cluster("empty").Cluster("c").Cluster("emptyChild", "c")
            .Chain("a", 4, "c").Edge("a3", "a0").Edge("a1", "a1").Edge("a0", "a1").Edge("a0", "a1").Node("z").Edge("z", "z");
        var r = spec.Layout();
        Invariants.Check(spec, r, expectDownward: false);
        Assert.True(r.Edges["e3"].Reversed);
    }

    [Fact]
    public void LeftToRightFlowsAlongX()
    {
        var spec = new GraphSpec().Cluster("c").Chain("a", 4, "c").Node("b").Edge("a0", "b").Edge("b", "a3", 40, 12);
        var o = new LayoutOptions { Direction = LayoutDirection.LeftToRight };
        var r = spec.Layout(o);
        Invariants.Check(spec, r, o);
        Assert.True(r.Nodes["a3"].X > r.Nodes["a0"].X);
        Assert.Equal(r.Nodes["a0"].Y, r.Nodes["a1"].Y);
    }

    [Fact]
    public void ClusterBoxesHoldPaddingAndTitle()
    {
        var spec = new GraphSpec().Cluster("c", titleHeight: 18).Node("a", 100, 40, "c");
        var r = spec.Layout(new LayoutOptions { ClusterPadding = 10 });
        var c = r.Clusters["c"];
        var a = r.Nodes["a"];
        Assert.Equal(a.Left - 10, c.Left);
        Assert.Equal(a.Top - 10 - 18, c.Top);
        Assert.Equal(a.Left + a.Width + 10, c.Left + c.Width);
        Assert.Equal(a.Top + a.Height + 10, c.Top + c.Height);
    }

    [Fact]
    public void ClusterIsAtLeastAsWideAsItsTitle()
    {
        var g = new LayoutGraph();
        g.AddCluster("c", titleWidth: 200, titleHeight: 18);
        g.AddNode("a", 30, 30, "c");
        g.AddNode("b", 30, 30);
        g.AddEdge("e", "b", "a");
        var r = LayeredLayout.Run(g, new LayoutOptions { ClusterPadding = 10 });
        Assert.True(r.Clusters["c"].Width >= 220);
        var a = r.Nodes["a"];
        Assert.InRange(a.X, r.Clusters["c"].Left + 10, r.Clusters["c"].Left + r.Clusters["c"].Width - 10);
    }

    [Fact]
    public void DeterministicAcrossRunsAndCultures()
    {
        var spec = GraphSpec.LoadCorpus(Corpus.Path("inception_v3"));
        string first = Invariants.Serialize(spec.Layout());
        var saved = CultureInfo.CurrentCulture;
        try
        {
            foreach (var culture in new[] { "de-DE", "fr-FR", "ar-SA", "" })
            {
                CultureInfo.CurrentCulture = new CultureInfo(culture);
                Assert.Equal(first, Invariants.Serialize(spec.Layout()));
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void CoordinatesAreRoundedToHundredths()
    {
        var r = GraphSpec.LoadCorpus(Corpus.Path("unet")).Layout();
        foreach (var e in r.Edges.Values)
            foreach (var p in e.Points)
            {
                Assert.Equal(Math.Round(p.X, 2), p.X);
                Assert.Equal(Math.Round(p.Y, 2), p.Y);
            }
    }
}
