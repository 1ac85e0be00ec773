using System.Globalization;
using System.Text;

namespace NetVizGen.Model.Specs;

/// <summary>The kind of a statically known constructor argument value.</summary>
public enum ArgKind
{
    /// <summary>The value could not be determined at compile time.</summary>
    Unknown,
    /// <summary>The literal <c>null</c>.</summary>
    Null,
    /// <summary>A boolean.</summary>
    Bool,
    /// <summary>An integer (any width), held as <see cref="long"/>.</summary>
    Int,
    /// <summary>A floating point number, held as <see cref="double"/>.</summary>
    Float,
    /// <summary>A string.</summary>
    String,
    /// <summary>An enum member or other named symbol, e.g. <c>PaddingModes.Zeros</c>.</summary>
    Symbol,
    /// <summary>A tuple or array of values, e.g. <c>(3, 3)</c> or <c>new long[] { 2, 2 }</c>.</summary>
    Tuple,
}

/// <summary>
/// A compile-time value of a layer argument as it appears in a spec and in the manifest.
/// </summary>
/// <remarks>Immutable with value equality: it is part of the incremental pipeline's model.</remarks>
public sealed record ArgValue(ArgKind Kind, long Int = 0, double Float = 0, string? Text = null, EquatableArray<ArgValue> Items = default)
{
    /// <summary>The unknown value.</summary>
    public static readonly ArgValue Unknown = new(ArgKind.Unknown);

    /// <summary>The null value.</summary>
    public static readonly ArgValue Null = new(ArgKind.Null);

    /// <summary>An integer value.</summary>
    public static ArgValue FromInt(long value) => new(ArgKind.Int, Int: value);

    /// <summary>A floating point value.</summary>
    public static ArgValue FromFloat(double value) => new(ArgKind.Float, Float: value);

    /// <summary>A boolean value.</summary>
    public static ArgValue FromBool(bool value) => new(ArgKind.Bool, Int: value ? 1 : 0);

    /// <summary>A string value.</summary>
    public static ArgValue FromString(string value) => new(ArgKind.String, Text: value);

    /// <summary>A named symbol such as an enum member.</summary>
    public static ArgValue FromSymbol(string name) => new(ArgKind.Symbol, Text: name);

    /// <summary>A tuple of values.</summary>
    public static ArgValue FromTuple(IEnumerable<ArgValue> items) => new(ArgKind.Tuple, Items: items.ToEquatableArray());

    /// <summary>True for <see cref="ArgKind.Bool"/> values that are true.</summary>
    public bool AsBool => Kind == ArgKind.Bool && Int != 0;

    /// <summary>True when the value (or any item of a tuple) is unknown.</summary>
    public bool IsUnknown => Kind == ArgKind.Unknown || (Kind == ArgKind.Tuple && Items.Any(i => i.IsUnknown));

    /// <summary>Integer view of Int, integral Float and single-item tuples; null otherwise.</summary>
    public long? AsLong => Kind switch
    {
        ArgKind.Int => Int,
        ArgKind.Float when Math.Floor(Float) == Float => (long)Float,
        ArgKind.Tuple when Items.Count == 1 => Items[0].AsLong,
        _ => null,
    };

    /// <summary>Number view of Int and Float; null otherwise.</summary>
    public double? AsDouble => Kind switch
    {
        ArgKind.Int => Int,
        ArgKind.Float => Float,
        _ => null,
    };

    /// <summary>C#-like display text, culture-invariant: <c>3</c>, <c>0.5</c>, <c>(3, 3)</c>, <c>true</c>.</summary>
    public override string ToString()
    {
        switch (Kind)
        {
            case ArgKind.Null: return "null";
            case ArgKind.Bool: return AsBool ? "true" : "false";
            case ArgKind.Int: return Int.ToString(CultureInfo.InvariantCulture);
            case ArgKind.Float: return FormatFloat(Float);
            case ArgKind.String: return "\"" + Text + "\"";
            case ArgKind.Symbol: return Text ?? "?";
            case ArgKind.Tuple:
                var sb = new StringBuilder("(");
                for (int i = 0; i < Items.Count; i++)
                {
                    if (i > 0) sb.Append(", ");
                    sb.Append(Items[i]);
                }
                return sb.Append(')').ToString();
            default: return "?";
        }
    }

    private static readonly char[] FloatMarks = { '.', 'E', 'e' };

    /// <summary>Shortest round-trip text of a double in the invariant culture.</summary>
    public static string FormatFloat(double value)
    {
        if (double.IsPositiveInfinity(value)) return "inf";
        if (double.IsNegativeInfinity(value)) return "-inf";
        if (double.IsNaN(value)) return "nan";
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.IndexOfAny(FloatMarks) < 0 ? text + ".0" : text;
    }
}

/// <summary>A named argument of a layer constructor call, after binding to the TorchSharp signature.</summary>
/// <param name="Name">The TorchSharp parameter name, e.g. <c>kernel_size</c>, or <c>#0</c> for an unbound position.</param>
/// <param name="Value">The value.</param>
public sealed record ArgSpec(string Name, ArgValue Value);
