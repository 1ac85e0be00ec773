using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NetVizGen.Extraction;
using NetVizGen.Generator;
using NetVizGen.Model.Analysis;

// Extraction cost on the model zoo (sample-projects/ModelZoo/*.cs), median of N runs after warm-up:
//  (a) full:        a fresh compilation (nothing bound yet) and a fresh generator driver: what a build pays;
//  (b) incremental: the same driver after a method-body edit in an unrelated file (a new compilation
//                   with one file changed): what the IDE pays per keystroke; also after a const edit;
//  (c) extraction:  ModelExtractor.Extract for every model, again on one compilation that has
//                   already been extracted once (warm semantic models where the extractor keeps them).
//  (d) across builds: cold, and rebuilds (new driver, new compilation) of the same objects, of identical
//                   text, after an unrelated body edit and after an edit in one model's file (AcrossBuilds.cs).
// Usage: dotnet run -c Release --project bench/NetVizGen.Bench.Extraction [-- iterations] [--corpus] [--across-builds]
// --across-builds runs (d) only.
// --corpus measures the real-world corpus (tests/NetVizGen.Corpus/**/*.cs: public third-party models,
// which do raise NVG warnings) instead of the zoo.

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
if (args.Length > 0 && args[0] == "scalar")
{
    ScalarBudget.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5);
    return;
}
bool corpus = args.Contains("--corpus");
var numeric = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
int iterations = numeric.Length > 0 ? int.Parse(numeric[0], CultureInfo.InvariantCulture) : 15;
string assemblyName = corpus ? "NetVizGen.Corpus" : "ModelZoo";

var root = new DirectoryInfo(AppContext.BaseDirectory);
while (root is not null && !File.Exists(Path.Combine(root.FullName, "NetVizGen.sln"))) root = root.Parent;
if (root is null) throw new InvalidOperationException("NetVizGen.sln not found above " + AppContext.BaseDirectory);
var zooDir = corpus ? Path.Combine(root.FullName, "tests", "NetVizGen.Corpus") : Path.Combine(root.FullName, "sample-projects", "ModelZoo");
var files = Directory.GetFiles(zooDir, "*.cs", corpus ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly)
    .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
    .OrderBy(f => f, StringComparer.Ordinal).ToArray();

var parse = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);
var texts = files.Select(f => (Path: f, Text: File.ReadAllText(f)))
    .Append((Path: "GlobalUsings.cs", Text: corpus
        // The corpus project's implicit usings (third-party files rely on them).
        ? "global using System; global using System.Collections.Generic; global using System.IO; global using System.Linq; global using System.Net.Http; global using System.Threading; global using System.Threading.Tasks;"
        : "global using System; global using System.Collections.Generic; global using System.Linq;"))
    .ToArray();
// Fresh trees for every fresh compilation (parsed outside the timed region). The extraction cache keys on
// content (path, parse options, text), so a fresh compilation of the same text under the same assembly
// name is a cache hit (what a rebuild in the compiler server pays, see AcrossBuilds): (a) and the other
// "fresh" rows use a new assembly name and a new trailing comment in every file per run, so that nothing is
// cached, which is what a first build pays.
int coldRun = 0;
SyntaxTree[] ParseAll() => texts.Select(t => CSharpSyntaxTree.ParseText(t.Text, parse, path: t.Path)).ToArray();
SyntaxTree[] ParseCold(int salt) => texts.Select(t => CSharpSyntaxTree.ParseText(t.Text + "\n// cold " + salt.ToString(CultureInfo.InvariantCulture), parse, path: t.Path)).ToArray();
var references = Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>()
    .Append(MetadataReference.CreateFromFile(typeof(TorchSharp.torch).Assembly.Location))
    .ToImmutableArray();
var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary,
    nullableContextOptions: corpus ? NullableContextOptions.Disable : NullableContextOptions.Enable);

CSharpCompilation Fresh() => CSharpCompilation.Create(assemblyName, ParseAll(), references, options);
CSharpCompilation Cold() { coldRun++; return CSharpCompilation.Create(assemblyName + ".cold" + coldRun.ToString(CultureInfo.InvariantCulture), ParseCold(coldRun), references, options); }
GeneratorDriver Driver() => CSharpGeneratorDriver.Create(new[] { new NetVizGenerator().AsSourceGenerator() },
    parseOptions: parse, driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

// Sanity: every [Diagram] of the zoo produces a manifest, and no NVG warning or error.
var check = Driver().RunGenerators(Fresh());
var checkResult = check.GetRunResult();
var targets = checkResult.Results.Single().TrackedSteps[NetVizGenerator.StepNames.Targets]
    .SelectMany(s => s.Outputs).Select(o => (DiagramTarget)o.Value).ToArray();
int manifests = checkResult.GeneratedTrees.Count(t => t.FilePath.Contains("NetVizGen.Model.", StringComparison.Ordinal) || t.FilePath.Contains("Manifest", StringComparison.Ordinal));
var bad = checkResult.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
if (bad.Count > 0 && !corpus) throw new InvalidOperationException("the zoo has NVG warnings: " + string.Join("\n", bad));
// Compiled with the generator's output (it injects [Diagram]): the measured sources must compile.
Driver().RunGeneratorsAndUpdateCompilation(Fresh(), out var generated, out _);
var compileErrors = generated.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
if (compileErrors.Count > 0)
    throw new InvalidOperationException($"{assemblyName} does not compile here: {compileErrors.Count} error(s), first: " + string.Join("\n", compileErrors.Take(5)));
if (corpus) Console.WriteLine($"corpus: {bad.Count} NVG warning(s) or error(s) (expected: third-party code)");
Console.WriteLine($"{(corpus ? "corpus" : "zoo")}: {files.Length} files, {targets.Length} [Diagram] models, {checkResult.GeneratedTrees.Length} generated files");
Console.WriteLine($"machine: {Environment.ProcessorCount} logical cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
Console.WriteLine($"iterations: {iterations} (+ warm-up), median [min–max] ms");
Console.WriteLine();

// Hits and misses of the extraction cache for the zoo's assembly so far (read by reflection, the
// counter is internal; absent in builds without the cache). Printed per phase to show that (a) misses
// (fresh trees) and (b) hits.
var cacheStats = typeof(ModelExtractor).Assembly.GetType("NetVizGen.Extraction.Incremental.ExtractionCache")
    ?.GetMethod("Stats", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static);
(int Hits, int Misses) statsBefore = (0, 0);
void CacheStatsStart() => statsBefore = cacheStats?.Invoke(null, new object?[] { assemblyName, null }) is ValueTuple<int, int> t ? t : (0, 0);
string CacheStats() => cacheStats?.Invoke(null, new object?[] { assemblyName, null }) is ValueTuple<int, int> t
    ? $"extraction cache hits +{t.Item1 - statsBefore.Hits}" : "no extraction cache";

// The file of the first model: AcrossBuilds edits it for its "model edit" rows.
var modelFile = files.Length > 0 ? targets.Select(t => t.Source?.Path).FirstOrDefault(p => p is not null) ?? files[0] : "";
if (args.Contains("--across-builds"))
{
    AcrossBuilds.Run(texts, modelFile, parse, references, options, assemblyName, iterations);
    return;
}

// (a) full generator run over a fresh compilation.
CacheStatsStart();
var full = Sampling.Measure(iterations, () =>
{
    var c = Cold();
    var sw = Stopwatch.StartNew();
    Driver().RunGenerators(c);
    return sw.Elapsed.TotalMilliseconds;
});

Console.WriteLine("after (a): cold runs, each under a new assembly name (no hits possible)");

// (b) incremental: one driver, each run sees a compilation in which a method body of an unrelated file
// was edited (the common IDE keystroke): a new compilation, new tree, same declarations.
string EditText(int v) => $"namespace Scratch; static class Edit {{ public static int Value() {{ return {v}; }} }}";
var incDriver = Driver().RunGenerators(Fresh());
var incCompilation = Fresh().AddSyntaxTrees(CSharpSyntaxTree.ParseText(EditText(0), parse, path: "Edit.cs"));
incDriver = incDriver.RunGenerators(incCompilation);
int edit = 0;
CacheStatsStart();
var incremental = Sampling.Measure(iterations, () =>
{
    var old = incCompilation.SyntaxTrees.Single(t => t.FilePath == "Edit.cs");
    edit++;
    var next = incCompilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(EditText(edit), parse, path: "Edit.cs"));
    incCompilation = next;
    var sw = Stopwatch.StartNew();
    incDriver = incDriver.RunGenerators(next);
    return sw.Elapsed.TotalMilliseconds;
});

Console.WriteLine("after (b): " + CacheStats());

// (b2) incremental after an edit that changes a declaration (a const in an unrelated file): the
// cache must miss, so this is what the IDE pays when a signature or constant changes.
string ConstText(int v) => $"namespace Scratch; static class Config {{ public const int V = {v}; }}";
var declCompilation = incCompilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(ConstText(0), parse, path: "Config.cs"));
incDriver = incDriver.RunGenerators(declCompilation);
CacheStatsStart();
var declarationEdit = Sampling.Measure(iterations, () =>
{
    var old = declCompilation.SyntaxTrees.Single(t => t.FilePath == "Config.cs");
    edit++;
    var next = declCompilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(ConstText(edit), parse, path: "Config.cs"));
    declCompilation = next;
    var sw = Stopwatch.StartNew();
    incDriver = incDriver.RunGenerators(next);
    return sw.Elapsed.TotalMilliseconds;
});

Console.WriteLine("after (b2): " + CacheStats());
Console.WriteLine();

// (c) extraction alone, repeated on one compilation.
var warm = Fresh();
foreach (var t in targets) ModelExtractor.Extract(t, warm, default);
var extraction = Sampling.Measure(iterations, () =>
{
    var sw = Stopwatch.StartNew();
    foreach (var t in targets) ModelExtractor.Extract(t, warm, default);
    return sw.Elapsed.TotalMilliseconds;
});

// Where the time of (a) goes: extraction on a fresh compilation, then analysis of the extracted specs.
var coldExtraction = Sampling.Measure(iterations, () =>
{
    var c = Fresh();
    var sw = Stopwatch.StartNew();
    foreach (var t in targets) ModelExtractor.Extract(t, c, default);
    return sw.Elapsed.TotalMilliseconds;
});
var specs = targets.Select(t => ModelExtractor.Extract(t, warm, default)).ToArray();
var analysis = Sampling.Measure(iterations, () =>
{
    var sw = Stopwatch.StartNew();
    foreach (var s in specs) ShapeAnalysis.Run(s);
    return sw.Elapsed.TotalMilliseconds;
});
// Roslyn alone: binding every method body of the zoo once (a lower bound of what any extractor pays cold).
var binding = Sampling.Measure(iterations, () =>
{
    var c = Fresh();
    var sw = Stopwatch.StartNew();
    foreach (var tree in c.SyntaxTrees)
    {
        var model = c.GetSemanticModel(tree);
        foreach (var body in tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.BaseMethodDeclarationSyntax>())
            model.GetOperation(body);
    }
    return sw.Elapsed.TotalMilliseconds;
});

// One full run, broken down by the driver's own step timings.
{
    var c = Cold();
    var sw = Stopwatch.StartNew();
    var d = Driver().RunGenerators(c);
    var total = sw.Elapsed.TotalMilliseconds;
    var timing = d.GetTimingInfo();
    var run = d.GetRunResult().Results.Single();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"one full run: {total:F1} ms wall, driver {timing.ElapsedTime.TotalMilliseconds:F1} ms, generator {timing.GeneratorTimes.Single().ElapsedTime.TotalMilliseconds:F1} ms"));
    foreach (var (name, steps) in run.TrackedSteps.OrderBy(k => k.Key, StringComparer.Ordinal))
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  step {name}: {steps.Length} runs, {steps.Sum(s => s.ElapsedTime.TotalMilliseconds):F1} ms"));
    Console.WriteLine();
}

Console.WriteLine("| Measurement | Median ms | Min–max ms | CPU ms/run |");
Console.WriteLine("|---|---:|---:|---:|");
Row("(a) full generator run, fresh compilation", full);
Row("(b) incremental re-run after an unrelated edit", incremental);
Row("    incremental re-run after a const edit in an unrelated file", declarationEdit);
Row("(c) extraction alone, same compilation again", extraction);
Row("    extraction alone, fresh compilation", coldExtraction);
Row("    shape analysis alone (all models)", analysis);
Row("    Roslyn: bind every method body of the zoo once", binding);

// The generator across builds (what the compiler server pays per rebuild), with ratios to a cold run.
AcrossBuilds.Run(texts, modelFile, parse, references, options, assemblyName, iterations);

static void Row(string name, Sample s) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {Sampling.Median(s.Wall):F1} | {s.Wall.Min():F1}–{s.Wall.Max():F1} | {s.CpuPerRun:F1} |"));
