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
            if (op.Type?.SpecialType == SpecialType.System_Decimal) return Value.Unknown; // decimal arithmetic is not double arithmetic
            return PrimValue.Of(op.ConstantValue.Value);
        }

        // A TensorIndex built in one place and used in another (var slice = multimask ? TensorIndex.Slice(1) : ...).
        if (op is IConversionOperation or IFieldReferenceOperation or IInvocationOperation && IsTensorIndex(op.Type) && IndexItem(op, frame) is { } indexItem)
            return new TensorIndexValue(indexItem);
        if (op is IInvocationOperation byTensor && IsTensorIndex(op.Type) && TensorIndexByTensor(byTensor, frame) is { } held)
            return held;

        switch (op)
        {
            case IParenthesizedOperation p: return Eval(p.Operand, frame);
            case IConversionOperation c: return Convert(c, frame);
            case ILocalReferenceOperation l: return frame.TryGet(l.Local, out var lv) ? lv : Value.Unknown;
            case IParameterReferenceOperation pr: return frame.TryGet(pr.Parameter, out var pv) ? pv : Value.Unknown;
            case IInstanceReferenceOperation ir when ir.ReferenceKind == InstanceReferenceKind.ImplicitReceiver: return _implicitReceiver ?? Value.Unknown;
            case IInstanceReferenceOperation ir when ir.ReferenceKind == InstanceReferenceKind.PatternInput: return _patternInput ?? Value.Unknown;
            case IInstanceReferenceOperation: return frame.Self ?? Value.Unknown;
            case IFieldReferenceOperation f: return ReadField(f, frame);
            case IPropertyReferenceOperation pref: return ReadProperty(pref, frame);
            case IArrayElementReferenceOperation ae: return ReadElement(Eval(ae.ArrayReference, frame), ae.Indices.Select(i => Eval(i, frame)).ToList());
            case IImplicitIndexerReferenceOperation ii: return ReadElement(Eval(ii.Instance, frame), new List<Value> { Eval(ii.Argument, frame) });
            case ISimpleAssignmentOperation a: return Assign(a.Target, CopyIfStruct(Eval(a.Value, frame)), frame);
            case ICompoundAssignmentOperation ca:
                {
                    if (ca.OperatorMethod is { } userOp && !IsPredefinedOperator(userOp)) return Assign(ca.Target, Value.Unknown, frame);
                    var target = Eval(ca.Target, frame);
                    var operand = Eval(ca.Value, frame);
                    // C# computes in the promoted type (int for byte += byte), then converts back to the target's type.
                    var targetType = ca.Target.Type;
                    var result = Binary(ca.OperatorKind, target, operand, ca, targetType, ca.Value.Type,
                        targetType?.SpecialType == SpecialType.System_String ? targetType : null, ca.IsChecked);
                    return Assign(ca.Target, FitTo(result, targetType), frame);
                }
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
                    if (v is UnknownValue) return v;
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
                    var value = Eval(it.ValueOperand, frame);
                    // `x is T` where x's static type is already T: a null test (YoloSharp's `preds is Dictionary<string, object>`).
                    var r = it.ValueOperand.Type is { } staticType && MatchesStaticType(staticType, it.TypeOperand)
                        ? (value is UnknownValue ? null : value is PrimValue { IsNull: true } ? false : true)
                        : IsOfType(value, it.TypeOperand);
                    return r is null ? Value.Unknown : new PrimValue(it.IsNegated ? !r.Value : r.Value);
                }
            case ISwitchExpressionOperation se: return SwitchExpression(se, frame);
            case IInterpolatedStringOperation s: return Interpolate(s, frame);
            case ITupleOperation t: return new TupleValue(t.Elements.Select(e => CopyIfStruct(Eval(e, frame))).ToList());
            case ITupleBinaryOperation tb:
                {
                    var eq = ValuesEqual(Eval(tb.LeftOperand, frame), Eval(tb.RightOperand, frame));
                    if (eq is null) return Value.Unknown;
                    return new PrimValue(tb.OperatorKind == BinaryOperatorKind.Equals ? eq.Value : !eq.Value);
                }
            case IRangeOperation ro: return RangeOf(ro, frame);
            case IWithOperation w: return With(w, frame);
            case IArrayCreationOperation ac: return CreateArray(ac, frame);
            case IArrayInitializerOperation ai: return new ListValue(ai.ElementValues.Select(e => CopyIfStruct(Eval(e, frame))).ToList()) { IsArray = true };
            case ICollectionExpressionOperation ce: return CollectionExpression(ce, frame);
            case IObjectCreationOperation oc: return CreateObject(oc, frame);
            case IAnonymousObjectCreationOperation ao: return CreateAnonymous(ao, frame);
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
            // `from _ in Enumerable.Range(0, n) select new Block(config)`: the query is its method calls.
            case ITranslatedQueryOperation query: return Eval(query.Operation, frame);
            case IDefaultValueOperation dv: return DefaultOf(dv.Type);
            case ILiteralOperation: return Value.Unknown;
            case ITypeOfOperation t: return new TypeValue(t.TypeOperand);
            case INameOfOperation: return Value.Unknown;
            case IAwaitOperation aw: return Eval(aw.Operation, frame);
            case IThrowOperation: return Value.Unknown;
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
        SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Int16 or SpecialType.System_Byte
            or SpecialType.System_SByte or SpecialType.System_UInt16 or SpecialType.System_UInt32 or SpecialType.System_UInt64 => new PrimValue(0L),
        SpecialType.System_Char => new PrimValue('\0'),
        SpecialType.System_Double or SpecialType.System_Single => new PrimValue(0.0),
        _ when type is INamedTypeSymbol { TypeKind: TypeKind.Enum } => EnumFromOrdinal(type, 0),
        _ when type is INamedTypeSymbol { IsTupleType: true } tuple => new TupleValue(tuple.TupleElements.Select(e => DefaultOf(e.Type)).ToList()),
        _ when type is { IsReferenceType: true } => Value.Null,
        _ => Value.Unknown,
    };

    /// <summary>Structs are copied when assigned or passed; objects of user structs are cloned field by field.</summary>
    private static Value CopyIfStruct(Value v)
    {
        if (v is not ObjectValue { Type.IsValueType: true } o) return v;
        var copy = new ObjectValue(o.Type);
        foreach (var kv in o.Fields) copy.Fields[kv.Key] = CopyIfStruct(kv.Value);
        return copy;
    }

    private Value RangeOf(IRangeOperation ro, Frame frame)
    {
        // A bound read from a traced tensor (..(int)h) is taken as the number the traced shapes give it.
        var start = ro.LeftOperand is null ? new IndexValue(0, false) : AsIndex(Concrete(Eval(ro.LeftOperand, frame)) ?? Value.Unknown);
        var end = ro.RightOperand is null ? new IndexValue(0, true) : AsIndex(Concrete(Eval(ro.RightOperand, frame)) ?? Value.Unknown);
        return start is null || end is null ? Value.Unknown : new RangeValue(start, end);
    }

    private static IndexValue? AsIndex(Value v) => v switch
    {
        IndexValue i => i,
        _ when ValueConversions.TryLong(v, out var l) && l >= 0 => new IndexValue(l, false),
        _ => null,
    };

    /// <summary><c>record with { ... }</c>: a copy of the fields, then the initialisers.</summary>
    private Value With(IWithOperation w, Frame frame)
    {
        if (Eval(w.Operand, frame) is not ObjectValue o) return Value.Unknown;
        var copy = new ObjectValue(o.Type);
        foreach (var kv in o.Fields) copy.Fields[kv.Key] = kv.Value;
        var saved = _implicitReceiver;
        _implicitReceiver = copy;
        try
        {
            foreach (var init in w.Initializer.Initializers) Eval(init, frame);
        }
        finally { _implicitReceiver = saved; }
        return copy;
    }

    private static bool IsSpan(ITypeSymbol type) => IsSystem(type, "Span") || IsSystem(type, "ReadOnlySpan");

    private static bool IsBigInteger(ITypeSymbol? type) =>
        type is { Name: "BigInteger", ContainingNamespace: { Name: "Numerics", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } };

    private Value Convert(IConversionOperation c, Frame frame)
    {
        var v = Eval(c.Operand, frame);
        if (c.Type is null || v is UnknownValue) return v;
        if (c.OperatorMethod is { } op)
        {
            // int -> Index is the one library conversion model code relies on; user conversions run their body.
            if (c.Type.Name == "Index" && c.Type.ContainingNamespace?.ToDisplayString() == "System")
                return AsIndex(Concrete(v) ?? Value.Unknown) is { } index ? index : Value.Unknown;
            // TorchSharp's implicit wrappers keep the value they wrap (int -> Scalar, a size read from a traced
            // tensor passed as Scalar to torch.arange(x.size(1)), string -> Device); a number made into a
            // tensor is not a number any more.
            if (TorchNames.IsTorchSharpType(op.ContainingType) && !TorchNames.IsTensor(c.Type)) return v;
            // An array of numbers made into a tensor in a constructor (LongTensor(idxs.ToArray()), TinyViT's bias
            // index): a 1-D constant tensor of that many items, as torch.tensor(array) makes it.
            if (Graph is null && TorchNames.IsTorchSharpType(op.ContainingType) && TorchNames.IsTensor(c.Type) && v is ListValue { Poisoned: false } items
                && items.Items.All(i => i is PrimValue { Raw: long or int or double or float or bool }))
                return new ConstTensorValue(new[] { (long)items.Items.Count }, isParameter: false, requiresGrad: false)
                {
                    Integral = c.Operand.Type is IArrayTypeSymbol { ElementType: var element } && ValueConversions.IsIntegralType(element),
                };
            // An array viewed as a span (ReadOnlySpan<int> of an int[]): the same items.
            if (v is ListValue or SpanValue && IsSpan(c.Type)) return v;
            // An integer to or from System.Numerics.BigInteger ((int)BigInteger.GreatestCommonDivisor(a, b)): the same number.
            if (IsBigInteger(op.ContainingType) && v is PrimValue { Raw: long or int })
                return ValueConversions.TryLong(v, out var whole) ? new PrimValue(whole) : Value.Unknown;
            return HasSource(op) ? CallSourceMethod(op, null, new List<Value> { v }, c) : Value.Unknown;
        }
        if (v is not PrimValue { Raw: not null } p) return CopyIfStruct(v);
        var target = c.Type;
        if (target is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable) target = nullable.TypeArguments[0];
        if (target is INamedTypeSymbol { TypeKind: TypeKind.Enum })
        {
            return p.Raw switch
            {
                EnumName e => EnumFromOrdinal(target, e.Ordinal),
                long l => EnumFromOrdinal(target, l),
                char ch => EnumFromOrdinal(target, ch),
                _ => Value.Unknown,
            };
        }
        var raw = p.Raw switch { EnumName e => e.Ordinal, char ch => (object)(long)ch, _ => p.Raw };
        var source = Underlying(c.Operand.Type)?.SpecialType ?? SpecialType.None;
        switch (target.SpecialType)
        {
            case SpecialType.System_Int32: case SpecialType.System_Int64: case SpecialType.System_Int16: case SpecialType.System_Byte:
            case SpecialType.System_SByte: case SpecialType.System_UInt16: case SpecialType.System_UInt32: case SpecialType.System_Char:
                if (raw is double d)
                {
                    // Out of range or NaN is unspecified (unchecked) or throws (checked): unknown either way.
                    var t = Math.Truncate(d);
                    if (double.IsNaN(d) || t < MinOf(target.SpecialType) || t > MaxOf(target.SpecialType)) return Value.Unknown;
                    return FitInteger((long)t, target.SpecialType, false);
                }
                if (raw is long l) return FitInteger(l, target.SpecialType, c.IsChecked);
                return v;
            case SpecialType.System_UInt64:
                return Value.Unknown;
            case SpecialType.System_Decimal:
                return Value.Unknown;
            case SpecialType.System_Double:
                if (raw is long l2) return new PrimValue((double)l2);
                // A float widened to double keeps its binary value, not its shortest decimal text.
                if (raw is double fd && source == SpecialType.System_Single) return new PrimValue((double)(float)fd);
                return raw is double ? new PrimValue(raw) : v;
            case SpecialType.System_Single:
                if (raw is long l3) return PrimValue.Of((float)l3);
                if (raw is double sd) return PrimValue.Of((float)sd);
                return v;
            default:
                return v;
        }
    }

    private static double MinOf(SpecialType t) => t switch
    {
        SpecialType.System_Int32 => int.MinValue, SpecialType.System_Int64 => -9.2233720368547758E18, SpecialType.System_Int16 => short.MinValue,
        SpecialType.System_SByte => sbyte.MinValue, _ => 0,
    };

    private static double MaxOf(SpecialType t) => t switch
    {
        SpecialType.System_Int32 => int.MaxValue, SpecialType.System_Int64 => 9.2233720368547748E18, SpecialType.System_Int16 => short.MaxValue,
        SpecialType.System_SByte => sbyte.MaxValue, SpecialType.System_Byte => byte.MaxValue, SpecialType.System_UInt16 => ushort.MaxValue,
        SpecialType.System_UInt32 => uint.MaxValue, SpecialType.System_Char => char.MaxValue, _ => 0,
    };

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
        if (old is PrimValue { IsNull: true } && inc.Type?.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T) return old;
        var delta = inc.Kind == OperationKind.Increment ? 1 : -1;
        Value updated = old switch
        {
            PrimValue { Raw: double d } => FitTo(new PrimValue(d + delta), inc.Type),
            PrimValue { Raw: long or char } when ValueConversions.TryLong(old, out var n) => FitTo(new PrimValue(n + delta), inc.Type),
            PrimValue { Raw: EnumName e } => FitTo(new PrimValue(e.Ordinal + delta), inc.Type),
            _ => Value.Unknown,
        };
        if (Underlying(inc.Type)?.SpecialType is SpecialType.System_Decimal or SpecialType.System_UInt64) updated = Value.Unknown;
        if (inc.IsChecked && updated is PrimValue { Raw: long u } && ValueConversions.TryLong(old, out var before) && u != before + delta) updated = Value.Unknown;
        Assign(inc.Target, updated, frame);
        return updated is UnknownValue ? updated : inc.IsPostfix ? old : updated;
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
                    if (i.Alignment is not null)
                    {
                        if (!ValueConversions.TryLong(Eval(i.Alignment, frame), out var width)) return Value.Unknown;
                        text = width < 0 ? text.PadRight((int)-width) : text.PadLeft((int)width);
                    }
                    sb.Append(text);
                    break;
                default:
                    return Value.Unknown;
            }
        }
        return new PrimValue(sb.ToString());
    }

    /// <summary>Formats like .NET would under the invariant culture (the generator must not depend on the machine's culture).</summary>
    internal static string? FormatPrim(Value v, string? format = null)
    {
        try { return FormatExact(v, format); }
        catch (FormatException) { return null; }
    }

    private static string? FormatExact(Value v, string? format) => v switch
    {
        // Formats whose output depends on more than the value (a float's own precision) are unknown.
        _ when format is not null && !SafeFormat(format) => null,
        PrimValue { Raw: long l } => l.ToString(format, CultureInfo.InvariantCulture),
        // "R" when no format is given: the shortest round-trip text on every runtime (.NET Framework's
        // default would print 15 digits inside Visual Studio, .NET's the shortest form).
        PrimValue { Raw: double d } => d.ToString(format ?? "R", CultureInfo.InvariantCulture),
        PrimValue { Raw: bool b } => b ? "True" : "False",
        PrimValue { Raw: string str } => str,
        PrimValue { Raw: char ch } => ch.ToString(),
        PrimValue { Raw: EnumName e } when format is null => e.Name.EndsWith(")", StringComparison.Ordinal) ? e.Ordinal.ToString(CultureInfo.InvariantCulture) : e.Name.Substring(e.Name.LastIndexOf('.') + 1),
        PrimValue { Raw: EnumName } => null,
        PrimValue { Raw: bool or char or string or null } when format is not null => null,
        PrimValue { Raw: null } => "",
        IndexValue i when format is null => (i.FromEnd ? "^" : "") + i.Offset.ToString(CultureInfo.InvariantCulture),
        _ => null,
    };

    /// <summary>Standard numeric formats with an explicit precision, or custom digit patterns.</summary>
    private static bool SafeFormat(string format) =>
        format.Length > 0 && (format.All(ch => ch is '0' or '#' or '.' or ',') ||
                              ("DdFfNnEePpGgRr".IndexOf(format[0]) >= 0 && format.Skip(1).All(char.IsDigit)));

    private Value CreateArray(IArrayCreationOperation ac, Frame frame)
    {
        if (ac.Initializer is not null) return Eval(ac.Initializer, frame);
        if (ac.DimensionSizes.Length == 1 && ValueConversions.TryLong(Eval(ac.DimensionSizes[0], frame), out var n) && n >= 0 && n <= _limits.MaxCollectionItems)
        {
            var elementType = (ac.Type as IArrayTypeSymbol)?.ElementType;
            var items = new List<Value>((int)n);
            var initial = DefaultOf(elementType);
            for (long i = 0; i < n; i++) items.Add(initial);
            return new ListValue(items) { IsArray = true };
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
                    // 'var x' always matches; 'T x' on a value of static type T or T? is a null test.
                    var r = dp.MatchedType is null ? (v is UnknownValue ? null : true)
                        : MatchesStaticType(dp.InputType, dp.MatchedType) ? (v is UnknownValue ? null : v is PrimValue { IsNull: true } ? false : true)
                        : IsOfType(v, dp.MatchedType);
                    if (r == true && dp.DeclaredSymbol is not null) frame.Declare(dp.DeclaredSymbol, v);
                    return r;
                }
            case ITypePatternOperation tp:
                return MatchesStaticType(tp.InputType, tp.MatchedType) ? (v is UnknownValue ? null : v is PrimValue { IsNull: true } ? false : true) : IsOfType(v, tp.MatchedType);
            case IRelationalPatternOperation rp:
                {
                    if (v is PrimValue { IsNull: true }) return false;
                    var r = Binary(rp.OperatorKind, v, Eval(rp.Value, frame), rp, rp.Value.Type, rp.Value.Type);
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
                {
                    if (v is PrimValue { IsNull: true }) return false;
                    if (v is UnknownValue) return null;
                    if (rec.MatchedType is not null && !MatchesStaticType(rec.InputType, rec.MatchedType))
                    {
                        var typeTest = IsOfType(v, rec.MatchedType);
                        if (typeTest != true) return typeTest;
                    }
                    if (!rec.DeconstructionSubpatterns.IsEmpty)
                    {
                        if (v is not TupleValue t || t.Items.Count != rec.DeconstructionSubpatterns.Length || rec.DeconstructSymbol is not null) return null;
                        for (int i = 0; i < t.Items.Count; i++)
                        {
                            var m = MatchPattern(t.Items[i], rec.DeconstructionSubpatterns[i], frame);
                            if (m != true) return m;
                        }
                    }
                    foreach (var sub in rec.PropertySubpatterns)
                    {
                        var saved = _patternInput;
                        _patternInput = v;
                        Value member;
                        try { member = Eval(sub.Member, frame); }
                        finally { _patternInput = saved; }
                        var m = MatchPattern(member, sub.Pattern, frame);
                        if (m != true) return m;
                    }
                    if (rec.DeclaredSymbol is not null) frame.Declare(rec.DeclaredSymbol, v);
                    return true;
                }
            default:
                return null;
        }
    }

    private Value? _patternInput;

    /// <summary>True when a value of static type <paramref name="input"/> is always a <paramref name="matched"/> unless null.</summary>
    private static bool MatchesStaticType(ITypeSymbol? input, ITypeSymbol matched)
    {
        if (input is null) return false;
        if (SymbolEqualityComparer.Default.Equals(input, matched)) return true;
        return input is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } n &&
               SymbolEqualityComparer.Default.Equals(n.TypeArguments[0], matched);
    }

    // The same class; a constructed generic type only with the same type arguments (an open one matches any).
    private static bool SameType(ITypeSymbol candidate, ITypeSymbol type) =>
        type is INamedTypeSymbol { IsGenericType: true } g && !g.IsUnboundGenericType && !ReferenceEquals(g, g.OriginalDefinition)
            ? SymbolEqualityComparer.Default.Equals(candidate, type)
            : SymbolEqualityComparer.Default.Equals(candidate.OriginalDefinition, type.OriginalDefinition);

    private static bool? IsOfType(Value v, ITypeSymbol type)
    {
        switch (v)
        {
            case PrimValue { IsNull: true }: return false;
            case UnknownValue: return null;
            case ModuleValue m:
                if (m.CustomType is not null)
                {
                    // Module<IList<Tensor>, Tensor> is not Module<Tensor, Tensor>: type arguments count (YoloSharp's
                    // Concat must not match `case Module<Tensor, Tensor> mod`).
                    for (var t = (ITypeSymbol?)m.CustomType; t is not null; t = t.BaseType)
                        if (SameType(t, type)) return true;
                    return TorchNames.IsModule(type) || type.TypeKind == TypeKind.Class ? false : null;
                }
                if (type.Name == m.TypeName || type.Name == "Module") return true;
                return TorchNames.IsModule(type) ? false : null;
            // Integers are held as long and reals as double, so int vs long (or float vs double) cannot be told apart.
            case PrimValue { Raw: long or double }:
                return type.SpecialType is SpecialType.System_Object ? true : type.SpecialType is SpecialType.System_String or SpecialType.System_Boolean or SpecialType.System_Char ? false : null;
            case PrimValue { Raw: string }: return type.SpecialType is SpecialType.System_String or SpecialType.System_Object ? true : type.IsValueType ? false : null;
            case PrimValue { Raw: bool }: return type.SpecialType is SpecialType.System_Boolean or SpecialType.System_Object ? true : type.SpecialType != SpecialType.None ? false : null;
            case ObjectValue o:
                for (var t = (ITypeSymbol?)o.Type; t is not null; t = t.BaseType)
                    if (SameType(t, type)) return true;
                if (type.SpecialType == SpecialType.System_Object) return true;
                if (type.TypeKind == TypeKind.Interface) return null;
                return false;
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
            if (pa.Raw is double d1 && pb.Raw is double d2) return d1 == d2;
            if (pa.Raw is long la && pb.Raw is double db) return la == db;
            if (pa.Raw is double da && pb.Raw is long lb) return da == lb;
            return pa.Raw.Equals(pb.Raw);
        }
        if (a is PrimValue { IsNull: true } && b is not UnknownValue) return b is PrimValue { IsNull: true };
        if (b is PrimValue { IsNull: true } && a is not UnknownValue) return false;
        if (a is UnknownValue || b is UnknownValue) return null;
        // Sizes read from traced tensors (foreach over x.shape, x.shape.SequenceEqual(y.shape)): the same size is
        // equal to itself; two different ones may or may not be equal (the caller resolves what it can first).
        if (a is SizeRefValue || b is SizeRefValue)
            return a is SizeRefValue sa && b is SizeRefValue sb && sa.Dim.ToString() == sb.Dim.ToString() ? true : null;
        if (a is TypeValue typeA && b is TypeValue typeB) return SymbolEqualityComparer.Default.Equals(typeA.Type, typeB.Type);
        if (a is TupleValue ta && b is TupleValue tb)
        {
            // Value tuples compare element by element.
            if (ta.Items.Count != tb.Items.Count) return false;
            bool? all = true;
            for (int i = 0; i < ta.Items.Count; i++)
            {
                var e = ValuesEqual(ta.Items[i], tb.Items[i]);
                if (e == false) return false;
                if (e is null) all = null;
            }
            return all;
        }
        if (a is IndexValue ia && b is IndexValue ib) return ia.Offset == ib.Offset && ia.FromEnd == ib.FromEnd;
        // Records and structs compare by value; modules and plain classes by reference.
        if (a is ObjectValue oa && (oa.Type.IsRecord || oa.Type.IsValueType)) return null;
        if (a is PrimValue || b is PrimValue || a is TupleValue || b is TupleValue) return null;
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
                Graph?.BindLocal(value, l.Local.Name);
                return;
            case IDiscardOperation:
                return;
            default:
                Assign(target, value, frame);
                return;
        }
    }
}
