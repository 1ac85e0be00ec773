using System.Collections.Immutable;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using NetVizGen.Generator;

/// <summary>
/// The generator across builds, as the compiler server runs it: every build parses every file again (new
/// tree objects), makes new reference objects over the same assemblies and runs a new generator driver,
/// while the generator's static state (the extraction cache) survives. Rows, each a new driver on a new
/// compilation:
///  cold:        nothing cached (a new assembly name and a new comment in every file each run);
///  same trees:  the very tree and reference objects of the previous run (all an identity-keyed cache can re-use);
///  new trees:   identical text parsed again, new reference objects (a rebuild in the compiler server);
///  body edit:   as "new trees", after an edit inside a method body of an unrelated file;
///  model edit:  as "new trees", after an edit in the file of one model (its declarations unchanged);
///  declaration: as "new trees", after a method is added to the unrelated file's class (a declaration no model mentions);
///  model field: as "new trees", after a field is added to one model's file (a declaration of that model only).
/// Counts come from the generator's own report (NVG0090, switched on through the analyzer options).
/// </summary>
internal static class AcrossBuilds
{
    private static readonly Regex Report = new(@"(\d+) model\(s\), (\d+) re-used from an earlier compilation, (\d+) extracted; declarations of (\d+) file\(s\) read", RegexOptions.CultureInvariant);

    public static void Run((string Path, string Text)[] files, string modelFile, CSharpParseOptions parse, ImmutableArray<MetadataReference> references,
        CSharpCompilationOptions options, string assemblyName, int iterations)
    {
        int salt = 0;
        string lastReport = "";
        const string EditPath = "AcrossBuildsEdit.cs";
        string EditText(int v) => $"namespace Scratch; static class AcrossBuildsEdit {{ public static int Value() {{ return {v}; }} }}";
        // A declaration: a new method whose name changes every run (the skeleton differs from every earlier one).
        string DeclarationText(int v) => $"namespace Scratch; static class AcrossBuildsEdit {{ public static int Value() {{ return 0; }} public static int Value{v}() {{ return {v}; }} }}";
        // A field added to the model's first class (a declaration in a file the model reads).
        string AddField(string text, int v)
        {
            var at = text.IndexOf('{', text.IndexOf(" class ", StringComparison.Ordinal));
            return text.Insert(at + 1, $" private static readonly int acrossBuildsField{v} = {v};");
        }

        SyntaxTree[] Parse(Func<string, string, string> text) =>
            files.Select(f => CSharpSyntaxTree.ParseText(Utf8(text(f.Path, f.Text)), parse, path: f.Path))
                .Append(CSharpSyntaxTree.ParseText(Utf8(text(EditPath, EditText(0))), parse, path: EditPath)).ToArray();
        // As the command-line compiler reads files: with an encoding (the PDB needs one to checksum and embed text).
        static Microsoft.CodeAnalysis.Text.SourceText Utf8(string text) => Microsoft.CodeAnalysis.Text.SourceText.From(text, System.Text.Encoding.UTF8);

        // A new driver on a new compilation (as every build of the command line compiler starts).
        double Time(Compilation c) => TimeWith(new DriverSlot(false, new NetVizGenerator().AsSourceGenerator()), c);

        var rows = new List<(string Name, Sample Sample, string Counts)>();
        void Row(string name, Func<double> run)
        {
            var s = Sampling.Measure(iterations, run);
            rows.Add((name, s, lastReport));
        }

        Row("cold: nothing cached", () =>
        {
            salt++;
            var c = CSharpCompilation.Create(assemblyName + ".cold" + salt.ToString(CultureInfo.InvariantCulture),
                Parse((_, t) => t + "\n// across builds, cold " + salt.ToString(CultureInfo.InvariantCulture)), Renewed(references), options);
            return Time(c);
        });

        var trees = Parse((_, t) => t);
        var refs = Renewed(references);
        Time(CSharpCompilation.Create(assemblyName, trees, refs, options));
        Row("rebuild, same tree and reference objects", () => Time(CSharpCompilation.Create(assemblyName, trees, refs, options)));
        Row("rebuild, identical text: new trees and references (compiler server)", () => Time(CSharpCompilation.Create(assemblyName, Parse((_, t) => t), Renewed(references), options)));
        Row("rebuild after a method-body edit in an unrelated file", () =>
        {
            salt++;
            return Time(CSharpCompilation.Create(assemblyName, Parse((p, t) => p == EditPath ? EditText(salt) : t), Renewed(references), options));
        });
        Row("rebuild after an edit in one model's file (declarations unchanged)", () =>
        {
            salt++;
            return Time(CSharpCompilation.Create(assemblyName, Parse((p, t) => p == modelFile ? t + "\n// edit " + salt.ToString(CultureInfo.InvariantCulture) : t), Renewed(references), options));
        });

        Row("rebuild after a method is added to an unrelated class (a declaration no model mentions)", () =>
        {
            salt++;
            return Time(CSharpCompilation.Create(assemblyName, Parse((p, t) => p == EditPath ? DeclarationText(salt) : t), Renewed(references), options));
        });
        Row("rebuild after a field is added to one model's class", () =>
        {
            salt++;
            return Time(CSharpCompilation.Create(assemblyName, Parse((p, t) => p == modelFile ? AddField(t, salt) : t), Renewed(references), options));
        });

        PrintTable($"Generator across builds ({iterations} runs each after 3 warm-up runs; a new driver and a new compilation per run; model edit: {Path.GetFileName(Path.GetDirectoryName(modelFile))}/{Path.GetFileName(modelFile)})", rows);

        // Above the floor: the same unrelated body edit, NetVizGen beside the do-nothing per-model generator of
        // the whole-build bench, each with a new driver per build and with one driver kept across builds (the
        // compiler server keeps a project's driver between builds). Interleaved run by run, so load affects both.
        var floorRows = new List<(string Name, Sample Sample, string Counts)>();
        foreach (var reuse in new[] { false, true })
        {
            var ours = new DriverSlot(reuse, new NetVizGenerator().AsSourceGenerator());
            var floor = new DriverSlot(reuse, new NetVizGen.Bench.FloorGenerator.FloorGenerator().AsSourceGenerator());
            var pair = Sampling.MeasurePair(iterations,
                () => { salt++; return TimeWith(ours, Edited(salt)); },
                () => { salt++; return TimeWith(floor, Edited(salt)); });
            var how = reuse ? "one driver kept across builds" : "a new driver per build";
            floorRows.Add(($"NetVizGen, {how}", pair.First, lastReport));
            floorRows.Add(($"floor generator, {how}", pair.Second, ""));
        }
        // The whole compilation, as the command-line compiler runs it after the generators: diagnostics, then
        // emit with a portable PDB that embeds every generated source (the compiler embeds generated text).
        // The floor's compilation gets NetVizGen's attribute as a source file, as the whole-build bench's copies do.
        var attribute = CSharpGeneratorDriver.Create(new NetVizGenerator()).RunGenerators(CSharpCompilation.Create("attribute", options: options))
            .GetRunResult().GeneratedTrees.Single(t => t.FilePath.EndsWith("DiagramAttribute.g.cs", StringComparison.Ordinal));
        foreach (var reuse in new[] { false, true })
        {
            var ours = new DriverSlot(reuse, new NetVizGenerator().AsSourceGenerator());
            var floor = new DriverSlot(reuse, new NetVizGen.Bench.FloorGenerator.FloorGenerator().AsSourceGenerator());
            var pair = Sampling.MeasurePair(iterations,
                () => { salt++; return CompileWith(ours, Edited(salt)); },
                () => { salt++; return CompileWith(floor, Edited(salt).AddSyntaxTrees(attribute)); });
            var how = reuse ? "one driver kept across builds" : "a new driver per build";
            floorRows.Add(($"whole compile and emit, NetVizGen, {how}", pair.First, lastReport));
            floorRows.Add(($"whole compile and emit, floor generator, {how}", pair.Second, ""));
        }
        PrintTable($"Above the floor: a method-body edit in an unrelated file ({iterations} interleaved runs each after 3 warm-up runs; ratios to the cold row above)", floorRows, cold: rows[0].Sample);

        double CompileWith(DriverSlot slot, Compilation c)
        {
            var driver = slot.Start(parse);
            var sw = Stopwatch.StartNew();
            driver = driver.RunGeneratorsAndUpdateCompilation(c, out var output, out _);
            slot.Driver = driver;
            output.GetDiagnostics();
            var generated = output.SyntaxTrees.Skip(c.SyntaxTrees.Count()).Select(t => EmbeddedText.FromSource(t.FilePath, t.GetText())).ToArray();
            using var pe = new MemoryStream();
            using var pdb = new MemoryStream();
            var result = output.Emit(pe, pdb, embeddedTexts: generated,
                options: new Microsoft.CodeAnalysis.Emit.EmitOptions(debugInformationFormat: Microsoft.CodeAnalysis.Emit.DebugInformationFormat.PortablePdb));
            var ms = sw.Elapsed.TotalMilliseconds;
            if (!result.Success) throw new InvalidOperationException("the benchmark compilation does not emit: " + result.Diagnostics.First(d => d.Severity == DiagnosticSeverity.Error));
            return ms;
        }

        Compilation Edited(int v) => CSharpCompilation.Create(assemblyName, Parse((p, t) => p == EditPath ? EditText(v) : t), Renewed(references), options);

        double TimeWith(DriverSlot slot, Compilation c)
        {
            var driver = slot.Start(parse);
            var sw = Stopwatch.StartNew();
            driver = driver.RunGenerators(c);
            slot.Driver = driver;
            var ms = sw.Elapsed.TotalMilliseconds;
            if (driver.GetRunResult().Diagnostics.FirstOrDefault(d => d.Id == "NVG0090") is { } d)
            {
                var m = Report.Match(d.GetMessage(CultureInfo.InvariantCulture));
                if (m.Success) lastReport = $"{m.Groups[2].Value} hits, {m.Groups[3].Value} misses, {m.Groups[4].Value} files read";
            }
            return ms;
        }
    }

    /// <summary>A generator and, when kept across builds, the driver of its previous build.</summary>
    private sealed class DriverSlot(bool reuse, ISourceGenerator generator)
    {
        public bool Reuse { get; } = reuse;
        public ISourceGenerator Generator { get; } = generator;
        public GeneratorDriver? Driver { get; set; }

        /// <summary>The driver for the next build: the kept one, or a new one.</summary>
        public GeneratorDriver Start(CSharpParseOptions parse) =>
            (Reuse ? Driver : null) ?? CSharpGeneratorDriver.Create(new[] { Generator }, optionsProvider: new ReportOn(), parseOptions: parse);
    }

    private static void PrintTable(string title, List<(string Name, Sample Sample, string Counts)> rows, Sample? cold = null)
    {
        Console.WriteLine();
        Console.WriteLine(title);
        Console.WriteLine("| Build | Median ms | Min–max ms | CPU ms/run | × cold (median) | × cold (CPU) | Last run |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---|");
        cold ??= rows[0].Sample;
        foreach (var (name, s, counts) in rows)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {Sampling.Median(s.Wall):F1} | {s.Wall.Min():F1}–{s.Wall.Max():F1} | {s.CpuPerRun:F1} | {Sampling.Median(s.Wall) / Sampling.Median(cold.Wall):F2} | {s.CpuPerRun / cold.CpuPerRun:F2} | {counts} |"));
    }

    /// <summary>The same metadata through new reference objects, as every build of the command-line compiler makes them.</summary>
    private static ImmutableArray<MetadataReference> Renewed(ImmutableArray<MetadataReference> references) =>
        references.Select(r =>
        {
            var pe = (PortableExecutableReference)r;
            var p = pe.Properties;
            return pe.GetMetadata() is AssemblyMetadata a
                ? (MetadataReference)a.GetReference(aliases: p.Aliases, embedInteropTypes: p.EmbedInteropTypes, filePath: pe.FilePath, display: pe.Display)
                : ((ModuleMetadata)pe.GetMetadata()).GetReference(filePath: pe.FilePath, display: pe.Display);
        }).ToImmutableArray();


    private sealed class ReportOn : AnalyzerConfigOptionsProvider
    {
        private static readonly AnalyzerConfigOptions Global = new Values(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["build_property.NetVizGenCacheReport"] = "true" });
        private static readonly AnalyzerConfigOptions None = new Values(new Dictionary<string, string>());
        public override AnalyzerConfigOptions GlobalOptions => Global;
        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => None;
        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => None;
    }

    private sealed class Values(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
