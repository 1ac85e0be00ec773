namespace NetVizGen.Rendering.Layout;

/// <summary>Direction of the rank axis. Never bottom-up or right-to-left.</summary>
internal enum LayoutDirection { TopToBottom, LeftToRight }

/// <summary>An axis-aligned box by its centre.</summary>
internal readonly record struct Box(double X, double Y, double Width, double Height)
{
    public double Left => X - Width / 2;
    public double Right => X + Width / 2;
    public double Top => Y - Height / 2;
    public double Bottom => Y + Height / 2;
}

/// <summary>A point.</summary>
internal readonly record struct Point(double X, double Y);

/// <summary>Layout input in the renderer's terms (sizes already measured); <see cref="LayeredEngineLayout"/> hands it to the engine.</summary>
internal sealed class LayoutRequest
{
    public List<(string Id, double Width, double Height, string? Parent)> Nodes { get; } = [];
    public List<(string Id, string? Parent, double TitleWidth, double TitleHeight)> Clusters { get; } = [];
    public List<(string Id, string Source, string Target, double LabelWidth, double LabelHeight)> Edges { get; } = [];
    public LayoutDirection Direction { get; init; }
    public double NodeSpacing { get; init; } = 28;
    public double RankSpacing { get; init; } = 34;
    public double ClusterPadding { get; init; } = 10;
    /// <summary>Cross-axis level per node id (an encoder–decoder U, <see cref="EncoderDecoder"/>); empty: none.</summary>
    public Dictionary<string, int> Levels { get; } = new(StringComparer.Ordinal);
    /// <summary>Wrap long drawings towards this flow-length to cross-width ratio; 0: never.</summary>
    public double WrapAspectRatio { get; init; }
    /// <summary>Never wrap a drawing shorter than this along the flow.</summary>
    public double WrapMinLength { get; init; }
    /// <summary>Nodes drawn on a lane beside the main drawing (<see cref="SideLaneLayout"/>): side computations.</summary>
    public HashSet<string> SideNodes { get; } = new(StringComparer.Ordinal);
    /// <summary>Groups of nodes kept in their listed order across the flow where they share a rank (the outputs, in the order forward returns them).</summary>
    public List<IReadOnlyList<string>> KeepOrder { get; } = [];
}

/// <summary>A routed edge: polyline points from source border to target border, and its label's centre.</summary>
internal sealed record EdgeRoute(IReadOnlyList<Point> Points, Point LabelCenter)
{
    /// <summary>Indices i where the line jumps from Points[i - 1] to Points[i] (a wrapped drawing's next segment); drawn as two pieces with connector marks.</summary>
    public IReadOnlyList<int> Breaks { get; init; } = [];
}

/// <summary>Layout output: positions in a frame whose top-left content corner is (0, 0).</summary>
internal sealed class LayoutResult
{
    public Dictionary<string, Box> Nodes { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Box> Clusters { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, EdgeRoute> Edges { get; } = new(StringComparer.Ordinal);
    public double Width { get; set; }
    public double Height { get; set; }
}

/// <summary>The seam between the renderers and a layout engine, so drawing code never depends on engine types.</summary>
internal interface IDiagramLayout
{
    LayoutResult Run(LayoutRequest request);
}
