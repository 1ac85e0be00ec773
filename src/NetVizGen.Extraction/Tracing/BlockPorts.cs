using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetVizGen.Extraction.Evaluation;

namespace NetVizGen.Extraction.Tracing;

/// <summary>
/// Names the tensors a call of a custom block takes and returns as the block's own code names them, so that its
/// page can tell five feature maps apart (<c>inputs[0]</c> … <c>inputs[4]</c>, the elements of one list parameter)
/// and ten results (<c>clsOutputs[0]</c> … <c>regOutputs[4]</c>) instead of drawing five "Input" and ten "Output".
/// </summary>
/// <remarks>
/// Inputs: the parameter's name, with <c>[k]</c> for a list or array element and <c>.name</c> for a tuple element or a
/// record member. Outputs: a returned tuple's element is named by its type (<c>(Tensor boxes, Tensor scores)</c>),
/// else by the variable every <c>return</c> lists at that place (<c>return (clsOutputs, regOutputs)</c>; a call that
/// changes nothing drawn, <c>x.MoveToOuterDisposeScope()</c>, names its receiver); an element nothing names reads as
/// the page's outputs do elsewhere ("Output 2"). Lists, dictionaries and records below add <c>[k]</c>,
/// <c>["key"]</c> and <c>.name</c>.
/// </remarks>
internal static class BlockPorts
{
    /// <summary>The tensors among <paramref name="args"/>, named by <paramref name="forward"/>'s parameters.</summary>
    public static List<(int Node, string Name)> Inputs(IMethodSymbol forward, IReadOnlyList<Value> args)
    {
        var result = new List<(int, string)>();
        var parameters = forward.Parameters;
        for (int i = 0; i < args.Count && i < parameters.Length; i++)
            Walk(args[i], parameters[i].Name, parameters[i].Type, result);
        return result;
    }

    /// <summary>The tensors in <paramref name="returned"/>, named as the class remarks say.</summary>
    public static List<(int Node, string Name)> Outputs(IMethodSymbol forward, Value returned, Func<SyntaxReference, SyntaxNode> syntaxOf)
    {
        var result = new List<(int, string)>();
        var type = forward.ReturnType is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable
            ? nullable.TypeArguments[0] : forward.ReturnType;
        var returnedNames = ReturnedNames(forward, syntaxOf);
        if (returned is TupleValue tuple)
        {
            var elements = type is INamedTypeSymbol { IsTupleType: true } t ? t.TupleElements : default;
            for (int i = 0; i < tuple.Items.Count; i++)
            {
                var element = !elements.IsDefault && i < elements.Length ? elements[i] : null;
                string? name = element is not null && element.Name != Item(i) ? element.Name
                    : returnedNames is { } names && names.Count == tuple.Items.Count ? names[i] : null;
                Walk(tuple.Items[i], name ?? "Output " + (i + 1).ToString(CultureInfo.InvariantCulture), element?.Type, result);
            }
            return result;
        }
        var whole = returnedNames is { Count: 1 } single ? single[0] : null;
        if (whole is null && returned is ListValue list)
        {
            // An unnamed list reads like the root's unnamed outputs: "Output 1", "Output 2", ...
            for (int k = 0; k < list.Items.Count; k++) Walk(list.Items[k], "Output " + (k + 1).ToString(CultureInfo.InvariantCulture), null, result);
            return result;
        }
        Walk(returned, whole ?? "Output", type, result);
        return result;
    }

    private static void Walk(Value value, string name, ITypeSymbol? type, List<(int, string)> into)
    {
        switch (value)
        {
            case TensorValue t: into.Add((t.NodeId, name)); break;
            case PackedValue p: into.Add((p.NodeId, name)); break;
            case ListValue list:
                for (int k = 0; k < list.Items.Count; k++) Walk(list.Items[k], name + "[" + k.ToString(CultureInfo.InvariantCulture) + "]", null, into);
                break;
            case TupleValue tuple:
                {
                    var elements = type is INamedTypeSymbol { IsTupleType: true } t ? t.TupleElements : default;
                    for (int i = 0; i < tuple.Items.Count; i++)
                    {
                        var element = !elements.IsDefault && i < elements.Length ? elements[i] : null;
                        Walk(tuple.Items[i], name + "." + (element?.Name ?? Item(i)), element?.Type, into);
                    }
                    break;
                }
            case ObjectValue record:
                foreach (var field in record.Fields) Walk(field.Value, name + "." + field.Key, null, into);
                break;
            // A dictionary of results by name (YoloSharp's heads: preds["boxes"], preds["scores"]).
            case DictValue { Indexed: true } dict:
                foreach (var entry in dict.Entries)
                    if (entry.Key is PrimValue { Raw: string key }) Walk(entry.Value, name + "[\"" + key + "\"]", null, into);
                break;
        }
    }

    private static string Item(int i) => "Item" + (i + 1).ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The names every <c>return</c> of <paramref name="forward"/> gives its value: one per element of a returned tuple
    /// literal, or one for a returned variable; null at a place where the returns disagree or list no variable, and
    /// null in all when the returns differ in shape.
    /// </summary>
    private static List<string?>? ReturnedNames(IMethodSymbol forward, Func<SyntaxReference, SyntaxNode> syntaxOf)
    {
        List<string?>? names = null;
        foreach (var r in forward.DeclaringSyntaxReferences)
        {
            var method = syntaxOf(r);
            var expressions = new List<ExpressionSyntax>();
            if (method is MethodDeclarationSyntax { ExpressionBody: { } arrow }) expressions.Add(arrow.Expression);
            foreach (var ret in method.DescendantNodes(n => n == method || n is not (LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax)).OfType<ReturnStatementSyntax>())
                if (ret.Expression is { } e) expressions.Add(e);
            foreach (var e in expressions)
            {
                var these = e is TupleExpressionSyntax t ? t.Arguments.Select(a => NameOf(a.Expression)).ToList() : new List<string?> { NameOf(e) };
                if (names is null) { names = these; continue; }
                if (names.Count != these.Count) return null;
                for (int i = 0; i < names.Count; i++) if (names[i] != these[i]) names[i] = null;
            }
        }
        return names;
    }

    // "clsOutputs" for clsOutputs, clsOutputs.MoveToOuterDisposeScope() or (clsOutputs); null for anything computed.
    private static string? NameOf(ExpressionSyntax e) => e switch
    {
        IdentifierNameSyntax id => id.Identifier.ValueText,
        ParenthesizedExpressionSyntax p => NameOf(p.Expression),
        InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0, Expression: MemberAccessExpressionSyntax m }
            when Interpreter.IsPassThrough(m.Name.Identifier.ValueText) => NameOf(m.Expression),
        _ => null,
    };
}
