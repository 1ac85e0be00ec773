using System.Globalization;
using System.Text;

namespace NetVizGen.Model.Shapes;

/// <summary>
/// A size the extractor cannot know while tracing forward: a sum of terms, each a constant times sizes read
/// from traced tensors (<c>x.size(0)</c>, <c>x.shape[1]</c>) and integer parameters of the root forward that
/// no declaration gives (<c>startPos</c>). It travels in a flow node's arguments as a <c>Symbol</c> such as
/// <c>#3.size(0)*#3.size(1)*4</c> or <c>$startPos+#3.size(1)</c> (<c>#</c> producer flow node id and axis,
/// <c>$</c> a parameter's name); shape analysis resolves it against the traced shapes, a parameter becoming a
/// symbol of its own name. This type is the one place that reads and writes that text.
/// </summary>
public sealed class DimRef
{
    private readonly Term[] _terms;
    private readonly long _divisor; // the whole sum floor-divided by it (1: no division)

    private sealed class Term
    {
        public Term(long coefficient, (int Node, int Axis)[] refs, string[] symbols)
        {
            Coefficient = coefficient;
            Refs = refs;
            Symbols = symbols;
        }

        public long Coefficient { get; }
        public (int Node, int Axis)[] Refs { get; }
        public string[] Symbols { get; }
        public bool IsConstant => Refs.Length == 0 && Symbols.Length == 0;
    }

    private DimRef(Term[] terms, long divisor = 1)
    {
        _terms = terms;
        _divisor = divisor;
    }

    /// <summary>True when the sum is floor-divided (<c>C / n_head</c>); such a size takes no further arithmetic.</summary>
    public bool IsDivided => _divisor != 1;

    /// <summary>The size floor-divided by a positive constant (<c>C / n_head</c>); null when already divided or <paramref name="k"/> is not positive.</summary>
    public DimRef? DividedBy(long k) => k <= 0 || IsDivided ? null : k == 1 ? this : new DimRef(_terms, k);

    private DimRef Undivided(string operation) =>
        IsDivided ? throw new InvalidOperationException("A divided size reference takes no further " + operation + "; check IsDivided first") : this;

    /// <summary>Axis <paramref name="axis"/> of flow node <paramref name="node"/>'s output.</summary>
    public static DimRef Of(int node, int axis) => new(new[] { new Term(1, new[] { (node, axis) }, Array.Empty<string>()) });

    /// <summary>An integer parameter of the root forward, shown as the symbol <paramref name="name"/>; null when it is no valid symbol name.</summary>
    public static DimRef? Parameter(string name)
    {
        name = name.TrimStart('@');
        if (!Dim.TryParse(name, out var d) || d.IsConcrete) return null;
        return new(new[] { new Term(1, Array.Empty<(int, int)>(), new[] { name }) });
    }

    /// <summary>The product of two references.</summary>
    public DimRef Times(DimRef other) =>
        new(Undivided("product")._terms.SelectMany(a => other.Undivided("product")._terms.Select(b => new Term(a.Coefficient * b.Coefficient, a.Refs.Concat(b.Refs).ToArray(), a.Symbols.Concat(b.Symbols).ToArray()))).ToArray());

    /// <summary>The reference times a constant.</summary>
    public DimRef Times(long factor) => new(Undivided("product")._terms.Select(t => new Term(t.Coefficient * factor, t.Refs, t.Symbols)).ToArray());

    /// <summary>The sum of two references.</summary>
    public DimRef Plus(DimRef other) => new(Undivided("sum")._terms.Concat(other.Undivided("sum")._terms).ToArray());

    /// <summary>The reference plus a constant (negative for a difference).</summary>
    public DimRef Plus(long constant) => constant == 0 ? this : new(Undivided("sum")._terms.Concat(new[] { new Term(constant, Array.Empty<(int, int)>(), Array.Empty<string>()) }).ToArray());

    /// <summary>The manifest text, e.g. <c>#3.size(0)*2</c>, <c>$startPos+#3.size(1)</c>, <c>#3.size(1)+-1</c>.</summary>
    public override string ToString()
    {
        // Terms with a size or a parameter first (the text starts with '#' or '$'), constants last.
        var sb = new StringBuilder();
        foreach (var term in _terms.Where(t => !t.IsConstant).Concat(_terms.Where(t => t.IsConstant)))
        {
            if (sb.Length > 0) sb.Append('+');
            var start = sb.Length;
            foreach (var (node, axis) in term.Refs)
            {
                if (sb.Length > start) sb.Append('*');
                sb.Append('#').Append(node.ToString(CultureInfo.InvariantCulture))
                  .Append(".size(").Append(axis.ToString(CultureInfo.InvariantCulture)).Append(')');
            }
            foreach (var symbol in term.Symbols)
            {
                if (sb.Length > start) sb.Append('*');
                sb.Append('$').Append(symbol);
            }
            if (term.IsConstant) sb.Append(term.Coefficient.ToString(CultureInfo.InvariantCulture));
            else if (term.Coefficient != 1) sb.Append('*').Append(term.Coefficient.ToString(CultureInfo.InvariantCulture));
        }
        if (IsDivided) sb.Append('/').Append(_divisor.ToString(CultureInfo.InvariantCulture));
        return sb.ToString();
    }

    /// <summary>Parses the text <see cref="ToString"/> writes; false for anything else (enum symbols, plain numbers).</summary>
    public static bool TryParse(string? text, out DimRef? value)
    {
        value = null;
        if (text is null || text.Length == 0 || text[0] is not ('#' or '$')) return false;
        long divisor = 1;
        int slash = text.LastIndexOf('/');
        if (slash >= 0)
        {
            if (!long.TryParse(text.Substring(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out divisor) || divisor <= 0) return false;
            text = text.Substring(0, slash);
        }
        var terms = new List<Term>();
        foreach (var termText in text.Split('+'))
        {
            var refs = new List<(int, int)>();
            var symbols = new List<string>();
            long coefficient = 1;
            foreach (var part in termText.Split('*'))
            {
                if (part.StartsWith("#", StringComparison.Ordinal))
                {
                    int dot = part.IndexOf(".size(", StringComparison.Ordinal);
                    if (dot < 0 || !part.EndsWith(")", StringComparison.Ordinal)) return false;
                    var axisText = part.Substring(dot + 6, part.Length - dot - 7);
                    if (!int.TryParse(part.Substring(1, dot - 1), NumberStyles.Integer, CultureInfo.InvariantCulture, out var node) ||
                        !int.TryParse(axisText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var axis)) return false;
                    refs.Add((node, axis));
                }
                else if (part.StartsWith("$", StringComparison.Ordinal))
                {
                    var name = part.Substring(1);
                    if (!Dim.TryParse(name, out var d) || d.IsConcrete) return false;
                    symbols.Add(name);
                }
                else if (long.TryParse(part, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var f)) coefficient *= f;
                else return false;
            }
            terms.Add(new Term(coefficient, refs.ToArray(), symbols.ToArray()));
        }
        if (terms.All(t => t.IsConstant)) return false;
        value = new DimRef(terms.ToArray(), divisor);
        return true;
    }

    /// <summary>The size, given the output shape of each referenced node; null when one is unknown.</summary>
    public Dim? Resolve(Func<int, Shape?> outputOf)
    {
        Dim result = 0;
        foreach (var term in _terms)
        {
            Dim product = term.Coefficient;
            foreach (var (node, axis) in term.Refs)
            {
                var shape = outputOf(node);
                if (shape is null || shape.NormalizeAxis(axis) is not int a) return null;
                product *= shape[a];
            }
            foreach (var symbol in term.Symbols) product *= Dim.Symbol(symbol);
            result += product;
        }
        return IsDivided ? result.FloorDiv(_divisor) : result;
    }

    /// <summary>
    /// The text as a reader sees it in a label: node numbers and markers dropped (<c>#3.size(0)</c> →
    /// <c>size(0)</c>, <c>$startPos</c> → <c>startPos</c>, <c>+-1</c> → <c>-1</c>).
    /// </summary>
    public static string Display(string text)
    {
        if (text.IndexOf('#') < 0 && text.IndexOf('$') < 0) return text;
        // A divided sum reads with its parentheses: (size(1)-1)/2.
        int slash = text.LastIndexOf('/');
        if (slash > 0 && TryParse(text, out var parsed) && parsed!._terms.Length > 1)
            return "(" + Display(text.Substring(0, slash)) + ")" + text.Substring(slash);
        var sb = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '#')
            {
                int j = i + 1;
                while (j < text.Length && char.IsDigit(text[j])) j++;
                if (j > i + 1 && j < text.Length && text[j] == '.')
                {
                    i = j; // skip "#<node>."
                    continue;
                }
            }
            if (c == '$') continue;
            if (c == '+' && i + 1 < text.Length && text[i + 1] == '-') continue;
            sb.Append(c);
        }
        return sb.ToString();
    }
}
