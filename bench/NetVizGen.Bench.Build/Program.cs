using System.Globalization;
using NetVizGen.Bench.Build;

// Whole-build cost of NetVizGen (issue 13). Packs NetVizGen (or takes --package-dir), lays out two copies
// of bench/BuildCost (with the package, and with a do-nothing [Diagram] instead), restores, warms the
// compiler server with one build of each, then for each scenario runs interleaved pairs (with, without,
// with, without, ...) and prints the tables (Report). See BenchOptions.Usage for the options.
BenchOptions options;
try { options = BenchOptions.Parse(args); }
catch (ArgumentException e) when (args.Length > 0)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
if (args.Contains("-h") || args.Contains("--help")) { Console.WriteLine(BenchOptions.Usage); return 0; }

var root = options.WorkDirectory ?? Directory.CreateTempSubdirectory("netvizgen-build-bench-").FullName;
Directory.CreateDirectory(root);
var logs = Directory.CreateDirectory(Path.Combine(root, "logs")).FullName;
void Say(string line) => Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {line}");

try
{
    var package = options.PackageDirectory != null
        ? NetVizGenPackage.Find(options.PackageDirectory)
        : NetVizGenPackage.Pack(options.RepositoryRoot, Path.Combine(root, "feed"));
    Say($"NetVizGen {package.Version} from {package.FeedDirectory}");

    Variant[] variants = options.Floor ? [Variant.With, Variant.Without, Variant.Floor] : [Variant.With, Variant.Without];
    var floorGenerator = options.Floor ? BuildFloorGenerator(options.RepositoryRoot) : null;
    var copies = ConsumerCopies.Create(root, options.RepositoryRoot, package, variants, floorGenerator);
    var environment = CommandEnvironment.UserBuild(options.CompilerServer);
    foreach (var variant in variants)
    {
        DotNetCli.RunOrThrow(copies.ProjectDirectory(variant), environment, "restore", "-nologo");
        // Warm-up, untimed: the compiler server starts (or is reached) and loads the analyzers, NetVizGen
        // decompiles TorchVision into obj/ once. Normal verbosity shows how Csc compiled.
        var warm = DotNetCli.RunOrThrow(copies.ProjectDirectory(variant), environment, "build", "-nologo", "-tl:off", "-v:n");
        File.WriteAllText(Path.Combine(logs, $"warm-up-{variant.ToString().ToLowerInvariant()}.log"), warm.Output);
        Say($"warm-up build {variant}: {warm.Wall.TotalSeconds:0.0} s; {CompilerUse(warm.Output)}");
    }

    var records = new List<BuildRecord>();
    var scenarios = Scenario.All.Where(s => options.Scenarios.Contains(s.Name)).ToArray();
    foreach (var scenario in scenarios)
    {
        for (int pair = 1; pair <= options.Pairs; pair++)
        {
            // The order turns each round (with, without, floor; then without, floor, with; ...), so no variant
            // always builds first after the previous round, when the servers' background work of that round lands.
            foreach (var variant in Rotated(variants, pair - 1))
            {
                scenario.Edit?.Apply(copies.CopyRoot(variant));
                if (scenario.FreshOutputs)
                    foreach (var outputs in new[] { "obj", "bin" })
                        if (Directory.Exists(Path.Combine(copies.ProjectDirectory(variant), outputs))) Directory.Delete(Path.Combine(copies.ProjectDirectory(variant), outputs), recursive: true);
                var docs = Path.Combine(copies.ProjectDirectory(variant), "docs");
                var started = DateTime.UtcNow;
                var result = DotNetCli.Run(copies.ProjectDirectory(variant), environment, measureCpu: true, scenario.BuildArguments());
                var log = Path.Combine(logs, $"{scenario.Name}-{pair}-{variant.ToString().ToLowerInvariant()}.log");
                File.WriteAllText(log, result.Output);
                if (result.ExitCode != 0) throw new InvalidOperationException($"build failed, see {log}");
                var record = new BuildRecord(scenario.Name, variant, pair, result.Wall, PerformanceSummary.Parse(result.Output), FilesWrittenSince(docs, started), BuildRecord.ReportsGeneratorFailure(result.Output), result.CpuMilliseconds);
                records.Add(record);
                Say(string.Create(CultureInfo.InvariantCulture,
                    $"{scenario.Name} {pair}/{options.Pairs} {variant,-7} {result.Wall.TotalSeconds,6:0.00} s  cpu {(result.CpuMilliseconds is { } cpu ? $"{cpu / 1000,6:0.00} s" : "-")}  Csc {record.Summary.Task("Csc")?.ToString(CultureInfo.InvariantCulture) ?? "-"} ms  docs task {(record.DocsTaskRan ? "ran" : "skipped")}{(record.GeneratorFailed ? "  GENERATOR FAILED (CS8785)" : "")}"));
            }
        }
    }

    Console.WriteLine();
    Console.WriteLine($"{options.Pairs} interleaved rounds per scenario (order turned each round); compiler server {(options.CompilerServer ? "on" : "off")}; {Environment.ProcessorCount} CPUs; load average {LoadAverage()}; NetVizGen {package.Version}");
    Console.WriteLine();
    Console.Write(Report.Write(scenarios, records));
    return 0;
}
finally
{
    if (!options.Keep)
    {
        try { Directory.Delete(root, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
    else Console.WriteLine($"work folder kept: {root}");
}

// The floor generator, built in Release from bench/FloorGenerator; the Floor copy references the DLL.
static string BuildFloorGenerator(string repositoryRoot)
{
    var project = Path.Combine(repositoryRoot, "bench", "FloorGenerator");
    DotNetCli.RunOrThrow(project, "build", "-c", "Release", "-nologo", "-v:q");
    return Path.Combine(project, "bin", "Release", "netstandard2.0", "FloorGenerator.dll");
}

static Variant[] Rotated(Variant[] variants, int by) =>
    variants.Skip(by % variants.Length).Concat(variants.Take(by % variants.Length)).ToArray();

// The docs task writes a file only when its content changes, so this counts changed docs files.
static int FilesWrittenSince(string folder, DateTime startUtc) =>
    Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Count(f => File.GetLastWriteTimeUtc(f) >= startUtc) : 0;

// Roslyn's Csc task says at normal verbosity whether the compiler server compiled or a csc process did.
static string CompilerUse(string log) =>
    log.Contains("CompilerServer: server - server processed compilation", StringComparison.Ordinal) ? "the compiler server compiled"
    : log.Contains("CompilerServer: tool", StringComparison.Ordinal) ? "a csc process compiled (no compiler server)"
    : "compilation skipped";

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
