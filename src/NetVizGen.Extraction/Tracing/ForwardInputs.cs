using Microsoft.CodeAnalysis;
using NetVizGen.Extraction.Diagnostics;
using NetVizGen.Extraction.Evaluation;
using NetVizGen.Model.Shapes;
using NetVizGen.Model.Specs;

namespace NetVizGen.Extraction.Tracing;

/// <summary>
/// Binds the attribute's declared inputs to the root <c>forward</c>'s parameters and makes the traced
/// input nodes. An input slot is a tensor parameter, a tensor member of an input record or class, or a
/// tensor element of a tuple parameter. Declarations bind by name (<c>src=N,S,512</c>, <c>batch.tokens=N,T</c>
/// or just <c>tokens=N,T</c>) or, without a name, positionally to the slots left. An optional tensor
/// (<c>Tensor? mask = null</c>) that is not declared keeps its default; a required one that is not declared is
/// drawn with an unknown shape and a warning. Nothing here fails the build.
/// </summary>
internal static class ForwardInputs
{
    private sealed record Slot(string Name, string ShortName, bool Optional);

    /// <summary>The argument values for <paramref name="forward"/>, with input nodes added to <paramref name="graph"/>.</summary>
    public static List<Value> Bind(IMethodSymbol forward, FlowBuilder graph, DiagramTarget target, NoteCollector notes)
    {
        var slots = new List<Slot>();
        foreach (var p in forward.Parameters) slots.AddRange(SlotsOf(p));

        // The declaration; a malformed one is reported by shape analysis (NVG0208), and then binds nothing.
        var declared = new Dictionary<string, InputShape>(StringComparer.Ordinal);
        var scalars = new Dictionary<string, Value>(StringComparer.Ordinal);
        bool hasDeclaration = !string.IsNullOrWhiteSpace(target.Input) && Shape.TryParseInputs(target.Input!, out var inputs, out _);
        if (hasDeclaration)
        {
            Shape.TryParseInputs(target.Input!, out inputs, out _);
            var positional = new Queue<InputShape>();
            foreach (var input in inputs)
            {
                if (input.Name is null) { positional.Enqueue(input); continue; }
                // multimaskOutput=true: the value of a parameter that is no tensor.
                if (forward.Parameters.FirstOrDefault(p => p.Name == input.Name && !TorchNames.IsTensor(p.Type)) is { } scalar
                    && ScalarOf(scalar.Type, input.Text) is { } value)
                {
                    scalars[scalar.Name] = value;
                    continue;
                }
                if (input.IsValue)
                {
                    notes.Add(ExtractionNoteIds.InvalidInput, NoteSeverity.Warning,
                        $"Input '{input.Name}={input.Text}' of the [Diagram] gives a value, but {forward.ContainingType.Name}.forward has no {(forward.Parameters.Any(p => p.Name == input.Name) ? "" : "such ")}parameter '{input.Name}' of a type it fits (bool, integer or floating-point); it is ignored",
                        target.Source);
                    continue;
                }
                var slot = slots.FirstOrDefault(s => s.Name == input.Name) ?? slots.FirstOrDefault(s => s.ShortName == input.Name)
                    ?? slots.FirstOrDefault(s => string.Equals(s.ShortName, input.Name, StringComparison.OrdinalIgnoreCase));
                if (slot is null || declared.ContainsKey(slot.Name))
                {
                    notes.Add(ExtractionNoteIds.InvalidInput, NoteSeverity.Warning,
                        $"Input '{input.Name}' of the [Diagram] names no {(slot is null ? "" : "other ")}tensor input of {forward.ContainingType.Name}.forward (its inputs: {Names(slots)}); it is ignored",
                        target.Source);
                    continue;
                }
                declared[slot.Name] = input;
            }
            foreach (var slot in slots)
            {
                if (positional.Count == 0) break;
                if (!declared.ContainsKey(slot.Name)) declared[slot.Name] = positional.Dequeue();
            }
            if (positional.Count > 0)
            {
                notes.Add(ExtractionNoteIds.InvalidInput, NoteSeverity.Warning,
                    $"The [Diagram] declares {positional.Count} more input shape(s) than {forward.ContainingType.Name}.forward takes tensors (its inputs: {Names(slots)}); the extra ones are ignored",
                    target.Source);
            }
        }

        // The values, parameter by parameter.
        var values = new List<Value>();
        foreach (var p in forward.Parameters)
        {
            if (scalars.TryGetValue(p.Name, out var given))
            {
                values.Add(given);
                continue;
            }
            if (TorchNames.IsTensor(p.Type))
            {
                values.Add(Input(new Slot(p.Name, p.Name, IsOptional(p)), p));
                continue;
            }
            if (TensorMembers(p.Type) is { Count: > 0 } members && p.Type is INamedTypeSymbol recordType)
            {
                var obj = new ObjectValue(recordType);
                foreach (var m in members)
                    obj.Fields[m.Name] = Input(new Slot(p.Name + "." + m.Name, m.Name, IsOptional(m)), p);
                values.Add(obj);
                continue;
            }
            if (p.Type is INamedTypeSymbol { IsTupleType: true } tuple && tuple.TupleElements.Length > 0 && tuple.TupleElements.All(e => TorchNames.IsTensor(e.Type)))
            {
                values.Add(new TupleValue(tuple.TupleElements.Select(e => Input(new Slot(p.Name + "." + e.Name, e.Name, false), p)).ToList()));
                continue;
            }
            // An integer the caller passes and no declaration gives (LLaMA's start_pos): a symbol of its own
            // name, so that sizes computed from it (a KV cache up to start_pos + seqlen) stay symbolic.
            if (!p.HasExplicitDefaultValue && ValueConversions.IsIntegralType(p.Type) && DimRef.Parameter(p.Name) is { } symbol)
            {
                values.Add(new SizeRefValue(symbol));
                continue;
            }
            values.Add(Interpreter.DefaultParameter(p));
        }
        return values;

        Value Input(Slot slot, IParameterSymbol parameter)
        {
            if (declared.TryGetValue(slot.Name, out var shape))
                return new TensorValue(graph.Add(FlowNodeKind.Input, slot.Name, "", Array.Empty<int>(),
                    new[] { new ArgSpec(DeclaredShapeArg, ArgValue.FromString(shape.Text)) }, null));
            if (slot.Optional)
                return slot.Name == parameter.Name ? Interpreter.DefaultParameter(parameter) : Value.Null;
            if (hasDeclaration)
            {
                var where = parameter.Locations.FirstOrDefault() is { IsInSource: true } l ? Spans.Of(l) : target.Source;
                notes.Add(ExtractionNoteIds.InvalidInput, NoteSeverity.Warning,
                    $"forward input '{slot.Name}' of {forward.ContainingType.Name} has no shape in the [Diagram]'s Input; it is drawn with an unknown shape (declare it, e.g. Input = \"...; {slot.ShortName}=N,...\")",
                    target.Source ?? where);
            }
            return new TensorValue(graph.Add(FlowNodeKind.Input, slot.Name, "", Array.Empty<int>(), null, null));
        }
    }

    /// <summary>The literal <paramref name="text"/> as a value of <paramref name="type"/> (bool, integer, floating-point); null when it is not one.</summary>
    private static Value? ScalarOf(ITypeSymbol type, string text)
    {
        var t = type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : type;
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        return t.SpecialType switch
        {
            SpecialType.System_Boolean when bool.TryParse(text, out var b) => new PrimValue(b),
            SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_Decimal
                when double.TryParse(text, System.Globalization.NumberStyles.Float, inv, out var d) => new PrimValue(d),
            _ when ValueConversions.IsIntegralType(t) && long.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, inv, out var l) => new PrimValue(l),
            _ => null,
        };
    }

    /// <summary>The argument name under which an input node carries its declared shape text.</summary>
    public const string DeclaredShapeArg = "declared";

    private static IEnumerable<Slot> SlotsOf(IParameterSymbol p)
    {
        if (TorchNames.IsTensor(p.Type)) { yield return new Slot(p.Name, p.Name, IsOptional(p)); yield break; }
        if (TensorMembers(p.Type) is { Count: > 0 } members)
        {
            foreach (var m in members) yield return new Slot(p.Name + "." + m.Name, m.Name, IsOptional(m));
            yield break;
        }
        if (p.Type is INamedTypeSymbol { IsTupleType: true } tuple && tuple.TupleElements.All(e => TorchNames.IsTensor(e.Type)))
            foreach (var e in tuple.TupleElements) yield return new Slot(p.Name + "." + e.Name, e.Name, false);
    }

    private static bool IsOptional(IParameterSymbol p) => p.HasExplicitDefaultValue || p.IsOptional;

    private static bool IsOptional(ISymbol member) => member switch
    {
        IPropertySymbol prop => prop.NullableAnnotation == NullableAnnotation.Annotated,
        IFieldSymbol field => field.NullableAnnotation == NullableAnnotation.Annotated,
        _ => false,
    };

    /// <summary>Tensor-typed instance fields and properties of a user-defined input record or class, in declaration order.</summary>
    private static List<ISymbol>? TensorMembers(ITypeSymbol type)
    {
        if (type is not INamedTypeSymbol named || named.DeclaringSyntaxReferences.IsDefaultOrEmpty || TorchNames.IsTensor(type) || TorchNames.IsModule(type)) return null;
        var result = new List<ISymbol>();
        foreach (var member in named.GetMembers())
        {
            if (member.IsStatic || member.IsImplicitlyDeclared && member is not IPropertySymbol) continue;
            if (member is IPropertySymbol { IsIndexer: false } prop && TorchNames.IsTensor(prop.Type)) result.Add(prop);
            else if (member is IFieldSymbol { AssociatedSymbol: null } field && TorchNames.IsTensor(field.Type)) result.Add(field);
        }
        return result;
    }

    private static string Names(List<Slot> slots) => slots.Count == 0 ? "none" : string.Join(", ", slots.Select(s => s.Name + (s.Optional ? " (optional)" : "")));
}
