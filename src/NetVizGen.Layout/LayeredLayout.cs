using NetVizGen.Layout.Graph;
using NetVizGen.Layout.Nesting;
using NetVizGen.Layout.P1Acyclic;
using NetVizGen.Layout.P2Rank;
using NetVizGen.Layout.P3Order;
using NetVizGen.Layout.P4Position;
using NetVizGen.Layout.P5Route;
using NetVizGen.Layout.Wrap;

namespace NetVizGen.Layout;

/// <summary>
/// Layered (Sugiyama-style) layout of a compound graph: nested clusters, edges between any two leaves.
/// Deterministic: the same <see cref="LayoutGraph"/> (same calls in the same order) and options give
/// identical coordinates on any machine, culture or run.
/// </summary>
public static class LayeredLayout
{
    /// <summary>Lays out <paramref name="graph"/>. Never throws on a valid graph (cycles, self loops, duplicate
    /// edges, empty clusters and the empty graph are all fine).</summary>
    /// <param name="graph">The graph; not modified.</param>
    /// <param name="options">Spacing and direction; null for the defaults.</param>
    /// <param name="trace">Optional callback receiving each phase's name and duration (for profiling).</param>
    public static LayoutResult Run(LayoutGraph graph, LayoutOptions? options = null, Action<string, TimeSpan>? trace = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        options ??= new LayoutOptions();
        options.Validate();
        var clock = trace is null ? null : System.Diagnostics.Stopwatch.StartNew();
        void Time(string phase)
        {
            if (clock is null) return;
            trace!(phase, clock.Elapsed);
            clock.Restart();
        }

        var g = GraphBuilder.Build(graph, options);                    Time("build");
        DfsCycleBreaker.Run(g);                                        Time("p1 cycle removal");
        LongestPathRanker.Run(g);                                      Time("p2 ranking: longest path");
        NetworkSimplexRanker.Run(g, maxIterations: 20 * g.N + 100);      Time("p2 ranking: network simplex");
        LatePlacement.Run(g);                                          Time("p2 ranking: late placement");
        ClusterSpans.Run(g);                                           Time("nesting: cluster spans");
        LongEdgeSplitter.Run(g);                                       Time("p2 long edge splitting");
        BarycenterOrderer.Run(g);                                      Time("p3 ordering");
        BorderNodes.Run(g);                                            Time("nesting: border nodes");
        RankYPlacer.Run(g, out var startBand, out var endBand);        Time("p4 rank y");
        AlignedXPlacer.Run(g);                                         Time("p4 x");
        LevelShifter.Run(g);                                           Time("p4 levels (encoder-decoder U)");
        ClusterBoxes.Run(g, startBand, endBand);                       Time("nesting: cluster boxes");
        var routes = PolylineRouter.Run(g, out var labels);            Time("p5 routing");
        FanInBus.Run(g, routes);                                       Time("p5 fan-in bus");
        var breaks = ChainWrapper.Run(g, routes, labels);              Time("post: wrap long chains");
        var result = ResultBuilder.Build(g, graph, routes, labels, breaks); Time("result");
        return result;
    }
}
