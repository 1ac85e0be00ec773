using NetVizGen.Layout.Tests.Support;

namespace NetVizGen.Layout.Tests.Wrap;

/// <summary>Long chains wrap into columns (top-down) or rows (left-right) near the target aspect ratio, never upward.</summary>
public class ChainWrapperTests
{
    private const double Page = 1.414;

    private static GraphSpec Chain(int n, bool labels = false)
    {
        var spec = new GraphSpec();
        for (int i = 0; i < n; i++) spec.Node("n" + i, 120, 36);
        for (int i = 1; i < n; i++) spec.Edge("n" + (i - 1), "n" + i, labels ? 60 : 0, labels ? 12 : 0);
        return spec;
    }

    // Every drawn stretch of every route (jumps at Breaks excluded) as (from, to).
    private static IEnumerable<(string Edge, Point A, Point B)> Drawn(LayoutResult r) =>
        r.Edges.Values.SelectMany(e => Enumerable.Range(1, e.Points.Count - 1)
            .Where(i => !e.Breaks.Contains(i)).Select(i => (e.Id, e.Points[i - 1], e.Points[i])));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_60_layer_chain_wraps_into_top_down_columns_near_a_page(bool labels)
    {
        var spec = Chain(60, labels);
        var o = new LayoutOptions { WrapAspectRatio = Page };
        var r = spec.Layout(o);

        var columns = r.Nodes.Values.Select(n => n.X).Distinct().OrderBy(x => x).ToList();
        Assert.True(columns.Count >= 3, "columns: " + columns.Count);
        double ratio = r.Height / r.Width;
        Assert.InRange(ratio, Page / 2, Page * 2);
        // Never bottom-up: no drawn stretch rises; the only way back up is a jump (drawn as connector marks).
        foreach (var (id, a, b) in Drawn(r)) Assert.True(b.Y >= a.Y - 0.02, $"edge {id} rises from {a} to {b}");
        Assert.Equal(columns.Count - 1, r.Edges.Values.Count(e => e.Breaks.Count > 0));
        // Reading order (column by column, top to bottom) is the chain's order.
        var reading = r.Nodes.Values.OrderBy(n => columns.IndexOf(n.X)).ThenBy(n => n.Y).Select(n => n.Id);
        Assert.Equal(Enumerable.Range(0, 60).Select(i => "n" + i), reading);
        Invariants.Check(spec, r, o, expectDownward: false);
    }

    [Fact]
    public void A_60_layer_chain_wraps_into_left_right_rows_joined_by_return_lines()
    {
        var spec = Chain(60, labels: true);
        var o = new LayoutOptions { WrapAspectRatio = Page, Direction = LayoutDirection.LeftToRight };
        var r = spec.Layout(o);

        var rows = r.Nodes.Values.Select(n => n.Y).Distinct().OrderBy(y => y).ToList();
        Assert.True(rows.Count >= 2, "rows: " + rows.Count);
        Assert.InRange(r.Width / r.Height, Page / 2, Page * 2);
        // One edge crosses each cut: a continuous return line (down, back left, down), never a break, never up.
        Assert.All(r.Edges.Values, e => Assert.Empty(e.Breaks));
        foreach (var (id, a, b) in Drawn(r)) Assert.True(b.Y >= a.Y - 0.02, $"edge {id} rises from {a} to {b}");
        // Within a row every edge runs left to right.
        foreach (var e in r.Edges.Values.Where(e => r.Nodes[e.Source].Y == r.Nodes[e.Target].Y))
            Assert.True(r.Nodes[e.Target].X > r.Nodes[e.Source].X);
        var reading = r.Nodes.Values.OrderBy(n => rows.IndexOf(n.Y)).ThenBy(n => n.X).Select(n => n.Id);
        Assert.Equal(Enumerable.Range(0, 60).Select(i => "n" + i), reading);
        Invariants.Check(spec, r, o, expectDownward: false);
    }

    [Fact]
    public void Short_or_unwrapped_drawings_are_unchanged()
    {
        var spec = Chain(60);
        var plain = spec.Layout();
        Assert.Single(plain.Nodes.Values.Select(n => n.X).Distinct());
        // Shorter than the minimum length: byte-identical to no wrapping.
        var shortOne = spec.Layout(new LayoutOptions { WrapAspectRatio = Page, WrapMinLength = plain.Height + 1 });
        Assert.Equal(plain.Nodes.Values.Select(n => (n.X, n.Y)), shortOne.Nodes.Values.Select(n => (n.X, n.Y)));
        Assert.Equal(plain.Width, shortOne.Width);
    }

    [Fact]
    public void A_skip_connection_is_never_cut_in_a_drawing_under_twice_the_minimum_length()
    {
        // Residual blocks: x -> a -> b -> add, x -> add, then a relu, repeated; only add -> relu is a chain cut.
        var spec = new GraphSpec().Node("in", 120, 36);
        string prev = "in";
        for (int k = 0; k < 12; k++)
        {
            spec.Node($"a{k}", 120, 36).Node($"b{k}", 120, 36).Node($"add{k}", 24, 24).Node($"relu{k}", 60, 24)
                .Edge(prev, $"a{k}").Edge($"a{k}", $"b{k}").Edge($"b{k}", $"add{k}").Edge(prev, $"add{k}").Edge($"add{k}", $"relu{k}");
            prev = $"relu{k}";
        }
        var plain = spec.Layout();
        var o = new LayoutOptions { WrapAspectRatio = Page, WrapMinLength = plain.Height / 2 + 1 };
        var r = spec.Layout(o);
        Assert.True(r.Width > plain.Width, "expected a wrap");
        // Every broken edge is an add -> relu chain edge; skips are whole.
        Assert.Contains(r.Edges.Values, e => e.Breaks.Count > 0);
        foreach (var e in r.Edges.Values.Where(e => e.Breaks.Count > 0)) Assert.StartsWith("relu", e.Target);
        Invariants.Check(spec, r, o, expectDownward: false);
    }

    [Fact]
    public void Wrapping_is_deterministic()
    {
        var o = new LayoutOptions { WrapAspectRatio = Page };
        var a = Chain(60, true).Layout(o);
        var b = Chain(60, true).Layout(o);
        Assert.Equal(a.Edges.Values.SelectMany(e => e.Points), b.Edges.Values.SelectMany(e => e.Points));
    }
}
