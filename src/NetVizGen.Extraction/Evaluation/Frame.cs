using Microsoft.CodeAnalysis;

namespace NetVizGen.Extraction.Evaluation;

/// <summary>
/// One activation of a method, constructor, lambda or local function: its locals and parameters,
/// the <c>this</c> value, and the frame it closes over (lambdas and local functions see their
/// enclosing frame's locals).
/// </summary>
internal sealed class Frame
{
    private readonly Dictionary<ISymbol, Value> _vars = new(SymbolEqualityComparer.Default);

    public Frame(Value? self, Frame? parent)
    {
        Self = self;
        Parent = parent;
    }

    public Value? Self { get; }
    public Frame? Parent { get; }

    /// <summary>Local functions declared in this frame's body, so calls can find their bodies.</summary>
    public Dictionary<IMethodSymbol, Microsoft.CodeAnalysis.Operations.ILocalFunctionOperation> LocalFunctions { get; } = new(SymbolEqualityComparer.Default);

    public void Declare(ISymbol symbol, Value value) => _vars[symbol] = value;

    public bool TryGet(ISymbol symbol, out Value value)
    {
        for (var f = this; f is not null; f = f.Parent)
        {
            if (f._vars.TryGetValue(symbol, out value!)) return true;
        }
        value = Value.Unknown;
        return false;
    }

    /// <summary>Assigns to the nearest frame that declares <paramref name="symbol"/> (closures write through).</summary>
    public void Assign(ISymbol symbol, Value value)
    {
        for (var f = this; f is not null; f = f.Parent)
        {
            if (f._vars.ContainsKey(symbol)) { f._vars[symbol] = value; return; }
        }
        _vars[symbol] = value;
    }

    public bool TryGetLocalFunction(IMethodSymbol method, out Microsoft.CodeAnalysis.Operations.ILocalFunctionOperation op, out Frame owner)
    {
        for (var f = this; f is not null; f = f.Parent)
        {
            if (f.LocalFunctions.TryGetValue(method.OriginalDefinition, out op!)) { owner = f; return true; }
        }
        op = null!;
        owner = this;
        return false;
    }
}
