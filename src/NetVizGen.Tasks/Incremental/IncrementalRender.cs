using NetVizGen.Model.Json;
using NetVizGen.Rendering;

namespace NetVizGen.Tasks.Incremental;

/// <summary>
/// Brings the docs of a build's manifests up to date, rendering only what changed: a model whose
/// manifest the cache lists, with every recorded file on disk holding the recorded content, is
/// reused without parsing its manifest; every other model is parsed and rendered. Both kinds run
/// side by side (<see cref="ParallelRender"/>). The index page is rebuilt from every model's row.
/// </summary>
/// <remarks>
/// Why this can never differ from a full render: a cache entry is only ever written from a render of
/// that exact manifest under the same <see cref="RenderKey"/> (options and renderer code), rendering
/// is deterministic, and a reused model's files are checked on disk: by hash, or by the length and
/// last-write time they had once NetVizGen wrote them and hashed them (<see cref="RenderCache.IsOnDisk"/>).
/// </remarks>
internal static class IncrementalRender
{
    /// <summary>What a run decided.</summary>
    /// <param name="Files">Files to write (rendered models and the index), with their content, ordered by model id.</param>
    /// <param name="Unchanged">Files of reused models: already on disk with the right content.</param>
    /// <param name="Models">Every model as the next run's cache records it.</param>
    /// <param name="Rendered">How many models were rendered.</param>
    /// <param name="Reused">How many models were reused.</param>
    public sealed record Outcome(
        List<(string RelativePath, string Content)> Files, List<string> Unchanged, List<CachedModel> Models, int Rendered, int Reused);

    // manifests: as carried in the assembly (ManifestReader.ReadCarried), still deflated.
    public static Outcome Run(IReadOnlyList<string> manifests, RenderOptions options, RenderCache cache, string outputDirectory, int maxParallelism)
    {
        var results = ParallelRender.Map(manifests, carried =>
        {
            // Keyed on the manifest as carried (deflated): the same carried text always inflates to the same
            // JSON, so a reused model is neither inflated nor parsed.
            var hash = RenderKey.OfManifest(carried);
            if (cache.Find(hash) is { } cached && OnDisk(cached, outputDirectory)) return (cached, (ModelDocs?)null);
            var docs = DocumentationRenderer.RenderModel(ManifestJson.Read(ManifestCarrier.Decode(carried)), options);
            var entry = new CachedModel(hash, docs.Id, docs.IndexRow,
                docs.Files.Select(f => new CachedFile(f.RelativePath, RenderKey.OfContent(f.Content))).ToList());
            return (entry, docs);
        }, maxParallelism);

        var ordered = results.OrderBy(r => r.Item1.Id, StringComparer.Ordinal).ToList();
        DocumentationRenderer.CheckUniqueIds(ordered.Select(r => r.Item1.Id));
        var files = new List<(string, string)>();
        var unchanged = new List<string>();
        foreach (var (entry, docs) in ordered)
        {
            if (docs is null) unchanged.AddRange(entry.Files.Select(f => f.Path));
            else files.AddRange(docs.Files.Select(f => (f.RelativePath, f.Content)));
        }
        var index = DocumentationRenderer.RenderIndex(ordered.Select(r => r.Item1.IndexRow), options);
        files.Add((index.RelativePath, index.Content));
        int rendered = results.Count(r => r.Item2 is not null);
        return new Outcome(files, unchanged, ordered.Select(r => r.Item1).ToList(), rendered, results.Length - rendered);
    }

    private static bool OnDisk(CachedModel model, string outputDirectory) =>
        model.Files.All(f => RenderCache.IsOnDisk(f, outputDirectory));
}
