using System.Collections;

namespace NetVizGen.Layout;

/// <summary>A point in drawing coordinates (px, origin top-left, y down).</summary>
public readonly record struct Point(double X, double Y);

/// <summary>Where a leaf node went: <see cref="X"/>, <see cref="Y"/> are the box <b>centre</b>.</summary>
public sealed record NodeLayout(string Id, double X, double Y, double Width, double Height)
{
    /// <summary>Left edge of the box.</summary>
    public double Left => X - Width / 2;

    /// <summary>Top edge of the box.</summary>
    public double Top => Y - Height / 2;
}

/// <summary>
/// A cluster box: <see cref="X"/>, <see cref="Y"/> are the box <b>centre</b> (as in nnlayout/1).
/// The title band (TitleHeight in TB, TitleWidth in LR) is inside the box at its flow-start side.
/// </summary>
public sealed record ClusterLayout(string Id, double X, double Y, double Width, double Height)
{
    /// <summary>Left edge of the box.</summary>
    public double Left => X - Width / 2;

    /// <summary>Top edge of the box.</summary>
    public double Top => Y - Height / 2;
}

/// <summary>
/// An edge route: a polyline from the source border to the target border (bends are where the
/// renderer may round corners). <see cref="LabelCenter"/> is set when a label size was given; the label box
/// of that size centred there overlaps no node, no other label and no edge line.
/// </summary>
public sealed record EdgeLayout(string Id, string Source, string Target, IReadOnlyList<Point> Points, Point? LabelCenter)
{
    /// <summary>True when the edge had to point against the flow to break a cycle (or is a self loop).</summary>
    public bool Reversed { get; init; }

    /// <summary>
    /// Indices i where the line is interrupted: the stretch from <c>Points[i - 1]</c> to <c>Points[i]</c> is a jump
    /// to the next segment of a wrapped drawing (<see cref="LayoutOptions.WrapAspectRatio"/>), not a line to draw.
    /// Empty for an unbroken edge.
    /// </summary>
    public IReadOnlyList<int> Breaks { get; init; } = [];
}

/// <summary>The laid-out drawing. Everything lies in [0, Width] × [0, Height].</summary>
public sealed class LayoutResult
{
    internal LayoutResult(OrderedMap<NodeLayout> nodes, OrderedMap<ClusterLayout> clusters, OrderedMap<EdgeLayout> edges, double width, double height)
    {
        Nodes = nodes;
        Clusters = clusters;
        Edges = edges;
        Width = width;
        Height = height;
    }

    /// <summary>Leaf boxes by id; enumerates in insertion order.</summary>
    public IReadOnlyDictionary<string, NodeLayout> Nodes { get; }

    /// <summary>Cluster boxes by id; enumerates in insertion order.</summary>
    public IReadOnlyDictionary<string, ClusterLayout> Clusters { get; }

    /// <summary>Edge routes by id; enumerates in insertion order.</summary>
    public IReadOnlyDictionary<string, EdgeLayout> Edges { get; }

    /// <summary>Width of the whole drawing including the margin.</summary>
    public double Width { get; }

    /// <summary>Height of the whole drawing including the margin.</summary>
    public double Height { get; }
}

/// <summary>Read-only map whose enumeration order is the insertion order (never hash order).</summary>
internal sealed class OrderedMap<T> : IReadOnlyDictionary<string, T>
{
    private readonly List<KeyValuePair<string, T>> _items = [];
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

    public void Add(string key, T value)
    {
        _index.Add(key, _items.Count);
        _items.Add(new(key, value));
    }

    public T this[string key] => _items[_index[key]].Value;
    public IEnumerable<string> Keys => _items.Select(kv => kv.Key);
    public IEnumerable<T> Values => _items.Select(kv => kv.Value);
    public int Count => _items.Count;
    public bool ContainsKey(string key) => _index.ContainsKey(key);

    public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out T value)
    {
        if (_index.TryGetValue(key, out int i)) { value = _items[i].Value; return true; }
        value = default;
        return false;
    }

    public IEnumerator<KeyValuePair<string, T>> GetEnumerator() => _items.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
