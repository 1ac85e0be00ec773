using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NetVizGen.Fuzz.Tests.Cases;

/// <summary>
/// Makes mutants of the zoo's sources the way a hostile (or half-typing) user would: token deletion,
/// duplication and swaps, extreme literals, truncation, <c>throw null;</c>, endless loops, recursion, deep
/// nesting, huge initialisers and hostile names. Deterministic for a seed: case i of seed s is the same
/// on every machine, so a failure names a case that can be replayed.
/// </summary>
public static class Mutator
{
    /// <summary>The mutation kinds, one per entry of <see cref="Apply"/>'s switch.</summary>
    public static readonly string[] Kinds =
    {
        "delete-token", "duplicate-token", "swap-tokens", "extreme-literal", "truncate", "throw-null",
        "endless-loop", "recursion", "deep-nesting", "huge-initializer", "hostile-name", "empty-class-name",
    };

    private static readonly string[] ExtremeLiterals =
    {
        "0", "-1", "int.MaxValue", "int.MinValue", "long.MaxValue", "4_000_000_000_000", "9223372036854775807L",
        "1e308", "double.NaN", "-0.0", "2147483647", "65536", "1_000_000_000",
    };

    /// <summary>Strings that would be markup, links or breakouts if any output treated them as more than text.</summary>
    public static readonly string[] HostileStrings =
    {
        "<script>alert(1)</script>", "``<script>alert(1)</script>``", "`` ` ``", "[x](javascript:alert(1))",
        "![i](https://evil.example/x.png)", "<img src=x onerror=alert(1)>", "a|b|c", "line\nbreak\n# h1",
        "\" onload=\"alert(1)", "www.evil.example", "https://evil.example/", "javascript:alert(1)", "*em* _u_ ~~s~~",
        "\u202Eevil", "]]><x/>", "--><script>alert(1)</script><!--", "&lt;script&gt;", "<https://evil.example>",
        "n0[\"x\"] --> n1\nclick n0 \"javascript:alert(1)\"", "#quot;<b>", "\\<b>", "", " ", "[a]: https://evil.example",
    };

    /// <summary>Mutant <paramref name="index"/> of <paramref name="seed"/>: (name, source).</summary>
    public static FuzzCase Make(int seed, int index, IReadOnlyList<(string File, string Source)> zoo)
    {
        var random = new Random(unchecked(seed * 1_000_003 + index));
        var (file, source) = zoo[random.Next(zoo.Count)];
        int count = 1 + (random.Next(4) == 0 ? random.Next(3) : 0);
        var kinds = new List<string>();
        for (int i = 0; i < count; i++)
        {
            var kind = Kinds[random.Next(Kinds.Length)];
            source = Apply(kind, source, random);
            kinds.Add(kind);
        }
        return new FuzzCase($"mutant {index} (seed {seed}, {file}: {string.Join(" + ", kinds)})", source);
    }

    private static string Apply(string kind, string source, Random random)
    {
        var tree = CSharpSyntaxTree.ParseText(source);
        var root = tree.GetRoot();
        var tokens = root.DescendantTokens().Where(t => t.Span.Length > 0).ToList();
        if (tokens.Count < 2) return source;
        switch (kind)
        {
            case "delete-token":
            {
                var t = tokens[random.Next(tokens.Count)];
                return source.Remove(t.SpanStart, t.Span.Length);
            }
            case "duplicate-token":
            {
                var t = tokens[random.Next(tokens.Count)];
                return source.Insert(t.Span.End, " " + t.Text);
            }
            case "swap-tokens":
            {
                int i = random.Next(tokens.Count - 1);
                var (a, b) = (tokens[i], tokens[random.Next(4) == 0 ? random.Next(tokens.Count) : i + 1]);
                if (a.SpanStart > b.SpanStart) (a, b) = (b, a);
                if (a.Span.End > b.SpanStart) return source;
                return source.Substring(0, a.SpanStart) + b.Text + source.Substring(a.Span.End, b.SpanStart - a.Span.End) + a.Text + source.Substring(b.Span.End);
            }
            case "extreme-literal":
            {
                var literals = tokens.Where(t => t.IsKind(SyntaxKind.NumericLiteralToken)).ToList();
                if (literals.Count == 0) return source;
                var t = literals[random.Next(literals.Count)];
                return Replace(source, t.Span, ExtremeLiterals[random.Next(ExtremeLiterals.Length)]);
            }
            case "truncate":
                return source.Substring(0, random.Next(source.Length));
            case "throw-null":
                return AtBlockStart(source, root, random, "throw null;");
            case "endless-loop":
                return AtBlockStart(source, root, random, random.Next(3) switch
                {
                    0 => "while (true) { }",
                    1 => "for (long __i = 0; ; __i++) { }",
                    _ => "var __l = new List<long>(); while (true) __l.Add(__l.Count);",
                });
            case "recursion":
                return AtBlockStart(source, root, random, random.Next(2) == 0
                    ? "long __R(long n) => __R(n + 1) + 1; _ = __R(0);"
                    : "Module<Tensor, Tensor> __M(long n) => Sequential(__M(n + 1), Linear(n, n)); _ = __M(1);");
            case "deep-nesting":
            {
                var literals = tokens.Where(t => t.IsKind(SyntaxKind.NumericLiteralToken)).ToList();
                if (literals.Count == 0) return source;
                var t = literals[random.Next(literals.Count)];
                int depth = new[] { 10, 100, 400, 1_000, 3_000 }[random.Next(5)];
                return Replace(source, t.Span, Nest(t.Text, depth, random.Next(4)));
            }
            case "huge-initializer":
                return AtBlockStart(source, root, random, random.Next(3) switch
                {
                    0 => "var __big = new long[] { " + string.Join(", ", Enumerable.Range(0, 20_000)) + " };",
                    1 => "var __arr = new long[int.MaxValue]; var __list = Enumerable.Range(0, int.MaxValue).ToList();",
                    _ => "var __s = new string('x', int.MaxValue); var __e = Enumerable.Repeat(Linear(4, 4), int.MaxValue).ToList();",
                });
            case "hostile-name":
            {
                var text = HostileStrings[random.Next(HostileStrings.Length)];
                var strings = tokens.Where(t => t.IsKind(SyntaxKind.StringLiteralToken)).ToList();
                if (strings.Count > 0 && random.Next(2) == 0)
                {
                    var t = strings[random.Next(strings.Count)];
                    return Replace(source, t.Span, Literal(text));
                }
                // As the diagram's title (or name, which is validated).
                var property = random.Next(3) == 0 ? "Name" : "Title";
                int at = source.IndexOf("[Diagram(", StringComparison.Ordinal);
                if (at >= 0) return source.Insert(at + "[Diagram(".Length, property + " = " + Literal(text) + ", ");
                at = source.IndexOf("[Diagram]", StringComparison.Ordinal);
                return at < 0 ? source : Replace(source, new Microsoft.CodeAnalysis.Text.TextSpan(at, "[Diagram]".Length), "[Diagram(" + property + " = " + Literal(text) + ")]");
            }
            case "empty-class-name":
            {
                var classes = root.DescendantNodes().OfType<ClassDeclarationSyntax>().ToList();
                if (classes.Count == 0) return source;
                var c = classes[random.Next(classes.Count)];
                return source.Remove(c.Identifier.SpanStart, c.Identifier.Span.Length);
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }

    /// <summary><paramref name="inner"/> nested <paramref name="depth"/> times in one of four ways.</summary>
    public static string Nest(string inner, int depth, int style)
    {
        var (open, close) = style switch
        {
            0 => ("-(", ")"),
            1 => ("(", ")"),
            2 => ("Math.Abs(", ")"),
            _ => ("(true ? ", " : 0)"),
        };
        var sb = new StringBuilder(inner.Length + depth * (open.Length + close.Length));
        for (int i = 0; i < depth; i++) sb.Append(open);
        sb.Append(inner);
        for (int i = 0; i < depth; i++) sb.Append(close);
        return sb.ToString();
    }

    private static string AtBlockStart(string source, SyntaxNode root, Random random, string statement)
    {
        var blocks = root.DescendantNodes().OfType<BlockSyntax>().ToList();
        if (blocks.Count == 0) return source;
        var b = blocks[random.Next(blocks.Count)];
        return source.Insert(b.OpenBraceToken.Span.End, " " + statement + " ");
    }

    private static string Replace(string source, Microsoft.CodeAnalysis.Text.TextSpan span, string text) =>
        source.Substring(0, span.Start) + text + source.Substring(span.End);

    /// <summary>A C# string literal holding <paramref name="text"/>.</summary>
    public static string Literal(string text) => SymbolDisplay.FormatLiteral(text, quote: true);
}
