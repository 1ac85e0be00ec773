using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using NetVizGen.Extraction.Construction;

namespace NetVizGen.Extraction.Evaluation;

internal sealed partial class Interpreter
{
    /// <summary>Evaluates an expression operation to a value (Unknown when it cannot).</summary>
    public Value Eval(IOperation? op, Frame frame)
    {
        if (op is null) return Value.Unknown;
        Step();
        // Constants first: Roslyn has already folded literals, consts, nameof and constant arithmetic.
        if (op.ConstantValue.HasValue && op is not IInterpolatedStringOperation)
        {
            if (op.Type?.TypeKind == TypeKind.Enum) return EnumValue(op);
            return PrimValue.Of(op.ConstantValue.Value);
        }

        switch (op)
        {
            case IParenthesizedOperation p: return Eval(p.Operand, frame);
            case IConversionOperation c: return Convert(c, frame);
            case ILocalReferenceOperation l: return frame.TryGet(l.Local, out var lv) ? lv : Value.Unknown;
            case IParameterReferenceOperation pr: return frame.TryGet(pr.Parameter, out var pv) ? pv : Value.Unknown;
            case IInstanceReferenceOperation ir when ir.ReferenceKind == InstanceReferenceKind.ImplicitReceiver: return _implicitReceiver ?? Value.Unknown;
            case IInstanceReferenceOperation: return frame.Self ?? Value.Unknown;
            case IFieldReferenceOperation f: return ReadField(f, frame);
            case IPropertyReferenceOperation pref: return ReadProperty(pref, frame);
            case IArrayElementReferenceOperation ae: return ReadElement(Eval(ae.ArrayReference, frame), ae.Indices.Select(i => Eval(i, frame)).ToList());
            case ISimpleAssignmentOperation a: return Assign(a.Target, Eval(a.Value, frame), frame);
            case ICompoundAssignmentOperation ca:
                return Assign(ca.Target, Binary(ca.OperatorKind, Eval(ca.Target, frame), Eval(ca.Value, frame), ca), frame);
            case ICoalesceAssignmentOperation coa:
                {
                    var cur = Eval(coa.Target, frame);
                    return cur is PrimValue { IsNull: true } ? Assign(coa.Target, Eval(coa.Value, frame), frame) : cur;
                }
            case IIncrementOrDecrementOperation inc: return IncDec(inc, frame);
            case IDeconstructionAssignmentOperation da:
                {
                    var v = Eval(da.Value, frame);
                    Deconstruct(da.Target, v, frame, declare: false);
                    return v;
                }
            case IDeclarationExpressionOperation de: return Eval(de.Expression, frame);
            case IBinaryOperation b: return BinaryOp(b, frame);
            case IUnaryOperation u: return Unary(u, frame);
            case IConditionalOperation c:
                {
                    var test = ValueConversions.TryBool(Eval(c.Condition, frame));
                    if (test is null) return Value.Unknown;
                    return Eval(test.Value ? c.WhenTrue : c.WhenFalse, frame);
                }
            case ICoalesceOperation co:
                {
                    var v = Eval(co.Value, frame);
                    return v is PrimValue { IsNull: true } ? Eval(co.WhenNull, frame) : v;
                }
            case IConditionalAccessOperation ca: return ConditionalAccess(ca, frame);
            case IConditionalAccessInstanceOperation: return _conditionalReceiver ?? Value.Unknown;
            case IIsPatternOperation ip:
                {
                    var r = MatchPattern(Eval(ip.Value, frame), ip.Pattern, frame);
                    return r is null ? Value.Unknown : new PrimValue(r.Value);
                }
            case IIsTypeOperation it:
                {
                    var r = IsOfType(Eval(it.ValueOperand, frame), it.TypeOperand);
                    return r is null ? Value.Unknown : new PrimValue(it.IsNegated ? !r.Value : r.Value);
                }
            case ISwitchExpressionOperation se: return SwitchExpression(se, frame);
            case IInterpolatedStringOperation s: return Interpolate(s, frame);
            case ITupleOperation t: return new TupleValue(t.Elements.Select(e => Eval(e, frame)).ToList());
            case IArrayCreationOperation ac: return CreateArray(ac, frame);
            case IArrayInitializerOperation ai: return new ListValue(ai.ElementValues.Select(e => Eval(e, frame)).ToList());
            case ICollectionExpressionOperation ce: return CollectionExpression(ce, frame);
            case IObjectCreationOperation oc: return CreateObject(oc, frame);
            case IAnonymousFunctionOperation af:
                return new LambdaValue(af.Symbol, af.Body, af.Symbol.Parameters, frame);
            case IDelegateCreationOperation dc: return Eval(dc.Target, frame);
            case IMethodReferenceOperation mr:
                {
                    var lambda = new LambdaValue(mr.Method, null, mr.Method.Parameters, frame);
                    if (mr.Instance is not null) lambda.Receiver = Eval(mr.Instance, frame);
                    return lambda;
                }
            case IInvocationOperation inv: return Invoke(inv, frame);
            case IDefaultValueOperation dv: return DefaultOf(dv.Type);
            case ILiteralOperation: return Value.Unknown;
            case ITypeOfOperation: return Value.Unknown;
            case INameOfOperation: return Value.Unknown;
            case IAwaitOperation aw: return Eval(aw.Operation, frame);
            case IThrowOperation: return Value.Unknown;
            case IRangeOperation: return Value.Unknown;
            case IDynamicInvocationOperation: return Value.Unknown;
            default:
                return Value.Unknown;
        }
    }

    private static Value EnumValue(IOperation op) => Constant(op.Type!, op.ConstantValue.Value);

    /// <summary>A compile-time constant of <paramref name="type"/>: enum members by name (so they
    /// compare equal to the same member written elsewhere), everything else as a primitive.</summary>
    internal static Value Constant(ITypeSymbol? type, object? raw)
    {
        if (type is INamedTypeSymbol { TypeKind: TypeKind.Enum } && raw is not null)
        {
            foreach (var member in type.GetMembers().OfType<IFieldSymbol>())
            {
                if (member.HasConstantValue && Equals(member.ConstantValue, raw))
                    return new PrimValue(new EnumName(type.Name + "." + member.Name, System.Convert.ToInt64(raw, CultureInfo.InvariantCulture)));
            }
            return new PrimValue(new EnumName(type.Name + "(" + System.Convert.ToString(raw, CultureInfo.InvariantCulture) + ")", System.Convert.ToInt64(raw, CultureInfo.InvariantCulture)));
        }
        return PrimValue.Of(raw);
    }

    private static Value DefaultOf(ITypeSymbol? type) => type?.SpecialType switch
    {
        // default(long?) is null: TorchSharp's optional arguments (MaxPool2d stride/padding) use it.
        _ when type?.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T => Value.Null,
        SpecialType.System_Boolean => new PrimValue(false),
        SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Int16 or SpecialType.System_Byte => new PrimValue(0L),
        SpecialType.System_Double or SpecialType.System_Single => new PrimValue(0.0),
        _ when type is { IsReferenceType: true } => Value.Null,
        _ => Value.Unknown,
    };

    private Value Convert(IConversionOperation c, Frame frame)
    {
        var v = Eval(c.Operand, frame);
        if (v is not PrimValue { Raw: not null } p || c.Type is null) return v;
        switch (c.Type.SpecialType)
        {
            case SpecialType.System_Int32:
            case SpecialType.System_Int64:
            case SpecialType.System_Int16:
            case SpecialType.System_Byte:
                return p.Raw switch
                {
                    double d => new PrimValue((long)d),
                    EnumName e => new PrimValue(e.Ordinal),
                    char ch => new PrimValue((long)ch),
                    _ => p,
                };
            case SpecialType.System_Double:
            case SpecialType.System_Single:
                return p.Raw is long l ? new PrimValue((double)l) : p;
            default:
                return v;
        }
    }

    private Value? _conditionalReceiver;

    private Value ConditionalAccess(IConditionalAccessOperation ca, Frame frame)
    {
        var receiver = Eval(ca.Operation, frame);
        if (receiver is PrimValue { IsNull: true }) return Value.Null;
        if (receiver is UnknownValue) return Value.Unknown;
        var saved = _conditionalReceiver;
        _conditionalReceiver = receiver;
        try { return Eval(ca.WhenNotNull, frame); }
        finally { _conditionalReceiver = saved; }
    }

    private Value IncDec(IIncrementOrDecrementOperation inc, Frame frame)
    {
        var old = Eval(inc.Target, frame);
        if (!ValueConversions.TryLong(old, out var n)) { Assign(inc.Target, Value.Unknown, frame); return Value.Unknown; }
        var updated = new PrimValue(inc.Kind == OperationKind.Increment ? n + 1 : n - 1);
        Assign(inc.Target, updated, frame);
        return inc.IsPostfix ? old : updated;
    }

    private Value Interpolate(IInterpolatedStringOperation s, Frame frame)
    {
        var sb = new StringBuilder();
        foreach (var part in s.Parts)
        {
            switch (part)
            {
                case IInterpolatedStringTextOperation t:
                    sb.Append(t.Text.ConstantValue.Value as string);
                    break;
                case IInterpolationOperation i:
                    var v = Eval(i.Expression, frame);
                    var format = i.FormatString?.ConstantValue.Value as string;
                    var text = FormatPrim(v, format);
                    if (text is null) return Value.Unknown;
                    sb.Append(text);
                    break;
                default:
                    return Value.Unknown;
            }
        }
        return new PrimValue(sb.ToString());
    }

    /// <summary>Formats like .NET would under the invariant culture (the generator must not depend on the machine's culture).</summary>
    internal static string? FormatPrim(Value v, string? format = null) => v switch
    {
        PrimValue { Raw: long l } => l.ToString(format, CultureInfo.InvariantCulture),
        // "R" when no format is given: the shortest round-trip text on every runtime (.NET Framework's
        // default would print 15 digits inside Visual Studio, .NET's the shortest form).
        PrimValue { Raw: double d } => d.ToString(format ?? "R", CultureInfo.InvariantCulture),
        PrimValue { Raw: bool b } => b ? "True" : "False",
        PrimValue { Raw: string str } => str,
        PrimValue { Raw: char ch } => ch.ToString(),
        PrimValue { Raw: EnumName e } => e.Name.Substring(e.Name.LastIndexOf('.') + 1),
        PrimValue { Raw: null } => "",
        _ => null,
    };

    private Value CreateArray(IArrayCreationOperation ac, Frame frame)
    {
        if (ac.Initializer is not null) return Eval(ac.Initializer, frame);
        if (ac.DimensionSizes.Length == 1 && ValueConversions.TryLong(Eval(ac.DimensionSizes[0], frame), out var n) && n >= 0 && n <= _limits.MaxLoopIterations)
        {
            var elementType = (ac.Type as IArrayTypeSymbol)?.ElementType;
            var items = new List<Value>();
            for (long i = 0; i < n; i++) items.Add(DefaultOf(elementType));
            return new ListValue(items);
        }
        return Value.Unknown;
    }

    private Value CollectionExpression(ICollectionExpressionOperation ce, Frame frame)
    {
        var items = new List<Value>();
        foreach (var e in ce.Elements)
        {
            if (e is ISpreadOperation spread)
            {
                var inner = Enumerate(Eval(spread.Operand, frame));
                if (inner is null) return Value.Unknown;
                items.AddRange(inner);
            }
            else items.Add(Eval(e, frame));
        }
        return new ListValue(items);
    }

    private Value SwitchExpression(ISwitchExpressionOperation se, Frame frame)
    {
        var v = Eval(se.Value, frame);
        foreach (var arm in se.Arms)
        {
            var m = MatchPattern(v, arm.Pattern, frame);
            if (m is null) return Value.Unknown;
            if (!m.Value) continue;
            if (arm.Guard is not null)
            {
                var g = ValueConversions.TryBool(Eval(arm.Guard, frame));
                if (g is null) return Value.Unknown;
                if (!g.Value) continue;
            }
            return Eval(arm.Value, frame);
        }
        return Value.Unknown;
    }

    /// <summary>Matches a pattern; null when it cannot be decided.</summary>
    private bool? MatchPattern(Value v, IPatternOperation pattern, Frame frame)
    {
        switch (pattern)
        {
            case IConstantPatternOperation cp:
                return ValuesEqual(v, Eval(cp.Value, frame));
            case INegatedPatternOperation np:
                var inner = MatchPattern(v, np.Pattern, frame);
                return inner is null ? null : !inner.Value;
            case IDiscardPatternOperation:
                return true;
            case IDeclarationPatternOperation dp:
                {
                    var r = dp.MatchedType is null ? (v is PrimValue { IsNull: true } ? false : v is UnknownValue ? null : true) : IsOfType(v, dp.MatchedType);
                    if (r == true && dp.DeclaredSymbol is not null) frame.Declare(dp.DeclaredSymbol, v);
                    return r;
                }
            case ITypePatternOperation tp:
                return IsOfType(v, tp.MatchedType);
            case IRelationalPatternOperation rp:
                {
                    var r = Binary(rp.OperatorKind, v, Eval(rp.Value, frame), rp);
                    return ValueConversions.TryBool(r);
                }
            case IBinaryPatternOperation bp:
                {
                    var l = MatchPattern(v, bp.LeftPattern, frame);
                    var r = MatchPattern(v, bp.RightPattern, frame);
                    if (bp.OperatorKind == BinaryOperatorKind.Or) return l == true || r == true ? true : l is null || r is null ? null : false;
                    return l == false || r == false ? false : l is null || r is null ? null : true;
                }
            case IRecursivePatternOperation rec:
                if (v is PrimValue { IsNull: true }) return false;
                if (v is UnknownValue) return null;
                if (rec.DeclaredSymbol is not null) frame.Declare(rec.DeclaredSymbol, v);
                return rec.PropertySubpatterns.IsEmpty && rec.DeconstructionSubpatterns.IsEmpty ? true : null;
            default:
                return null;
        }
    }

    private static bool? IsOfType(Value v, ITypeSymbol type)
    {
        switch (v)
        {
            case PrimValue { IsNull: true }: return false;
            case UnknownValue: return null;
            case ModuleValue m:
                if (m.CustomType is not null)
                {
                    for (var t = (ITypeSymbol?)m.CustomType; t is not null; t = t.BaseType)
                        if (SymbolEqualityComparer.Default.Equals(t.OriginalDefinition, type.OriginalDefinition)) return true;
                }
                if (type.Name == m.TypeName || type.Name == "Module") return true;
                return TorchNames.IsModule(type) ? false : null;
            case PrimValue { Raw: long }: return type.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Object;
            case PrimValue { Raw: string }: return type.SpecialType is SpecialType.System_String or SpecialType.System_Object;
            default: return null;
        }
    }

    private static bool? ValuesEqual(Value a, Value b)
    {
        if (a is PrimValue pa && b is PrimValue pb)
        {
            if (pa.Raw is null || pb.Raw is null) return pa.Raw is null && pb.Raw is null;
            if (pa.Raw is EnumName ea && pb.Raw is long lb2) return ea.Ordinal == lb2;
            if (pa.Raw is long la2 && pb.Raw is EnumName eb) return la2 == eb.Ordinal;
            if (pa.Raw is long la && pb.Raw is double db) return la == db;
            if (pa.Raw is double da && pb.Raw is long lb) return da == lb;
            return pa.Raw.Equals(pb.Raw);
        }
        if (a is PrimValue { IsNull: true } && b is not UnknownValue) return b is PrimValue { IsNull: true };
        if (b is PrimValue { IsNull: true } && a is not UnknownValue) return false;
        if (a is UnknownValue || b is UnknownValue) return null;
        return ReferenceEquals(a, b);
    }

    /// <summary>Binds the parts of a tuple (or deconstructable value) to targets.</summary>
    private void Deconstruct(IOperation target, Value value, Frame frame, bool declare)
    {
        switch (target)
        {
            case IDeclarationExpressionOperation de:
                Deconstruct(de.Expression, value, frame, declare: true);
                return;
            case ITupleOperation t:
                {
                    var parts = value is TupleValue tv ? tv.Items : null;
                    for (int i = 0; i < t.Elements.Length; i++)
                    {
                        var part = parts is not null && i < parts.Count ? parts[i] : TupleItem(value, i);
                        Deconstruct(t.Elements[i], part, frame, declare);
                    }
                    return;
                }
            case ILocalReferenceOperation l when declare:
                frame.Declare(l.Local, value);
                return;
            case IDiscardOperation:
                return;
            default:
                Assign(target, value, frame);
                return;
        }
    }
}
