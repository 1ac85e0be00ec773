using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NetVizGen.Extraction.Incremental;
using NetVizGen.Generator.Tests.TestSupport;
using NetVizGen.Model.Specs;

namespace NetVizGen.Generator.Tests.Generator;

/// <summary>
/// The cross-compilation extraction cache: an edit that cannot change a model re-uses it, any edit
/// that can (the model's own code, a block it builds, a const it reads, a new declaration anywhere)
/// extracts again, and a hit is always equal to what a fresh extraction produces.
/// </summary>
public class ExtractionCacheTests
{
    private const string ModelSource = GeneratorHarness.Usings + """
        [Diagram(Input = "N,784")]
        public sealed class Net : Module<Tensor, Tensor>
        {
            private readonly Module<Tensor, Tensor> fc1;
            private readonly Module<Tensor, Tensor> block;
            public Net() : base("Net")
            {
                fc1 = Linear(784, Config.Width);
                block = new Block(Config.Width);
                RegisterComponents();
            }
            public override Tensor forward(Tensor x) => block.forward(fc1.forward(x));
        }
        """;

    private const string ConfigSource = "public static class Config { public const int Width = 64; }";

    private const string BlockSource = GeneratorHarness.Usings + """
        public sealed class Block : Module<Tensor, Tensor>
        {
            private readonly Module<Tensor, Tensor> fc;
            public Block(int width) : base("Block")
            {
                fc = Linear(width, 10);
                RegisterComponents();
            }
            public override Tensor forward(Tensor x) => fc.forward(x);
        }
        """;

    private const string UnrelatedSource = "namespace Other { public static class Util { public static int Twice(int x) { return 2 * x; } } }";

    // 784*W + W (fc1) + W*10 + 10 (block.fc)
    private static long ExpectedParameters(int width) => 784L * width + width + 10L * width + 10;

    private sealed class Session
    {
        public Session(string assembly, params string[] sources)
        {
            Assembly = assembly;
            Compilation = GeneratorHarness.Compile(sources).WithAssemblyName(assembly);
            Driver = GeneratorHarness.Driver().RunGenerators(Compilation);
        }

        public string Assembly { get; }
        public Compilation Compilation { get; private set; }
        public GeneratorDriver Driver { get; private set; }

        public ModelSpec Model => Models(Driver).Single();

        public string TypeName { get; init; } = "Net";

        public (int Hits, int Misses) Stats => ExtractionCache.Stats(Assembly, TypeName);

        /// <summary>Replaces the tree whose text contains <paramref name="marker"/> with a freshly parsed edit (what the IDE does).</summary>
        public void Edit(string marker, Func<string, string> edit)
        {
            var old = Compilation.SyntaxTrees.Single(t => t.ToString().Contains(marker, StringComparison.Ordinal));
            var text = edit(old.ToString());
            Assert.NotEqual(old.ToString(), text);
            Compilation = Compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(text, (CSharpParseOptions)old.Options, old.FilePath));
            Driver = Driver.RunGenerators(Compilation);
        }

        public void Add(string source, string path)
        {
            var parse = (CSharpParseOptions)Compilation.SyntaxTrees.First().Options;
            Compilation = Compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(source, parse, path));
            Driver = Driver.RunGenerators(Compilation);
        }

        /// <summary>The model a fresh extraction produces for the current text: new trees, so never from the cache.</summary>
        public ModelSpec Fresh()
        {
            var trees = Compilation.SyntaxTrees.Select(t => CSharpSyntaxTree.ParseText(t.ToString(), (CSharpParseOptions)t.Options, t.FilePath));
            var fresh = Compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(trees).WithAssemblyName(Assembly + ".fresh");
            return Models(GeneratorHarness.Driver().RunGenerators(fresh)).Single();
        }
    }

    private static IReadOnlyList<ModelSpec> Models(GeneratorDriver driver) =>
        driver.GetRunResult().Results.Single().TrackedSteps[NetVizGenerator.StepNames.Models]
            .SelectMany(s => s.Outputs).Select(o => (ModelSpec)o.Value).ToList();

    private static Session Start([System.Runtime.CompilerServices.CallerMemberName] string test = "") =>
        new("CacheTests." + test + "." + Guid.NewGuid().ToString("N"), ModelSource, ConfigSource, BlockSource, UnrelatedSource);

    [Fact]
    public void The_first_run_extracts_the_model()
    {
        var s = Start();
        Assert.Equal((0, 1), s.Stats);
        Assert.Equal(ExpectedParameters(64), s.Model.Root.Parameters);
        Assert.Equal(s.Fresh(), s.Model);
    }

    [Fact]
    public void A_method_body_edit_in_an_unrelated_file_is_a_hit_and_returns_the_same_model()
    {
        var s = Start();
        var before = s.Model;
        s.Edit("namespace Other", t => t.Replace("return 2 * x;", "return x + x;"));
        Assert.Equal((1, 1), s.Stats);
        Assert.Same(before, s.Model);
        Assert.Equal(s.Fresh(), s.Model);

        // A comment or whitespace elsewhere is a hit too, and so is a second body edit.
        s.Edit("namespace Other", t => t.Replace("return x + x;", "/* twice */ return x * 2;"));
        Assert.Equal((2, 1), s.Stats);
        Assert.Same(before, s.Model);
    }

    [Fact]
    public void A_const_edit_in_another_file_that_the_model_uses_is_a_miss()
    {
        var s = Start();
        s.Edit("class Config", t => t.Replace("Width = 64", "Width = 32"));
        Assert.Equal((0, 2), s.Stats);
        Assert.Equal(ExpectedParameters(32), s.Model.Root.Parameters);
        Assert.Equal(s.Fresh(), s.Model);
    }

    [Fact]
    public void A_declaration_edit_in_an_unrelated_file_is_a_hit_when_the_model_mentions_none_of_its_names()
    {
        var s = Start();
        var before = s.Model;
        // A new overload of a method no model calls, in a class no model names: nothing the model binds can change.
        s.Edit("namespace Other", t => t.Replace("public static int Twice(int x)", "public static long Twice(long x) { return x; } public static int Twice(int x)"));
        Assert.Equal((1, 1), s.Stats);
        Assert.Same(before, s.Model);
        Assert.Equal(s.Fresh(), s.Model);

        // A using in that file, a new field there, a new namespace nobody names: still nothing the model sees.
        s.Edit("namespace Other", t => "using System.Text;\n" + t.Replace("public static class Util {", "public static class Util { public static readonly int Seed = 3;"));
        s.Add("namespace Elsewhere.Deeper { internal sealed class Unused { public int Value; } }", "/src/Unused.cs");
        Assert.Equal((3, 1), s.Stats);
        Assert.Equal(s.Fresh(), s.Model);
    }

    [Fact]
    public void A_declaration_with_a_name_the_model_mentions_is_a_miss()
    {
        var s = Start();
        // Linear is what the model calls: a declaration of that name anywhere may change what it binds to.
        s.Add("public static class Extra { public static int Linear(this int x) => x; }", "/src/Extra.cs");
        Assert.Equal((0, 2), s.Stats);
        Assert.Equal(s.Fresh(), s.Model);

        // A method added to a class the model names (Block) is a miss too, though the model calls no new method.
        s.Edit("class Block", t => t.Replace("public override Tensor forward", "public int Extra() { return 1; }\n    public override Tensor forward"));
        Assert.Equal((0, 3), s.Stats);
        Assert.Equal(s.Fresh(), s.Model);
    }

    [Fact]
    public void Declarations_that_bind_without_a_name_are_misses()
    {
        var s = Start();
        var misses = 1;
        void Miss(Action edit)
        {
            edit();
            Assert.Equal((0, ++misses), s.Stats);
            Assert.Equal(s.Fresh(), s.Model);
        }

        // A global using changes every file's lookups.
        Miss(() => s.Add("global using System.Text;", "/src/GlobalUsings.cs"));
        // An operator is found from the operands' types.
        Miss(() => s.Edit("namespace Other", t => t.Replace("public static class Util", "public sealed class Pair { public static Pair operator +(Pair a, Pair b) => a; }\n public static class Util")));
        // The header of an existing type (its base list), in a file the model never reads.
        Miss(() => s.Edit("namespace Other", t => t.Replace("public sealed class Pair {", "public sealed class Pair : System.IComparable { public int CompareTo(object o) => 0;")));
        // A member that binds by pattern, not by a name the model writes (foreach, collection initialisers).
        Miss(() => s.Edit("namespace Other", t => t.Replace("public static class Util {", "public static class Util { public static void Add(this string s, int x) { }")));
    }

    [Fact]
    public void Factory_classes_of_one_name_in_two_namespaces_do_not_depend_on_each_other()
    {
        // The corpus keeps each repository's factories in its own `Diagrams` class: declaring a class of that name
        // is not looking it up, so a member added to one leaves the models of the other alone.
        const string A = GeneratorHarness.Usings + "namespace A { public static class Diagrams { [Diagram(Input = \"N,4\")] public static Module<Tensor, Tensor> NetA() => Sequential(Linear(4, 4)); } }";
        const string B = GeneratorHarness.Usings + "namespace B { public static class Diagrams { [Diagram(Input = \"N,4\")] public static Module<Tensor, Tensor> NetB() => Sequential(Linear(4, 8)); } }";
        var assembly = "CacheTests.Factories." + Guid.NewGuid().ToString("N");
        var s = new Session(assembly, A, B, UnrelatedSource) { TypeName = "A.Diagrams" };
        Assert.Equal((0, 1), s.Stats);
        s.Edit("namespace B", t => t.Replace("public static class Diagrams {", "public static class Diagrams { private static readonly int seed = 1;"));
        Assert.Equal((1, 1), s.Stats);
        Assert.Equal((0, 2), ExtractionCache.Stats(assembly, "B.Diagrams"));
    }

    [Fact]
    public void A_field_added_to_a_part_or_a_base_the_model_never_names_is_a_miss_and_gives_the_new_model()
    {
        // Net : Mid (named in Net's file), Mid : Root (named in no file the extraction reads), and a second
        // part of Net in its own file that the extraction does not read: RegisterComponents takes fields from all.
        const string Root = GeneratorHarness.Usings + "public abstract class Root : Module<Tensor, Tensor> { protected Root() : base(\"Root\") { } }";
        const string Mid = GeneratorHarness.Usings + "public abstract class Mid : Root { }";
        const string Part = GeneratorHarness.Usings + "public sealed partial class Net { }";
        const string Model = GeneratorHarness.Usings + """
            [Diagram(Input = "N,8")]
            public sealed partial class Net : Mid
            {
                private readonly Module<Tensor, Tensor> fc;
                public Net() { fc = Linear(8, 4); RegisterComponents(); }
                public override Tensor forward(Tensor x) => fc.forward(x);
            }
            """;
        var s = new Session("CacheTests.Members." + Guid.NewGuid().ToString("N"), Model, Root, Mid, Part, UnrelatedSource);
        Assert.Equal(8L * 4 + 4, s.Model.Root.Parameters);

        s.Edit("class Root", t => t.Replace("protected Root()", "protected readonly Module<Tensor, Tensor> extra = Linear(2, 2);\n    protected Root()"));
        Assert.Equal((0, 2), s.Stats);
        Assert.Equal(s.Fresh(), s.Model);

        s.Edit("partial class Net { }", t => t.Replace("partial class Net { }", "partial class Net { private readonly Module<Tensor, Tensor> more = Linear(3, 3); }"));
        Assert.Equal((0, 3), s.Stats);
        Assert.Equal(s.Fresh(), s.Model);
    }

    [Fact]
    public void A_new_type_in_another_file_that_changes_what_the_model_binds_to_is_a_miss_and_gives_the_new_model()
    {
        // Net lives in namespace App and reads the global Config.Width; a new App.Config in another
        // file now wins the lookup in the model's (unchanged) file.
        var model = ModelSource.Replace("[Diagram(", "namespace App {\n[Diagram(") + "\n}";
        var s = new Session("CacheTests.Shadow." + Guid.NewGuid().ToString("N"), model, ConfigSource, BlockSource, UnrelatedSource) { TypeName = "App.Net" };
        Assert.Equal(ExpectedParameters(64), s.Model.Root.Parameters);
        s.Add("namespace App { public static class Config { public const int Width = 16; } }", "/src/Shadow.cs");
        Assert.Equal((0, 2), s.Stats);
        Assert.Equal(ExpectedParameters(16), s.Model.Root.Parameters);
        Assert.Equal(s.Fresh(), s.Model);
    }

    [Fact]
    public void An_edit_in_the_models_own_constructor_is_a_miss_and_gives_the_new_model()
    {
        var s = Start();
        s.Edit("class Net", t => t.Replace("fc1 = Linear(784, Config.Width);", "fc1 = Linear(784, Config.Width, hasBias: false);"));
        Assert.Equal((0, 2), s.Stats);
        Assert.Equal(ExpectedParameters(64) - 64, s.Model.Root.Parameters);
        Assert.Equal(s.Fresh(), s.Model);
    }

    [Fact]
    public void An_edit_in_a_block_class_in_another_file_is_a_miss_and_gives_the_new_model()
    {
        var s = Start();
        s.Edit("class Block", t => t.Replace("fc = Linear(width, 10);", "fc = Linear(width, 20);"));
        Assert.Equal((0, 2), s.Stats);
        Assert.Equal(784L * 64 + 64 + 20L * 64 + 20, s.Model.Root.Parameters);
        Assert.Equal(s.Fresh(), s.Model);
    }

    [Fact]
    public void A_static_field_initialiser_or_property_getter_in_another_file_is_tracked()
    {
        const string Settings = "public static class Settings { public static readonly int Hidden = 48; public static int Out { get { return 10; } } }";
        const string Model = GeneratorHarness.Usings + """
            [Diagram(Input = "N,8")]
            public sealed class Net : Module<Tensor, Tensor>
            {
                private readonly Module<Tensor, Tensor> fc;
                public Net() : base("Net") { fc = Linear(Settings.Hidden, Settings.Out); RegisterComponents(); }
                public override Tensor forward(Tensor x) => fc.forward(x);
            }
            """;
        var s = new Session("CacheTests.Statics." + Guid.NewGuid().ToString("N"), Model, Settings, UnrelatedSource);
        Assert.Equal(48L * 10 + 10, s.Model.Root.Parameters);

        // The getter's body is not part of any declaration: only the read set can catch this edit.
        s.Edit("class Settings", t => t.Replace("return 10;", "return 12;"));
        Assert.Equal((0, 2), s.Stats);
        Assert.Equal(48L * 12 + 12, s.Model.Root.Parameters);
        Assert.Equal(s.Fresh(), s.Model);

        s.Edit("class Settings", t => t.Replace("Hidden = 48", "Hidden = 24"));
        Assert.Equal((0, 3), s.Stats);
        Assert.Equal(24L * 12 + 12, s.Model.Root.Parameters);
        Assert.Equal(s.Fresh(), s.Model);

        s.Edit("namespace Other", t => t.Replace("return 2 * x;", "return x + x;"));
        Assert.Equal((1, 3), s.Stats);
        Assert.Equal(s.Fresh(), s.Model);
    }

    [Fact]
    public void A_base_constructor_and_a_partial_declaration_in_other_files_are_tracked()
    {
        const string Base = GeneratorHarness.Usings + """
            public abstract class NetBase : Module<Tensor, Tensor>
            {
                protected readonly Module<Tensor, Tensor> stem;
                protected NetBase() : base("NetBase") { stem = Linear(8, 16); }
            }
            """;
        const string Part = GeneratorHarness.Usings + """
            public sealed partial class Net
            {
                private Module<Tensor, Tensor> Head() { return Linear(16, 4); }
            }
            """;
        const string Model = GeneratorHarness.Usings + """
            [Diagram(Input = "N,8")]
            public sealed partial class Net : NetBase
            {
                private readonly Module<Tensor, Tensor> head;
                public Net() { head = Head(); RegisterComponents(); }
                public override Tensor forward(Tensor x) => head.forward(stem.forward(x));
            }
            """;
        var s = new Session("CacheTests.BasePartial." + Guid.NewGuid().ToString("N"), Model, Base, Part, UnrelatedSource);
        var first = s.Model.Root.Parameters;
        Assert.Equal(8L * 16 + 16 + 16L * 4 + 4, first);

        s.Edit("class NetBase", t => t.Replace("Linear(8, 16)", "Linear(8, 16, hasBias: false)"));
        Assert.Equal((0, 2), s.Stats);
        Assert.Equal(s.Fresh(), s.Model);
        Assert.Equal(first - 16, s.Model.Root.Parameters);

        s.Edit("partial class Net\n", t => t.Replace("Linear(16, 4)", "Linear(16, 6)"));
        Assert.Equal((0, 3), s.Stats);
        Assert.Equal(s.Fresh(), s.Model);
        Assert.Equal(8L * 16 + 16L * 6 + 6, s.Model.Root.Parameters);
    }

    [Fact]
    public void Compilations_of_different_assemblies_with_the_same_target_do_not_mix()
    {
        var a = Start();
        var b = new Session(a.Assembly + ".other", ModelSource, ConfigSource.Replace("64", "32"), BlockSource, UnrelatedSource);
        Assert.Equal(ExpectedParameters(64), a.Model.Root.Parameters);
        Assert.Equal(ExpectedParameters(32), b.Model.Root.Parameters);

        // The same trees in two assemblies: each has its own entry, so each run hits its own.
        a.Edit("namespace Other", t => t.Replace("return 2 * x;", "return x + x;"));
        b.Edit("namespace Other", t => t.Replace("return 2 * x;", "return x + x;"));
        Assert.Equal((1, 1), a.Stats);
        Assert.Equal((1, 1), b.Stats);
        Assert.Equal(ExpectedParameters(64), a.Model.Root.Parameters);
        Assert.Equal(ExpectedParameters(32), b.Model.Root.Parameters);
    }

    [Fact]
    public void Parallel_sessions_stay_correct()
    {
        var widths = Enumerable.Range(1, 8).ToArray();
        var results = new long[widths.Length];
        Parallel.For(0, widths.Length, i =>
        {
            var s = new Session("CacheTests.Parallel." + Guid.NewGuid().ToString("N"), ModelSource, ConfigSource.Replace("64", (widths[i] * 8).ToString(System.Globalization.CultureInfo.InvariantCulture)), BlockSource, UnrelatedSource);
            s.Edit("namespace Other", t => t.Replace("return 2 * x;", "return x + x;"));
            Assert.Equal((1, 1), s.Stats);
            results[i] = s.Model.Root.Parameters;
        });
        for (int i = 0; i < widths.Length; i++) Assert.Equal(ExpectedParameters(widths[i] * 8), results[i]);
    }

    [Fact]
    public void Options_or_references_changes_are_misses()
    {
        var s = Start();
        s.Edit("namespace Other", t => t.Replace("return 2 * x;", "return x + x;"));
        Assert.Equal((1, 1), s.Stats);

        var next = s.Compilation.WithOptions(((CSharpCompilationOptions)s.Compilation.Options).WithOverflowChecks(true));
        var driver = s.Driver.RunGenerators(next);
        Assert.Equal((1, 2), s.Stats);
        Assert.Equal(s.Model, Models(driver).Single());

        // The same assembly with other aliases (the same metadata through a new object is a hit: see
        // ExtractionCacheAcrossBuildsTests).
        var refs = next.References.ToList();
        refs[^1] = refs[^1].WithAliases(new[] { "global" });
        var copied = next.WithReferences(refs);
        driver.RunGenerators(copied);
        Assert.Equal((1, 3), s.Stats);
    }

    [Fact]
    public void The_skeleton_ignores_bodies_and_trivia_but_not_declarations()
    {
        static ulong H(string text) => DeclarationSkeleton.Compute(CSharpSyntaxTree.ParseText(text).GetRoot(), default);

        var baseline = H("class C { const int K = 1; int M() { return 1; } int P { get { return 2; } } System.Func<int> F = () => 3; }");
        Assert.Equal(baseline, H("class C { const int K = 1; int M() { return 5; } int P { get { return 7; } } System.Func<int> F = () => 9; } // c"));
        Assert.Equal(baseline, H("class C\n{\n  const int K = 1;\n  int M() { /* x */ return 1 + 0; }\n  int P { get { return 2; } }\n  System.Func<int> F = () => 3;\n}"));
        Assert.NotEqual(baseline, H("class C { const int K = 2; int M() { return 1; } int P { get { return 2; } } System.Func<int> F = () => 3; }"));
        Assert.NotEqual(baseline, H("class C { const int K = 1; long M() { return 1; } int P { get { return 2; } } System.Func<int> F = () => 3; }"));
        Assert.NotEqual(baseline, H("using System; class C { const int K = 1; int M() { return 1; } int P { get { return 2; } } System.Func<int> F = () => 3; }"));
        Assert.NotEqual(H("abstract class C { public abstract int M(); }"), H("abstract class C { public int M() => 1; }"));
        Assert.NotEqual(H("class C { int P { get; } }"), H("class C { int P { get => 1; } }"));
        Assert.NotEqual(H("class C { float K = 1f; }"), H("class C { double K = 1d; }"));
        Assert.NotEqual(H("return 1;"), H("return 2;")); // top-level statements are kept whole
        Assert.NotEqual(H("#nullable enable\nclass C { string? S; }"), H("#nullable disable\nclass C { string? S; }"));
    }
}
