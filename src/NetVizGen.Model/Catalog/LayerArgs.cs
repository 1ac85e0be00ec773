using System.Globalization;
using NetVizGen.Model.Shapes;
using NetVizGen.Model.Specs;

namespace NetVizGen.Model.Catalog;

/// <summary>Typed access to bound arguments, falling back to the declared defaults.</summary>
internal sealed class LayerArgs
{
    private readonly IReadOnlyList<ArgSpec> _args;
    private readonly IReadOnlyList<LayerParam> _params;

    public LayerArgs(IReadOnlyList<ArgSpec> args, IReadOnlyList<LayerParam> parameters, Func<DimRef, Dim?>? sizes = null)
    {
        _args = args ?? Array.Empty<ArgSpec>();
        _params = parameters;
        _sizes = sizes;
    }

    /// <summary>Resolves sizes read from traced tensors (<see cref="DimRef"/>); null outside shape analysis.</summary>
    private readonly Func<DimRef, Dim?>? _sizes;

    /// <summary>The resolver of sizes read from traced tensors; null outside shape analysis.</summary>
    public Func<DimRef, Dim?>? Sizes => _sizes;

    /// <summary>
    /// A list of sizes where items may be symbolic references to traced tensors' dims
    /// (<c>x.view(x.size(0), -1)</c>); null when an item is unknown.
    /// </summary>
    public Dim[]? Dims(string name)
    {
        var v = Get(name);
        if (v is null || v.IsUnknown || v.Kind == ArgKind.Null) return null;
        var items = v.Kind == ArgKind.Tuple ? v.Items : (IReadOnlyList<ArgValue>)new[] { v };
        var result = new Dim[items.Count];
        for (int i = 0; i < result.Length; i++)
        {
            var item = items[i];
            if (item.AsLong is long x) result[i] = x;
            else if (item.Kind == ArgKind.Symbol && DimRef.TryParse(item.Text, out var r) && _sizes?.Invoke(r!) is { } d) result[i] = d;
            else return null;
        }
        return result;
    }

    /// <summary>
    /// The arguments of a layer passed as an argument (TransformerEncoder's <c>encoder_layer</c>): the
    /// extractor flattens them as <c>encoder_layer.d_model</c>, ..., next to <c>encoder_layer</c> = its type.
    /// </summary>
    public LayerArgs Nested(string prefix, IReadOnlyList<LayerParam> parameters)
    {
        var inner = new List<ArgSpec>();
        foreach (var a in _args)
            if (a.Name.StartsWith(prefix + ".", StringComparison.Ordinal)) inner.Add(new ArgSpec(a.Name.Substring(prefix.Length + 1), a.Value));
        return new LayerArgs(inner, parameters, _sizes);
    }

    /// <summary>The given value, else the default; null when absent and required.</summary>
    public ArgValue? Get(string name)
    {
        foreach (var a in _args) if (a.Name == name) return a.Value;
        foreach (var p in _params) if (p.Name == name) return p.Default;
        return null;
    }

    public long? Long(string name)
    {
        var v = Get(name);
        return v is null || v.IsUnknown ? null : v.AsLong;
    }

    public double? Double(string name)
    {
        var v = Get(name);
        return v is null || v.IsUnknown ? null : v.AsDouble;
    }

    public bool? Bool(string name)
    {
        var v = Get(name);
        return v is null || v.Kind != ArgKind.Bool ? null : v.AsBool;
    }

    public string? Symbol(string name)
    {
        var v = Get(name);
        return v is { Kind: ArgKind.Symbol } ? v.Text : null;
    }

    public bool IsNull(string name) => Get(name) is { Kind: ArgKind.Null };

    /// <summary>
    /// An n-tuple from a scalar (repeated), a tuple of n, or <paramref name="whenNull"/> for null;
    /// null when unknown or malformed.
    /// </summary>
    public long[]? Ints(string name, int n, long[]? whenNull = null)
    {
        var v = Get(name);
        if (v is null || v.IsUnknown) return null;
        if (v.Kind == ArgKind.Null) return whenNull;
        if (v.Kind == ArgKind.Tuple)
        {
            if (v.Items.Count == 1 && n > 1) return Repeat(v.Items[0].AsLong, n);
            if (v.Items.Count != n) return null;
            var result = new long[n];
            for (int i = 0; i < n; i++)
            {
                var x = v.Items[i].AsLong;
                if (x is null) return null;
                result[i] = x.Value;
            }
            return result;
        }
        return Repeat(v.AsLong, n);
    }

    /// <summary>All items of a tuple (or a single value) as longs; null when unknown.</summary>
    public long[]? List(string name)
    {
        var v = Get(name);
        if (v is null || v.IsUnknown || v.Kind == ArgKind.Null) return null;
        if (v.Kind != ArgKind.Tuple) return v.AsLong is long x ? new[] { x } : null;
        var result = new long[v.Items.Count];
        for (int i = 0; i < result.Length; i++)
        {
            var x = v.Items[i].AsLong;
            if (x is null) return null;
            result[i] = x.Value;
        }
        return result;
    }

    /// <summary>Display text of a value, <c>?</c> when unknown.</summary>
    public string Show(string name)
    {
        var v = Get(name);
        if (v is null || v.IsUnknown) return "?";
        if (v.Kind == ArgKind.Float) return v.Float.ToString("0.####", CultureInfo.InvariantCulture);
        // Sizes read in forward are stored as references to a flow node ("#3.size(0)"); readers
        // know them as x.size(0), so the node id is not shown, and a divided sum keeps its parentheses
        // ((size(2)+1)/2, not size(2)+1/2).
        return System.Text.RegularExpressions.Regex.Replace(Text(v), @"#\d+\.", "");
    }

    private static string Text(ArgValue v)
    {
        if (v.Kind == ArgKind.Symbol && Shapes.DimRef.TryParse(v.Text, out _)) return Shapes.DimRef.Display(v.Text!);
        if (v.Kind != ArgKind.Tuple) return v.ToString();
        return "(" + string.Join(", ", v.Items.Select(Text)) + ")";
    }

    private static long[]? Repeat(long? value, int n) => value is long x ? Enumerable.Repeat(x, n).ToArray() : null;
}
