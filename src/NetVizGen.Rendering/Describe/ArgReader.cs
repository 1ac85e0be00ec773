using NetVizGen.Model.Specs;

namespace NetVizGen.Rendering.Describe;

/// <summary>
/// Reads constructor arguments by any of their TorchSharp names, falling back to an unbound
/// position (<c>#0</c>, <c>#1</c>) because the extractor keeps positions it could not bind.
/// </summary>
internal readonly struct ArgReader(IReadOnlyList<ArgSpec> args)
{
    public ArgValue? Get(int position, params string[] names)
    {
        foreach (var name in names)
            foreach (var a in args)
                if (string.Equals(a.Name, name, StringComparison.Ordinal)) return a.Value;
        var pos = "#" + position.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var a in args)
            if (a.Name == pos) return a.Value;
        return null;
    }

    /// <summary>Compact display: <c>3</c>, <c>3×3</c> for a square or rectangular tuple, <c>0.5</c>.</summary>
    public static string Compact(ArgValue v)
    {
        if (v.Kind == ArgKind.Tuple && v.Items.Count > 0) return string.Join("×", v.Items.Select(Compact));
        return v.Kind switch
        {
            ArgKind.Int => v.Int.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ArgKind.Float => ArgValue.FormatFloat(v.Float).EndsWith(".0", StringComparison.Ordinal)
                ? ArgValue.FormatFloat(v.Float)[..^2] : ArgValue.FormatFloat(v.Float),
            ArgKind.String => v.Text ?? "",
            ArgKind.Symbol => ShortSymbol(v.Text ?? "?"),
            ArgKind.Unknown => "?",
            _ => v.ToString(),
        };
    }

    /// <summary>Kernel-like values shown as <c>k×k</c> even when written as one number for a 2-D layer.</summary>
    public static string Kernel(ArgValue v, int dims)
    {
        if (v.Kind == ArgKind.Tuple) return Compact(v);
        var one = Compact(v);
        return dims <= 1 ? one : string.Join("×", Enumerable.Repeat(one, dims));
    }

    /// <summary>True when the value is 1 or a tuple of 1s (the stride default, not worth a label).</summary>
    public static bool IsOne(ArgValue v) => v.Kind == ArgKind.Tuple ? v.Items.All(IsOne) : v.AsLong == 1;

    /// <summary>True when the value is 0, false, null or a tuple of those.</summary>
    public static bool IsZero(ArgValue v) => v.Kind switch
    {
        ArgKind.Tuple => v.Items.All(IsZero),
        ArgKind.Null => true,
        _ => v.AsLong == 0,
    };

    private static string ShortSymbol(string text)
    {
        // A size the extractor could not know (x.size(0) * 2, start_pos + seqlen) reads as such.
        if (NetVizGen.Model.Shapes.DimRef.TryParse(text, out _)) return NetVizGen.Model.Shapes.DimRef.Display(text);
        int dot = text.LastIndexOf('.');
        return dot < 0 ? text : text[(dot + 1)..];
    }
}
