using System.Globalization;

namespace NetVizGen.Model.Shapes;

/// <summary>
/// One tensor dimension: a concrete size (<c>224</c>) or a small integer expression over named
/// symbols (<c>N</c>, <c>H/2</c>, <c>(H+1)/2</c>, <c>64*T</c>) built with +, -, * and floor division.
/// </summary>
/// <remarks>
/// Dims are kept in a canonical form (a sum of coefficient × product-of-atoms terms, where an atom is a
/// symbol or a floor quotient by a positive constant), so equal expressions print and compare equal.
/// Symbols stand for integers; the simplifications used are exact for integers:
/// <c>floor((d·A + B)/d) = A + floor(B/d)</c> and <c>floor((floor(X/a) + B)/d) = floor((X + a·B)/(a·d))</c>.
/// Immutable with value equality.
/// </remarks>
public sealed class Dim : IEquatable<Dim>
{
    private readonly Term[] _terms; // non-constant terms, sorted, no zero coefficients
    private readonly long _constant;
    private readonly string _text;

    private Dim(Term[] terms, long constant)
    {
        _terms = terms;
        _constant = constant;
        _text = DimFormatter.Format(terms, constant);
    }

    /// <summary>A concrete size.</summary>
    public static Dim Of(long value) => new(Array.Empty<Term>(), value);

    /// <summary>A named symbol such as <c>N</c> or <c>H</c>.</summary>
    public static Dim Symbol(string name)
    {
        if (!IsIdentifier(name)) throw new ArgumentException("Not a symbol name: " + name, nameof(name));
        return new(new[] { new Term(new Atom[] { Atom.Sym(name) }, 1) }, 0);
    }

    /// <summary>Converts a concrete size.</summary>
    public static implicit operator Dim(long value) => Of(value);

    /// <summary>True when the size is a known number.</summary>
    public bool IsConcrete => _terms.Length == 0;

    /// <summary>The size when concrete; null otherwise.</summary>
    public long? Value => IsConcrete ? _constant : null;

    /// <summary>True when the size is concrete and at most zero (an impossible tensor size).</summary>
    public bool IsKnownNonPositive => IsConcrete && _constant <= 0;

    internal IReadOnlyList<Term> Terms => _terms;

    internal long Constant => _constant;

    /// <summary>Sum.</summary>
    public static Dim operator +(Dim a, Dim b) => FromTerms(a._terms.Concat(b._terms), a._constant + b._constant);

    /// <summary>Difference.</summary>
    public static Dim operator -(Dim a, Dim b) => a + b * -1;

    /// <summary>Product.</summary>
    public static Dim operator *(Dim a, Dim b)
    {
        var terms = new List<Term>();
        foreach (var x in a._terms)
        {
            foreach (var y in b._terms) terms.Add(new Term(x.Atoms.Concat(y.Atoms).ToArray(), x.Coefficient * y.Coefficient));
            terms.Add(new Term(x.Atoms, x.Coefficient * b._constant));
        }
        foreach (var y in b._terms) terms.Add(new Term(y.Atoms, y.Coefficient * a._constant));
        return FromTerms(terms, a._constant * b._constant);
    }

    /// <summary>Floor division by a positive constant (Python's <c>//</c>).</summary>
    public static Dim operator /(Dim a, long divisor) => a.FloorDiv(divisor);

    /// <summary>Floor division by a positive constant.</summary>
    public Dim FloorDiv(long divisor)
    {
        if (divisor <= 0) throw new ArgumentOutOfRangeException(nameof(divisor), "Divisor must be positive.");
        if (divisor == 1) return this;
        if (IsConcrete) return Of(FloorDivide(_constant, divisor));

        // Pull out the terms (and the part of the constant) that divide exactly.
        var exact = new List<Term>();
        var rest = new List<Term>();
        foreach (var t in _terms)
        {
            if (t.Coefficient % divisor == 0) exact.Add(new Term(t.Atoms, t.Coefficient / divisor));
            else rest.Add(t);
        }
        long q = FloorDivide(_constant, divisor);
        long r = _constant - q * divisor;
        var outside = FromTerms(exact, q);
        if (rest.Count == 0) return outside; // 0 <= r < divisor adds nothing

        // floor((floor(X/a) + B)/d) = floor((X + a*B)/(a*d)): keeps nested strides as one quotient.
        var floors = rest.Where(t => t.Coefficient == 1 && t.Atoms.Length == 1 && t.Atoms[0].Numerator != null).ToList();
        if (floors.Count == 1)
        {
            var f = floors[0].Atoms[0];
            var others = FromTerms(rest.Where(t => !ReferenceEquals(t, floors[0])), r);
            return outside + (f.Numerator! + others * f.Divisor).FloorDiv(f.Divisor * divisor);
        }

        // Reduce by the common divisor of all coefficients and the divisor.
        long g = divisor;
        foreach (var t in rest) g = Gcd(g, t.Coefficient);
        g = Gcd(g, r);
        var numerator = FromTerms(rest.Select(t => new Term(t.Atoms, t.Coefficient / g)), r / g);
        long d = divisor / g;
        if (d == 1) return outside + numerator;
        return outside + new Dim(new[] { new Term(new[] { Atom.Floor(numerator, d) }, 1) }, 0);
    }

    /// <summary>
    /// Exact division by a concrete size or by a monomial (<c>N</c>, <c>4*N*T</c>): what view(-1)
    /// needs when other sizes are symbolic (<c>x.view(x.size(0), -1)</c>). Null when it does not divide
    /// exactly in this canonical form.
    /// </summary>
    public Dim? TryDivideExact(Dim divisor)
    {
        if (divisor.IsConcrete)
        {
            long c = divisor._constant;
            if (c == 0) return null;
            if (_constant % c != 0 || _terms.Any(t => t.Coefficient % c != 0)) return null;
            return FromTerms(_terms.Select(t => new Term(t.Atoms, t.Coefficient / c)), _constant / c);
        }
        if (divisor._terms.Length != 1 || divisor._constant != 0 || _constant != 0) return null;
        var d = divisor._terms[0];
        var terms = new List<Term>();
        long constant = 0;
        foreach (var t in _terms)
        {
            if (t.Coefficient % d.Coefficient != 0) return null;
            var atoms = t.Atoms.ToList();
            foreach (var a in d.Atoms)
            {
                int i = atoms.FindIndex(x => x.Key == a.Key);
                if (i < 0) return null;
                atoms.RemoveAt(i);
            }
            if (atoms.Count == 0) constant += t.Coefficient / d.Coefficient;
            else terms.Add(new Term(atoms.ToArray(), t.Coefficient / d.Coefficient));
        }
        return FromTerms(terms, constant);
    }

    /// <summary>Ceiling division by a positive constant: <c>floor((a + d - 1)/d)</c>.</summary>
    public Dim CeilDiv(long divisor) => (this + (divisor - 1)).FloorDiv(divisor);

    /// <summary>The product of several dims (1 for none).</summary>
    public static Dim Product(IEnumerable<Dim> dims)
    {
        Dim result = 1;
        foreach (var d in dims) result *= d;
        return result;
    }

    /// <summary>
    /// Parses one dimension of an attribute shape: a non-negative integer or a symbol name
    /// (a letter or underscore followed by letters, digits or underscores).
    /// </summary>
    public static bool TryParse(string text, out Dim dim)
    {
        text = (text ?? "").Trim();
        if (text.Length > 0 && text.All(char.IsDigit)
            && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long v))
        {
            dim = Of(v);
            return true;
        }
        if (IsIdentifier(text))
        {
            dim = Symbol(text);
            return true;
        }
        dim = Of(0);
        return false;
    }

    /// <summary>The canonical text: <c>224</c>, <c>N</c>, <c>H/2</c>, <c>(H+1)/2</c>, <c>64*T</c>.</summary>
    public override string ToString() => _text;

    /// <inheritdoc/>
    public bool Equals(Dim? other) => other is not null && other._text == _text;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Dim);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_text);

    /// <summary>Value equality.</summary>
    public static bool operator ==(Dim? a, Dim? b) => a is null ? b is null : a.Equals(b);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(Dim? a, Dim? b) => !(a == b);

    private static Dim FromTerms(IEnumerable<Term> terms, long constant)
    {
        var merged = new Dictionary<string, Term>(StringComparer.Ordinal);
        foreach (var t in terms)
        {
            if (t.Coefficient == 0) continue;
            var sorted = t.Atoms.OrderBy(a => a, AtomComparer.Instance).ToArray();
            var term = new Term(sorted, t.Coefficient);
            merged[term.Key] = merged.TryGetValue(term.Key, out var prev) ? new Term(sorted, prev.Coefficient + t.Coefficient) : term;
        }
        var list = merged.Values.Where(t => t.Coefficient != 0)
            .OrderByDescending(t => t.Atoms.Length).ThenBy(t => t.Atoms, AtomListComparer.Instance).ToArray();
        return new Dim(list, constant);
    }

    private static long FloorDivide(long a, long b)
    {
        long q = a / b;
        return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
    }

    private static long Gcd(long a, long b)
    {
        a = Math.Abs(a);
        b = Math.Abs(b);
        while (b != 0) (a, b) = (b, a % b);
        return a;
    }

    private static bool IsIdentifier(string text)
        => text.Length > 0 && (char.IsLetter(text[0]) || text[0] == '_') && text.All(c => char.IsLetterOrDigit(c) || c == '_');
}
