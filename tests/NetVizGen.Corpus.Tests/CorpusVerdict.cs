using System.Collections.Concurrent;
using System.Text.Json;
using NetVizGen.Model.Json;
using NetVizGen.Model.Specs;
using NetVizGen.Oracle.Tests;

namespace NetVizGen.Corpus.Tests;

/// <summary>What a corpus model's page says about its totals, judged against the runtime (issue 9).</summary>
public enum Verdict
{
    /// <summary>Parameters, trainable parameters and buffers equal the runtime's.</summary>
    Exact,
    /// <summary>Not exact, but the generator raised a located warning (or error) and the manifest marks the
    /// total unknown or incomplete: the page says it does not know.</summary>
    IncompleteWithWarning,
    /// <summary>A total that differs from the runtime with no located warning or no incomplete mark:
    /// the worst defect.</summary>
    SilentlyWrong,
    /// <summary>The generator wrote no manifest for the [Diagram], so the model has no page.</summary>
    NoPage,
}

/// <summary>One model's outcome: verdict, the static and runtime totals, and the full comparison.</summary>
public sealed record CorpusResult(
    CorpusModel Model,
    Verdict Verdict,
    ModelSpec? Spec,
    RuntimeReport Runtime,
    CorpusComparison? Comparison,
    IReadOnlyList<NoteSpec> LocatedWarnings)
{
    /// <summary>Module tree, per-module counts, and the order and shapes of the calls the runtime observed all match.</summary>
    public bool FullMatch => Comparison?.Result.IsMatch == true;

    /// <summary>A readable account for assertion messages.</summary>
    public string Describe()
    {
        var lines = new List<string>
        {
            $"{Model.Id}: {Verdict}. Parameters static {Total(Spec?.Root.Parameters)} / runtime {Runtime.TotalParameters:N0}; " +
            $"trainable {Total(Spec?.Root.Trainable)} / {Runtime.TotalTrainable:N0}; buffers {Total(Spec?.Root.Buffers)} / {Runtime.TotalBuffers:N0}.",
        };
        if (Spec != null)
        {
            lines.Add($"Located warnings: {LocatedWarnings.Count}. Notes:");
            lines.AddRange(Spec.Notes.Take(15).Select(n =>
                $"  {n.Severity} {n.Id} {(n.Source is { } s ? $"{Path.GetFileName(s.Path)}:{s.DisplayLine}" : "(no location)")}: {n.Message}"));
        }
        if (Comparison != null)
        {
            lines.Add($"Calls checked: {Comparison.ShapesChecked} (static calls the runtime hooks could not observe: {Comparison.UnobservedCalls}).");
            lines.Add(Comparison.Result.Describe(12));
        }
        return string.Join(Environment.NewLine, lines);
    }

    private static string Total(long? n) => n is null ? "(no page)" : n < 0 ? "unknown" : n.Value.ToString("N0");
}

/// <summary>
/// Judges each corpus model once per test run (the runtime build is the expensive part) and caches it.
/// </summary>
public static class CorpusJudge
{
    private static readonly ConcurrentDictionary<string, Lazy<CorpusResult>> Cache = new(StringComparer.Ordinal);
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Manifests = new(() => ManifestCatalog.ReadAll(CorpusCatalog.Assembly));

    public static CorpusResult Judge(string id) =>
        Cache.GetOrAdd(id, key => new Lazy<CorpusResult>(() => Compute(CorpusCatalog.Get(key)))).Value;

    private static CorpusResult Compute(CorpusModel model)
    {
        var runtime = CorpusRuntime.Run(model);
        if (!Manifests.Value.TryGetValue(model.Id, out var json))
            return new CorpusResult(model, Verdict.NoPage, null, runtime, null, []);

        var spec = ManifestJson.Read(json);
        var comparison = CorpusComparer.Compare(spec, runtime);
        var located = spec.Notes.Where(n => n.Severity >= NoteSeverity.Warning && n.Source != null).ToList();
        var root = spec.Root;
        bool exact = root.Parameters == runtime.TotalParameters
                     && root.Trainable == runtime.TotalTrainable
                     && root.Buffers == runtime.TotalBuffers;
        var verdict = exact ? Verdict.Exact
            : located.Count > 0 && MarksTotalIncomplete(root, json) ? Verdict.IncompleteWithWarning
            : Verdict.SilentlyWrong;
        return new CorpusResult(model, verdict, spec, runtime, comparison, located);
    }

    /// <summary>
    /// True when the manifest says its total is not exact: a root count of -1 ("unknown"), or an
    /// incompleteness mark. The mark is looked up by name in the raw JSON (any property whose name
    /// contains "incomplete" set to true, a non-empty string or a non-empty array) so this check does not
    /// depend on the exact field the manifest schema gives it.
    /// </summary>
    public static bool MarksTotalIncomplete(ModuleSpec root, string json)
    {
        if (root.Parameters < 0 || root.Trainable < 0 || root.Buffers < 0) return true;
        using var doc = JsonDocument.Parse(json);
        return HasIncompleteMark(doc.RootElement);

        static bool HasIncompleteMark(JsonElement e)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var p in e.EnumerateObject())
                    {
                        if (p.Name.Contains("incomplete", StringComparison.OrdinalIgnoreCase) && IsSet(p.Value)) return true;
                        if (HasIncompleteMark(p.Value)) return true;
                    }
                    return false;
                case JsonValueKind.Array:
                    foreach (var item in e.EnumerateArray())
                        if (HasIncompleteMark(item)) return true;
                    return false;
                default:
                    return false;
            }
        }

        static bool IsSet(JsonElement v) => v.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.String => v.GetString()!.Length > 0,
            JsonValueKind.Array => v.GetArrayLength() > 0,
            JsonValueKind.Object => true,
            _ => false,
        };
    }
}
