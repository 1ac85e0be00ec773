using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using NetVizGen.Model.Specs;

namespace NetVizGen.Extraction.Incremental;

/// <summary>
/// Re-uses a model across compilations when an edit cannot have changed it: across the IDE's compilations
/// (one per keystroke; most keystrokes are in method bodies the model never evaluated) and across builds in
/// the long-lived compiler server (each build parses every file again into new tree objects and creates new
/// reference objects, so everything is compared by <em>content</em>, never by object).
/// Correctness first: a hit returns exactly what a fresh extraction (plus the given analysis) would.
/// </summary>
/// <remarks>
/// An extraction's result depends only on: the target (the key, a value record), the text of the trees
/// whose syntax or operations it read, the declarations of every tree (binding of a read body depends
/// on the signatures, constants, attributes and usings of all files, never on another member's body),
/// the compilation options, the metadata references and the decompiled code of referenced packages. A hit
/// therefore requires, each check guarding one of these:
/// 1. the same assembly name and preprocessor symbols (part of the key): two projects, or two target
///    frameworks of one project, with the same model must not mix;
/// 2. every tree read has a tree with an equal <see cref="TreeKey"/> (path, parse options, SHA-256 of the
///    text) in the new compilation or its decompiled code: identical text at the same path parses to the
///    same nodes at the same spans, so every body read and every location in the model (path + span,
///    line and column) is unchanged;
/// 3. no declaration the model can see changed: either the combined <see cref="DeclarationSkeleton"/> hash
///    over all trees (each cached by tree content) is equal, or every name whose declarations changed since
///    (<see cref="DeclarationChanges"/>: a const, an overload, an extension, a new type that shadows a name) is
///    one the model's read trees never mention (<see cref="MentionedNames"/>), and nothing changed that binds
///    without a name (global usings, operators, the header of an existing type: see <see cref="TreeDeclarations"/>).
///    A method added to a class no model mentions is therefore a hit; one added to a block's class is a miss
///    for every model that names the block;
/// 4. equal <see cref="CompilationOptions"/> by value (nullable context, checked arithmetic, usings...),
///    through <see cref="OptionsKey"/>: the compiler's per-build resolver objects cannot be compared (their
///    <c>Equals</c> throws), so they are left out and what they decide for binding is compared instead;
/// 5. the same metadata references in the same order, by <see cref="ReferenceKey"/> (path, properties and
///    module MVIDs of each file; identity for anything else): a new TorchSharp changes the catalog of what
///    binds, and a new MVID is a new assembly;
/// 6. the same decompiled code (assembly, package and <see cref="TreeKey"/> of every decompiled file, in
///    order): models from packages bind there.
/// Anything else is a miss: extract normally and replace the entry.
/// State: one entry per (assembly name, preprocessor symbols, target), under a lock, holding the result
/// and the keys above (never a compilation or a tree); entries whose identity-only references were
/// collected are dropped on every store, and the table is cleared if it ever exceeds
/// <see cref="MaxEntries"/>. An extraction that read no tree (invalid target, type not found) is cheap
/// and is not cached.
/// </remarks>
public static class ExtractionCache
{
    private const int MaxEntries = 1024;

    private sealed class Entry
    {
        public Entry(ModelSpec result, TreeKey[] trees, CompilationDeclarations declarations, HashSet<string> mentioned, OptionsKey options, object[] references, DecompiledKey[] decompiled)
        {
            Result = result;
            Trees = trees;
            Declarations = declarations;
            Mentioned = mentioned;
            Options = options;
            References = references;
            Decompiled = decompiled;
        }

        public ModelSpec Result { get; }
        public TreeKey[] Trees { get; }
        /// <summary>The declarations of the compilation this entry was last known valid for.</summary>
        public CompilationDeclarations Declarations { get; }
        /// <summary>The names whose declarations can change the result (<see cref="MentionedNames"/>).</summary>
        public HashSet<string> Mentioned { get; }
        public OptionsKey Options { get; }
        public object[] References { get; }
        public DecompiledKey[] Decompiled { get; }
        public int Hits;
        public int Misses;

        /// <summary>False once a reference kept by identity was collected: the entry can never hit again.</summary>
        public bool IsAlive()
        {
            foreach (var r in References)
                if (r is WeakReference<MetadataReference> weak && !weak.TryGetTarget(out _)) return false;
            return true;
        }
    }

    /// <summary>What the cache did for the models of one compilation (what one build or one IDE run paid).</summary>
    /// <param name="Hits">Models re-used from an earlier compilation.</param>
    /// <param name="Misses">Models extracted in this compilation.</param>
    /// <param name="TreesWalked">Trees whose declarations had to be read (their content was new to the cache).</param>
    public readonly record struct Counts(int Hits, int Misses, int TreesWalked);

    private sealed class RunCounts
    {
        public int Hits;
        public int Misses;
    }

    private static readonly object s_lock = new();
    private static readonly Dictionary<(string Assembly, string Variant, DiagramTarget Target), Entry> s_entries = new();
    private static readonly ConditionalWeakTable<Compilation, HashSet<TreeKey>> s_treeKeys = new();
    private static readonly ConditionalWeakTable<Compilation, RunCounts> s_runs = new();

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
    /// compilation's own, and the whole decompiled code must be unchanged for a hit. <paramref name="runExtraction"/>,
    /// when given, runs a miss's extraction (the generator runs it on a thread with a large stack); a hit binds
    /// no user code, so it is answered on the caller's thread without it.
    /// </summary>
    public static ModelSpec GetOrExtract(DiagramTarget target, Compilation compilation, Packages.DecompiledSources sources, Func<ModelSpec, ModelSpec> analyse, CancellationToken cancellation,
        Func<Func<ModelSpec>, ModelSpec>? runExtraction = null)
    {
        var key = KeyOf(target, compilation);
        var run = s_runs.GetValue(compilation, static _ => new RunCounts());
        Entry? previous;
        lock (s_lock) s_entries.TryGetValue(key, out previous);

        if (previous is not null && IsValidFor(previous, compilation, sources, cancellation, out var declarations))
        {
            if (declarations is not null) previous = Refresh(key, previous, declarations);
            Interlocked.Increment(ref previous.Hits);
            Interlocked.Increment(ref run.Hits);
            return previous.Result;
        }
        return runExtraction is null ? Extract() : runExtraction(Extract);

        ModelSpec Extract()
        {
            var packages = sources.Files.IsEmpty ? null : Packages.SideCompilations.For(compilation, sources);
            var treesRead = new HashSet<SyntaxTree>();
            var result = analyse(ModelExtractor.Extract(target, compilation, cancellation, treesRead, packages));
            Interlocked.Increment(ref run.Misses);
            if (treesRead.Count == 0) return result;

            var entry = new Entry(
                result,
                treesRead.Select(t => TreeKey.Of(t, cancellation)).Distinct().ToArray(),
                DeclarationSkeleton.DeclarationsOf(compilation, cancellation),
                MentionedNames.Of(treesRead, compilation, cancellation),
                OptionsKey.Of(compilation, cancellation),
                ReferenceKey.AllOf(compilation),
                DecompiledKey.AllOf(sources, cancellation));
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
    }

    private static (string Assembly, string Variant, DiagramTarget Target) KeyOf(DiagramTarget target, Compilation compilation)
    {
        // A multi-targeting project has one compilation per target framework in the IDE, alive at the
        // same time; their preprocessor symbols (NET8_0, NET10_0, ...) tell them apart, so each keeps
        // its own entry instead of evicting the other's on every keystroke.
        var variant = compilation.SyntaxTrees.FirstOrDefault()?.Options.PreprocessorSymbolNames is { } symbols
            ? string.Join(";", symbols.OrderBy(x => x, StringComparer.Ordinal))
            : "";
        return (compilation.AssemblyName ?? "", variant, target);
    }

    /// <summary>Hits and misses so far of the models of <paramref name="compilation"/> (zero when none ran).</summary>
    public static Counts CountsFor(Compilation compilation)
    {
        var run = s_runs.GetValue(compilation, static _ => new RunCounts());
        return new Counts(Volatile.Read(ref run.Hits), Volatile.Read(ref run.Misses), DeclarationSkeleton.WalkedIn(compilation));
    }

    private static bool IsValidFor(Entry entry, Compilation compilation, Packages.DecompiledSources sources, CancellationToken cancellation,
        out CompilationDeclarations? newer)
    {
        newer = null;
        // 4. Options: by value (see OptionsKey for the per-build service objects left out).
        if (!entry.Options.Same(OptionsKey.Of(compilation, cancellation))) return false;

        // 5. References: the same metadata, in the same order.
        if (!ReferenceKey.Same(entry.References, ReferenceKey.AllOf(compilation))) return false;

        // 6. Decompiled code: the same files with the same text.
        var decompiled = DecompiledKey.AllOf(sources, cancellation);
        if (!entry.Decompiled.SequenceEqual(decompiled)) return false;

        // 2. Every tree the extraction read: one with the same path, options and text is here.
        var keys = TreeKeysOf(compilation, cancellation);
        foreach (var tree in entry.Trees)
        {
            if (!keys.Contains(tree) && !DecompiledKey.Contains(decompiled, tree)) return false;
        }

        // 3. No declaration the model can see changed. First the whole skeleton (cached per compilation, so paid
        //    once for all models, and per tree content, so a new build walks only the trees whose text changed);
        //    when it differs, the names that changed (once per pair of compilations) against those the model mentions.
        var current = DeclarationSkeleton.DeclarationsOf(compilation, cancellation);
        if (current.Skeleton == entry.Declarations.Skeleton) return true;
        if (DeclarationChanges.Between(entry.Declarations, current).Reach(entry.Mentioned)) return false;
        newer = current;
        return true;
    }

    /// <summary>
    /// The entry, now known valid for <paramref name="declarations"/> too: later compilations are compared with
    /// these, so the changes looked at stay those since the last build, not since the last extraction.
    /// </summary>
    private static Entry Refresh((string, string, DiagramTarget) key, Entry entry, CompilationDeclarations declarations)
    {
        var refreshed = new Entry(entry.Result, entry.Trees, declarations, entry.Mentioned, entry.Options, entry.References, entry.Decompiled)
        {
            Hits = Volatile.Read(ref entry.Hits),
            Misses = Volatile.Read(ref entry.Misses),
        };
        lock (s_lock)
        {
            if (s_entries.TryGetValue(key, out var stored) && ReferenceEquals(stored, entry)) s_entries[key] = refreshed;
        }
        return refreshed;
    }

    private static HashSet<TreeKey> TreeKeysOf(Compilation compilation, CancellationToken cancellation)
    {
        if (s_treeKeys.TryGetValue(compilation, out var keys)) return keys;
        var computed = new HashSet<TreeKey>(compilation.SyntaxTrees.Select(t => TreeKey.Of(t, cancellation)));
        return s_treeKeys.GetValue(compilation, _ => computed);
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
