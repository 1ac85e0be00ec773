using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using NetVizGen.Extraction.Incremental;
using NetVizGen.Extraction.Packages;
using NetVizGen.Generator.Tests.TestSupport;
using NetVizGen.Model.Json;
using NetVizGen.Model.Specs;

namespace NetVizGen.Generator.Tests.Generator;

/// <summary>
/// The extraction cache across builds: every build (and the compiler server keeps the generator loaded
/// between builds) parses every file again and makes new reference objects, so the cache must recognise the
/// same text and the same assemblies by content. Each build here is what the compiler does: new trees parsed
/// from the text, new reference objects over the same metadata, a new compilation and a new generator
/// driver. The counts come from the generator's own opt-in report (NVG0090), so they are this build's only.
/// One test per guarantee of ExtractionCache's remarks, each with a miss that must happen.
/// </summary>
public sealed class ExtractionCacheAcrossBuildsTests
{
    private const string ModelA = GeneratorHarness.Usings + """
        [Diagram(Input = "N,16")]
        public sealed class NetA : Module<Tensor, Tensor>
        {
            private readonly Module<Tensor, Tensor> fc;
            public NetA() : base("NetA") { fc = Linear(16, Config.Width); RegisterComponents(); }
            public override Tensor forward(Tensor x) => fc.forward(x);
        }
        """;

    private const string ModelB = GeneratorHarness.Usings + """
        [Diagram(Input = "N,16")]
        public sealed class NetB : Module<Tensor, Tensor>
        {
            private readonly Module<Tensor, Tensor> fc;
            public NetB() : base("NetB") { fc = Linear(16, 8); RegisterComponents(); }
            public override Tensor forward(Tensor x) => fc.forward(x);
        }
        """;

    private const string ModelC = GeneratorHarness.Usings + """
        public static class Factories
        {
            [Diagram(Input = "N,4")]
            public static Module<Tensor, Tensor> NetC() => Sequential(Linear(4, 4), ReLU());
        }
        """;

    private const string Config = "public static class Config { public const int Width = 32; }";

    private const string Unrelated = "namespace Other { public static class Util { public static int Twice(int x) { return 2 * x; } } }";

    /// <summary>One project: its files (path, text), references and options; <see cref="Build"/> compiles it as a new build would.</summary>
    private sealed record Project(string Assembly, ImmutableArray<(string Path, string Text)> Files)
    {
        public CSharpParseOptions Parse { get; init; } = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);
        public ImmutableArray<MetadataReference> References { get; init; } = BaseReferences();
        public Func<CSharpCompilationOptions, CSharpCompilationOptions> Options { get; init; } = o => o;
        public ImmutableArray<(string Path, string Text)> Decompiled { get; init; } = ImmutableArray<(string, string)>.Empty;

        public Project Edit(string path, Func<string, string> edit) => this with
        {
            Files = Files.Select(f =>
            {
                if (f.Path != path) return f;
                var text = edit(f.Text);
                Assert.NotEqual(f.Text, text);
                return (f.Path, text);
            }).ToImmutableArray(),
        };
    }

    private sealed record BuildResult(int Models, int Hits, int Misses, int TreesWalked, IReadOnlyDictionary<string, string> Manifests, GeneratorDriverRunResult Run);

    private static ImmutableArray<MetadataReference> BaseReferences() =>
        GeneratorHarness.Compile().References.ToImmutableArray();

    /// <summary>The same metadata through new reference objects, as every build of the command-line compiler makes them.</summary>
    private static ImmutableArray<MetadataReference> Renewed(IEnumerable<MetadataReference> references) =>
        references.Select(r =>
        {
            var pe = (PortableExecutableReference)r;
            var p = pe.Properties;
            MetadataReference renewed = pe.GetMetadata() is AssemblyMetadata a
                ? a.GetReference(aliases: p.Aliases, embedInteropTypes: p.EmbedInteropTypes, filePath: pe.FilePath, display: pe.Display)
                : ((ModuleMetadata)pe.GetMetadata()).GetReference(filePath: pe.FilePath, display: pe.Display);
            Assert.NotSame(r, renewed);
            return renewed;
        }).ToImmutableArray();

    private static Project NewProject(params (string Path, string Text)[] files) =>
        new("CacheBuilds." + Guid.NewGuid().ToString("N"), files.ToImmutableArray());

    private static Project ThreeModels() => NewProject(
        ("/src/NetA.cs", ModelA), ("/src/NetB.cs", ModelB), ("/src/NetC.cs", ModelC), ("/src/Config.cs", Config), ("/src/Util.cs", Unrelated));

    private static readonly Regex Report = new(@"(\d+) model\(s\), (\d+) re-used from an earlier compilation, (\d+) extracted; declarations of (\d+) file\(s\) read", RegexOptions.CultureInvariant);

    /// <summary>One build: new trees, new reference objects, a new compilation and a new driver.</summary>
    private static BuildResult Build(Project project)
    {
        var trees = project.Files.Select(f => CSharpSyntaxTree.ParseText(SourceText.From(f.Text, System.Text.Encoding.UTF8), project.Parse, f.Path));
        var options = project.Options(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var compilation = CSharpCompilation.Create(project.Assembly, trees, Renewed(project.References), options);
        var texts = project.Decompiled.Select(d => (AdditionalText)new InMemoryText(d.Path, d.Text)).ToImmutableArray();
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new NetVizGenerator().AsSourceGenerator() }, texts, project.Parse, new OptionsProvider(),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        Assert.DoesNotContain(generatorDiagnostics, d => d.Id is "CS8784" or "CS8785");
        var run = driver.GetRunResult();
        var report = Assert.Single(run.Diagnostics, d => d.Id == "NVG0090");
        Assert.Equal(DiagnosticSeverity.Info, report.Severity);
        var m = Report.Match(report.GetMessage(CultureInfo.InvariantCulture));
        Assert.True(m.Success, report.GetMessage(CultureInfo.InvariantCulture));
        int N(int g) => int.Parse(m.Groups[g].Value, CultureInfo.InvariantCulture);
        var manifests = GeneratorHarness.ReadManifests(output).ToDictionary(x => x.Id, ManifestJson.Write, StringComparer.Ordinal);
        return new BuildResult(N(1), N(2), N(3), N(4), manifests, run);
    }

    /// <summary>What a fresh extraction writes for the same project (another assembly name: nothing cached can apply).</summary>
    private static IReadOnlyDictionary<string, string> Fresh(Project project) =>
        Build(project with { Assembly = project.Assembly + ".fresh" + Guid.NewGuid().ToString("N") }).Manifests;

    [Fact]
    public void A_new_build_of_identical_text_re_uses_every_model_and_writes_what_a_fresh_extraction_writes()
    {
        var marker = "// " + Guid.NewGuid().ToString("N") + "\n";
        var project = ThreeModels() with { Files = ThreeModels().Files.Select(f => (f.Path, marker + f.Text)).ToImmutableArray() };
        var first = Build(project);
        Assert.Equal((3, 0, 3), (first.Models, first.Hits, first.Misses));
        Assert.True(first.TreesWalked >= 5, first.TreesWalked.ToString(CultureInfo.InvariantCulture)); // every file is new content (the injected attribute's may be known)

        var second = Build(project);
        Assert.Equal((3, 3, 0), (second.Models, second.Hits, second.Misses));
        Assert.Equal(0, second.TreesWalked); // every file's declarations are known by content
        Assert.Equal(first.Manifests, second.Manifests);
        Assert.Equal(Fresh(project), second.Manifests);
        Assert.Equal(3, second.Manifests.Count);
    }

    [Fact]
    public void An_unrelated_method_body_edit_re_uses_every_model_and_reads_the_declarations_of_that_file_only()
    {
        var project = ThreeModels();
        Build(project);
        var edited = project.Edit("/src/Util.cs", t => t.Replace("return 2 * x;", "return x + x;"));
        var second = Build(edited);
        Assert.Equal((3, 0), (second.Hits, second.Misses));
        Assert.Equal(1, second.TreesWalked);
        Assert.Equal(Fresh(edited), second.Manifests);
    }

    [Fact]
    public void A_constructor_edit_of_one_model_re_extracts_that_model_only()
    {
        var project = ThreeModels();
        var first = Build(project);
        var edited = project.Edit("/src/NetB.cs", t => t.Replace("Linear(16, 8)", "Linear(16, 12)"));
        var second = Build(edited);
        Assert.Equal((2, 1), (second.Hits, second.Misses));
        Assert.Equal(1, second.TreesWalked);
        Assert.NotEqual(first.Manifests["NetB"], second.Manifests["NetB"]);
        Assert.Equal(first.Manifests["NetA"], second.Manifests["NetA"]);
        Assert.Equal(Fresh(edited), second.Manifests);
    }

    [Fact]
    public void An_edit_in_a_factory_methods_body_re_extracts_that_model()
    {
        var project = ThreeModels();
        var first = Build(project);
        var edited = project.Edit("/src/NetC.cs", t => t.Replace("Linear(4, 4)", "Linear(4, 5)"));
        var second = Build(edited);
        Assert.Equal((2, 1), (second.Hits, second.Misses));
        Assert.NotEqual(first.Manifests["NetC"], second.Manifests["NetC"]);
        Assert.Equal(Fresh(edited), second.Manifests);

        // Only a comment in the factory's file: the text changed, so its model is extracted again (locations may move).
        var commented = edited.Edit("/src/NetC.cs", t => t + "\n// a comment");
        var third = Build(commented);
        Assert.Equal((2, 1, 0), (third.Hits, third.Misses, third.TreesWalked - 1)); // and one file's declarations read
    }

    // Guarantee 1: the assembly name and the preprocessor symbols are part of the key.
    [Fact]
    public void Projects_and_target_frameworks_with_the_same_text_keep_their_own_entries()
    {
        var a = ThreeModels();
        var b = a with { Assembly = a.Assembly + ".other", Files = a.Edit("/src/Config.cs", t => t.Replace("32", "24")).Files };
        var net8 = a with { Parse = a.Parse.WithPreprocessorSymbols("NET8_0") };
        Assert.Equal(3, Build(a).Misses);
        Assert.Equal(3, Build(b).Misses);
        Assert.Equal(3, Build(net8).Misses);

        // Each rebuild hits its own entry, and each keeps its own model.
        Assert.Equal(3, Build(a).Hits);
        Assert.Equal(3, Build(net8).Hits);
        var rebuiltB = Build(b);
        Assert.Equal(3, rebuiltB.Hits);
        Assert.Equal(Fresh(b), rebuiltB.Manifests);
        Assert.NotEqual(Build(a).Manifests["NetA"], rebuiltB.Manifests["NetA"]);
    }

    // Guarantee 2: every tree read, by path, parse options and text.
    [Fact]
    public void A_model_file_at_another_path_or_parsed_with_other_options_is_a_miss()
    {
        var project = ThreeModels();
        Build(project);

        var moved = project with { Files = project.Files.Select(f => f.Path == "/src/NetB.cs" ? ("/src/Moved/NetB.cs", f.Text) : f).ToImmutableArray() };
        var afterMove = Build(moved);
        // The path is in every location of NetB; the other models mention nothing the moved file declares.
        Assert.Equal((2, 1), (afterMove.Hits, afterMove.Misses));
        Assert.Contains("Moved/NetB.cs", afterMove.Manifests["NetB"], StringComparison.Ordinal);
        Assert.Equal(Fresh(moved), afterMove.Manifests);

        var older = moved with { Parse = moved.Parse.WithLanguageVersion(LanguageVersion.CSharp12) };
        Assert.Equal(3, Build(older).Misses);
        Assert.Equal(Fresh(older), Build(older).Manifests);
    }

    // Guarantee 3: declarations of every file, by the names each model mentions (a const another file's model uses).
    [Fact]
    public void A_const_in_another_file_is_a_miss_for_the_model_that_uses_it_only()
    {
        var project = ThreeModels();
        var first = Build(project);
        var edited = project.Edit("/src/Config.cs", t => t.Replace("Width = 32", "Width = 40"));
        var second = Build(edited);
        Assert.Equal((2, 1), (second.Hits, second.Misses)); // NetA reads Config.Width; NetB and NetC mention neither name
        Assert.NotEqual(first.Manifests["NetA"], second.Manifests["NetA"]);
        Assert.Equal(Fresh(edited), second.Manifests);

        // The order of the files and a new file of names no model mentions bind nothing differently.
        var reordered = edited with { Files = edited.Files.Reverse().ToImmutableArray() };
        Assert.Equal(3, Build(reordered).Hits);
        var added = reordered with { Files = reordered.Files.Add(("/src/Extra.cs", "public static class Extra { public static int Half(this int x) => x / 2; }")) };
        Assert.Equal(3, Build(added).Hits);
        Assert.Equal(Fresh(added), Build(added).Manifests);

        // Another declaration of a name one model mentions (Width) is a miss for that model alone.
        var shadow = added with { Files = added.Files.Add(("/src/Shadow.cs", "public static class Settings { public const int Width = 4; }")) };
        var third = Build(shadow);
        Assert.Equal((2, 1), (third.Hits, third.Misses));
        Assert.Equal(Fresh(shadow), third.Manifests);
    }

    // Guarantee 3 on real model code: declaration edits in each file of the model zoo, one build each.
    [Fact]
    public void Declaration_edits_across_the_model_zoo_give_what_a_fresh_extraction_gives()
    {
        var files = ZooSources();
        var project = NewProject(files);
        var unedited = Build(project);
        Assert.Equal(0, unedited.Hits);

        int hits = 0, misses = 0, changedModels = 0;
        void Check(Project edited)
        {
            var build = Build(edited);
            Assert.Equal(Fresh(edited), build.Manifests);
            hits += build.Hits;
            misses += build.Misses;
            changedModels += build.Manifests.Count(m => unedited.Manifests[m.Key] != m.Value);
        }

        // A submodule field added to the first class of each file: it changes the model of that class (registered
        // with the others), so it must be a miss there and for every model that builds that class; the others
        // mention nothing it declares and are hits.
        for (int i = 0; i < files.Length; i++)
        {
            var n = i;
            if (!files[i].Text.Contains(" class ", StringComparison.Ordinal)) continue;
            Check(project.Edit(files[i].Path, t => AddFieldToFirstClass(t, n)));
        }
        // A member named like what models look up (an overload of forward in every third file): misses for them.
        for (int i = 0; i < files.Length; i += 3)
        {
            if (!files[i].Text.Contains(" class ", StringComparison.Ordinal)) continue;
            Check(project.Edit(files[i].Path, t => t.Insert(t.IndexOf('{', t.IndexOf(" class ", StringComparison.Ordinal)) + 1, " public static int forward(int x, int y) => x + y;")));
        }
        // A new file declaring what every model calls (Linear), and one declaring nothing any model names.
        Check(project with { Files = project.Files.Add(("/zoo/Shadow.cs", "public static class Shadow { public static int Linear(this string s) => 0; }")) });
        Check(project with { Files = project.Files.Add(("/zoo/Unrelated.cs", "namespace Tools { public static class Schedules { public static double Cosine(double t) => t; } }")) });

        // The edits did change models (so a stale hit would have shown), and the refinement does engage on real
        // code: most models are re-used after an edit they cannot see.
        Assert.True(changedModels >= 5, changedModels + " models changed");
        Assert.True(hits > misses, $"{hits} hits, {misses} misses");
    }

    private static (string Path, string Text)[] ZooSources() =>
        Extraction.ZooExtractionTests.ZooSources()
            .Select((text, i) => ("/zoo/File" + i.ToString(CultureInfo.InvariantCulture) + ".cs", text))
            .Append(("/zoo/GlobalUsings.cs", Extraction.ZooExtractionTests.GlobalUsings))
            .ToArray();

    private static string AddFieldToFirstClass(string text, int n)
    {
        var at = text.IndexOf('{', text.IndexOf(" class ", StringComparison.Ordinal));
        return text.Insert(at + 1, " private readonly TorchSharp.Modules.Linear zooEdit" + n.ToString(CultureInfo.InvariantCulture) + " = TorchSharp.torch.nn.Linear(2, 2);");
    }

    // Guarantee 4: compilation options by value, although the compiler's resolver objects cannot be compared.
    [Fact]
    public void Options_are_compared_by_value_without_the_compilers_per_build_resolvers()
    {
        // As in the command-line compiler: a new resolver per build whose Equals is not implemented.
        var project = ThreeModels() with { Options = o => o.WithMetadataReferenceResolver(new UncomparableResolver()).WithSyntaxTreeOptionsProvider(new TreeOptions(generated: null)) };
        Assert.Equal(3, Build(project).Misses);
        Assert.Equal(3, Build(project).Hits);

        var checkedArithmetic = project with { Options = o => project.Options(o).WithOverflowChecks(true) };
        Assert.Equal(3, Build(checkedArithmetic).Misses);

        // A file marked as generated code (nullable starts disabled there) changes what binding sees.
        var generated = project with { Options = o => o.WithMetadataReferenceResolver(new UncomparableResolver()).WithSyntaxTreeOptionsProvider(new TreeOptions(generated: "/src/Config.cs")) };
        Assert.Equal(3, Build(generated).Misses);
        Assert.Equal(3, Build(generated).Hits);
    }

    [Fact]
    public void Warning_settings_alone_do_not_re_extract_and_the_manifests_stay_what_a_fresh_extraction_writes()
    {
        var project = ThreeModels() with { Options = o => o.WithMetadataReferenceResolver(new UncomparableResolver()) };
        Assert.Equal(3, Build(project).Misses);

        // NoWarn, WarningsAsErrors, TreatWarningsAsErrors, WarningLevel: what the compiler reports, not what binding sees.
        var quieter = project with
        {
            Options = o => project.Options(o)
                .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["NVG0102"] = ReportDiagnostic.Suppress, ["CS0168"] = ReportDiagnostic.Error })
                .WithGeneralDiagnosticOption(ReportDiagnostic.Error)
                .WithWarningLevel(9999),
        };
        var rebuilt = Build(quieter);
        Assert.Equal(3, rebuilt.Hits);
        Assert.Equal(0, rebuilt.Misses);
        Assert.Equal(Fresh(quieter), rebuilt.Manifests);
    }

    // Guarantee 5: references by path, properties and MVID.
    [Fact]
    public void A_reference_whose_content_changed_is_a_miss_and_the_same_content_through_a_new_object_is_a_hit()
    {
        var v1 = Library("public static class Lib { public const int Width = 8; }");
        var v2 = Library("public static class Lib { public const int Width = 8; public static void New() { } }");
        Assert.NotEqual(Mvid(v1), Mvid(v2));
        const string UsesLib = GeneratorHarness.Usings + """
            [Diagram(Input = "N,4")]
            public sealed class NetL : Module<Tensor, Tensor>
            {
                private readonly Module<Tensor, Tensor> fc;
                public NetL() : base("NetL") { fc = Linear(4, Lib.Width); RegisterComponents(); }
                public override Tensor forward(Tensor x) => fc.forward(x);
            }
            """;
        var project = NewProject(("/src/NetL.cs", UsesLib)) with { References = BaseReferences().Add(v1) };
        Assert.Equal(1, Build(project).Misses);
        Assert.Equal(1, Build(project).Hits); // Build renews every reference object

        var upgraded = project with { References = BaseReferences().Add(v2) };
        Assert.Equal(1, Build(upgraded).Misses);
        Assert.Equal(Fresh(upgraded), Build(upgraded).Manifests);

        var aliased = upgraded with { References = BaseReferences().Add(v2.WithAliases(new[] { "global", "lib" })) };
        Assert.Equal(1, Build(aliased).Misses);
    }

    // Guarantee 6: decompiled code of packages, parsed once per content; a change in it is a miss.
    [Fact]
    public void Decompiled_package_code_is_parsed_once_per_content_and_a_change_in_it_is_a_miss()
    {
        var marker = "// " + Guid.NewGuid().ToString("N") + "\n";
        var package = marker + """
            namespace Vendor
            {
                public static class Nets
                {
                    public static TorchSharp.torch.nn.Module<TorchSharp.torch.Tensor, TorchSharp.torch.Tensor> Small()
                        => TorchSharp.torch.nn.Sequential(TorchSharp.torch.nn.Linear(4, 6), TorchSharp.torch.nn.ReLU());
                }
            }
            """;
        const string User = GeneratorHarness.Usings + """
            public static class Models
            {
                [Diagram(Input = "N,4")]
                public static Module<Tensor, Tensor> FromPackage() => Vendor.Nets.Small();
            }
            """;
        var project = NewProject(("/src/Models.cs", User)) with
        {
            References = BaseReferences().Add(Library(package, "Vendor")),
            Decompiled = ImmutableArray.Create(("/obj/decompiled/Vendor/Vendor.Nets.cs", package)),
        };
        var first = Build(project);
        Assert.Equal(1, first.Misses);
        Assert.Contains("Linear", first.Manifests["FromPackage"], StringComparison.Ordinal);
        var second = Build(project);
        Assert.Equal(1, second.Hits);
        Assert.Equal(first.Manifests, second.Manifests);
        Assert.Same(DecompiledTree(first), DecompiledTree(second)); // not parsed again

        var changed = project with { Decompiled = ImmutableArray.Create(("/obj/decompiled/Vendor/Vendor.Nets.cs", package.Replace("Linear(4, 6)", "Linear(4, 7)"))) };
        var third = Build(changed);
        Assert.Equal(1, third.Misses);
        Assert.NotSame(DecompiledTree(first), DecompiledTree(third));
    }

    [Fact]
    public void The_content_hash_tells_apart_texts_whose_encoded_checksums_are_equal()
    {
        // An unpaired surrogate and U+FFFD encode to the same UTF-8 bytes: GetChecksum cannot tell them apart.
        var a = SourceText.From("class C { string s = \"\uD800\"; }", System.Text.Encoding.UTF8);
        var b = SourceText.From("class C { string s = \"\uFFFD\"; }", System.Text.Encoding.UTF8);
        Assert.Equal(a.GetChecksum(), b.GetChecksum(), (x, y) => x.SequenceEqual(y));
        Assert.NotEqual(ContentHash.Of(a), ContentHash.Of(b));
        Assert.Equal(ContentHash.Of(a), ContentHash.Of(SourceText.From(a.ToString())));
    }

    private static SyntaxTree DecompiledTree(BuildResult build) =>
        ((DecompiledSources)build.Run.Results.Single().TrackedSteps[NetVizGenerator.StepNames.Decompiled].Single().Outputs.Single().Value).Files.Single().Tree;

    private static PortableExecutableReference Library(string source, string name = "Lib")
    {
        var compilation = CSharpCompilation.Create(name, new[] { CSharpSyntaxTree.ParseText(source) }, BaseReferences(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, deterministic: true));
        using var stream = new MemoryStream();
        var emitted = compilation.Emit(stream);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        return MetadataReference.CreateFromImage(stream.ToArray(), filePath: "/lib/" + name + ".dll");
    }

    private static Guid Mvid(PortableExecutableReference reference) =>
        ((AssemblyMetadata)reference.GetMetadata()).GetModules()[0].GetModuleVersionId();

    /// <summary>Like the command-line compiler's resolver: a new one per build, and Equals throws.</summary>
    private sealed class UncomparableResolver : MetadataReferenceResolver
    {
        public override bool Equals(object? other) => throw new NotImplementedException();
        public override int GetHashCode() => throw new NotImplementedException();
        public override ImmutableArray<PortableExecutableReference> ResolveReference(string reference, string? baseFilePath, MetadataReferenceProperties properties) =>
            ImmutableArray<PortableExecutableReference>.Empty;
    }

    /// <summary>A new provider per build (reference equality only), marking at most one file as generated code.</summary>
    private sealed class TreeOptions(string? generated) : SyntaxTreeOptionsProvider
    {
        public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) =>
            tree.FilePath == generated ? GeneratedKind.MarkedGenerated : GeneratedKind.NotGenerated;
        public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            severity = ReportDiagnostic.Default;
            return false;
        }
        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            severity = ReportDiagnostic.Default;
            return false;
        }
    }

    private sealed class InMemoryText(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;
        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }

    private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }

    /// <summary>The cache report on, the project in /src/; every additional file marked as decompiled from the <c>Vendor</c> package.</summary>
    private sealed class OptionsProvider : AnalyzerConfigOptionsProvider
    {
        private static readonly AnalyzerConfigOptions Global = new Options(new(StringComparer.OrdinalIgnoreCase) { ["build_property.NetVizGenCacheReport"] = "true", ["build_property.ProjectDir"] = "/src/" });
        private static readonly AnalyzerConfigOptions None = new Options(new());
        private static readonly AnalyzerConfigOptions Decompiled = new Options(new(StringComparer.OrdinalIgnoreCase)
        {
            ["build_metadata.AdditionalFiles.NetVizGenDecompiledFrom"] = "Vendor",
            ["build_metadata.AdditionalFiles.NetVizGenPackage"] = "Vendor 1.0.0",
        });
        public override AnalyzerConfigOptions GlobalOptions => Global;
        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => None;
        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Decompiled;
    }
}
