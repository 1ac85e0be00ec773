using Microsoft.CodeAnalysis;

namespace NetVizGen.Extraction.Evaluation;

/// <summary>
/// One activation of a method, constructor, lambda or local function: its locals and parameters,
/// the <c>this</c> value, and the frame it closes over (lambdas and local functions see their
/// enclosing frame's locals).
/// </summary>
internal sealed class Frame
{
    // Allocated on the first declaration: loop bodies get a frame per iteration, most declare nothing.
    private Dictionary<ISymbol, Value>? _vars;
    private Dictionary<IMethodSymbol, Microsoft.CodeAnalysis.Operations.ILocalFunctionOperation>? _localFunctions;

    public Frame(Value? self, Frame? parent)
    {
        Self = self;
        Parent = parent;
    }

    public Value? Self { get; }
    public Frame? Parent { get; }

    /// <summary>Local functions declared in this frame's body, so calls can find their bodies.</summary>
    public Dictionary<IMethodSymbol, Microsoft.CodeAnalysis.Operations.ILocalFunctionOperation> LocalFunctions =>
        _localFunctions ??= new(SymbolEqualityComparer.Default);

    public void Declare(ISymbol symbol, Value value) => (_vars ??= new(SymbolEqualityComparer.Default))[symbol] = value;

    public bool TryGet(ISymbol symbol, out Value value)
    {
        for (var f = this; f is not null; f = f.Parent)
        {
            if (f._vars is not null && f._vars.TryGetValue(symbol, out value!)) return true;
        }
        value = Value.Unknown;
        return false;
    }

    /// <summary>Assigns to the nearest frame that declares <paramref name="symbol"/> (closures write through).</summary>
    public void Assign(ISymbol symbol, Value value)
    {
        for (var f = this; f is not null; f = f.Parent)
        {
            if (f._vars is not null && f._vars.ContainsKey(symbol)) { f._vars[symbol] = value; return; }
        }
        Declare(symbol, value);
    }

    public bool TryGetLocalFunction(IMethodSymbol method, out Microsoft.CodeAnalysis.Operations.ILocalFunctionOperation op, out Frame owner)
    {
        for (var f = this; f is not null; f = f.Parent)
        {
            if (f._localFunctions is not null && f._localFunctions.TryGetValue(method.OriginalDefinition, out op!)) { owner = f; return true; }
        }
        op = null!;
        owner = this;
        return false;
    }
}
