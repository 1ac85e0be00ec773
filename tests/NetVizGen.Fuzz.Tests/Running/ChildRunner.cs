using System.Collections.Immutable;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NetVizGen.Fuzz.Tests.Cases;
using NetVizGen.Generator;
using NetVizGen.Model.Json;
using NetVizGen.Model.Specs;
using NetVizGen.Rendering;

namespace NetVizGen.Fuzz.Tests.Running;

/// <summary>
/// Runs in the child process: each case is compiled with the real compiler, run through the real
/// generator and the real renderer, and its output checked for live markup. Prints
/// <c>BEGIN i</c> before and <c>RESULT {json}</c> after each case, so the parent knows which case a
/// crash or a hang belongs to.
/// </summary>
internal static class ChildRunner
{
    internal static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    private static readonly ImmutableArray<MetadataReference> References =
        Basic.Reference.Assemblies.Net100.References.All
            .Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(TorchSharp.torch).Assembly.Location))
            .ToImmutableArray();

    public static int RunFile(string path)
    {
        var cases = JsonSerializer.Deserialize<List<FuzzCase>>(File.ReadAllText(path), Json) ?? new();
        var stdout = Console.Out;
        for (int i = 0; i < cases.Count; i++)
        {
            stdout.WriteLine("BEGIN " + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            stdout.Flush();
            var result = Run(cases[i]);
            stdout.WriteLine("RESULT " + JsonSerializer.Serialize(result, Json));
            stdout.Flush();
        }
        return 0;
    }

    public static CaseResult Run(FuzzCase c)
    {
        // A cancellation case measures how fast a warm generator gives up, not how long the JIT takes.
        if (c.CancelAfterMs > 0) Run(new FuzzCase("warm-up", "[NetVizGen.Diagram] public sealed class W : TorchSharp.torch.nn.Module<TorchSharp.torch.Tensor, TorchSharp.torch.Tensor> { public W() : base(\"W\") { } public override TorchSharp.torch.Tensor forward(TorchSharp.torch.Tensor x) => x; }"));
        var result = new CaseResult { Name = c.Name };
        var tree = CSharpSyntaxTree.ParseText(c.Source, CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest), path: "/fuzz/src/Model.cs");
        var compilation = CSharpCompilation.Create("Models", new[] { tree }, References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var driver = CSharpGeneratorDriver.Create(new[] { new NetVizGenerator().AsSourceGenerator() },
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None));

        using var cts = new CancellationTokenSource();
        long cancelledAt = -1;
        var self = Process.GetCurrentProcess();
        var cpu = self.TotalProcessorTime;
        long CpuMs() { self.Refresh(); var now = self.TotalProcessorTime; var ms = (long)(now - cpu).TotalMilliseconds; cpu = now; return ms; }
        var clock = Stopwatch.StartNew();
        using var timer = new Timer(_ => { Interlocked.Exchange(ref cancelledAt, clock.ElapsedMilliseconds); cts.Cancel(); },
            null, c.CancelAfterMs > 0 ? c.CancelAfterMs : Bounds.GeneratorMs, Timeout.Infinite);
        Compilation output;
        ImmutableArray<Diagnostic> compilerDiagnostics;
        GeneratorDriverRunResult run;
        try
        {
            var ran = driver.RunGeneratorsAndUpdateCompilation(compilation, out output, out compilerDiagnostics, cts.Token);
            run = ran.GetRunResult();
        }
        catch (OperationCanceledException)
        {
            result.GeneratorMs = clock.ElapsedMilliseconds;
            result.GeneratorCpuMs = CpuMs();
            result.CancelReturnMs = result.GeneratorMs - Interlocked.Read(ref cancelledAt);
            result.Status = c.CancelAfterMs > 0 ? "cancelled" : "timeout";
            return result;
        }
        catch (Exception e)
        {
            result.GeneratorMs = clock.ElapsedMilliseconds;
            result.Status = "generator-exception";
            result.Exception = e.ToString();
            return result;
        }
        result.GeneratorMs = clock.ElapsedMilliseconds;
        result.GeneratorCpuMs = CpuMs();
        timer.Change(Timeout.Infinite, Timeout.Infinite);

        // The driver reports the generator's diagnostics in both lists.
        foreach (var d in compilerDiagnostics.Concat(run.Diagnostics).Distinct())
        {
            result.Diagnostics.Add(d.Id + "|" + d.Severity + "|" +
                (d.Location.IsInSource ? (d.Location.GetLineSpan().StartLinePosition.Line + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : "-")
                + "|" + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        }
        result.Diagnostics = result.Diagnostics.Distinct().ToList();
        if (run.Results.Any(r => r.Exception is not null) || compilerDiagnostics.Any(d => d.Id is "CS8784" or "CS8785"))
        {
            result.Status = "generator-exception";
            result.Exception = string.Join("\n", run.Results.Select(r => r.Exception?.ToString()).Where(e => e is not null));
            return result;
        }

        var models = new List<ModelSpec>();
        foreach (var generated in run.Results.SelectMany(r => r.GeneratedSources)) result.ManifestChars += generated.SourceText.Length;
        foreach (var field in (output.GetTypeByMetadataName(ManifestJson.CarrierNamespace + "." + ManifestJson.CarrierTypeName)?.GetMembers() ?? default)
                     .OfType<IFieldSymbol>())
        {
            if (field.IsConst && field.Name.StartsWith(ManifestJson.CarrierFieldPrefix, StringComparison.Ordinal) && field.ConstantValue is string json)
                models.Add(ManifestJson.Read(ManifestCarrier.Decode(json)));
        }
        foreach (var m in models)
        {
            result.Models.Add(new ModelFacts
            {
                Id = m.Id, Parameters = m.Root.Parameters, MultiplyAdds = m.MultiplyAdds,
                Modules = m.Root.DescendantsAndSelf().Count(), FlowNodes = m.Flow.Nodes.Count,
            });
        }

        if (!c.Render)
        {
            result.Status = "ok";
            return result;
        }
        CpuMs();
        clock.Restart();
        IReadOnlyList<GeneratedFile> files;
        try
        {
            files = DocumentationRenderer.Render(models, new RenderOptions { Mermaid = true, ProjectDirectory = "/fuzz", OutputDirectory = "/fuzz/docs" });
        }
        catch (Exception e)
        {
            result.RenderMs = clock.ElapsedMilliseconds;
            result.Status = "render-exception";
            result.Exception = e.ToString();
            return result;
        }
        result.RenderMs = clock.ElapsedMilliseconds;
        result.RenderCpuMs = CpuMs();
        foreach (var f in files)
        {
            result.Files.Add(f.RelativePath);
            result.Problems.AddRange(InertOutput.Check(f.RelativePath, f.Content));
        }
        // The regression tests read the page; the campaign only needs the checks (its output stays small).
        if (c.Name.StartsWith("regression", StringComparison.Ordinal))
            result.Markdown = files.FirstOrDefault(f => f.RelativePath.EndsWith(".md", StringComparison.Ordinal) && f.RelativePath != "README.md")?.Content;
        result.Status = "ok";
        return result;
    }
}
