using System.Diagnostics;
using NetVizGen.Model.Json;
using NetVizGen.Rendering;
using NetVizGen.Tasks;

namespace NetVizGen.Bench.Docs;

/// <summary>Per model: parse and render times (median of the repetitions), files and bytes produced.</summary>
internal static class ModelTimes
{
    public static void Run(string assembly, int reps)
    {
        var options = new RenderOptions { ProjectDirectory = "/p", OutputDirectory = "/p/docs" };
        var rows = new List<(string Id, double Parse, double Render, int Files, long Bytes, int Modules)>();
        var manifests = ManifestReader.ReadJson(assembly);
        // Process CPU time (GC threads included) of rendering every model once per repetition: on a
        // shared machine wall times stretch with the load, CPU time much less.
        foreach (var json in manifests) DocumentationRenderer.RenderModel(ManifestJson.Read(json), options); // JIT warm-up
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        for (int r = 0; r < reps; r++)
            foreach (var json in manifests) DocumentationRenderer.RenderModel(ManifestJson.Read(json), options);
        double cpuMs = (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / reps, wallMs = wall.Elapsed.TotalMilliseconds / reps;
        Console.WriteLine($"{Path.GetFileName(assembly)}: parse + render of every model, one thread: {cpuMs:0} ms CPU, {wallMs:0} ms wall (mean of {reps})");
        foreach (var json in manifests)
        {
            var parse = new List<double>(); var render = new List<double>();
            ModelDocs docs = null!;
            var model = ManifestJson.Read(json);
            DocumentationRenderer.RenderModel(model, options); // warm-up
            for (int r = 0; r < reps; r++)
            {
                var sw = Stopwatch.StartNew();
                model = ManifestJson.Read(json);
                parse.Add(sw.Elapsed.TotalMilliseconds);
                sw.Restart();
                docs = DocumentationRenderer.RenderModel(model, options);
                render.Add(sw.Elapsed.TotalMilliseconds);
            }
            parse.Sort(); render.Sort();
            rows.Add((model.Id, parse[reps / 2], render[reps / 2], docs.Files.Count, docs.Files.Sum(f => (long)f.Content.Length), model.Root.DescendantsAndSelf().Count()));
        }
        Console.WriteLine($"  {rows.Count} models, parse {rows.Sum(r => r.Parse):0} ms, render {rows.Sum(r => r.Render):0} ms (sum of medians, one thread)");
        Console.WriteLine($"  {"model",-28} {"modules",8} {"parse ms",9} {"render ms",10} {"files",6} {"KB",7}");
        foreach (var r in rows.OrderByDescending(r => r.Render))
            Console.WriteLine($"  {r.Id,-28} {r.Modules,8} {r.Parse,9:0.0} {r.Render,10:0.0} {r.Files,6} {r.Bytes / 1024,7}");
    }
}
