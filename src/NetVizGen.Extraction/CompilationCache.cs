using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace NetVizGen.Extraction;

/// <summary>
/// What the extraction of every model of one compilation can share: one <see cref="SemanticModel"/> per
/// syntax tree (so a method body bound for one model, e.g. a residual block used by two ResNets, is
/// bound once, and a second extraction on the same compilation binds nothing) and the
/// <see cref="IOperation"/> tree per syntax node.
/// </summary>
/// <remarks>
/// Attached to the compilation itself through a <see cref="ConditionalWeakTable{TKey, TValue}"/>:
/// it lives exactly as long as that compilation and never sees another one, so no state outlives a
/// compilation and an edit (a new compilation) can never read stale bindings. Thread-safe.
/// </remarks>
internal sealed class CompilationCache
{
    private static readonly ConditionalWeakTable<Compilation, CompilationCache> s_caches = new();

    private readonly Compilation _compilation;
    private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _models = new();
    private readonly ConcurrentDictionary<SyntaxNode, IOperation?> _operations = new();

    private CompilationCache(Compilation compilation) => _compilation = compilation;

    public static CompilationCache For(Compilation compilation) => s_caches.GetValue(compilation, static c => new CompilationCache(c));

    public SemanticModel Model(SyntaxTree tree)
    {
        if (_models.TryGetValue(tree, out var model)) return model;
        return _models.GetOrAdd(tree, _compilation.GetSemanticModel(tree));
    }

    /// <summary><see cref="SemanticModel.GetOperation"/>, once per node.</summary>
    public IOperation? Operation(SyntaxNode node, CancellationToken cancellation)
    {
        if (_operations.TryGetValue(node, out var op)) return op;
        SyntaxDepthGuard.Check(node, cancellation); // binding recurses per syntax level: never past the guard's depth
        op = Model(node.SyntaxTree).GetOperation(node, cancellation);
        return _operations.GetOrAdd(node, op);
    }
}
