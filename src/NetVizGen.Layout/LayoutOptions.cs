namespace NetVizGen.Layout;

/// <summary>Direction in which data flows through the drawing.</summary>
public enum LayoutDirection
{
    /// <summary>Sources at the top, sinks at the bottom (ranks are rows).</summary>
    TopToBottom,

    /// <summary>Sources on the left, sinks on the right (ranks are columns).</summary>
    LeftToRight,
}

/// <summary>
/// Spacing and effort settings for <see cref="LayeredLayout.Run"/>. All distances are in px.
/// The defaults match the shared benchmark settings (node gap 20, rank gap 36, cluster padding 10, margin 10).
/// </summary>
public sealed class LayoutOptions
{
    /// <summary>Flow direction. Default <see cref="LayoutDirection.TopToBottom"/>.</summary>
    public LayoutDirection Direction { get; init; } = LayoutDirection.TopToBottom;

    /// <summary>Minimum gap between two neighbouring boxes in the same rank.</summary>
    public double NodeSpacing { get; init; } = 20;

    /// <summary>Minimum gap between two neighbouring edge lines in the same rank.</summary>
    public double EdgeSpacing { get; init; } = 10;

    /// <summary>Minimum gap between two consecutive ranks.</summary>
    public double RankSpacing { get; init; } = 36;

    /// <summary>Padding between a cluster's border and its members (the title band comes on top of it).</summary>
    public double ClusterPadding { get; init; } = 10;

    /// <summary>Empty border around the whole drawing.</summary>
    public double Margin { get; init; } = 10;

    /// <summary>Gap between an edge line and its label box.</summary>
    public double LabelGap { get; init; } = 4;

    /// <summary>Maximum number of ordering sweeps (each sweep is one pass down or up). Default 24.</summary>
    public int OrderingSweeps { get; init; } = 24;

    /// <summary>
    /// Edges leaving one node share their dummy chain while they run through the same ranks and clusters, and
    /// split where each turns to its target (a bus). A dense block's n(n+1)/2 long edges then need O(n²) bend
    /// points instead of O(n³), and the drawing shows one trunk per source. Default true.
    /// </summary>
    public bool BundleFanOut { get; init; } = true;

    /// <summary>
    /// With <see cref="BundleFanOut"/>: the fewest long edges (edges passing at least one rank) a node must send
    /// before they are bundled; two or more into one cluster (a dense block's concatenations) are bundled anyway.
    /// A few edges into different clusters (an Inception module's input feeding its 3 long branches) read better
    /// and stay narrower as separate lines spreading to both sides. Default 4.
    /// </summary>
    public int BundleMinFanOut { get; init; } = 4;

    /// <summary>
    /// Wraps a drawing much longer along the flow than across it into segments laid side by side (columns in
    /// top-to-bottom, rows in left-to-right), choosing the number of segments whose flow-length to cross-width
    /// ratio comes nearest this value; 1.414 is a page (A4 portrait for top-to-bottom, landscape for
    /// left-to-right). Never reverses a segment, so no edge points against the flow; edges crossing a cut are
    /// split (<see cref="EdgeLayout.Breaks"/>). Ignored when levels are set. Default 0: never wrap.
    /// </summary>
    public double WrapAspectRatio { get; init; }

    /// <summary>With <see cref="WrapAspectRatio"/>: a drawing shorter than this along the flow (px) is never wrapped,
    /// however narrow (a short column reads fine; a page of 1123 px at 96 dpi is A4's height). Default 0.</summary>
    public double WrapMinLength { get; init; }

    /// <summary>
    /// The fewest long edges (edges passing at least one rank) a node must receive before they merge into one bar
    /// and stem above it (<c>P5Route.FanInBus</c>): several inputs of one <c>cat</c> or add joined before they enter.
    /// 0 turns merging off. Default 2.
    /// </summary>
    public int MergeFanInMin { get; init; } = 2;

    internal void Validate()
    {
        static void Check(double v, string name)
        {
            if (!double.IsFinite(v) || v < 0) throw new ArgumentException($"LayoutOptions.{name} must be a finite number >= 0 (was {v}).", name);
        }
        Check(NodeSpacing, nameof(NodeSpacing));
        Check(EdgeSpacing, nameof(EdgeSpacing));
        Check(RankSpacing, nameof(RankSpacing));
        Check(ClusterPadding, nameof(ClusterPadding));
        Check(Margin, nameof(Margin));
        Check(LabelGap, nameof(LabelGap));
        Check(WrapAspectRatio, nameof(WrapAspectRatio));
        Check(WrapMinLength, nameof(WrapMinLength));
        if (BundleMinFanOut < 2) throw new ArgumentException("LayoutOptions.BundleMinFanOut must be >= 2.", nameof(BundleMinFanOut));
        if (MergeFanInMin is < 0 or 1) throw new ArgumentException("LayoutOptions.MergeFanInMin must be 0 (off) or >= 2.", nameof(MergeFanInMin));
        if (OrderingSweeps < 0) throw new ArgumentException("LayoutOptions.OrderingSweeps must be >= 0.", nameof(OrderingSweeps));
    }
}
