using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NetVizGen.Extraction;
using NetVizGen.Generator;

/// <summary>
/// Scalar evaluation cost: a constructor filling a relative-position lookup table (tuple dictionary
/// keys, per-element array writes) in nested loops of window^4 iterations, extracted with the real
/// generator's extractor. Printed beside a trivial model (the fixed cost) and the same computation
/// run natively, so the interpreter's per-iteration cost reads as a ratio measured in the same run.
/// Usage: dotnet run -c Release --project bench/NetVizGen.Bench.Extraction -- scalar [iterations]
/// </summary>
internal static class ScalarBudget
{
    private const string Model = """
        using System; using System.Collections.Generic; using System.Linq; using TorchSharp; using static TorchSharp.torch; using static TorchSharp.torch.nn; using NetVizGen;
        [Diagram(Input = "N,4", Name = "Table")]
        public sealed class Table : Module<Tensor, Tensor>
        {
            private readonly Module<Tensor, Tensor> fc;
            public Table() : base("Table")
            {
                int window = WINDOW;
                var index = new Dictionary<(int, int), int>();
                var table = new int[window * window * window * window];
                int n = 0;
                for (int i = 0; i < window * window; i++)
                    for (int j = 0; j < window * window; j++)
                    {
                        var key = (i / window - j / window + window - 1, i % window - j % window + window - 1);
                        if (!index.TryGetValue(key, out var id)) { id = index.Count; index[key] = id; }
                        table[n++] = id;
                    }
                fc = Linear(4, index.Count + table[^1]);
                RegisterComponents();
            }
            public override Tensor forward(Tensor x) => fc.forward(x);
        }
        """;

    public static void Run(int iterations)
    {
        var references = Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(TorchSharp.torch).Assembly.Location))
            .ToImmutableArray();
        var parse = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);
        Console.WriteLine($"machine: {Environment.ProcessorCount} logical cores, .NET {Environment.Version}; median of {iterations} runs after 3 warm-up runs");
        Console.WriteLine("| window | loop iterations | extraction ms (wall) | CPU ms | CPU µs per iteration | native ms | interpreted / native (CPU) | notes |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var window in new[] { 1, 7, 14, 20 })
        {
            var compilation = CSharpCompilation.Create("Scalar", new[] { CSharpSyntaxTree.ParseText(Model.Replace("WINDOW", window.ToString(CultureInfo.InvariantCulture)), parse) },
                references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var driver = CSharpGeneratorDriver.Create(new[] { new NetVizGenerator().AsSourceGenerator() }, parseOptions: parse,
                driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
            var target = (DiagramTarget)driver.RunGenerators(compilation).GetRunResult().Results.Single()
                .TrackedSteps[NetVizGenerator.StepNames.Targets].SelectMany(s => s.Outputs).Single().Value;
            var spec = ModelExtractor.Extract(target, compilation, default);
            var (ms, cpu) = Median(iterations, () => ModelExtractor.Extract(target, compilation, default));
            var (native, nativeCpu) = Median(iterations, () => Native(window));
            long loops = (long)window * window * window * window;
            var notes = !spec.Notes.Any() ? "none" : string.Join("; ", spec.Notes.Select(n => n.Id));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {window} | {loops:N0} | {ms:F1} | {cpu:F1} | {(loops > 1 ? cpu * 1000 / loops : 0):F2} | {native:F3} | {cpu / Math.Max(nativeCpu, native):N0} | {notes} |"));
        }
    }

    private static int s_sink;

    private static void Native(int window)
    {
        var index = new Dictionary<(int, int), int>();
        var table = new int[window * window * window * window];
        int n = 0;
        for (int i = 0; i < window * window; i++)
            for (int j = 0; j < window * window; j++)
            {
                var key = (i / window - j / window + window - 1, i % window - j % window + window - 1);
                if (!index.TryGetValue(key, out var id)) { id = index.Count; index[key] = id; }
                table[n++] = id;
            }
        s_sink += index.Count + table[^1];
    }

    /// <summary>Median wall ms, and process CPU ms per run (what the work costs when the shared machine is busy).</summary>
    private static (double Wall, double Cpu) Median(int n, Action run)
    {
        for (int i = 0; i < 3; i++) run();
        var times = new double[n];
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        for (int i = 0; i < n; i++)
        {
            var sw = Stopwatch.StartNew();
            run();
            times[i] = sw.Elapsed.TotalMilliseconds;
        }
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalMilliseconds / n;
        Array.Sort(times);
        return (times[n / 2], cpu);
    }
}
