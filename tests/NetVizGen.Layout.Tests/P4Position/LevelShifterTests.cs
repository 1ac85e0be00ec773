using NetVizGen.Layout.Tests.Support;

namespace NetVizGen.Layout.Tests.P4Position;

/// <summary>Levels draw an encoder–decoder as a U: one line per level, skips straight along it, flow untouched.</summary>
public class LevelShifterTests
{
    // in -> e0 -> e1 -> e2 -> mid -> c2 -> d2 -> c1 -> d1 -> c0 -> d0 -> out, skips e_k -> c_k.
    private static (GraphSpec Spec, Dictionary<string, int> Levels) UNet(int depth, bool labels)
    {
        var spec = new GraphSpec().Node("in", 80, 30);
        var chain = new List<string> { "in" };
        for (int k = 0; k < depth; k++) { spec.Node("e" + k, 140, 40); chain.Add("e" + k); }
        spec.Node("mid", 140, 40); chain.Add("mid");
        for (int k = depth - 1; k >= 0; k--) { spec.Node("c" + k, 24, 24).Node("d" + k, 140, 40); chain.Add("c" + k); chain.Add("d" + k); }
        spec.Node("out", 80, 30); chain.Add("out");
        for (int i = 1; i < chain.Count; i++) spec.Edge(chain[i - 1], chain[i], labels ? 70 : 0, labels ? 12 : 0);
        for (int k = 0; k < depth; k++) spec.Edge("e" + k, "c" + k, labels ? 70 : 0, labels ? 12 : 0);
        var levels = new Dictionary<string, int> { ["in"] = 0, ["mid"] = depth, ["out"] = 0 };
        for (int k = 0; k < depth; k++) { levels["e" + k] = k; levels["c" + k] = k; levels["d" + k] = k; }
        return (spec, levels);
    }

    private static LayoutResult Run(GraphSpec spec, Dictionary<string, int> levels, LayoutOptions o)
    {
        var g = spec.Build();
        foreach (var (id, level) in levels) g.SetLevel(id, level);
        return LayeredLayout.Run(g, o);
    }

    [Theory]
    [InlineData(2, false, LayoutDirection.LeftToRight)]
    [InlineData(3, true, LayoutDirection.LeftToRight)]
    [InlineData(4, true, LayoutDirection.TopToBottom)]
    public void Each_level_is_one_line_and_each_skip_runs_straight_along_it(int depth, bool labels, LayoutDirection dir)
    {
        var (spec, levels) = UNet(depth, labels);
        var o = new LayoutOptions { Direction = dir };
        var r = Run(spec, levels, o);
        bool lr = dir == LayoutDirection.LeftToRight;
        double Cross(Point p) => lr ? p.Y : p.X;
        double CrossOf(string id) => lr ? r.Nodes[id].Y : r.Nodes[id].X;

        // Same level, same line; deeper levels further across the flow.
        for (int k = 0; k < depth; k++)
        {
            Assert.Equal(CrossOf("e" + k), CrossOf("c" + k));
            Assert.Equal(CrossOf("e" + k), CrossOf("d" + k));
            Assert.True(CrossOf(k + 1 < depth ? "e" + (k + 1) : "mid") > CrossOf("e" + k) + 20);
        }
        // A skip runs along its level's line (its ends may sit a port gap off the centre, where two edges share a side).
        foreach (var e in r.Edges.Values.Where(e => e.Source.StartsWith('e') && e.Target.StartsWith('c')))
            Assert.All(e.Points, p => Assert.InRange(Cross(p), CrossOf(e.Source) - 12, CrossOf(e.Source) + 12));
        Invariants.Check(spec, r, o); // every edge along the flow, no overlaps, clusters and labels clear
    }

    [Fact]
    public void Without_levels_the_layout_is_unchanged()
    {
        var (spec, _) = UNet(3, true);
        var a = spec.Layout();
        var b = Run(spec, new Dictionary<string, int>(), new LayoutOptions());
        Assert.Equal(a.Nodes.Values.Select(n => (n.X, n.Y)), b.Nodes.Values.Select(n => (n.X, n.Y)));
    }

    [Fact]
    public void A_negative_level_or_unknown_node_is_rejected()
    {
        var g = new GraphSpec().Node("a").Build();
        Assert.Throws<ArgumentException>(() => g.SetLevel("a", -1));
        Assert.Throws<ArgumentException>(() => g.SetLevel("zz", 1));
    }
}
