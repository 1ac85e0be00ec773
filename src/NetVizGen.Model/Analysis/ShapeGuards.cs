using System.Globalization;
using System.Text;
using NetVizGen.Model.Shapes;
using NetVizGen.Model.Specs;

namespace NetVizGen.Model.Analysis;

/// <summary>
/// Conditions on traced shapes (<c>if (x.shape[1] != channels) throw ...</c>, <c>x.ndim == 4 &amp;&amp; ...</c>)
/// checked once shapes are known. While tracing, sizes are references to flow nodes, so the extractor
/// assumes a branch and warns (NVG0102); it also records the condition as a guard on that warning. After
/// shape analysis: a guard that holds as assumed drops the warning (the drawn branch is the one the traced
/// shapes take); one that is known to fail says so (forward throws there, or the diagram follows the other
/// branch); anything not decidable keeps the warning as it was.
/// </summary>
/// <remarks>
/// Text form, prefix notation: <c>and(a,b)</c>, <c>or(a,b)</c>, <c>not(a)</c>, comparisons <c>eq ne lt le
/// gt ge</c> of two terms, and <c>unk</c> for a part the extractor could not express. A term is a number,
/// <c>rank(N)</c> (the number of dims of flow node N's output) or a size reference (<c>#3.size(1)</c>).
/// Three-valued: <c>and(false, unk)</c> is false, <c>or(true, unk)</c> is true. A guard on a note is
/// <c>A|T|expr</c>: the value assumed (<c>1</c>/<c>0</c>) and whether the other branch only throws.
/// </remarks>
public static class ShapeGuards
{
    /// <summary>A part of a condition the extractor could not express.</summary>
    public const string UnknownPart = "unk";

    /// <summary>A part of a condition known while tracing (a bool field, local or constant).</summary>
    public static string Known(bool value) => value ? "true" : "false";

    /// <summary>A comparison of two terms; <paramref name="op"/> is one of eq, ne, lt, le, gt, ge.</summary>
    public static string Compare(string op, string left, string right) => op + "(" + left + "," + right + ")";

    /// <summary>Both parts.</summary>
    public static string And(string a, string b) => "and(" + a + "," + b + ")";

    /// <summary>Either part.</summary>
    public static string Or(string a, string b) => "or(" + a + "," + b + ")";

    /// <summary>The negation.</summary>
    public static string Not(string a) => "not(" + a + ")";

    /// <summary>The rank of flow node <paramref name="node"/>'s output.</summary>
    public static string Rank(int node) => "rank(" + node.ToString(CultureInfo.InvariantCulture) + ")";

    /// <summary>A known number.</summary>
    public static string Const(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The guard stored on a note: the expression, the value assumed, and whether the other branch only throws.</summary>
    public static string OnNote(string expression, bool assumed, bool otherThrows) => (assumed ? "1" : "0") + "|" + (otherThrows ? "1" : "0") + "|" + expression;

    /// <summary>
    /// The notes after checking their guards against the analysed shapes: dropped when the guard holds as
    /// assumed, rewritten when it is known to fail, kept otherwise; no note keeps its guard.
    /// </summary>
    public static IEnumerable<NoteSpec> Verify(IEnumerable<NoteSpec> notes, Func<int, Shape?> outputOf, Func<DimRef, Dim?> sizes)
    {
        foreach (var note in notes)
        {
            if (note.Guard is not { } guards)
            {
                yield return note;
                continue;
            }
            // Every occurrence (one per module instance that reached the condition) must hold as assumed.
            bool allHold = true;
            string? contradiction = null;
            foreach (var guard in guards.Split(new[] { Separator }, StringSplitOptions.None))
            {
                var parts = guard.Split(new[] { '|' }, 3);
                bool? value = null;
                if (parts.Length == 3)
                {
                    try { value = new Evaluator(parts[2], outputOf, sizes).Run(); }
                    catch (FormatException) { value = null; }
                }
                bool assumed = parts.Length == 3 && parts[0] == "1", otherThrows = parts.Length == 3 && parts[1] == "1";
                if (value == assumed) continue;
                allHold = false;
                if (value is bool known && contradiction is null)
                {
                    var text = known ? "true" : "false";
                    contradiction = otherThrows
                        ? Subject(note.Message) + " is " + text + " for the traced shapes: forward throws here"
                        : Subject(note.Message) + " is " + text + " for the traced shapes, but the diagram follows the branch for " + (assumed ? "true" : "false");
                }
            }
            if (allHold) continue; // the drawn branch is the one the traced shapes take
            yield return contradiction is null ? note with { Guard = null } : note with { Guard = null, Message = contradiction };
        }
    }

    /// <summary>
    /// The value of one guard <paramref name="expression"/> for the shapes given, or null when they do not decide
    /// it (or the text is malformed). What the extractor asks while tracing, with the shapes traced so far.
    /// </summary>
    public static bool? Decide(string expression, Func<int, Shape?> outputOf, Func<DimRef, Dim?> sizes)
    {
        try { return new Evaluator(expression, outputOf, sizes).Run(); }
        catch (FormatException) { return null; }
    }

    /// <summary>Between the guards of one note's occurrences.</summary>
    public const string Separator = ";";

    // "Condition 'x.shape[1] != 4'" from the extractor's message.
    private static string Subject(string message)
    {
        int at = message.IndexOf(" is not known at compile time", StringComparison.Ordinal);
        return at > 0 ? message.Substring(0, at) : "The condition";
    }

    private sealed class Evaluator
    {
        private readonly string _text;
        private readonly Func<int, Shape?> _outputOf;
        private readonly Func<DimRef, Dim?> _sizes;
        private int _at;

        public Evaluator(string text, Func<int, Shape?> outputOf, Func<DimRef, Dim?> sizes)
        {
            _text = text;
            _outputOf = outputOf;
            _sizes = sizes;
        }

        public bool? Run()
        {
            var value = Expression();
            if (_at != _text.Length) throw new FormatException("trailing text in guard");
            return value;
        }

        private bool? Expression()
        {
            var name = Name();
            if (name == UnknownPart) return null;
            if (name is "true" or "false") return name == "true";
            Expect('(');
            bool? result;
            switch (name)
            {
                case "and" or "or":
                    {
                        var a = Expression();
                        Expect(',');
                        var b = Expression();
                        // Kleene logic: one side with the deciding value (false for and, true for or) decides;
                        // otherwise both must be known.
                        bool deciding = name == "or";
                        result = a == deciding || b == deciding ? deciding : a is bool && b is bool ? !deciding : null;
                        break;
                    }
                case "not":
                    {
                        var a = Expression();
                        result = a is bool v ? !v : null;
                        break;
                    }
                default:
                    {
                        var left = Term(',');
                        Expect(',');
                        var right = Term(')');
                        result = Compare(name, left, right);
                        break;
                    }
            }
            Expect(')');
            return result;
        }

        private static bool? Compare(string op, Dim? left, Dim? right)
        {
            if (left is null || right is null) return null;
            if (left.Value is long l && right.Value is long r)
            {
                return op switch
                {
                    "eq" => l == r,
                    "ne" => l != r,
                    "lt" => l < r,
                    "le" => l <= r,
                    "gt" => l > r,
                    "ge" => l >= r,
                    _ => throw new FormatException("unknown comparison " + op),
                };
            }
            // Two symbolic sizes: equal text is the same size; anything else is not decidable.
            if (left == right) return op switch { "eq" or "le" or "ge" => true, "ne" or "lt" or "gt" => false, _ => null };
            return null;
        }

        // A term up to the delimiter at depth 0 (size references hold parentheses of their own).
        private Dim? Term(char end)
        {
            int start = _at, depth = 0;
            while (_at < _text.Length)
            {
                char c = _text[_at];
                if (c == '(') depth++;
                else if (c == ')')
                {
                    if (depth == 0) break;
                    depth--;
                }
                else if (c == ',' && depth == 0) break;
                _at++;
            }
            if (_at >= _text.Length || _text[_at] != end) throw new FormatException("unterminated term in guard");
            var term = _text.Substring(start, _at - start);
            if (long.TryParse(term, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)) return n;
            if (term.StartsWith("rank(", StringComparison.Ordinal) && term.EndsWith(")", StringComparison.Ordinal)
                && int.TryParse(term.Substring(5, term.Length - 6), NumberStyles.None, CultureInfo.InvariantCulture, out var node))
                return _outputOf(node) is { } shape ? shape.Rank : null;
            if (DimRef.TryParse(term, out var reference)) return _sizes(reference!);
            if (term == UnknownPart) return null;
            throw new FormatException("unknown term " + term);
        }

        private string Name()
        {
            var name = new StringBuilder();
            while (_at < _text.Length && char.IsLetter(_text[_at])) name.Append(_text[_at++]);
            if (name.Length == 0) throw new FormatException("expected a name in guard");
            return name.ToString();
        }

        private void Expect(char c)
        {
            if (_at >= _text.Length || _text[_at] != c) throw new FormatException("expected '" + c + "' in guard");
            _at++;
        }
    }
}
