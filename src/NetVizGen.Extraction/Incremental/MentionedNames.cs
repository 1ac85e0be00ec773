using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NetVizGen.Extraction.Incremental;

/// <summary>
/// Every name whose declarations can change what an extraction produced: the names its read trees look up,
/// the names the language looks up without writing them, and the members of the types it can enumerate
/// without naming each member. A declaration change elsewhere reaches the model only through one of these
/// (see <see cref="TreeDeclarations"/>).
/// </summary>
/// <remarks>
/// Members are keyed per type by full name (<see cref="TreeDeclarations.MembersOf"/>): the types declared in the
/// read trees (a partial part elsewhere adds fields a module registers), their source base types however far up
/// (inherited fields are registered too, while the derived file names only the first base), and every source
/// type named like an identifier the trees look up. The name a declaration declares is not a lookup, so a
/// factory class <c>Diagrams</c> in one namespace does not make the models of another <c>Diagrams</c> depend on it.
/// </remarks>
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
        var types = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tree in trees)
        {
            foreach (var name in LookedUpIn(tree, cancellation)) names.Add(name);
            types.UnionWith(DeclarationSkeleton.DeclarationsOf(tree, cancellation).Types);
            if (compilation.ContainsSyntaxTree(tree)) AddBaseTypes(tree, compilation, names, types, cancellation);
        }
        var declared = DeclarationSkeleton.DeclarationsOf(compilation, cancellation).TypesBySimpleName;
        foreach (var name in names)
            types.UnionWith(declared[name]);
        foreach (var type in types) names.Add(TreeDeclarations.MembersOf(type));
        return names;
    }

    /// <summary>The identifiers one tree looks up (not those it declares), and the pseudo-names of the constructs that name nothing.</summary>
    private static string[] LookedUpIn(SyntaxTree tree, CancellationToken cancellation)
    {
        if (s_trees.TryGetValue(tree, out var known)) return known;
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var token in tree.GetRoot(cancellation).DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.IdentifierToken) && !Declares(token.Parent)) set.Add(token.ValueText);
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

    /// <summary>True when an identifier directly under <paramref name="parent"/> is the name being declared there.</summary>
    private static bool Declares(SyntaxNode? parent) => parent is BaseTypeDeclarationSyntax or DelegateDeclarationSyntax
        or MethodDeclarationSyntax or ConstructorDeclarationSyntax or DestructorDeclarationSyntax or PropertyDeclarationSyntax
        or EventDeclarationSyntax or VariableDeclaratorSyntax or ParameterSyntax or TypeParameterSyntax or EnumMemberDeclarationSyntax
        or LocalFunctionStatementSyntax or SingleVariableDesignationSyntax or ForEachStatementSyntax or CatchDeclarationSyntax;

    /// <summary>
    /// Source base types and interfaces of each type declared in the tree, however far up, by simple name and
    /// by member key: their members are inherited (a module registers its base's fields).
    /// </summary>
    private static void AddBaseTypes(SyntaxTree tree, Compilation compilation, HashSet<string> names, HashSet<string> types, CancellationToken cancellation)
    {
        SemanticModel? model = null;
        foreach (var node in tree.GetRoot(cancellation).DescendantNodes(static n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax))
        {
            if (node is not TypeDeclarationSyntax declaration) continue;
            model ??= compilation.GetSemanticModel(tree);
            if (model.GetDeclaredSymbol(declaration, cancellation) is not INamedTypeSymbol type) continue;
            for (var b = type.BaseType; b is not null; b = b.BaseType) Add(b);
            foreach (var i in type.AllInterfaces) Add(i);
        }

        void Add(INamedTypeSymbol type)
        {
            foreach (var reference in type.OriginalDefinition.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellation) is not MemberDeclarationSyntax syntax) continue;
                names.Add(type.Name);
                types.Add(TreeDeclarations.FullName(syntax));
            }
        }
    }
}
