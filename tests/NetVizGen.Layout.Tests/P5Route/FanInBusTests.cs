using NetVizGen.Layout.Tests.Support;

namespace NetVizGen.Layout.Tests.P5Route;

/// <summary>Several long edges into one node (a dense block's cat) merge on a bar above it and enter through one stem.</summary>
public class FanInBusTests
{
    // a0 → a1 → a2 → a3 → cat, and a0, a1, a2 also straight into cat (a dense block's last concatenation).
    private static GraphSpec DenseCat()
    {
        var spec = new GraphSpec().Chain("a", 4).Node("cat").Edge("a3", "cat");
        for (int i = 0; i < 3; i++) spec.Edge("a" + i, "cat");
        return spec;
    }

    [Fact]
    public void Long_inputs_of_one_node_share_the_last_two_segments_a_bar_and_one_stem()
    {
        var spec = DenseCat();
        var r = spec.Layout();
        var cat = r.Nodes["cat"];
        var longEdges = r.Edges.Values.Where(e => e.Target == "cat" && e.Source != "a3").ToList();
        Assert.Equal(3, longEdges.Count);
        var stem = longEdges[0].Points[^1];
        foreach (var e in longEdges)
        {
            var p = e.Points;
            // Ends on cat's top side, at one shared point, through one vertical stem from one horizontal bar.
            Assert.Equal(stem, p[^1]);
            Assert.Equal(cat.Y - cat.Height / 2, p[^1].Y, 6);
            Assert.Equal(p[^1].X, p[^2].X);
            Assert.Equal(longEdges[0].Points[^2].Y, p[^2].Y);
            // It joins the bar from straight above: no diagonal into the node.
            Assert.Equal(p[^2].Y, p[^3].Y);
            Assert.Equal(p[^4].X, p[^3].X);
            Assert.True(p[^4].Y < p[^3].Y);
        }
        // The stem continues the straight input from a3: the bus joins the spine.
        var main = r.Edges.Values.Single(e => e.Source == "a3" && e.Target == "cat");
        Assert.Equal(main.Points[^1].X, stem.X, 6);
        Invariants.Check(spec, r);
    }

    [Fact]
    public void Merging_off_keeps_one_port_per_edge()
    {
        var spec = DenseCat();
        var r = spec.Layout(new LayoutOptions { MergeFanInMin = 0 });
        var ends = r.Edges.Values.Where(e => e.Target == "cat").Select(e => e.Points[^1].X).Distinct().Count();
        Assert.Equal(4, ends);
    }

    [Fact]
    public void A_single_skip_into_a_node_is_not_a_bus()
    {
        // A residual block: one long edge and one short one into the add.
        var spec = new GraphSpec().Chain("a", 4).Edge("a0", "a3");
        var on = spec.Layout();
        var off = spec.Layout(new LayoutOptions { MergeFanInMin = 0 });
        Assert.Equal(off.Edges["e3"].Points, on.Edges["e3"].Points);
    }

    [Fact]
    public void Zero_one_and_two_or_more_are_the_only_settings()
    {
        Assert.Throws<ArgumentException>(() => new GraphSpec().Chain("a", 2).Layout(new LayoutOptions { MergeFanInMin = 1 }));
    }
}
