using NetVizGen.Layout.Graph;
using NetVizGen.Layout.Nesting;
using NetVizGen.Layout.P1Acyclic;
using NetVizGen.Layout.P2Rank;
using NetVizGen.Layout.P3Order;

namespace NetVizGen.Layout.Tests.Support;

/// <summary>Runs the internal pipeline up to a phase, for phase-level tests.</summary>
internal static class Phases
{
    public static LGraph Ranked(GraphSpec spec, LayoutOptions? o = null)
    {
        var g = GraphBuilder.Build(spec.Build(), o ?? new LayoutOptions());
        DfsCycleBreaker.Run(g);
        LongestPathRanker.Run(g);
        NetworkSimplexRanker.Run(g, 1000);
        LatePlacement.Run(g);
        ClusterSpans.Run(g);
        return g;
    }

    public static LGraph Split(GraphSpec spec, LayoutOptions? o = null)
    {
        var g = Ranked(spec, o);
        LongEdgeSplitter.Run(g);
        return g;
    }

    public static LGraph Ordered(GraphSpec spec, LayoutOptions? o = null)
    {
        var g = Split(spec, o);
        BarycenterOrderer.Run(g);
        return g;
    }

    public static LGraph Bordered(GraphSpec spec, LayoutOptions? o = null)
    {
        var g = Ordered(spec, o);
        BorderNodes.Run(g);
        return g;
    }

    public static int Leaf(LGraph g, string id) => Array.IndexOf(g.LeafIds, id);

    public static int ClusterIndex(LGraph g, string id) => Array.IndexOf(g.ClusterIds, id);
}
