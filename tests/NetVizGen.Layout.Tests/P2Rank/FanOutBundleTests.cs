using NetVizGen.Layout.Graph;
using NetVizGen.Layout.Tests.Support;

namespace NetVizGen.Layout.Tests.P2Rank;

/// <summary>Fan-out bundles (issue 12 "dense graphs scale", issue 14 "dense links bundled").</summary>
public class FanOutBundleTests
{
    /// <summary>A DenseNet dense block of n layers: layer i reads cat_i, the concatenation of the input and all earlier layers.</summary>
    internal static GraphSpec DenseBlock(int n, bool labelled = false)
    {
        var spec = new GraphSpec().Cluster("block").Node("input", 120, 36);
        var sources = new List<string> { "input" };
        var withLabel = new HashSet<string>(StringComparer.Ordinal);
        void Edge(string s, string t)
        {
            bool label = labelled && withLabel.Add(s);
            spec.Edge(s, t, label ? 80 : 0, label ? 14 : 0);
        }
        for (int i = 0; i < n; i++)
        {
            spec.Node("cat" + i, 80, 30, "block").Node("layer" + i, 140, 36, "block");
            foreach (var s in sources) Edge(s, "cat" + i);
            Edge("cat" + i, "layer" + i);
            sources.Add("layer" + i);
        }
        spec.Node("out", 80, 30, "block");
        foreach (var s in sources) Edge(s, "out");
        return spec;
    }

    private static int Dummies(LGraph g) => Enumerable.Range(0, g.N).Count(g.IsDummy);

    [Fact]
    public void DenseBlockNeedsQuadraticNotCubicDummies()
    {
        // Unbundled, the edges of a dense block of 64 layers pass sum over pairs of their rank distance: about
        // n³/3 = 87,000 dummies. Bundled, each source has one trunk down to its last target: at most
        // (n + 1) sources x 2n + 2 ranks.
        foreach (bool labelled in new[] { false, true })
        {
            int n = 64;
            var bundled = Phases.Split(DenseBlock(n, labelled));
            var separate = Phases.Split(DenseBlock(n, labelled), new LayoutOptions { BundleFanOut = false });
            int ranks = bundled.RankCount;
            Assert.True(Dummies(bundled) <= (n + 1) * ranks, $"{Dummies(bundled)} dummies for {n} layers over {ranks} ranks");
            Assert.True(Dummies(separate) > 20 * Dummies(bundled), $"unbundled {Dummies(separate)} vs bundled {Dummies(bundled)}");
        }
    }

    [Fact]
    public void BundledEdgesShareAPrefixAndEveryDummyHasOneNodeAbove()
    {
        var g = Phases.Split(DenseBlock(12, labelled: true));
        for (int v = 0; v < g.N; v++)
            if (g.IsDummy(v)) Assert.Equal(1, g.UpStart[v + 1] - g.UpStart[v]);
        // Edges of one source longer than the minimum length (a minimum-length edge is a straight main-path step,
        // never bundled): their chains agree rank by rank until one reaches its target (a prefix tree).
        foreach (var group in g.Edges.GroupBy(e => e.Source))
        {
            var chains = group.Where(e => e.ChainLength - 1 > Math.Max(1, e.MinLen)).Select(e => e.Chain).ToList();
            if (chains.Count < 4) continue;
            for (int a = 0; a < chains.Count; a++)
                for (int b = a + 1; b < chains.Count; b++)
                {
                    int common = Math.Min(chains[a].Length, chains[b].Length) - 1;
                    for (int i = 0; i < common; i++) Assert.Equal(chains[a][i], chains[b][i]);
                }
        }
        // Every chain still has one node per rank, source to target.
        foreach (var e in g.Edges)
        {
            var c = e.Chain;
            Assert.Equal(e.Source, c[0]);
            Assert.Equal(e.Target, c[^1]);
            for (int i = 1; i < c.Length; i++) Assert.Equal(g.Rank[c[i - 1]] + 1, g.Rank[c[i]]);
        }
    }

    [Fact]
    public void ALabelIsNeverSharedByTwoEdges()
    {
        // Every edge labelled: only the first of each bundle may put its label on the shared first dummy.
        var spec = new GraphSpec().Node("s");
        for (int i = 0; i < 6; i++) spec.Chain("p" + i + "_", i + 3).Edge("s", "p" + i + "_" + (i + 2), 40, 12);
        var g = Phases.Split(spec);
        var holders = g.Edges.Where(e => e.LabelNode >= 0).Select(e => e.LabelNode).ToList();
        Assert.Equal(holders.Count, holders.Distinct().Count());
        Assert.Equal(6, g.Edges.Count(e => e.HasLabel && e.LabelNode >= 0));
    }

    [Fact]
    public void SmallFanOutsStaySeparate()
    {
        // Three long edges from one node into three branch clusters (an Inception module's input): below
        // BundleMinFanOut and never two into one cluster, so one chain each.
        var spec = new GraphSpec().Node("s");
        for (int i = 0; i < 3; i++) spec.Cluster("branch" + i).Chain("b" + i + "_", 4, "branch" + i).Edge("s", "b" + i + "_3");
        spec.Edge("s", "b0_0").Edge("s", "b1_0").Edge("s", "b2_0");
        var g = Phases.Split(spec);
        var firstDummies = g.Edges.Where(e => e.Source == Phases.Leaf(g, "s") && e.ChainLength > 2).Select(e => e.At(1)).ToList();
        Assert.Equal(3, firstDummies.Count);
        Assert.Equal(3, firstDummies.Distinct().Count());
    }

    [Fact]
    public void AMainPathStepIsNeverBundledWithASkip()
    {
        // A residual block page with shape labels (every edge then spans at least 2 ranks): the input feeds
        // conv1 (a minimum-length step of the spine) and two later adds; the step keeps its own straight chain.
        var spec = new GraphSpec().Node("in").Chain("c", 4).Node("add1").Node("add2")
            .Edge("in", "c0", 40, 12).Edge("c3", "add1").Edge("in", "add1").Edge("add1", "add2").Edge("in", "add2");
        var g = Phases.Split(spec);
        var step = g.Edges[Array.FindIndex(spec.Edges.ToArray(), e => e.Source == "in" && e.Target == "c0")];
        var skips = g.Edges.Where(e => e.Source == Phases.Leaf(g, "in") && e != step).ToList();
        Assert.Equal(3, step.ChainLength);
        Assert.All(skips, e => Assert.NotEqual(step.At(1), e.At(1)));
        Assert.Equal(skips[0].At(1), skips[1].At(1)); // the two skips do share
    }

    [Fact]
    public void TwoLongEdgesIntoOneClusterAreBundled()
    {
        // A dense block's first layer feeds two later cats of the block: a bundle of two.
        var spec = new GraphSpec().Cluster("block").Node("s", parent: "block").Chain("x", 5, "block").Edge("s", "x0").Edge("s", "x3").Edge("s", "x4");
        var g = Phases.Split(spec);
        var chains = g.Edges.Where(e => e.Source == Phases.Leaf(g, "s") && e.ChainLength > 2).ToList();
        Assert.Equal(2, chains.Count);
        Assert.Equal(chains[0].At(1), chains[1].At(1));
    }

    [Fact]
    public void BundledDrawingKeepsTheInvariantsAndSharesTheTrunk()
    {
        var spec = DenseBlock(12, labelled: true);
        var r = spec.Layout();
        Invariants.Check(spec, r);
        Assert.Equal(Invariants.Serialize(r), Invariants.Serialize(spec.Layout()));
        // The edges out of layer0 leave through one port and run down one straight trunk (same x) before splitting.
        var routes = spec.Edges.Where(e => e.Source == "layer0" && e.Target != "cat1").Select(e => r.Edges[e.Id].Points).ToList();
        Assert.True(routes.Count >= 10);
        Assert.Single(routes.Select(p => p[0]).Distinct());
        Assert.Single(routes.Select(p => p[1].X).Distinct());
        Assert.All(routes, p => Assert.True(p.Count <= 5, $"{p.Count} points: the trunk should be straight"));
    }

    [Fact]
    public void DenseBlockIsNarrowerThanUnbundled()
    {
        var spec = DenseBlock(24);
        var bundled = spec.Layout();
        var separate = spec.Layout(new LayoutOptions { BundleFanOut = false });
        Invariants.Check(spec, bundled);
        Assert.True(bundled.Width * 2 < separate.Width, $"bundled {bundled.Width} vs separate {separate.Width}");
    }
}
