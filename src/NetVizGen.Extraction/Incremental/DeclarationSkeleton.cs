using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NetVizGen.Extraction.Incremental;

/// <summary>
/// A stable 64-bit hash (FNV-1a over each token's kind and text) of everything in a syntax tree that
/// can change how <em>another</em> file binds: every token except the bodies of methods,
/// constructors, destructors, operators, conversion operators, accessors (and expression-bodied
/// properties and indexers), local functions and lambdas. Field, property and enum initialisers,
/// default parameter values, attributes, usings (global ones too), base lists, constructor
/// initialisers and member signatures stay in: a <c>const</c> in another file can change a model.
/// </summary>
/// <remarks>
/// Why bodies may be left out: C# never infers a declaration from a member body (no inferred return
/// or field types), so the body of a method can only matter to a model whose extraction evaluated
/// it, and such a tree is in the extraction's read set (compared by identity, which covers its
/// bodies). Conservative choices, each a possible miss, never a stale hit:
/// - a skipped body leaves a marker, so <c>M();</c> and <c>M() =&gt; x;</c> (extern/partial/abstract vs
///   implemented) and auto vs computed accessors hash differently;
/// - top-level statements are kept whole (the synthesized <c>Main</c>'s return type is inferred from
///   them, lambdas included);
/// - an accessor body that mentions <c>field</c> adds a marker (a backing field changes the property);
/// - every preprocessor directive of the tree, bodies included, is hashed (<c>#nullable</c> inside a
///   body changes the annotations of the declarations after it).
/// Trivia (comments, whitespace) is ignored.
/// The walk itself is <see cref="TreeDeclarations"/>, which also keeps each declaration's hash by name, so
/// that a changed skeleton can be narrowed down to the names that changed (<see cref="DeclarationChanges"/>).
/// Cached per tree object, weakly (a tree is immutable), and per tree <em>content</em> (<see cref="TreeKey"/>:
/// path, parse options, text hash), so a new build, whose trees are new objects with the same text, walks
/// only the files whose text changed: an edit re-walks one tree. The content table is bounded
/// (<see cref="MaxContentEntries"/>; cleared when full, which only costs walks).
/// </remarks>
internal static class DeclarationSkeleton
{
    internal const ulong OffsetBasis = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;
    private const int BodyMarker = -1;
    private const int FieldKeywordMarker = -2;
    private const int DirectivesMarker = -3;

    private static readonly ConditionalWeakTable<SyntaxTree, TreeDeclarations> s_trees = new();
    private static readonly ConditionalWeakTable<Compilation, CompilationDeclarations> s_compilations = new();
    private static readonly Dictionary<TreeKey, TreeDeclarations> s_byContent = new();

    /// <summary>Tree contents the table keeps at most (each its declarations by name: a few KB at most).</summary>
    internal const int MaxContentEntries = 20_000;

    /// <summary>The declarations of one tree, computed once per tree content.</summary>
    public static TreeDeclarations DeclarationsOf(SyntaxTree tree, CancellationToken cancellation) => DeclarationsOf(tree, cancellation, out _);

    private static TreeDeclarations DeclarationsOf(SyntaxTree tree, CancellationToken cancellation, out bool walked)
    {
        walked = false;
        if (s_trees.TryGetValue(tree, out var known)) return known;
        var key = TreeKey.Of(tree, cancellation);
        TreeDeclarations? value;
        lock (s_byContent) s_byContent.TryGetValue(key, out value);
        if (value is null)
        {
            value = TreeDeclarations.Compute(tree.GetRoot(cancellation), cancellation);
            walked = true;
            lock (s_byContent)
            {
                if (s_byContent.Count >= MaxContentEntries) s_byContent.Clear();
                s_byContent[key] = value;
            }
        }
        return s_trees.GetValue(tree, _ => value);
    }

    /// <summary>
    /// The declarations of every tree of the compilation, in order (computed once per compilation), and their
    /// combined skeleton: equal only when no declaration anywhere changed.
    /// </summary>
    public static CompilationDeclarations DeclarationsOf(Compilation compilation, CancellationToken cancellation)
    {
        if (s_compilations.TryGetValue(compilation, out var known)) return known;
        ulong h = OffsetBasis;
        int walks = 0;
        var paths = new List<string>();
        var trees = new List<TreeDeclarations>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            var declarations = DeclarationsOf(tree, cancellation, out var walked);
            h = Add(h, tree.FilePath);
            h = Add(h, declarations.Skeleton);
            if (walked) walks++;
            paths.Add(tree.FilePath);
            trees.Add(declarations);
        }
        h = Add(h, (ulong)trees.Count);
        var value = new CompilationDeclarations(h, paths.ToArray(), trees.ToArray(), walks);
        return s_compilations.GetValue(compilation, _ => value);
    }

    /// <summary>How many trees of <paramref name="compilation"/> had to be walked (their content was new); 0 if none was asked for.</summary>
    public static int WalkedIn(Compilation compilation) => s_compilations.TryGetValue(compilation, out var c) ? c.Walked : 0;

    /// <summary>The skeleton hash of the tree under <paramref name="root"/> (not cached).</summary>
    internal static ulong Compute(SyntaxNode root, CancellationToken cancellation) => TreeDeclarations.Compute(root, cancellation).Skeleton;

    /// <summary>Adds the tokens of <paramref name="root"/> to <paramref name="h"/>, bodies left out (see remarks).</summary>
    internal static ulong HashTokens(ulong h, SyntaxNode root, CancellationToken cancellation)
    {
        // Explicit stack: deeply nested expressions must not overflow the compiler's stack.
        var stack = new Stack<SyntaxNodeOrToken>();
        stack.Push(root);
        int visited = 0;
        while (stack.Count > 0)
        {
            if ((++visited & 0xFFF) == 0) cancellation.ThrowIfCancellationRequested();
            var item = stack.Pop();
            if (item.IsToken)
            {
                h = HashToken(h, item.AsToken());
                continue;
            }
            var node = item.AsNode()!;
            if (node is GlobalStatementSyntax)
            {
                // Kept whole, lambdas and local functions included (see remarks).
                foreach (var token in node.DescendantTokens()) h = HashToken(h, token);
                continue;
            }
            if (IsSkippedBody(node))
            {
                h = Add(h, unchecked((ulong)BodyMarker));
                if (node.Parent is AccessorDeclarationSyntax or ArrowExpressionClauseSyntax { Parent: PropertyDeclarationSyntax or IndexerDeclarationSyntax }
                    && MentionsField(node))
                    h = Add(h, unchecked((ulong)FieldKeywordMarker));
                continue;
            }
            var children = node.ChildNodesAndTokens();
            for (int i = children.Count - 1; i >= 0; i--) stack.Push(children[i]);
        }
        return h;
    }

    /// <summary>Adds one token's kind and text.</summary>
    internal static ulong HashToken(ulong h, SyntaxToken token) => Add(Add(h, (ulong)(uint)token.RawKind), token.Text);

    /// <summary>Adds every preprocessor directive of the tree, bodies included (<c>#nullable</c> inside a body changes the declarations after it).</summary>
    internal static ulong AddDirectives(ulong h, SyntaxNode root)
    {
        if (!root.ContainsDirectives) return h;
        h = Add(h, unchecked((ulong)DirectivesMarker));
        foreach (var trivia in root.DescendantTrivia(static n => n.ContainsDirectives, descendIntoTrivia: false))
        {
            if (!trivia.IsDirective) continue;
            h = Add(h, (ulong)(uint)trivia.RawKind);
            h = Add(h, trivia.ToString().Trim());
        }
        return h;
    }

    /// <summary>A body whose text cannot change any declaration: method-like, accessor, local function or lambda body.</summary>
    private static bool IsSkippedBody(SyntaxNode node)
    {
        if (node is not (BlockSyntax or ArrowExpressionClauseSyntax or ExpressionSyntax)) return false;
        return node.Parent switch
        {
            BaseMethodDeclarationSyntax m => m.Body == node || m.ExpressionBody == node,
            AccessorDeclarationSyntax a => a.Body == node || a.ExpressionBody == node,
            LocalFunctionStatementSyntax lf => lf.Body == node || lf.ExpressionBody == node,
            PropertyDeclarationSyntax p => p.ExpressionBody == node,
            IndexerDeclarationSyntax ix => ix.ExpressionBody == node,
            AnonymousFunctionExpressionSyntax f => f.Body == node,
            _ => false,
        };
    }

    private static bool MentionsField(SyntaxNode body)
    {
        foreach (var token in body.DescendantTokens())
        {
            if (token.Text == "field") return true;
        }
        return false;
    }

    internal static ulong Add(ulong h, ulong value)
    {
        for (int i = 0; i < 8; i++)
        {
            h ^= (byte)(value >> (8 * i));
            h *= Prime;
        }
        return h;
    }

    internal static ulong Add(ulong h, string text)
    {
        h = Add(h, (ulong)text.Length);
        foreach (var c in text)
        {
            h ^= (byte)c;
            h *= Prime;
            h ^= (byte)(c >> 8);
            h *= Prime;
        }
        return h;
    }
}

/// <summary>The declarations of every tree of one compilation, in order, and their combined skeleton hash.</summary>
internal sealed class CompilationDeclarations
{
    public CompilationDeclarations(ulong skeleton, string[] paths, TreeDeclarations[] trees, int walked)
    {
        Skeleton = skeleton;
        Paths = paths;
        Trees = trees;
        Walked = walked;
    }

    /// <summary>Equal only when no declaration anywhere changed and no tree was added, removed or moved.</summary>
    public ulong Skeleton { get; }

    /// <summary>Each tree's path, in the compilation's order.</summary>
    public string[] Paths { get; }

    /// <summary>Each tree's declarations (shared between compilations with the same content).</summary>
    public TreeDeclarations[] Trees { get; }

    /// <summary>The keys (<see cref="TreeDeclarations.FullName"/>) of the types declared with each simple name.</summary>
    public ILookup<string, string> TypesBySimpleName => _bySimpleName ??= Trees
        .SelectMany(t => t.Types).Distinct(StringComparer.Ordinal)
        .ToLookup(TreeDeclarations.SimpleName, StringComparer.Ordinal);

    private ILookup<string, string>? _bySimpleName;

    /// <summary>How many trees had to be walked for this compilation (their content was new).</summary>
    public int Walked { get; }
}
