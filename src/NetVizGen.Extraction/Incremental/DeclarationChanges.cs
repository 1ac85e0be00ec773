using System.Runtime.CompilerServices;

namespace NetVizGen.Extraction.Incremental;

/// <summary>
/// What changed in the declarations between two compilations: either something every file's binding can
/// depend on (<see cref="Global"/>), or a set of declared names. Only trees whose declarations differ are
/// compared (their <see cref="TreeDeclarations"/> are shared by content), so the cost follows the edit, not
/// the project. Computed once per pair of compilations: every cached model of a build asks the same question.
/// </summary>
internal sealed class DeclarationChanges
{
    private static readonly ConditionalWeakTable<CompilationDeclarations, ConditionalWeakTable<CompilationDeclarations, DeclarationChanges>> s_pairs = new();

    private DeclarationChanges(bool global, HashSet<string> names)
    {
        Global = global;
        Names = names;
    }

    /// <summary>A change that any model can see, whatever names it mentions (see <see cref="TreeDeclarations"/>).</summary>
    public bool Global { get; }

    /// <summary>Names whose declarations were added, removed or changed (also <c>.m:T</c> for a member of <c>T</c>).</summary>
    public HashSet<string> Names { get; }

    /// <summary>True when a model that mentions <paramref name="mentioned"/> can bind differently after these changes.</summary>
    public bool Reach(IReadOnlyCollection<string> mentioned)
    {
        if (Global) return true;
        foreach (var name in Names)
            if (Contains(mentioned, name)) return true;
        return false;

        static bool Contains(IReadOnlyCollection<string> set, string name) => set is HashSet<string> h ? h.Contains(name) : set.Contains(name);
    }

    /// <summary>The changes from <paramref name="before"/> to <paramref name="after"/>.</summary>
    public static DeclarationChanges Between(CompilationDeclarations before, CompilationDeclarations after)
    {
        var table = s_pairs.GetValue(after, static _ => new ConditionalWeakTable<CompilationDeclarations, DeclarationChanges>());
        if (table.TryGetValue(before, out var known)) return known;
        var computed = Compute(before, after);
        return table.GetValue(before, _ => computed);
    }

    private static DeclarationChanges Compute(CompilationDeclarations before, CompilationDeclarations after)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var old = ByPath(before);
        var now = ByPath(after);
        if (old is null || now is null) return new DeclarationChanges(global: true, names); // two trees with one path: compare nothing finer

        // Type headers of the changed trees, summed per full name on each side (a partial type may have parts
        // in several of them; a type may move between files).
        // Declarations of each name in the changed trees, summed per name on each side: the set of declarations of
        // a name is what lookups see, not which file holds them (a file moved or renamed changes no name).
        var oldNames = new Dictionary<string, ulong>(StringComparer.Ordinal);
        var newNames = new Dictionary<string, ulong>(StringComparer.Ordinal);
        var oldNamespaces = new HashSet<string>(StringComparer.Ordinal);
        var newNamespaces = new HashSet<string>(StringComparer.Ordinal);
        var oldTypes = new Dictionary<string, ulong>(StringComparer.Ordinal);
        var newTypes = new Dictionary<string, ulong>(StringComparer.Ordinal);
        bool global = false;
        foreach (var path in old.Keys.Union(now.Keys, StringComparer.Ordinal))
        {
            old.TryGetValue(path, out var a);
            now.TryGetValue(path, out var b);
            if (ReferenceEquals(a, b) || a is not null && b is not null && a.Skeleton == b.Skeleton) continue;
            if ((a?.Global ?? DeclarationSkeleton.OffsetBasis) != (b?.Global ?? DeclarationSkeleton.OffsetBasis)) global = true;
            if (a is not null) Sum(a.Names, a.NameHashes, oldNames);
            if (b is not null) Sum(b.Names, b.NameHashes, newNames);
            if (a is not null) { Sum(a.Types, a.TypeHashes, oldTypes); oldNamespaces.UnionWith(a.Namespaces); }
            if (b is not null) { Sum(b.Types, b.TypeHashes, newTypes); newNamespaces.UnionWith(b.Namespaces); }
        }

        // The header of a type there before and after changed (a base list, a constraint, an attribute): code
        // that never names the type can still convert its values differently, so every model may see it.
        foreach (var pair in oldNames)
            if (!newNames.TryGetValue(pair.Key, out var h) || h != pair.Value) names.Add(pair.Key);
        foreach (var pair in newNames)
            if (!oldNames.ContainsKey(pair.Key)) names.Add(pair.Key);

        // A part of a partial type added or removed while other parts stay in unchanged files counts the same.
        foreach (var pair in oldTypes)
        {
            if (newTypes.TryGetValue(pair.Key, out var h) ? h != pair.Value : DeclaredIn(after, pair.Key)) global = true;
        }
        foreach (var pair in newTypes)
        {
            if (!oldTypes.ContainsKey(pair.Key) && DeclaredIn(before, pair.Key)) global = true;
        }

        // A namespace that begins or ceases to exist changes the lookup of its last part.
        foreach (var ns in newNamespaces)
            if (!oldNamespaces.Contains(ns) && !NamespaceIn(before, ns)) names.Add(LastPart(ns));
        foreach (var ns in oldNamespaces)
            if (!newNamespaces.Contains(ns) && !NamespaceIn(after, ns)) names.Add(LastPart(ns));
        return new DeclarationChanges(global, names);
    }

    private static string LastPart(string ns) => ns.Substring(ns.LastIndexOf('.') + 1);

    private static bool NamespaceIn(CompilationDeclarations declarations, string fullName)
    {
        foreach (var tree in declarations.Trees)
            if (Array.BinarySearch(tree.Namespaces, fullName, StringComparer.Ordinal) >= 0) return true;
        return false;
    }

    private static bool DeclaredIn(CompilationDeclarations declarations, string fullName)
    {
        foreach (var tree in declarations.Trees)
            if (Array.BinarySearch(tree.Types, fullName, StringComparer.Ordinal) >= 0) return true;
        return false;
    }

    private static Dictionary<string, TreeDeclarations>? ByPath(CompilationDeclarations declarations)
    {
        var map = new Dictionary<string, TreeDeclarations>(declarations.Paths.Length, StringComparer.Ordinal);
        for (int i = 0; i < declarations.Paths.Length; i++)
        {
            if (map.ContainsKey(declarations.Paths[i])) return null;
            map.Add(declarations.Paths[i], declarations.Trees[i]);
        }
        return map;
    }

    /// <summary>Adds each key's hash to its sum (commutative: the order of the files does not matter).</summary>
    private static void Sum(string[] keys, ulong[] hashes, Dictionary<string, ulong> sums)
    {
        for (int i = 0; i < keys.Length; i++)
            sums[keys[i]] = unchecked((sums.TryGetValue(keys[i], out var s) ? s : 0UL) + hashes[i]);
    }
}
