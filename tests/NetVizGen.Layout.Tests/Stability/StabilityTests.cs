using NetVizGen.Layout.Stability;

namespace NetVizGen.Layout.Tests.Stability;

/// <summary>
/// Issue 10 §3, "layouts that stay put": realistic one-step edits of gallery-like graphs (<see cref="GalleryEdits"/>),
/// measured over the nodes matched by id. The figures of every edit are in docs/benchmarks.md
/// (`NetVizGen.Bench stability`); these tests hold the goals that are met.
/// </summary>
public class StabilityTests
{
    public static TheoryData<string, string> Edits()
    {
        var data = new TheoryData<string, string>();
        foreach (var e in GalleryEdits.All()) data.Add(e.Model, e.Kind);
        return data;
    }

    private static GalleryEdits.Edit Find(string model, string kind) => GalleryEdits.All().Single(e => e.Model == model && e.Kind == kind);

    [Theory]
    [MemberData(nameof(Edits))]
    public void NoEditReordersARank(string model, string kind)
    {
        var (f, _, _, _, _) = EditMeasure.Run(Find(model, kind));
        Assert.True(f.Matched > 20, $"{model}/{kind}: only {f.Matched} nodes matched");
        Assert.Equal(1.0, f.Ord);
    }

    [Theory]
    [InlineData("vgg")]
    [InlineData("resnet")]
    [InlineData("inception")]
    [InlineData("densenet")]
    [InlineData("unet")]
    public void AnArgumentEditThatKeepsTheSizeMovesNothing(string model)
    {
        var (f, _, _, b, h) = EditMeasure.Run(Find(model, "argument, same size"));
        Assert.Equal(0.0, f.Disp);
        Assert.Equal(0.0, f.Ripple);
        Assert.Equal(1.0, f.Lay);
        Assert.Equal((b.Width, b.Height), (h.Width, h.Height));
        foreach (var (id, n) in b.Nodes) Assert.Equal((n.X, n.Y), (h.Nodes[id].X, h.Nodes[id].Y));
    }

    [Theory]
    [InlineData("vgg", "add a layer")]
    [InlineData("vgg", "remove a layer")]
    [InlineData("vgg", "insert a residual block")]
    [InlineData("resnet", "add a layer")]
    [InlineData("resnet", "remove a layer")]
    [InlineData("resnet", "×N → ×N+1")]
    [InlineData("unet", "add a layer")]
    [InlineData("unet", "remove a layer")]
    [InlineData("densenet", "add a layer")]
    public void AnInsertionOrRemovalMovesOnlyWhatIsBelow(string model, string kind)
    {
        var (f, above, _, _, _) = EditMeasure.Run(Find(model, kind));
        Assert.Equal(0.0, above);
        Assert.Equal(1.0, f.Lay);
        Assert.True(f.Ripple < 1, "something must have stayed");
    }

    [Theory]
    [InlineData("vgg", "add a layer")]
    [InlineData("vgg", "remove a layer")]
    [InlineData("resnet", "add a layer")]
    [InlineData("resnet", "remove a layer")]
    [InlineData("resnet", "×N → ×N+1")]
    [InlineData("unet", "add a layer")]
    [InlineData("unet", "remove a layer")]
    public void InAChainOrResidualNetworkWhatIsBelowOnlySlidesAlongTheFlow(string model, string kind)
    {
        var (_, _, sideways, _, _) = EditMeasure.Run(Find(model, kind));
        Assert.Equal(0.0, sideways);
    }

    [Fact]
    public void FiguresOfIdenticalLayoutsAreIdeal()
    {
        var e = Find("resnet", "add a layer");
        var r = LayeredLayout.Run(e.Base);
        var f = LayoutStability.Compare(r, LayeredLayout.Run(e.Base));
        Assert.Equal(new StabilityFigures(r.Nodes.Count, 1, 1, 0, 0), f);
    }

    [Fact]
    public void FiguresSeeASwapAndAMove()
    {
        // Two nodes side by side swap places: ORD drops to 0 for that pair, both move more than half a gap.
        static LayoutResult Fan(bool swapped)
        {
            var g = new LayoutGraph();
            g.AddNode("in", 60, 30);
            foreach (var id in swapped ? new[] { "b", "a" } : ["a", "b"]) g.AddNode(id, 60, 30);
            g.AddNode("out", 60, 30);
            foreach (var id in swapped ? new[] { "b", "a" } : ["a", "b"]) { g.AddEdge("i" + id, "in", id); g.AddEdge("o" + id, id, "out"); }
            return LayeredLayout.Run(g);
        }
        var f = LayoutStability.Compare(Fan(false), Fan(true));
        Assert.Equal(4, f.Matched);
        Assert.Equal(0.0, f.Ord);
        Assert.Equal(1.0, f.Lay);
        Assert.Equal(0.5, f.Ripple);
        Assert.True(f.Disp > 0);
    }
}
