using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NetVizGen.Extraction.Incremental;

/// <summary>
/// Every name whose declarations can change what an extraction produced: the names its read trees mention,
/// the names the language looks up without writing them, and the source base types of the types declared
/// there. A declaration change elsewhere reaches the model only through one of these
/// (see <see cref="TreeDeclarations"/>).
/// </summary>
internal static class MentionedNames
{
    /// <summary>
    /// Members found by pattern, not by a name in the code: <c>foreach</c>, deconstruction, collection
    /// initialisers and expressions, <c>await</c>, <c>using</c>, ranges and list patterns, delegate calls,
    /// interpolated string handlers, query expressions, equality. A model counts them as mentioned whether it
    /// uses the pattern or not.
    /// </summary>
    private static readonly string[] Implicit =
    [
        "GetEnumerator", "MoveNext", "Current", "Dispose", "DisposeAsync", "GetAsyncEnumerator", "Deconstruct", "Add", "Create",
        "GetAwaiter", "GetResult", "IsCompleted", "OnCompleted", "Length", "Count", "Slice", "Invoke", "ToString",
        "Equals", "GetHashCode", "GetPinnableReference", "Item", "AppendLiteral", "AppendFormatted",
        "Select", "Where", "SelectMany", "Join", "GroupJoin", "GroupBy", "OrderBy", "OrderByDescending", "ThenBy", "ThenByDescending", "Cast",
        TreeDeclarations.IndexerName,
    ];

    private static readonly ConditionalWeakTable<SyntaxTree, string[]> s_trees = new();

    /// <summary>The names an extraction that read <paramref name="trees"/> of <paramref name="compilation"/> depends on.</summary>
    public static HashSet<string> Of(IEnumerable<SyntaxTree> trees, Compilation compilation, CancellationToken cancellation)
    {
        var names = new HashSet<string>(Implicit, StringComparer.Ordinal);
        foreach (var tree in trees)
        {
            foreach (var name in InTree(tree, cancellation)) names.Add(name);
            if (compilation.ContainsSyntaxTree(tree)) AddBaseTypes(tree, compilation, names, cancellation);
        }
        // Members are also hashed under their type (".m:T"): a model mentioning T sees members added to it.
        foreach (var name in names.ToArray())
            if (name.Length > 0 && name[0] != '.') names.Add(TreeDeclarations.MembersOf(name));
        return names;
    }

    /// <summary>The identifiers of one tree, and the pseudo-names of the constructs that name nothing.</summary>
    private static string[] InTree(SyntaxTree tree, CancellationToken cancellation)
    {
        if (s_trees.TryGetValue(tree, out var known)) return known;
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var token in tree.GetRoot(cancellation).DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.IdentifierToken)) set.Add(token.ValueText);
        }
        foreach (var node in tree.GetRoot(cancellation).DescendantNodes())
        {
            switch (node)
            {
                // Target-typed new binds a constructor of a type it does not name.
                case ImplicitObjectCreationExpressionSyntax:
                    set.Add(TreeDeclarations.ConstructorName);
                    break;
                // [Foo] looks up FooAttribute as well as Foo.
                case AttributeSyntax attribute when attribute.Name.DescendantTokens().LastOrDefault() is { RawKind: (int)SyntaxKind.IdentifierToken } last:
                    set.Add(last.ValueText + "Attribute");
                    break;
            }
        }
        var array = set.ToArray();
        return s_trees.GetValue(tree, _ => array);
    }

    /// <summary>
    /// Source base types and interfaces of each type declared in the tree, however far up: their members are
    /// inherited (a module registers its base's fields) while the derived file names only the first base.
    /// </summary>
    private static void AddBaseTypes(SyntaxTree tree, Compilation compilation, HashSet<string> names, CancellationToken cancellation)
    {
        SemanticModel? model = null;
        foreach (var node in tree.GetRoot(cancellation).DescendantNodes(static n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax))
        {
            if (node is not TypeDeclarationSyntax declaration) continue;
            model ??= compilation.GetSemanticModel(tree);
            if (model.GetDeclaredSymbol(declaration, cancellation) is not INamedTypeSymbol type) continue;
            for (var b = type.BaseType; b is not null; b = b.BaseType)
            {
                if (b.DeclaringSyntaxReferences.Length > 0) names.Add(b.Name);
            }
            foreach (var i in type.AllInterfaces)
            {
                if (i.DeclaringSyntaxReferences.Length > 0) names.Add(i.Name);
            }
        }
    }
}
