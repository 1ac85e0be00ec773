using System.Diagnostics;
using System.Text.Json.Nodes;
using NetVizGen.Tasks;

namespace NetVizGen.Bench.Docs;

/// <summary>
/// Times the real task the way a build runs it after the assembly changed, with the docs folder
/// already up to date (what a developer's edit-build loop sees):
/// before = every model rendered one after another (the task before the render cache);
/// all = render cache empty (e.g. after a clean, or a new NetVizGen), parallel;
/// one = the cache lacks one model (what a one-model edit costs; that model's manifest is "new");
/// none = no model changed (an edit no model reads).
/// </summary>
internal static class TaskScenarios
{
    public static void Run(string assembly, int reps)
    {
        var work = Directory.CreateTempSubdirectory("nvg-docs-bench-").FullName;
        var docs = Path.Combine(work, "docs");
        var cache = Path.Combine(work, "obj", "render-cache");
        (long Ms, string Summary) Once(string cacheFile, int parallelism)
        {
            var engine = new QuietEngine();
            var task = new GenerateArchitectureDocs { BuildEngine = engine, AssemblyPath = assembly, OutputDirectory = docs, ProjectDirectory = work, CacheFile = cacheFile, MaxParallelism = parallelism };
            var sw = Stopwatch.StartNew();
            if (!task.Execute()) throw new InvalidOperationException("the task failed");
            sw.Stop();
            return (sw.ElapsedMilliseconds, engine.Messages.LastOrDefault(m => m.StartsWith("NetVizGen: ", StringComparison.Ordinal)) ?? "");
        }

        var first = Once(cache, 0); // writes the docs and the cache (and warms the JIT)
        Console.WriteLine($"{Path.GetFileName(assembly)}: {first.Summary}");
        var full = File.ReadAllText(cache);
        // The largest model's entry is the one "edited" in the one-changed case.
        var entries = JsonNode.Parse(full)!["Models"]!.AsArray();
        var largest = entries.OrderByDescending(e => e!["Files"]!.AsArray().Count).First()!["Id"]!.GetValue<string>();
        var smallest = entries.OrderBy(e => e!["Files"]!.AsArray().Count).First()!["Id"]!.GetValue<string>();
        string Without(string id)
        {
            var node = JsonNode.Parse(full)!;
            var models = node["Models"]!.AsArray();
            models.Remove(models.First(e => e!["Id"]!.GetValue<string>() == id));
            return node.ToJsonString();
        }

        var scenarios = new (string Name, Action Prepare, string CacheFile, int Parallelism)[]
        {
            ("before: every model, sequential", () => { }, "", 1),
            ("every model, parallel", () => { }, "", 0),
            ("all changed (cache empty)", () => File.Delete(cache), cache, 0),
            ($"one changed ({largest}, largest)", () => File.WriteAllText(cache, Without(largest)), cache, 0),
            ($"one changed ({smallest}, smallest)", () => File.WriteAllText(cache, Without(smallest)), cache, 0),
            ("none changed", () => File.WriteAllText(cache, full), cache, 0),
        };
        Console.WriteLine($"  {"scenario",-44} {"min ms",8} {"median",8} {"max",8}  summary");
        foreach (var s in scenarios)
        {
            var times = new List<long>();
            string summary = "";
            for (int r = 0; r < reps; r++)
            {
                s.Prepare();
                (var ms, summary) = Once(s.CacheFile, s.Parallelism);
                times.Add(ms);
            }
            times.Sort();
            Console.WriteLine($"  {s.Name,-44} {times[0],8} {times[times.Count / 2],8} {times[^1],8}  {summary[..summary.IndexOf(", docs in", StringComparison.Ordinal)]}");
        }
        Directory.Delete(work, recursive: true);
    }
}
