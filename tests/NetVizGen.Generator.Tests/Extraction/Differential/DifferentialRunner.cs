using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NetVizGen.Extraction.Evaluation;

namespace NetVizGen.Generator.Tests.Extraction.Differential;

/// <summary>How the evaluator's answer compares with what the compiled code computed.</summary>
internal enum Outcome
{
    /// <summary>Same value.</summary>
    Equal,
    /// <summary>The evaluator said "unknown" (allowed: it is reported, never wrong).</summary>
    Unknown,
    /// <summary>A different value, or an evaluator crash: always a bug.</summary>
    Different,
}

/// <summary>One C# computation: a method body returning <c>object</c> (a bare expression is returned).</summary>
internal sealed record DiffCase(string Name, string Body);

internal sealed record DiffResult(DiffCase Case, Outcome Outcome, string Runtime, string Interpreted)
{
    public override string ToString() => $"{Case.Name}: {Outcome} runtime={Runtime} interpreter={Interpreted}\n    {Case.Body}";
}

/// <summary>
/// The differential oracle: compiles the cases with Roslyn, runs them on the .NET runtime (emitted to
/// memory, loaded, invoked) and interprets the same methods with the extraction evaluator, then
/// compares the two answers as canonical text.
/// </summary>
internal static class DifferentialRunner
{
    private const string Header = "using System; using System.Collections.Generic; using System.Linq; using System.Globalization;\n";

    /// <summary>Types the cases may use: records, classes, structs, enums and static helpers.</summary>
    public const string Support = """
        public enum Color { Red, Green = 5, Blue }
        public record Cfg(int Width, int Depth = 3) { public int Twice => Width * 2; public int Extra { get; init; } = 7; }
        public sealed class Box
        {
            public int V;
            public List<int> Xs = new();
            public Box(int v) { V = v; }
            public Box() : this(11) { }
            public int Get() => V + 1;
            public int Prop { get; set; } = 4;
        }
        public struct Pt { public int X; public int Y; public Pt(int x, int y) { X = x; Y = y; } public int Sum => X + Y; }
        public abstract class Shape { public abstract int Sides { get; } public virtual string Name() => "shape"; public string Describe() => Name() + ":" + Sides; }
        public sealed class Tri : Shape { public override int Sides => 3; public override string Name() => "tri"; }
        public sealed class Sq : Shape { public override int Sides => 4; }
        public static class H
        {
            public static readonly int[] Table = { 1, 2, 3, 5, 8 };
            public static readonly Dictionary<string, int> Widths = new() { ["s"] = 64, ["m"] = 128 };
            public const int K = 12;
            public static int Sq(int x) => x * x;
            public static (int Q, int R) DivMod(int a, int b) => (a / b, a % b);
            public static int Fact(int n) => n <= 1 ? 1 : n * Fact(n - 1);
            public static int Sum(params int[] xs) { int t = 0; foreach (var x in xs) t += x; return t; }
            public static int Opt(int a, int b = 10, int c = 100) => a + b + c;
            public static void Swap(ref int a, ref int b) { (a, b) = (b, a); }
            public static bool TryHalf(int x, out int half) { half = x / 2; return x % 2 == 0; }
            public static int Apply(Func<int, int> f, int x) => f(x);
            public static T Id<T>(T x) => x;
            public static int T(int i) => Table[i];
        }
        """;

    private static readonly MetadataReference[] References =
        Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>().ToArray();

    public static IReadOnlyList<DiffResult> Run(IReadOnlyList<DiffCase> cases)
    {
        var source = new StringBuilder(Header).Append("namespace Diff {\n").Append(Support).Append("\npublic static class Cases {\n");
        for (int i = 0; i < cases.Count; i++)
        {
            var body = cases[i].Body.Trim();
            if (!body.Contains(';')) body = "return " + body + ";";
            source.Append("#line 1 \"").Append(cases[i].Name).Append("\"\n");
            source.Append("public static object C").Append(i).Append("() {\n").Append(body).Append("\n}\n");
        }
        source.Append("#line default\n}\n}\n");

        var compilation = CSharpCompilation.Create("DiffCases" + Guid.NewGuid().ToString("N"),
            new[] { CSharpSyntaxTree.ParseText(source.ToString(), CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest), path: "/src/Cases.cs") },
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));
        using var pe = new MemoryStream();
        var emit = compilation.Emit(pe);
        var errors = emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0) throw new InvalidOperationException("differential cases do not compile:\n" + string.Join("\n", errors.Take(20)));

        var context = new AssemblyLoadContext("diff", isCollectible: true);
        try
        {
            pe.Position = 0;
            var assembly = context.LoadFromStream(pe);
            var runtimeType = assembly.GetType("Diff.Cases")!;
            var symbolType = compilation.GetTypeByMetadataName("Diff.Cases")!;
            var results = new List<DiffResult>();
            for (int i = 0; i < cases.Count; i++)
            {
                var runtime = Execute(runtimeType.GetMethod("C" + i)!);
                var method = symbolType.GetMembers("C" + i).OfType<IMethodSymbol>().Single();
                var (interpreted, known) = Interpret(compilation, method);
                if (interpreted.StartsWith("crash:", StringComparison.Ordinal)) known = true;
                var outcome = !known ? Outcome.Unknown : interpreted == runtime ? Outcome.Equal : Outcome.Different;
                results.Add(new DiffResult(cases[i], outcome, runtime, interpreted));
            }
            return results;
        }
        finally { context.Unload(); }
    }

    /// <summary>Runs the compiled method under the invariant culture (the evaluator formats invariantly).</summary>
    private static string Execute(MethodInfo method)
    {
        var saved = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        try { return Canonical(method.Invoke(null, null)); }
        catch (TargetInvocationException e) { return "throw:" + e.InnerException!.GetType().Name; }
        catch (Exception e) { return "throw:" + e.GetType().Name; }
        finally { CultureInfo.CurrentCulture = saved; }
    }

    private static (string Text, bool Known) Interpret(Compilation compilation, IMethodSymbol method)
    {
        var interpreter = new Interpreter(compilation, new NoteCollector(), ExtractionLimits.Default, CancellationToken.None);
        try
        {
            var value = interpreter.CallSourceMethod(method, null, new List<Value>(), null);
            bool known = true;
            var text = Canonical(interpreter, value, ref known);
            return (text, known);
        }
        catch (EvaluationLimitException e) { return ("limit: " + e.Message, false); }
        catch (Exception e) { return ("crash: " + e.GetType().Name + ": " + e.Message, true); }
    }

    /// <summary>Canonical text of a runtime object (integers as i:, floating point as d: round-trip text).</summary>
    internal static string Canonical(object? o)
    {
        try
        {
            switch (o)
            {
                case null: return "null";
                case bool b: return "b:" + b;
                case char c: return "c:" + (int)c;
                case string s: return "s:" + Escape(s);
                case int or long or short or byte or sbyte or ushort or uint: return "i:" + System.Convert.ToInt64(o, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
                case ulong ul: return "i:" + ul.ToString(CultureInfo.InvariantCulture);
                // A float is held by the evaluator as its shortest decimal form (0.1f is 0.1).
                case float f: return "d:" + Double(double.Parse(f.ToString("R", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));
                case double d: return "d:" + Double(d);
                case decimal m: return "m:" + m.ToString(CultureInfo.InvariantCulture);
                case Enum e: return "e:" + e.GetType().Name + "." + e;
                case Index idx: return "index:" + idx;
                case Range r: return "range:" + r;
                case ITuple t: return "(" + string.Join(",", Enumerable.Range(0, t.Length).Select(i => Canonical(t[i]))) + ")";
                case IDictionary dict:
                    {
                        var parts = new List<string>();
                        foreach (DictionaryEntry entry in dict) parts.Add(Canonical(entry.Key) + "=" + Canonical(entry.Value));
                        return "{" + string.Join(",", parts) + "}";
                    }
                case IEnumerable seq:
                    {
                        var parts = new List<string>();
                        foreach (var item in seq) parts.Add(Canonical(item));
                        return "[" + string.Join(",", parts) + "]";
                    }
                default: return "object:" + o.GetType().Name;
            }
        }
        catch (Exception e) { return "throw:" + e.GetType().Name; }
    }

    /// <summary>Canonical text of an evaluator value; <paramref name="known"/> turns false when any part is unknown.</summary>
    internal static string Canonical(Interpreter interpreter, Value v, ref bool known)
    {
        switch (v)
        {
            case ListValue { Poisoned: true }: known = false; return "unknown(poisoned list)";
            case DictValue { Indexed: false }: known = false; return "unknown(poisoned dictionary)";
            case SeqValue s:
                {
                    // A deferred query is enumerated once, as the runtime's canonical form does.
                    var items = interpreter.Enumerate(s);
                    if (items is null) { known = false; return "unknown(query)"; }
                    return Canonical(interpreter, new ListValue(items.ToList()), ref known);
                }
            case UnknownValue u: known = false; return "unknown(" + u.Reason + ")";
            case PrimValue { Raw: null }: return "null";
            case PrimValue { Raw: bool b }: return "b:" + b;
            case PrimValue { Raw: char c }: return "c:" + (int)c;
            case PrimValue { Raw: string s }: return "s:" + Escape(s);
            case PrimValue { Raw: long l }: return "i:" + l.ToString(CultureInfo.InvariantCulture);
            case PrimValue { Raw: double d }: return "d:" + Double(d);
            case PrimValue { Raw: EnumName e }: return "e:" + e.Name;
            case PrimValue p: return "prim:" + p.Raw!.GetType().Name;
            case TupleValue t:
                {
                    var parts = new List<string>();
                    foreach (var item in t.Items) parts.Add(Canonical(interpreter, item, ref known));
                    return "(" + string.Join(",", parts) + ")";
                }
            case ListValue l:
                {
                    var parts = new List<string>();
                    foreach (var item in l.Items) parts.Add(Canonical(interpreter, item, ref known));
                    return "[" + string.Join(",", parts) + "]";
                }
            case DictValue d:
                {
                    var parts = new List<string>();
                    foreach (var entry in d.Entries) parts.Add(Canonical(interpreter, entry.Key, ref known) + "=" + Canonical(interpreter, entry.Value, ref known));
                    return "{" + string.Join(",", parts) + "}";
                }
            default:
                var special = CanonicalSpecial(v);
                if (special is not null) return special;
                return "value:" + v.GetType().Name;
        }
    }

    private static string? CanonicalSpecial(Value v) => v switch
    {
        IndexValue i => "index:" + (i.FromEnd ? "^" : "") + i.Offset.ToString(CultureInfo.InvariantCulture),
        RangeValue r => "range:" + (r.Start.FromEnd ? "^" : "") + r.Start.Offset.ToString(CultureInfo.InvariantCulture) + ".." + (r.End.FromEnd ? "^" : "") + r.End.Offset.ToString(CultureInfo.InvariantCulture),
        _ => null,
    };

    private static string Double(double d) => d.ToString("R", CultureInfo.InvariantCulture);

    private static string Escape(string s)
    {
        var sb = new StringBuilder("\"");
        foreach (var ch in s) sb.Append(ch < 32 || ch > 126 ? $"\\u{(int)ch:x4}" : ch.ToString());
        return sb.Append('"').ToString();
    }

    /// <summary>Counts per outcome, as "Equal=…, Unknown=…, Different=…".</summary>
    public static string Summary(IEnumerable<DiffResult> results)
    {
        var list = results.ToList();
        return $"Equal={list.Count(r => r.Outcome == Outcome.Equal)}, Unknown={list.Count(r => r.Outcome == Outcome.Unknown)}, Different={list.Count(r => r.Outcome == Outcome.Different)}";
    }
}
