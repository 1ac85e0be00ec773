using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using NetVizGen.Extraction;
using NetVizGen.Extraction.Diagnostics;
using NetVizGen.Extraction.Incremental;
using NetVizGen.Extraction.Packages;
using NetVizGen.Model.Specs;

namespace NetVizGen.Generator;

/// <summary>The model step of the generator: extraction, then analysis, culture-invariant.</summary>
internal static class ModelPipeline
{
    public static ModelSpec Run(DiagramTarget target, Compilation compilation, DecompiledSources sources, CancellationToken cancellation)
    {
        // Every formatting call below uses the invariant culture explicitly (analyzers may not switch
        // the thread culture, RS1035); the tests run the generator under de-DE and tr-TR to prove it.
        // Across compilations (the IDE makes one per keystroke) the result is re-used when no edit can
        // have changed this model; see ExtractionCache for the conditions. Analysis is a pure function
        // of the extracted model, so the analysed result is what is cached.
        // Extraction binds user code, which recurses per syntax level: it runs on a thread with a known,
        // large stack (LargeStack) so no nesting can overflow the compiler's own thread. Models from
        // packages: locations in decompiled code become package + type, after analysis so that its
        // findings move too (see PackageSpans).
        // Only a miss goes to that thread: a hit binds nothing, and a thread per model on every build cost
        // the compiler server more than the look-up itself.
        return ExtractionCache.GetOrExtract(target, compilation, sources, m => PackageSpans.Rewrite(ModelAnalysis.Run(m), sources), cancellation,
            extract => LargeStack.Run(extract, cancellation));
    }

    /// <summary>
    /// Models with distinct ids (the first wins; duplicates are reported by <see cref="AllNotes"/>). Every
    /// [Diagram] gets a manifest, and so a page, even a model the reader could not build at all (its page says
    /// why, from <see cref="ModelSpec.Incomplete"/>); only an attribute whose target is not a model (NVG0002,
    /// where the name may not even be a valid file name) has none, and its warning says why.
    /// </summary>
    public static IEnumerable<ModelSpec> Distinct(ImmutableArray<ModelSpec> models)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var m in models)
        {
            if (m.Notes.Any(n => n.Id == ExtractionNoteIds.InvalidTarget)) continue;
            if (seen.Add(m.Id)) yield return m;
        }
    }

    public static IEnumerable<NoteSpec> AllNotes(ImmutableArray<ModelSpec> models)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var m in models)
        {
            foreach (var n in m.Notes) yield return n;
            if (!seen.Add(m.Id))
                yield return new NoteSpec(ExtractionNoteIds.DuplicateName, NoteSeverity.Warning,
                    $"Another [Diagram] already writes '{m.Id}'; give this one a different Name", m.Source);
        }
    }
}
