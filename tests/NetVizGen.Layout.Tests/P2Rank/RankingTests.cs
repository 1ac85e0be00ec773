using NetVizGen.Layout.Graph;
using NetVizGen.Layout.P1Acyclic;
using NetVizGen.Layout.P2Rank;
using NetVizGen.Layout.Tests.Support;

namespace NetVizGen.Layout.Tests.P2Rank;

public class RankingTests
{
    private static int TotalLength(LGraph g) => g.Edges.Where(e => !e.IsSelfLoop).Sum(e => g.Rank[e.Target] - g.Rank[e.Source]);

    [Fact]
    public void ChainGetsConsecutiveRanks()
    {
        var g = Phases.Ranked(new GraphSpec().Chain("a", 5));
        Assert.Equal([0, 1, 2, 3, 4], Enumerable.Range(0, 5).Select(i => g.Rank[i]));
        Assert.Equal(5, g.RankCount);
    }

    [Fact]
    public void EveryEdgePointsDownByAtLeastItsMinimumLength()
    {
        var spec = new GraphSpec().Chain("a", 4).Chain("b", 2).Edge("a0", "b0").Edge("b1", "a3").Edge("a3", "a1");
        var g = Phases.Ranked(spec);
        Assert.All(g.Edges, e => Assert.True(g.Rank[e.Target] - g.Rank[e.Source] >= e.MinLen));
    }

    [Fact]
    public void LabelledGraphsDoubleTheMinimumLength()
    {
        var g = Phases.Ranked(new GraphSpec().Node("a").Node("b").Edge("a", "b", 30, 10));
        Assert.Equal(2, g.Rank[1] - g.Rank[0]);
    }

    [Fact]
    public void LatePlacementMovesSideBranchesDownToTheirConsumer()
    {
        // x -> v -> m is a side branch of the spine x -> s0 -> s1 -> s2 -> m.
        var spec = new GraphSpec().Node("x").Chain("s", 3).Node("v").Node("m")
            .Edge("x", "s0").Edge("s2", "m").Edge("x", "v").Edge("v", "m");
        var g = Phases.Ranked(spec);
        int before = TotalLength(g);
        LatePlacement.Run(g);
        Assert.Equal(before, TotalLength(g));
        Assert.Equal(g.Rank[Phases.Leaf(g, "m")] - 1, g.Rank[Phases.Leaf(g, "v")]);
        Assert.All(g.Edges, e => Assert.True(g.Rank[e.Target] - g.Rank[e.Source] >= e.MinLen));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void NetworkSimplexReachesTheMinimumTotalLength(int seed)
    {
        // Small random DAGs: compare with a brute-force search over all rankings.
        var rnd = new Random(seed);
        const int n = 6;
        var spec = new GraphSpec();
        for (int i = 0; i < n; i++) spec.Node("n" + i);
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++)
                if (rnd.NextDouble() < 0.4) spec.Edge("n" + i, "n" + j);
        var g = GraphBuilder.Build(spec.Build(), new LayoutOptions());
        DfsCycleBreaker.Run(g);
        LongestPathRanker.Run(g);
        int before = TotalLength(g);
        NetworkSimplexRanker.Run(g, 1000);
        int after = TotalLength(g);
        Assert.True(after <= before);
        Assert.All(g.Edges, e => Assert.True(g.Rank[e.Target] - g.Rank[e.Source] >= 1));
        Assert.Equal(BruteForceMinimum(g, n), after);
    }

    private static int BruteForceMinimum(LGraph g, int n)
    {
        int best = int.MaxValue;
        var rank = new int[n];
        void Go(int i)
        {
            if (i == n)
            {
                int total = 0;
                foreach (var e in g.Edges)
                {
                    int d = rank[e.Target] - rank[e.Source];
                    if (d < 1) return;
                    total += d;
                }
                best = Math.Min(best, total);
                return;
            }
            for (int r = 0; r < n; r++) { rank[i] = r; Go(i + 1); }
        }
        Go(0);
        return best;
    }
}
