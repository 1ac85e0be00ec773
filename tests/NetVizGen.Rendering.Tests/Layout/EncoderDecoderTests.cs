using NetVizGen.Model.Specs;
using NetVizGen.Rendering.Describe;
using NetVizGen.Rendering.Diagram;
using NetVizGen.Rendering.Layout;
using NetVizGen.Rendering.Svg;

namespace NetVizGen.Rendering.Tests.Layout;

/// <summary>The U-Net pattern is found exactly (symmetric, nested skips into merges) and drawn as a U.</summary>
public class EncoderDecoderTests
{
    private static DiagramNode Node(string id, DiagramNodeKind kind) =>
        new() { Id = id, Kind = kind, Category = kind == DiagramNodeKind.Merge ? NodeCategory.Merge : NodeCategory.Conv, Label = id };

    // Input -> enc0..enc{d-1} -> mid -> (up_k -> cat_k -> dec_k) for k = d-1..0 -> Output, skips enc_k -> cat_k.
    internal static DiagramGraph UNet(int depth, Func<int, int>? skipTarget = null)
    {
        var g = new DiagramGraph { Title = "U", Subtitle = "" };
        var chain = new List<string> { "in" };
        g.Nodes.Add(Node("in", DiagramNodeKind.Input));
        for (int k = 0; k < depth; k++) { g.Nodes.Add(Node("enc" + k, DiagramNodeKind.Layer)); chain.Add("enc" + k); }
        g.Nodes.Add(Node("mid", DiagramNodeKind.Layer)); chain.Add("mid");
        for (int k = depth - 1; k >= 0; k--)
        {
            g.Nodes.Add(Node("up" + k, DiagramNodeKind.Layer));
            g.Nodes.Add(Node("cat" + k, DiagramNodeKind.Merge));
            g.Nodes.Add(Node("dec" + k, DiagramNodeKind.Layer));
            chain.AddRange(["up" + k, "cat" + k, "dec" + k]);
        }
        g.Nodes.Add(Node("out", DiagramNodeKind.Output)); chain.Add("out");
        for (int i = 1; i < chain.Count; i++) g.Edges.Add(new DiagramEdge { Id = "e" + i, Source = chain[i - 1], Target = chain[i] });
        for (int k = 0; k < depth; k++)
            g.Edges.Add(new DiagramEdge { Id = "skip" + k, Source = "enc" + k, Target = "cat" + (skipTarget?.Invoke(k) ?? k) });
        return g;
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Symmetric_U_Nets_are_detected_with_their_pairs_and_levels(int depth)
    {
        var u = EncoderDecoder.Detect(UNet(depth));
        Assert.NotNull(u);
        Assert.Equal(Enumerable.Range(0, depth).Select(k => ("enc" + k, "cat" + k)), u.Pairs);
        for (int k = 0; k < depth; k++)
        {
            Assert.Equal(k, u.Levels["enc" + k]);
            Assert.Equal(k, u.Levels["cat" + k]);
            Assert.Equal(k, u.Levels["dec" + k]);
        }
        Assert.Equal(depth, u.Levels["mid"]);
        Assert.Equal(0, u.Levels["in"]);
        Assert.Equal(0, u.Levels["out"]);
    }

    [Fact]
    public void Asymmetric_or_incomplete_skips_are_not_detected()
    {
        // Crossing skips (enc0 -> cat1, enc1 -> cat0): not mirrored.
        Assert.Null(EncoderDecoder.Detect(UNet(2, k => 1 - k)));
        // A single skip is a residual, not a U.
        Assert.Null(EncoderDecoder.Detect(UNet(1)));
        // Two skips into one merge.
        Assert.Null(EncoderDecoder.Detect(UNet(3, k => k == 2 ? 1 : k)));
        // A skip into a layer (not a merge).
        var g = UNet(3);
        g.Edges.Single(e => e.Id == "skip1").Target = "dec1";
        Assert.Null(EncoderDecoder.Detect(g));
        // A node beside the chain.
        g = UNet(3);
        g.Nodes.Add(Node("extra", DiagramNodeKind.Op));
        g.Edges.Add(new DiagramEdge { Id = "x1", Source = "enc0", Target = "extra" });
        g.Edges.Add(new DiagramEdge { Id = "x2", Source = "extra", Target = "cat0" });
        Assert.Null(EncoderDecoder.Detect(g));
    }

    [Theory]
    [InlineData(FlowDirection.LeftRight)]
    [InlineData(FlowDirection.TopDown)]
    public void A_detected_U_Net_is_drawn_as_a_U_with_straight_skips_and_no_edge_against_the_flow(FlowDirection direction)
    {
        var g = UNet(3);
        var (_, _, layout) = DiagramPainter.PaintWithLayout(g, direction, new PaperShapes(true, 1.414));
        bool lr = direction == FlowDirection.LeftRight;
        double Cross(string id) => lr ? layout.Nodes[id].Y : layout.Nodes[id].X;
        double Flow(string id) => lr ? layout.Nodes[id].X : layout.Nodes[id].Y;
        for (int k = 0; k < 3; k++)
        {
            Assert.Equal(Cross("enc" + k), Cross("cat" + k), 1);
            Assert.True(Cross(k < 2 ? "enc" + (k + 1) : "mid") > Cross("enc" + k) + 20);
        }
        foreach (var e in g.Edges) Assert.True(Flow(e.Target) > Flow(e.Source), e.Id + " points against the flow");
        // Off: the plain column, every level on one line.
        var (_, _, plain) = DiagramPainter.PaintWithLayout(g, direction, PaperShapes.None);
        Assert.Single(new[] { "enc0", "enc1", "enc2", "mid" }.Select(id => lr ? plain.Nodes[id].Y : plain.Nodes[id].X).Distinct());
    }
}

/// <summary>Golden drawing of a detected U-Net (left-right), so a change to the U shows in review.</summary>
public class EncoderDecoderGoldenTests
{
    [Fact]
    public void U_net_svg_matches_baseline()
    {
        var (light, _) = DiagramPainter.Paint(EncoderDecoderTests.UNet(3), FlowDirection.LeftRight, new PaperShapes(true, 1.414));
        Baselines.BaselineAssert.Matches("EncoderDecoder.svg", light);
    }

    [Fact]
    public void U_net_top_down_svg_matches_baseline()
    {
        var (light, _) = DiagramPainter.Paint(EncoderDecoderTests.UNet(3), FlowDirection.TopDown, new PaperShapes(true, 1.414));
        Baselines.BaselineAssert.Matches("EncoderDecoder.TopDown.svg", light);
    }

    [Fact]
    public void Paper_shapes_off_draws_the_plain_column()
    {
        var models = new[] { TestModels.ResNetLike.Create() };
        var on = DocumentationRenderer.Render(models, Support.Options()).Single(f => f.RelativePath == "ResNet18.svg").Content;
        var options = Support.Options();
        options.EncoderDecoderLayout = false;
        options.WrapAspectRatio = 0;
        var off = DocumentationRenderer.Render(models, options).Single(f => f.RelativePath == "ResNet18.svg").Content;
        Assert.Contains("class=\"connector\"", on);
        Assert.DoesNotContain("class=\"connector\"", off);
    }
}
