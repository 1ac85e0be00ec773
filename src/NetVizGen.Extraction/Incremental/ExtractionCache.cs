using Microsoft.CodeAnalysis;
using NetVizGen.Model.Specs;

namespace NetVizGen.Extraction.Incremental;

/// <summary>
/// Re-uses a model across compilations when an edit cannot have changed it (the IDE makes a new
/// compilation per keystroke; most keystrokes are in method bodies the model never evaluated).
/// Correctness first: a hit returns exactly what a fresh extraction (plus the given analysis) would.
/// </summary>
/// <remarks>
/// An extraction's result depends only on: the target (the key, a value record), the text of the trees
/// whose syntax or operations it read, the declarations of every tree (binding of a read body depends
/// on the signatures, constants, attributes and usings of all files, never on another member's body),
/// the compilation options and the metadata references. A hit therefore requires, each check guarding one
/// of these:
/// 1. the same assembly name (part of the key): two projects with the same model must not mix;
/// 2. every tree read is, by reference, still in the new compilation: identical text, path and parse
///    options, so every body and location the model came from is unchanged;
/// 3. the combined <see cref="DeclarationSkeleton"/> hash over all trees is equal: no declaration
///    anywhere changed (a const used by the model, a new overload or extension, a new type that
///    shadows a name, a using), and no tree was added or removed;
/// 4. equal <see cref="CompilationOptions"/> (nullable context, checked arithmetic, usings of scripts...);
/// 5. the same metadata references, by identity and in order (a new TorchSharp changes the catalog of
///    what binds; identity is cheap and never wrong, at worst a miss).
/// Anything else is a miss: extract normally and replace the entry.
/// State: one entry per (assembly name, target), under a lock, holding the result, weak references to
/// the trees read and to the references (never a compilation or tree strongly); entries whose trees were
/// collected are dropped on every store, and the table is cleared if it ever exceeds
/// <see cref="MaxEntries"/>. An extraction that read no tree (invalid target, type not found) is cheap
/// and is not cached.
/// </remarks>
public static class ExtractionCache
{
    private const int MaxEntries = 1024;

    private sealed class Entry
    {
        public Entry(ModelSpec result, WeakReference<SyntaxTree>[] trees, ulong skeleton, CompilationOptions options, WeakReference<MetadataReference>[] references)
        {
            Result = result;
            Trees = trees;
            Skeleton = skeleton;
            Options = options;
            References = references;
        }

        public ModelSpec Result { get; }
        public WeakReference<SyntaxTree>[] Trees { get; }
        public ulong Skeleton { get; }
        public CompilationOptions Options { get; }
        public WeakReference<MetadataReference>[] References { get; }
        public int Hits;
        public int Misses;

        public bool IsAlive()
        {
            foreach (var t in Trees)
                if (!t.TryGetTarget(out _)) return false;
            return true;
        }
    }

    private static readonly object s_lock = new();
    private static readonly Dictionary<(string Assembly, string Variant, DiagramTarget Target), Entry> s_entries = new();

    /// <summary>
    /// The model of <paramref name="target"/> in <paramref name="compilation"/>, passed through
    /// <paramref name="analyse"/> (which must be a pure function of the extracted model): from the cache
    /// when no edit since the cached extraction can have changed it, else extracted now.
    /// </summary>
    public static ModelSpec GetOrExtract(DiagramTarget target, Compilation compilation, Func<ModelSpec, ModelSpec> analyse, CancellationToken cancellation)
        => GetOrExtract(target, compilation, Packages.DecompiledSources.Empty, analyse, cancellation);

    /// <summary>
    /// <see cref="GetOrExtract(DiagramTarget, Compilation, Func{ModelSpec, ModelSpec}, CancellationToken)"/> with the
    /// decompiled code of referenced assemblies (models from packages). Trees read there count like the
    /// compilation's own: a hit needs them in the current side compilations.
    /// </summary>
    public static ModelSpec GetOrExtract(DiagramTarget target, Compilation compilation, Packages.DecompiledSources sources, Func<ModelSpec, ModelSpec> analyse, CancellationToken cancellation)
    {
        var packages = sources.Files.IsEmpty ? null : Packages.SideCompilations.For(compilation, sources);
        // A multi-targeting project has one compilation per target framework in the IDE, alive at the
        // same time; their preprocessor symbols (NET8_0, NET10_0, ...) tell them apart, so each keeps
        // its own entry instead of evicting the other's on every keystroke.
        var variant = compilation.SyntaxTrees.FirstOrDefault()?.Options.PreprocessorSymbolNames is { } symbols
            ? string.Join(";", symbols.OrderBy(x => x, StringComparer.Ordinal))
            : "";
        var key = (compilation.AssemblyName ?? "", variant, target);
        Entry? previous;
        lock (s_lock) s_entries.TryGetValue(key, out previous);

        if (previous is not null && IsValidFor(previous, compilation, packages, cancellation))
        {
            Interlocked.Increment(ref previous.Hits);
            return previous.Result;
        }

        var treesRead = new HashSet<SyntaxTree>();
        var result = analyse(ModelExtractor.Extract(target, compilation, cancellation, treesRead, packages));
        if (treesRead.Count == 0) return result;

        var entry = new Entry(
            result,
            treesRead.Select(t => new WeakReference<SyntaxTree>(t)).ToArray(),
            DeclarationSkeleton.Of(compilation, cancellation),
            compilation.Options,
            compilation.References.Select(r => new WeakReference<MetadataReference>(r)).ToArray());
        entry.Hits = previous?.Hits ?? 0;
        entry.Misses = (previous?.Misses ?? 0) + 1;
        lock (s_lock)
        {
            Sweep();
            if (s_entries.Count >= MaxEntries) s_entries.Clear();
            s_entries[key] = entry;
        }
        return result;
    }

    private static bool IsValidFor(Entry entry, Compilation compilation, Packages.SideCompilations? packages, CancellationToken cancellation)
    {
        // 4. Options: value equality.
        if (!entry.Options.Equals(compilation.Options)) return false;

        // 5. References: the same objects, in the same order.
        int i = 0;
        foreach (var reference in compilation.References)
        {
            if (i >= entry.References.Length) return false;
            if (!entry.References[i].TryGetTarget(out var old) || !ReferenceEquals(old, reference)) return false;
            i++;
        }
        if (i != entry.References.Length) return false;

        // 2. Every tree the extraction read, unchanged (same object) and still part of the compilation.
        foreach (var weak in entry.Trees)
        {
            if (!weak.TryGetTarget(out var tree)) return false;
            if (!compilation.ContainsSyntaxTree(tree) && packages?.CompilationOf(tree) is null) return false;
        }

        // 3. No declaration changed in any tree (cached per compilation, so paid once for all models).
        return DeclarationSkeleton.Of(compilation, cancellation) == entry.Skeleton;
    }

    private static void Sweep()
    {
        List<(string, string, DiagramTarget)>? dead = null;
        foreach (var pair in s_entries)
        {
            if (!pair.Value.IsAlive()) (dead ??= new()).Add(pair.Key);
        }
        if (dead is null) return;
        foreach (var k in dead) s_entries.Remove(k);
    }

    /// <summary>Test hook: hits and misses so far of the entries of one assembly (and optionally one target type).</summary>
    internal static (int Hits, int Misses) Stats(string assemblyName, string? typeMetadataName = null)
    {
        int hits = 0, misses = 0;
        lock (s_lock)
        {
            foreach (var pair in s_entries)
            {
                if (pair.Key.Assembly != assemblyName) continue;
                if (typeMetadataName is not null && pair.Key.Target.TypeMetadataName != typeMetadataName) continue;
                hits += Volatile.Read(ref pair.Value.Hits);
                misses += Volatile.Read(ref pair.Value.Misses);
            }
        }
        return (hits, misses);
    }
}
