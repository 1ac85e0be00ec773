using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace NetVizGen.Extraction.Incremental;

/// <summary>
/// What makes two syntax trees interchangeable for extraction: the same path, the same parse options
/// (language version, preprocessor symbols, documentation mode, features) and the same characters. Two
/// trees with equal keys parse to the same nodes at the same spans, so every location and every binding
/// result taken from one holds for the other. Computed once per tree object.
/// </summary>
/// <param name="Path">The tree's file path (locations in a model are path + span).</param>
/// <param name="Options">The parse options, compared by value.</param>
/// <param name="Text">The hash of the tree's text (<see cref="ContentHash"/>).</param>
internal sealed record TreeKey(string Path, ParseOptions Options, ContentHash Text)
{
    private static readonly ConditionalWeakTable<SyntaxTree, TreeKey> s_trees = new();

    /// <summary>The key of <paramref name="tree"/>.</summary>
    public static TreeKey Of(SyntaxTree tree, CancellationToken cancellation)
    {
        if (s_trees.TryGetValue(tree, out var key)) return key;
        var computed = new TreeKey(tree.FilePath, tree.Options, ContentHash.Of(tree.GetText(cancellation)));
        return s_trees.GetValue(tree, _ => computed);
    }
}
