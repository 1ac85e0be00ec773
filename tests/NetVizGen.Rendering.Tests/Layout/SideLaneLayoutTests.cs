using NetVizGen.Model.Specs;
using NetVizGen.Rendering.Diagram;
using NetVizGen.Rendering.Layout;
using NetVizGen.Rendering.Svg;

namespace NetVizGen.Rendering.Tests.Layout;

/// <summary>Side computations sit on a lane beside the main drawing and enter what they feed from the side.</summary>
public class SideLaneLayoutTests
{
    private static (DiagramGraph Graph, LayoutResult Layout) Overview(FlowDirection direction = FlowDirection.TopDown)
    {
        var model = TestModels.Decoder.Create(named: true);
        var g = DiagramBuilder.Build(model, model.Root, 1, new BlockCatalog(model.Root), "Decoder", "");
        return (g, DiagramPainter.Layout.Run(DiagramPainter.Request(g, direction)));
    }

    [Fact]
    public void Side_nodes_are_beside_the_main_column_and_the_main_path_is_one_straight_line()
    {
        var (g, layout) = Overview();
        var side = g.Nodes.Where(n => n.Kind == DiagramNodeKind.Side).Select(n => layout.Nodes[n.Id]).ToList();
        var main = g.Nodes.Where(n => n.Kind != DiagramNodeKind.Side).Select(n => layout.Nodes[n.Id]).ToList();
        Assert.Equal(2, side.Count);

        // A lane: left of every box and cluster of the main drawing, not between its layers.
        double mainLeft = main.Concat(layout.Clusters.Values).Min(b => b.Left);
        Assert.All(side, s => Assert.True(s.Right <= mainLeft - SideLaneLayout.Gap + 0.01, $"side node right {s.Right} vs main left {mainLeft}"));
        // The main path (Input, embedding, card, lm_head, Output) is one column: equal centres.
        Assert.Single(main.Select(b => Math.Round(b.X, 1)).Distinct());
        // Stacked, not overlapping.
        Assert.True(side[0].Bottom <= side[1].Top || side[1].Bottom <= side[0].Top);
    }

    [Fact]
    public void Side_edges_enter_the_node_they_feed_from_its_side_level_with_it()
    {
        var (g, layout) = Overview();
        var card = g.Nodes.Single(n => n.Kind == DiagramNodeKind.Block);
        var box = layout.Nodes[card.Id];
        var sideEdges = g.Edges.Where(e => e.Style == DiagramEdgeStyle.Side).ToList();
        Assert.Equal(2, sideEdges.Count);
        foreach (var e in sideEdges)
        {
            var pts = layout.Edges[e.Id].Points;
            var end = pts[^1];
            Assert.Equal(box.Left, end.X, 2);
            Assert.InRange(end.Y, box.Top, box.Bottom);
            // The last segment is horizontal: it comes from the side.
            Assert.Equal(pts[^2].Y, end.Y, 2);
            // It starts on the side node's border facing the drawing.
            var source = layout.Nodes[e.Source];
            Assert.Equal(source.Right, pts[0].X, 2);
        }
        // Two edges into one node enter at different heights.
        Assert.NotEqual(layout.Edges[sideEdges[0].Id].Points[^1].Y, layout.Edges[sideEdges[1].Id].Points[^1].Y);
    }

    [Fact]
    public void A_side_edge_into_a_node_between_two_others_comes_in_from_before_it_and_crosses_no_box()
    {
        // A PPO actor's heads: three ops in a row, each fed a zeros tensor (a side node). The middle one is closed
        // in on both sides; a line level with it ran through its neighbour and read as a chain of the two.
        var request = new LayoutRequest { Direction = LayoutDirection.TopToBottom };
        request.Nodes.Add(("x", 80, 30, null));
        foreach (var head in new[] { "a", "b", "c" })
        {
            request.Nodes.Add((head, 120, 30, null));
            request.Nodes.Add(("zeros_" + head, 90, 30, null));
            request.SideNodes.Add("zeros_" + head);
            request.Edges.Add(("x_" + head, "x", head, 0, 0));
            request.Edges.Add(("side_" + head, "zeros_" + head, head, 0, 0));
        }
        var layout = DiagramPainter.Layout.Run(request);

        foreach (var head in new[] { "a", "b", "c" })
        {
            var points = layout.Edges["side_" + head].Points;
            for (int i = 1; i < points.Count; i++)
                foreach (var (id, box) in layout.Nodes.Where(p => p.Key != head && p.Key != "zeros_" + head))
                    Assert.False(Crosses(points[i - 1], points[i], box), $"side edge into {head} crosses {id}");
            var target = layout.Nodes[head];
            var end = points[^1];
            Assert.True(end.X >= target.Left - 0.01 && end.X <= target.Right + 0.01 && end.Y >= target.Top - 0.01 && end.Y <= target.Bottom + 0.01, $"ends on {head}");
        }
        // The middle head's edge enters from above, at its top side.
        var middle = new[] { "a", "b", "c" }.OrderBy(h => layout.Nodes[h].X).ElementAt(1);
        Assert.Equal(layout.Nodes[middle].Top, layout.Edges["side_" + middle].Points[^1].Y, 2);
    }

    // Does the axis-aligned segment p–q pass through the inside of the box?
    private static bool Crosses(Point p, Point q, Box box)
    {
        const double inset = 0.5;
        double left = Math.Min(p.X, q.X), right = Math.Max(p.X, q.X), top = Math.Min(p.Y, q.Y), bottom = Math.Max(p.Y, q.Y);
        return right > box.Left + inset && left < box.Right - inset && bottom > box.Top + inset && top < box.Bottom - inset;
    }

    [Fact]
    public void Without_side_nodes_the_lane_changes_nothing()
    {
        var model = TestModels.ResNetLike.Create();
        var g = DiagramBuilder.Build(model, model.Root, 1, new BlockCatalog(model.Root), "ResNet", "");
        var request = DiagramPainter.Request(g, FlowDirection.TopDown);
        var lane = DiagramPainter.Layout.Run(request);
        var plain = new LayeredEngineLayout().Run(request);
        Assert.Equal(plain.Nodes, lane.Nodes);
        Assert.Equal(plain.Width, lane.Width);
    }

    [Fact]
    public void Left_to_right_the_lane_is_above_the_drawing()
    {
        var (g, layout) = Overview(FlowDirection.LeftRight);
        var side = g.Nodes.Where(n => n.Kind == DiagramNodeKind.Side).Select(n => layout.Nodes[n.Id]).ToList();
        double mainTop = g.Nodes.Where(n => n.Kind != DiagramNodeKind.Side).Select(n => layout.Nodes[n.Id]).Concat(layout.Clusters.Values).Min(b => b.Top);
        Assert.All(side, s => Assert.True(s.Bottom <= mainTop - SideLaneLayout.Gap + 0.01));
    }
}
