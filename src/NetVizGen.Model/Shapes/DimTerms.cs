using System.Text;

namespace NetVizGen.Model.Shapes;

/// <summary>A factor of a <see cref="Dim"/> term: a symbol, or a floor quotient of a dim by a constant.</summary>
internal sealed class Atom
{
    private Atom(string? name, Dim? numerator, long divisor)
    {
        Name = name;
        Numerator = numerator;
        Divisor = divisor;
        Key = name ?? "(" + numerator + ")/" + divisor.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public string? Name { get; }

    public Dim? Numerator { get; }

    public long Divisor { get; }

    /// <summary>Canonical text used for sorting and merging.</summary>
    public string Key { get; }

    public static Atom Sym(string name) => new(name, null, 1);

    public static Atom Floor(Dim numerator, long divisor) => new(null, numerator, divisor);
}

/// <summary>Coefficient × product of atoms.</summary>
internal sealed class Term
{
    public Term(Atom[] atoms, long coefficient)
    {
        Atoms = atoms;
        Coefficient = coefficient;
        Key = string.Join("*", atoms.Select(a => a.Key));
    }

    public Atom[] Atoms { get; }

    public long Coefficient { get; }

    public string Key { get; }
}

/// <summary>Symbols before quotients, then ordinal by text.</summary>
internal sealed class AtomComparer : IComparer<Atom>
{
    public static readonly AtomComparer Instance = new();

    public int Compare(Atom? x, Atom? y)
    {
        int kx = x!.Name != null ? 0 : 1, ky = y!.Name != null ? 0 : 1;
        return kx != ky ? kx.CompareTo(ky) : string.CompareOrdinal(x.Key, y.Key);
    }
}

/// <summary>Lexicographic order of sorted atom lists.</summary>
internal sealed class AtomListComparer : IComparer<Atom[]>
{
    public static readonly AtomListComparer Instance = new();

    public int Compare(Atom[]? x, Atom[]? y)
    {
        for (int i = 0; i < Math.Min(x!.Length, y!.Length); i++)
        {
            int c = AtomComparer.Instance.Compare(x[i], y[i]);
            if (c != 0) return c;
        }
        return x.Length.CompareTo(y.Length);
    }
}

/// <summary>Prints canonical dims: <c>H/2</c>, <c>(H+1)/2</c>, <c>2*H-1</c>, <c>(H/4)*W</c>.</summary>
internal static class DimFormatter
{
    public static string Format(Term[] terms, long constant)
    {
        if (terms.Length == 0) return constant.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var sb = new StringBuilder();
        foreach (var t in terms)
        {
            long c = t.Coefficient;
            if (sb.Length == 0) { if (c < 0) sb.Append('-'); }
            else sb.Append(c < 0 ? '-' : '+');
            long abs = Math.Abs(c);
            bool product = abs != 1 || t.Atoms.Length > 1;
            if (abs != 1) sb.Append(abs.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('*');
            for (int i = 0; i < t.Atoms.Length; i++)
            {
                if (i > 0) sb.Append('*');
                sb.Append(FormatAtom(t.Atoms[i], product));
            }
        }
        if (constant > 0) sb.Append('+').Append(constant.ToString(System.Globalization.CultureInfo.InvariantCulture));
        else if (constant < 0) sb.Append('-').Append((-constant).ToString(System.Globalization.CultureInfo.InvariantCulture));
        return sb.ToString();
    }

    private static string FormatAtom(Atom atom, bool inProduct)
    {
        if (atom.Name != null) return atom.Name;
        var num = atom.Numerator!;
        bool simple = num.Constant == 0 && num.Terms.Count == 1 && num.Terms[0].Coefficient == 1 && num.Terms[0].Atoms.Length == 1
                      && num.Terms[0].Atoms[0].Name != null;
        var text = (simple ? num.ToString() : "(" + num + ")") + "/" + atom.Divisor.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return inProduct ? "(" + text + ")" : text;
    }
}
