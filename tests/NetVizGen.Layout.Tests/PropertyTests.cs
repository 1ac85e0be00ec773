using CsCheck;
using NetVizGen.Layout.Tests.Support;

namespace NetVizGen.Layout.Tests;

/// <summary>Random layered compound DAGs (and random messy graphs) against the invariants.</summary>
public class PropertyTests
{
    /// <summary>
    /// A random compound graph: clusters nested at random (each cluster's parent is an earlier cluster or none),
    /// nodes of random sizes in random clusters, edges from earlier to later nodes (a DAG) or, when
    /// <paramref name="messy"/>, anywhere (cycles, self loops, duplicates), some with labels.
    /// </summary>
    private static GraphSpec Random(int nodes, int clusters, int edges, int seed, bool messy, bool labels)
    {
        var rnd = new Random(seed);
        var spec = new GraphSpec();
        for (int c = 0; c < clusters; c++)
            spec.Cluster("c" + c, c == 0 || rnd.NextDouble() < 0.3 ? null : "c" + rnd.Next(c), rnd.Next(0, 25));
        for (int i = 0; i < nodes; i++)
            spec.Node("n" + i, 10 + rnd.Next(150), 10 + rnd.Next(50), clusters == 0 || rnd.NextDouble() < 0.2 ? null : "c" + rnd.Next(clusters));
        for (int k = 0; k < edges && nodes > 0; k++)
        {
            int a = rnd.Next(nodes), b = rnd.Next(nodes);
            if (!messy)
            {
                if (a == b) continue;
                if (a > b) (a, b) = (b, a);
            }
            bool label = labels && rnd.NextDouble() < 0.5;
            spec.Edge("n" + a, "n" + b, label ? 20 + rnd.Next(60) : 0, label ? 12 : 0);
        }
        return spec;
    }

    private static readonly Gen<(int Nodes, int Clusters, int Edges, int Seed)> Shapes =
        Gen.Select(Gen.Int[1, 40], Gen.Int[0, 8], Gen.Int[0, 80], Gen.Int[0, 1_000_000], (n, c, e, s) => (n, c, e, s));

    [Fact]
    public void RandomCompoundDagsSatisfyTheInvariants()
    {
        Shapes.Sample(t =>
        {
            var spec = Random(t.Nodes, t.Clusters, t.Edges, t.Seed, messy: false, labels: false);
            Invariants.Check(spec, spec.Layout());
        }, iter: 1000);
    }

    [Fact]
    public void LargerRandomCompoundDagsSatisfyTheInvariants()
    {
        Gen.Select(Gen.Int[50, 200], Gen.Int[5, 30], Gen.Int[50, 400], Gen.Int[0, 1_000_000], (n, c, e, s) => (n, c, e, s)).Sample(t =>
        {
            var spec = Random(t.Item1, t.Item2, t.Item3, t.Item4, messy: false, labels: t.Item4 % 4 == 0);
            Invariants.Check(spec, spec.Layout());
        }, iter: 60);
    }

    [Fact]
    public void RandomLabelledDagsSatisfyTheInvariantsInBothDirections()
    {
        Shapes.Sample(t =>
        {
            var spec = Random(t.Nodes, t.Clusters, t.Edges, t.Seed, messy: false, labels: true);
            var o = new LayoutOptions { Direction = t.Seed % 2 == 0 ? LayoutDirection.TopToBottom : LayoutDirection.LeftToRight };
            Invariants.Check(spec, spec.Layout(o), o);
        }, iter: 500);
    }

    [Fact]
    public void WrappedRandomDagsSatisfyTheInvariantsAndNoDrawnStretchRises()
    {
        // A low target ratio makes most of these graphs wrap wherever a cut exists.
        int wrapped = 0;
        Shapes.Sample(t =>
        {
            // A spine through every node plus a few random forward edges: long graphs, sometimes with skips.
            var spec = Random(t.Nodes, t.Clusters, t.Edges / 8, t.Seed, messy: false, labels: t.Seed % 2 == 0);
            for (int i = 1; i < t.Nodes; i++) spec.Edge("n" + (i - 1), "n" + i);
            var o = new LayoutOptions { WrapAspectRatio = 0.3, Direction = t.Seed % 3 == 0 ? LayoutDirection.LeftToRight : LayoutDirection.TopToBottom };
            var r = spec.Layout(o);
            Invariants.Check(spec, r, o, expectDownward: false);
            foreach (var e in r.Edges.Values)
                for (int i = 1; i < e.Points.Count; i++)
                    if (!e.Breaks.Contains(i))
                        Assert.True(e.Points[i].Y >= e.Points[i - 1].Y - 0.02 || o.Direction == LayoutDirection.LeftToRight && e.Points[i].X >= e.Points[i - 1].X - 0.02,
                            $"edge {e.Id} rises at point {i}");
            var plain = spec.Layout(new LayoutOptions { Direction = o.Direction });
            if (plain.Height != r.Height || plain.Width != r.Width) Interlocked.Increment(ref wrapped);
        }, iter: 300);
        Assert.True(wrapped > 20, "only " + wrapped + " of 300 graphs wrapped");
    }

    [Fact]
    public void RandomLevelsKeepTheInvariantsOnClusterFreeDags()
    {
        Shapes.Sample(t =>
        {
            var spec = Random(t.Nodes, 0, t.Edges, t.Seed, messy: false, labels: t.Seed % 2 == 0);
            var g = spec.Build();
            var rnd = new Random(t.Seed);
            foreach (var n in spec.Nodes) g.SetLevel(n.Id, rnd.Next(4));
            var o = new LayoutOptions { Direction = t.Seed % 3 == 0 ? LayoutDirection.LeftToRight : LayoutDirection.TopToBottom };
            Invariants.Check(spec, LayeredLayout.Run(g, o), o);
        }, iter: 300);
    }

    [Fact]
    public void MessyGraphsNeverThrowAndStayOverlapFree()
    {
        Shapes.Sample(t =>
        {
            var spec = Random(t.Nodes, t.Clusters, t.Edges, t.Seed, messy: true, labels: t.Seed % 3 == 0);
            Invariants.Check(spec, spec.Layout(), expectDownward: false);
        }, iter: 500);
    }

    [Fact]
    public void LayoutIsDeterministic()
    {
        Shapes.Sample(t =>
        {
            var spec = Random(t.Nodes, t.Clusters, t.Edges, t.Seed, messy: true, labels: true);
            Assert.Equal(Invariants.Serialize(spec.Layout()), Invariants.Serialize(spec.Layout()));
        }, iter: 200);
    }
}
