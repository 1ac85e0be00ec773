using NetVizGen.Model.Specs;

namespace NetVizGen.Model.Shapes;

/// <summary>A tensor shape: an ordered list of <see cref="Dim"/>s, printed <c>N×3×224×224</c>.</summary>
/// <param name="Dims">The dimensions, outermost first.</param>
public sealed record Shape(EquatableArray<Dim> Dims)
{
    /// <summary>The separator used between dims when printing (U+00D7).</summary>
    public const string Times = "\u00D7";

    /// <summary>Builds a shape from dims.</summary>
    public static Shape Of(params Dim[] dims) => new(new EquatableArray<Dim>(dims));

    /// <summary>Builds a shape from dims.</summary>
    public static Shape Of(IEnumerable<Dim> dims) => new(dims.ToEquatableArray());

    /// <summary>The number of dimensions.</summary>
    public int Rank => Dims.Count;

    /// <summary>The dimension at <paramref name="index"/>; negative indexes count from the end.</summary>
    public Dim this[int index] => Dims[index < 0 ? index + Rank : index];

    /// <summary>The total number of elements (the product of all dims).</summary>
    public Dim ElementCount => Dim.Product(Dims);

    /// <summary>True when every dim is a known number.</summary>
    public bool IsConcrete => Dims.All(d => d.IsConcrete);

    /// <summary>Normalises a possibly negative dimension index; null when out of range.</summary>
    public int? NormalizeAxis(long axis, int extra = 0)
    {
        long rank = Rank + extra;
        long a = axis < 0 ? axis + rank : axis;
        return a >= 0 && a < rank ? (int)a : null;
    }

    /// <summary>A copy with the dim at <paramref name="index"/> replaced.</summary>
    public Shape With(int index, Dim dim)
    {
        var dims = Dims.ToArray();
        dims[index] = dim;
        return new Shape(new EquatableArray<Dim>(dims));
    }

    /// <summary>Dims joined by × (U+00D7); <c>scalar</c> for rank 0.</summary>
    public override string ToString() => Rank == 0 ? "scalar" : string.Join(Times, Dims.Select(d => d.ToString()));

    /// <summary>
    /// Parses an attribute shape such as <c>N,3,224,224</c>, <c>1,3,224,224</c> or <c>B,T,512</c>:
    /// comma-separated dims (× is accepted too), each a positive integer or a symbol name.
    /// </summary>
    public static bool TryParse(string text, out Shape shape, out string error)
    {
        shape = Of();
        error = "";
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "the shape is empty";
            return false;
        }
        var parts = text.Split(',', '\u00D7');
        var dims = new List<Dim>();
        foreach (var raw in parts)
        {
            var part = raw.Trim();
            if (!Dim.TryParse(part, out var dim))
            {
                error = part.Length == 0 ? "a dimension is empty" : "'" + part + "' is neither a size nor a symbol name";
                return false;
            }
            if (dim.IsKnownNonPositive)
            {
                error = "dimension " + part + " must be positive";
                return false;
            }
            dims.Add(dim);
        }
        shape = Of(dims);
        return true;
    }

    /// <summary>Parses several shapes separated by <c>;</c>, e.g. <c>N,T,512;N,S,512</c> (input names, if any, and values are dropped).</summary>
    public static bool TryParseList(string text, out IReadOnlyList<Shape> shapes, out string error)
    {
        var ok = TryParseInputs(text, out var inputs, out error);
        shapes = inputs.Where(i => !i.IsValue).Select(i => i.Shape).ToList();
        return ok;
    }

    /// <summary>
    /// <c>true</c>, <c>false</c>, or a number that is no size (zero, negative, with a fraction or exponent). A positive
    /// integer stays a one-dimensional shape here; <c>forward</c>'s parameter type decides what it is.
    /// </summary>
    public static bool IsScalarLiteral(string text) =>
        text.Equals("true", StringComparison.OrdinalIgnoreCase) || text.Equals("false", StringComparison.OrdinalIgnoreCase)
        || double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d)
           && !(d > 0 && text.All(char.IsDigit));

    /// <summary>
    /// Parses an attribute input declaration: shapes separated by <c>;</c>, each optionally named after a
    /// <c>forward</c> parameter or a member of an input record (<c>src=N,S,512; tgt=N,T,512</c>,
    /// <c>batch.tokens=N,T</c>). Named and positional parts may be mixed; positional ones fill the
    /// inputs left over, in order. A named part may instead give a parameter that is no tensor its value
    /// (<c>multimaskOutput=true</c>, <see cref="InputShape.IsValue"/>).
    /// </summary>
    public static bool TryParseInputs(string text, out IReadOnlyList<InputShape> inputs, out string error)
    {
        var list = new List<InputShape>();
        inputs = list;
        error = "";
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "the shape list is empty";
            return false;
        }
        var parts = text.Split(';');
        for (int i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            string? name = null;
            int eq = part.IndexOf('=');
            if (eq >= 0)
            {
                name = part.Substring(0, eq).Trim();
                part = part.Substring(eq + 1);
                if (name.Length == 0 || !name.All(c => char.IsLetterOrDigit(c) || c is '_' or '.' or '@'))
                {
                    error = "input " + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + ": '" + name + "' is not a parameter or member name";
                    return false;
                }
            }
            // A value for a forward parameter that is no tensor (multimaskOutput=true, startPos=0, scale=0.5).
            if (name is not null && IsScalarLiteral(part.Trim()))
            {
                list.Add(new InputShape(name.TrimStart('@'), Of(), part.Trim()) { IsValue = true });
                continue;
            }
            if (!TryParse(part, out var s, out var e))
            {
                error = parts.Length == 1 && name is null ? e : "input " + (name ?? (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)) + ": " + e;
                return false;
            }
            list.Add(new InputShape(name?.TrimStart('@'), s, part.Trim()));
        }
        return true;
    }
}

/// <summary>One declared input of a <c>[Diagram(Input = ...)]</c>.</summary>
/// <param name="Name">The forward parameter or input member it is for; null for a positional declaration.</param>
/// <param name="Shape">The parsed shape.</param>
/// <param name="Text">The shape as written (without the name).</param>
public sealed record InputShape(string? Name, Shape Shape, string Text)
{
    /// <summary>A named value (<c>multimaskOutput=true</c>) rather than a shape: <see cref="Text"/> is the literal.</summary>
    public bool IsValue { get; init; }
}
