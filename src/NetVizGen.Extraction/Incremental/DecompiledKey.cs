using System.Runtime.CompilerServices;
using NetVizGen.Extraction.Packages;

namespace NetVizGen.Extraction.Incremental;

/// <summary>
/// The content of one decompiled file as the extraction cache compares it: its assembly, its package (both
/// reach the docs) and its <see cref="TreeKey"/>. Computed once per <see cref="DecompiledSources"/> object.
/// </summary>
internal sealed record DecompiledKey(string Assembly, string Package, TreeKey Tree)
{
    private static readonly ConditionalWeakTable<DecompiledSources, DecompiledKey[]> s_sources = new();

    /// <summary>The keys of every file of <paramref name="sources"/>, in order.</summary>
    public static DecompiledKey[] AllOf(DecompiledSources sources, CancellationToken cancellation)
    {
        if (s_sources.TryGetValue(sources, out var keys)) return keys;
        var computed = sources.Files.Select(f => new DecompiledKey(f.AssemblyName, f.Package, TreeKey.Of(f.Tree, cancellation))).ToArray();
        return s_sources.GetValue(sources, _ => computed);
    }

    /// <summary>True when one of <paramref name="keys"/> holds a tree equal to <paramref name="tree"/>.</summary>
    public static bool Contains(DecompiledKey[] keys, TreeKey tree)
    {
        foreach (var k in keys)
            if (k.Tree.Equals(tree)) return true;
        return false;
    }
}
