using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using NetVizGen.Extraction.Evaluation;
using NetVizGen.Model.Specs;

namespace NetVizGen.Extraction;

/// <summary>
/// Refuses to bind code nested deeper than <see cref="MaxDepth"/> syntax levels.
/// </summary>
/// <remarks>
/// Binding (<see cref="SemanticModel.GetOperation"/>) recurses once per syntax level and, called from a
/// generator, has no stack guard of its own: 1,000 nested unary minus in one argument overflow a normal
/// thread's stack, and a stack overflow cannot be caught — it kills the compiler server and the IDE's
/// analyzer host. Two measures make that impossible: the generator extracts on a thread with a known,
/// large stack (<c>LargeStack</c> in the generator), and this guard never lets a member whose syntax is
/// deeper than <see cref="MaxDepth"/> be bound, so the recursion is bounded by a depth that fits that
/// stack many times over (measured in tests/NetVizGen.Generator.Tests, NestingTests). Real code stays far
/// below: a 150-call fluent chain is about 300 levels. The walk is iterative, once per syntax tree.
/// </remarks>
internal static class SyntaxDepthGuard
{
    /// <summary>Deepest syntax nesting, counted from the file's root, that is bound.</summary>
    public const int MaxDepth = 1_000;

    private static readonly ConditionalWeakTable<SyntaxTree, Dictionary<SyntaxNode, SyntaxNode>> s_deep = new();

    /// <summary>Throws <see cref="NestingLimitException"/> when binding <paramref name="node"/> would bind code nested too deeply.</summary>
    public static void Check(SyntaxNode node, CancellationToken cancellation)
    {
        var deep = s_deep.GetValue(node.SyntaxTree, t => Find(t, cancellation));
        if (deep.Count == 0) return;
        // The binder binds the whole member (method, constructor, field initializer) that holds the node.
        for (var n = node; n is not null; n = n.Parent)
        {
            if (deep.TryGetValue(n, out var where))
                throw new NestingLimitException(
                    $"code nested more than {MaxDepth} syntax levels deep is not read", Spans.Of(where));
        }
        // The node may itself hold a deep part (e.g. a whole type's declaration).
        foreach (var pair in deep)
        {
            if (node.FullSpan.Contains(pair.Key.FullSpan))
                throw new NestingLimitException(
                    $"code nested more than {MaxDepth} syntax levels deep is not read", Spans.Of(pair.Value));
        }
    }

    /// <summary>For each member (or top-level node) holding a too-deep node: the first node past the limit.</summary>
    private static Dictionary<SyntaxNode, SyntaxNode> Find(SyntaxTree tree, CancellationToken cancellation)
    {
        var result = new Dictionary<SyntaxNode, SyntaxNode>();
        var stack = new Stack<(SyntaxNode Node, int Depth)>();
        stack.Push((tree.GetRoot(cancellation), 0));
        int visited = 0;
        while (stack.Count > 0)
        {
            var (node, depth) = stack.Pop();
            if ((++visited & 4095) == 0) cancellation.ThrowIfCancellationRequested();
            if (depth > MaxDepth)
            {
                var member = Outermost(node);
                if (!result.ContainsKey(member)) result.Add(member, node);
                continue; // nothing below adds information
            }
            foreach (var child in node.ChildNodes()) stack.Push((child, depth + 1));
        }
        return result;
    }

    /// <summary>The outermost member declaration (or statement of a top-level program) around <paramref name="node"/>.</summary>
    private static SyntaxNode Outermost(SyntaxNode node)
    {
        SyntaxNode best = node;
        for (var n = node.Parent; n is not null; n = n.Parent)
        {
            if (n is Microsoft.CodeAnalysis.CSharp.Syntax.MemberDeclarationSyntax
                and not Microsoft.CodeAnalysis.CSharp.Syntax.BaseTypeDeclarationSyntax
                and not Microsoft.CodeAnalysis.CSharp.Syntax.BaseNamespaceDeclarationSyntax)
                best = n;
        }
        return best;
    }
}

/// <summary>Thrown when a member to evaluate is nested too deeply to bind safely; carries the place.</summary>
internal sealed class NestingLimitException : EvaluationLimitException
{
    public NestingLimitException(string message, SourceSpan? where) : base(message) => Where = where;

    /// <summary>The first syntax node past the limit.</summary>
    public SourceSpan? Where { get; }
}
