using NetVizGen.Layout.P3Order;
using NetVizGen.Layout.Tests.Support;

namespace NetVizGen.Layout.Tests.P3Order;

public class KeepOrderTests
{
    // A block fanning out to five columns, each ending in an output; the columns' order is free.
    private static GraphSpec Fan(bool keep, int columns = 5, int length = 3)
    {
        var spec = new GraphSpec().Node("card");
        for (int c = 0; c < columns; c++)
        {
            for (int i = 0; i < length; i++) spec.Node($"c{c}.{i}");
            spec.Edge("card", $"c{c}.0", labelW: 60, labelH: 14);
            for (int i = 1; i < length; i++) spec.Edge($"c{c}.{i - 1}", $"c{c}.{i}", labelW: 60, labelH: 14);
        }
        for (int c = 0; c < columns; c++) spec.Node("out" + c).Edge($"c{c}.{length - 1}", "out" + c, labelW: 60, labelH: 14);
        if (keep) spec.KeepOrder(Enumerable.Range(0, columns).Select(c => "out" + c).ToArray());
        return spec;
    }

    // RetinaHead's page: five inputs into two shared stacks, each feeding five columns (3 and 2 steps) to ten outputs.
    private static GraphSpec Head(bool keep)
    {
        var spec = new GraphSpec();
        for (int i = 0; i < 5; i++) spec.Node("in" + i);
        spec.Node("A", w: 400).Node("B", w: 400);
        for (int c = 0; c < 5; c++) { spec.Node($"a{c}.0").Node($"a{c}.1").Node($"a{c}.2").Node($"b{c}.0").Node($"b{c}.1"); }
        for (int c = 0; c < 5; c++) spec.Node("cls" + c);
        for (int c = 0; c < 5; c++) spec.Node("reg" + c);
        for (int i = 0; i < 5; i++) spec.Edge("in" + i, "A", 60, 14).Edge("in" + i, "B", 60, 14);
        for (int c = 0; c < 5; c++) spec.Edge("A", $"a{c}.0", 60, 14);
        for (int c = 0; c < 5; c++) spec.Edge("B", $"b{c}.0", 60, 14);
        for (int c = 0; c < 5; c++)
            spec.Edge($"a{c}.0", $"a{c}.1", 60, 14).Edge($"a{c}.1", $"a{c}.2", 60, 14).Edge($"a{c}.2", "cls" + c, 60, 14)
                .Edge($"b{c}.0", $"b{c}.1", 60, 14).Edge($"b{c}.1", "reg" + c, 60, 14);
        if (keep) spec.KeepOrder([.. Enumerable.Range(0, 5).Select(c => "cls" + c), .. Enumerable.Range(0, 5).Select(c => "reg" + c)]);
        return spec;
    }

    private static string[] Leaves(Graph.LGraph g, int[] layer) => layer.Where(v => v < g.LeafCount).Select(v => g.LeafIds[v]).ToArray();

    [Fact]
    public void OutputsStandInTheirGivenOrder()
    {
        // Without the order the main column is centred (1, 2, 0, 3, 4); kept, the columns follow the outputs.
        var g = Phases.Ordered(Head(keep: true));
        Assert.Equal(["cls0", "cls1", "cls2", "cls3", "cls4"], Leaves(g, g.Layers[^1]));
        Assert.Equal(["a0.2", "a1.2", "a2.2", "a3.2", "a4.2", "reg0", "reg1", "reg2", "reg3", "reg4"], Leaves(g, g.Layers[^3]));
    }

    [Fact]
    public void KeepingTheOrderCostsNoCrossingWhenNoneIsNeeded()
    {
        var free = Phases.Ordered(Head(keep: false));
        var kept = Phases.Ordered(Head(keep: true));
        Assert.Equal(new CrossingCounter().Count(free, free.Layers), new CrossingCounter().Count(kept, kept.Layers));
        var fan = Phases.Ordered(Fan(keep: true));
        Assert.Equal(0, new CrossingCounter().Count(fan, fan.Layers));
        Assert.Equal(["out0", "out1", "out2", "out3", "out4"], Leaves(fan, fan.Layers[^1]));
    }

    [Fact]
    public void TwoOutputsComputedInTheOtherOrderAreDrawnInTheReturnedOrder()
    {
        // AutoFormerV2: the regression cat is traced before the classification cat; forward returns classification first.
        var spec = new GraphSpec().Node("head").Node("catReg").Node("catCls").Node("out1").Node("out0")
            .Edge("head", "catReg").Edge("head", "catCls").Edge("catReg", "out1").Edge("catCls", "out0");
        var free = spec.Layout();
        Assert.True(free.Nodes["out1"].X < free.Nodes["out0"].X); // what the order was left to
        var kept = spec.KeepOrder("out0", "out1").Layout();
        Assert.True(kept.Nodes["out0"].X < kept.Nodes["out1"].X);
        Assert.True(kept.Nodes["catCls"].X < kept.Nodes["catReg"].X);
    }

    [Fact]
    public void AMemberSharesNoRankWithTheOthers()
    {
        // An output that ends a short branch (AutoFormerV2's anchors) is in the group but alone on its rank.
        var spec = new GraphSpec().Node("x").Node("a").Node("b").Node("c").Node("side").Node("o0").Node("o1").Node("o2")
            .Edge("x", "a").Edge("a", "b").Edge("b", "o1").Edge("a", "c").Edge("c", "o0").Edge("x", "side").Edge("side", "o2")
            .KeepOrder("o0", "o1", "o2");
        var r = spec.Layout();
        Assert.True(r.Nodes["o0"].X < r.Nodes["o1"].X);
    }

    [Fact]
    public void AGroupNamesLeavesOnce()
    {
        var g = new LayoutGraph();
        g.AddNode("a", 10, 10);
        g.AddNode("b", 10, 10);
        g.AddCluster("c");
        Assert.Throws<ArgumentException>(() => g.KeepOrder(["a", "nope"]));
        Assert.Throws<ArgumentException>(() => g.KeepOrder(["a", "c"]));
        Assert.Throws<ArgumentException>(() => g.KeepOrder(["a", "a"]));
        g.KeepOrder(["a", "b"]);
        Assert.Throws<ArgumentException>(() => g.KeepOrder(["b"]));
    }
}
