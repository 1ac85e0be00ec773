using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using NetVizGen.Extraction.Construction;
using NetVizGen.Extraction.Diagnostics;
using NetVizGen.Model.Specs;

namespace NetVizGen.Extraction.Evaluation;

internal sealed partial class Interpreter
{
    private readonly Dictionary<ISymbol, Value> _statics = new(SymbolEqualityComparer.Default);

    private Value ReadField(IFieldReferenceOperation f, Frame frame)
    {
        var field = f.Field;
        if (field.IsStatic) return ReadStatic(field);
        var owner = f.Instance is null ? frame.Self : Eval(f.Instance, frame);
        return owner switch
        {
            ModuleValue m => m.Fields.TryGetValue(field.Name, out var v) ? TracedTensor(m, field.Name, v) : Value.Null,
            ObjectValue o => o.Fields.TryGetValue(field.Name, out var ov) ? ov : Value.Unknown,
            TupleValue t when TupleElementIndex(field) is int i && i < t.Items.Count => t.Items[i],
            TupleValue t when TupleIndexOf(field.Name) is int j && j < t.Items.Count => t.Items[j],
            _ when owner is not null && TupleIndexOf(field.Name) is int k => TupleItem(owner, k),
            _ => Value.Unknown,
        };
    }

    private static int? TupleElementIndex(IFieldSymbol field)
    {
        if (field.ContainingType is not { IsTupleType: true } tuple) return null;
        var elements = tuple.TupleElements;
        for (int i = 0; i < elements.Length; i++)
        {
            if (SymbolEqualityComparer.Default.Equals(elements[i], field) ||
                SymbolEqualityComparer.Default.Equals(elements[i], field.CorrespondingTupleField)) return i;
        }
        return TupleIndexOf(field.Name);
    }

    private static int? TupleIndexOf(string name) =>
        name.StartsWith("Item", StringComparison.Ordinal) && int.TryParse(name.Substring(4), out var n) ? n - 1 : null;

    /// <summary>Static fields: consts are folded by Roslyn; static readonly config tables are evaluated from their initialisers once.</summary>
    private Value ReadStatic(IFieldSymbol field)
    {
        if (field.HasConstantValue) return PrimValue.Of(field.ConstantValue);
        if (_statics.TryGetValue(field, out var cached)) return cached;
        _statics[field] = Value.Unknown; // guards self-referencing initialisers
        Value result = Value.Unknown;
        foreach (var syntaxRef in field.DeclaringSyntaxReferences)
        {
            if (SyntaxOf(syntaxRef) is VariableDeclaratorSyntax { Initializer: { } init } decl)
            {
                var op = OperationFor(init);
                if (op is IFieldInitializerOperation fi) result = Eval(fi.Value, new Frame(null, null));
            }
        }
        _statics[field] = result;
        return result;
    }

    private Value ReadProperty(IPropertyReferenceOperation p, Frame frame)
    {
        var prop = p.Property;
        var receiver = p.Instance is null ? (prop.IsStatic ? null : frame.Self) : Eval(p.Instance, frame);
        // Virtual properties dispatch on the run-time type (an override of Width in a subclass); a
        // base.Width access is not virtual and keeps the bound property.
        if (!prop.IsStatic && (prop.IsVirtual || prop.IsAbstract || prop.IsOverride) && p.Instance is not IInstanceReferenceOperation { Syntax: Microsoft.CodeAnalysis.CSharp.Syntax.BaseExpressionSyntax })
            prop = MostDerived(prop, receiver);

        if (p.Arguments.Length > 0)
            return ReadElement(receiver ?? Value.Unknown, p.Arguments.Select(a => Eval(a.Value, frame)).ToList());

        switch (receiver)
        {
            case ListValue l when prop.Name is "Count" or "Length" or "LongLength": return new PrimValue((long)l.Items.Count);
            case DictValue d when prop.Name == "Count": return new PrimValue((long)d.Entries.Count);
            case DictValue d when prop.Name == "Keys": return new ListValue(d.Entries.Select(e => e.Key).ToList());
            case DictValue d when prop.Name == "Values": return new ListValue(d.Entries.Select(e => e.Value).ToList());
            case PrimValue { Raw: string s } when prop.Name == "Length": return new PrimValue((long)s.Length);
            case ModuleValue m when m.IsContainer && prop.Name == "Count": return new PrimValue((long)m.Children.Count);
            case ModuleValue m when m.CustomType is not null && IsAutoProperty(prop):
                return m.Fields.TryGetValue(prop.Name, out var mv) ? mv : Value.Null;
            case ObjectValue o when IsAutoProperty(prop):
                return o.Fields.TryGetValue(prop.Name, out var ov) ? ov : Value.Unknown;
            case TupleValue t when TupleIndexOf(prop.Name) is int i && i < t.Items.Count:
                return t.Items[i];
        }

        if (receiver is ModuleValue { CustomType: not null } or ObjectValue || prop.IsStatic)
        {
            // A computed property in user code: run the getter of the run-time type's override.
            var getter = prop.GetMethod;
            if (getter is not null && HasSource(getter)) return CallSourceMethod(getter, receiver, new List<Value>(), p);
            if (getter is not null && Packages?.ToSource(getter) is { } decompiled && HasSource(decompiled)) return CallSourceMethod(decompiled, receiver, new List<Value>(), p);
        }

        return TracingProperty(receiver, p, frame) ?? Value.Unknown;
    }

    private static IPropertySymbol MostDerived(IPropertySymbol prop, Value? receiver)
    {
        INamedTypeSymbol? type = receiver switch { ModuleValue m => m.CustomType, ObjectValue o => o.Type, _ => null };
        for (var t = type; t is not null; t = t.BaseType)
        {
            foreach (var candidate in t.GetMembers(prop.Name).OfType<IPropertySymbol>())
            {
                for (var c = candidate; c is not null; c = c.OverriddenProperty)
                    if (SymbolEqualityComparer.Default.Equals(c.OriginalDefinition, prop.OriginalDefinition)) return candidate;
            }
        }
        return prop;
    }

    private bool IsAutoProperty(IPropertySymbol prop)
    {
        if (prop.IsAbstract || prop.IsExtern) return false;
        foreach (var r in prop.DeclaringSyntaxReferences)
        {
            if (SyntaxOf(r) is PropertyDeclarationSyntax pd)
            {
                if (pd.ExpressionBody is not null) return false;
                if (pd.AccessorList is null) return false;
                return pd.AccessorList.Accessors.All(a => a.Body is null && a.ExpressionBody is null);
            }
        }
        return false;
    }

    private Value ReadElement(Value container, List<Value> indices)
    {
        if (indices.Count != 1) return Value.Unknown;
        var index = indices[0];
        switch (container)
        {
            case ListValue l when ValueConversions.TryLong(index, out var i):
                if (i < 0) i += l.Items.Count;
                return i >= 0 && i < l.Items.Count ? l.Items[(int)i] : Value.Unknown;
            case DictValue d:
                foreach (var e in d.Entries) if (ValuesEqual(e.Key, index) == true) return e.Value;
                return Value.Unknown;
            case ModuleValue m when m.IsContainer:
                if (ValueConversions.TryLong(index, out var ci))
                {
                    if (ci < 0) ci += m.Children.Count;
                    return ci >= 0 && ci < m.Children.Count ? m.Children[(int)ci].Value : Value.Unknown;
                }
                if (index is PrimValue { Raw: string key }) return (Value?)m.Child(key) ?? Value.Unknown;
                return Value.Unknown;
            case PrimValue { Raw: string s } when ValueConversions.TryLong(index, out var si) && si >= 0 && si < s.Length:
                return new PrimValue(s[(int)si]);
            case TupleValue t when ValueConversions.TryLong(index, out var ti) && ti >= 0 && ti < t.Items.Count:
                return t.Items[(int)ti];
            default:
                return TracingIndex(container, index) ?? Value.Unknown;
        }
    }

    /// <summary>Assigns to a local, parameter, field, auto-property or element, and returns the value.</summary>
    private Value Assign(IOperation target, Value value, Frame frame)
    {
        switch (target)
        {
            case ILocalReferenceOperation l:
                frame.Assign(l.Local, value);
                break;
            case IParameterReferenceOperation p:
                frame.Assign(p.Parameter, value);
                break;
            case IFieldReferenceOperation f:
                if (f.Field.IsStatic) { _statics[f.Field] = value; break; }
                StoreMember(f.Instance is null ? frame.Self : Eval(f.Instance, frame), f.Field.Name, value, target);
                break;
            case IPropertyReferenceOperation p when p.Arguments.Length == 0:
                StoreMember(p.Instance is null ? frame.Self : Eval(p.Instance, frame), p.Property.Name, value, target);
                break;
            case IPropertyReferenceOperation p:
                StoreElement(Eval(p.Instance, frame), Eval(p.Arguments[0].Value, frame), value, target);
                break;
            case IArrayElementReferenceOperation ae when ae.Indices.Length == 1:
                StoreElement(Eval(ae.ArrayReference, frame), Eval(ae.Indices[0], frame), value, target);
                break;
            case IDeclarationExpressionOperation de:
                Deconstruct(de, value, frame, declare: true);
                break;
            case ITupleOperation:
                Deconstruct(target, value, frame, declare: false);
                break;
        }
        return value;
    }

    private void StoreMember(Value? owner, string name, Value value, IOperation site)
    {
        switch (owner)
        {
            case ModuleValue m:
                m.Fields[name] = value;
                m.FieldSources[name] = Spans.Of(site.Syntax);
                if (value is ModuleValue && m.ComponentsRegistered && Graph is null)
                {
                    Notes.Add(ExtractionNoteIds.AssignedAfterRegistration, NoteSeverity.Warning,
                        $"'{name}' is assigned after RegisterComponents() ran in '{m.TypeName}', so TorchSharp does not register it and its parameters will not train; move RegisterComponents() to the end of the constructor",
                        site.Syntax);
                }
                break;
            case ObjectValue o:
                o.Fields[name] = value;
                break;
        }
    }

    private void StoreElement(Value container, Value index, Value value, IOperation site)
    {
        switch (container)
        {
            case ListValue l when ValueConversions.TryLong(index, out var i) && i >= 0 && i < l.Items.Count:
                l.Items[(int)i] = value;
                break;
            case DictValue d:
                for (int k = 0; k < d.Entries.Count; k++)
                {
                    if (ValuesEqual(d.Entries[k].Key, index) == true)
                    {
                        d.Entries[k] = new KeyValuePair<Value, Value>(index, value);
                        return;
                    }
                }
                d.Entries.Add(new KeyValuePair<Value, Value>(index, value));
                break;
            case ModuleValue m when m.IsContainer && index is PrimValue { Raw: string key } && value is ModuleValue child:
                m.Register(key, child);
                break;
        }
    }

    private static bool HasSource(IMethodSymbol method) => method.DeclaringSyntaxReferences.Length > 0 && !method.IsAbstract && !method.IsExtern;
}
