using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace NetVizGen.Extraction.Evaluation;

/// <summary>
/// Operators with C#'s exact numeric semantics: integers are held as <c>long</c> but every result is
/// fitted to the operation's C# type (an <c>int</c> wraps at 32 bits, a shift count is masked, a
/// <c>float</c> rounds to single precision); what C# would throw on, or what cannot be represented
/// exactly (<c>decimal</c>, <c>ulong</c>), is unknown.
/// </summary>
internal sealed partial class Interpreter
{
    private Value BinaryOp(IBinaryOperation b, Frame frame)
    {
        // Short-circuit operators evaluate the right side only when needed, like C#.
        if (b.OperatorKind is BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr)
        {
            var left = ValueConversions.TryBool(Eval(b.LeftOperand, frame));
            if (left is null) return Value.Unknown;
            if (b.OperatorKind == BinaryOperatorKind.ConditionalAnd && !left.Value) return new PrimValue(false);
            if (b.OperatorKind == BinaryOperatorKind.ConditionalOr && left.Value) return new PrimValue(true);
            var right = ValueConversions.TryBool(Eval(b.RightOperand, frame));
            return right is null ? Value.Unknown : new PrimValue(right.Value);
        }
        var l = Eval(b.LeftOperand, frame);
        var r = Eval(b.RightOperand, frame);
        if (b.OperatorMethod is { } op && !IsPredefinedOperator(op))
        {
            // A user-defined operator runs its body; a compiler-synthesized one (record ==) is not modelled.
            return HasSource(op) && !op.IsImplicitlyDeclared ? CallSourceMethod(op, null, new List<Value> { l, r }, b) : Value.Unknown;
        }
        return Binary(b.OperatorKind, l, r, b, b.LeftOperand.Type, b.RightOperand.Type, b.Type, b.IsChecked);
    }

    /// <summary>
    /// Operators the evaluator models itself: string/object/delegate ones, System.Type's equality (the same class:
    /// <c>layer.GetType() == typeof(BatchNorm2d)</c>), and TorchSharp's (traced as tensor ops).
    /// </summary>
    private static bool IsPredefinedOperator(IMethodSymbol op) =>
        op.ContainingType.SpecialType is SpecialType.System_String or SpecialType.System_Object or SpecialType.System_Delegate
        || op.ContainingType is { Name: "Type", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } }
        || TorchNames.IsTorchSharpType(op.ContainingType);

    /// <summary>
    /// A binary operator on evaluated operands. The operand and result types decide the arithmetic
    /// (C# numeric promotion); without them (tracing helpers) integers are longs and the rest doubles.
    /// </summary>
    private Value Binary(BinaryOperatorKind kind, Value l, Value r, IOperation site,
        ITypeSymbol? leftType = null, ITypeSymbol? rightType = null, ITypeSymbol? resultType = null, bool isChecked = false)
    {
        if (IsTensorLike(l) || IsTensorLike(r)) return TensorBinary(kind, l, r, site);
        if (SizeBinary(kind, l, r, integral: ValueConversions.IsIntegralType(resultType)) is { } size)
        {
            if (size is not UnknownValue) return size;
            // What sizes cannot say symbolically (H % window, a comparison of two sizes): the value the shapes
            // traced so far give them, when those are known numbers (TracedShapes), else unknown.
            if (Concrete(l) is not { } cl || Concrete(r) is not { } cr) return size;
            l = cl;
            r = cr;
        }

        switch (kind)
        {
            case BinaryOperatorKind.Equals: return ValuesEqual(l, r) is bool eq ? new PrimValue(eq) : Value.Unknown;
            case BinaryOperatorKind.NotEquals: return ValuesEqual(l, r) is bool ne ? new PrimValue(!ne) : Value.Unknown;
        }

        var result = Underlying(resultType);
        if (kind == BinaryOperatorKind.Add && (result?.SpecialType == SpecialType.System_String || IsString(l) || IsString(r)))
        {
            // String concatenation: null is "", everything else its ToString().
            var sa = FormatPrim(l);
            var sc = FormatPrim(r);
            return sa is null || sc is null ? Value.Unknown : new PrimValue(sa + sc);
        }

        if (l is not PrimValue pl || r is not PrimValue pr) return Value.Unknown;
        if (pl.Raw is null || pr.Raw is null)
        {
            // Lifted operators: null in, null out; lifted comparisons are false.
            if (kind is BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual or BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual)
                return new PrimValue(false);
            if (result is { SpecialType: SpecialType.System_Boolean }) return Value.Unknown; // bool? & | have three-valued logic
            return Value.Null;
        }
        var a = pl.Raw;
        var c = pr.Raw;

        if (a is bool ba && c is bool bc)
        {
            return kind switch
            {
                BinaryOperatorKind.And => new PrimValue(ba & bc),
                BinaryOperatorKind.Or => new PrimValue(ba | bc),
                BinaryOperatorKind.ExclusiveOr => new PrimValue(ba ^ bc),
                _ => Value.Unknown,
            };
        }

        if (a is char ca) a = (long)ca;
        if (c is char cc) c = (long)cc;
        if (a is EnumName ea) a = ea.Ordinal;
        if (c is EnumName ec) c = ec.Ordinal;

        var numeric = NumericType(kind, leftType, rightType);
        if (numeric is SpecialType.System_Decimal or SpecialType.System_UInt64) return Value.Unknown;

        if (a is long x && c is long y && numeric is not (SpecialType.System_Double or SpecialType.System_Single))
            return IntegerBinary(kind, x, y, numeric, isChecked);

        if ((a is long or double) && (c is long or double))
        {
            double dx = a is long la ? la : (double)a;
            double dy = c is long lc ? lc : (double)c;
            if (numeric == SpecialType.System_Single)
            {
                float fx = (float)dx, fy = (float)dy;
                return kind switch
                {
                    BinaryOperatorKind.Add => PrimValue.Of(fx + fy),
                    BinaryOperatorKind.Subtract => PrimValue.Of(fx - fy),
                    BinaryOperatorKind.Multiply => PrimValue.Of(fx * fy),
                    BinaryOperatorKind.Divide => PrimValue.Of(fx / fy),
                    BinaryOperatorKind.Remainder => PrimValue.Of(fx % fy),
                    BinaryOperatorKind.LessThan => new PrimValue(fx < fy),
                    BinaryOperatorKind.LessThanOrEqual => new PrimValue(fx <= fy),
                    BinaryOperatorKind.GreaterThan => new PrimValue(fx > fy),
                    BinaryOperatorKind.GreaterThanOrEqual => new PrimValue(fx >= fy),
                    _ => Value.Unknown,
                };
            }
            return kind switch
            {
                BinaryOperatorKind.Add => new PrimValue(dx + dy),
                BinaryOperatorKind.Subtract => new PrimValue(dx - dy),
                BinaryOperatorKind.Multiply => new PrimValue(dx * dy),
                BinaryOperatorKind.Divide => new PrimValue(dx / dy),
                BinaryOperatorKind.Remainder => new PrimValue(dx % dy),
                BinaryOperatorKind.LessThan => new PrimValue(dx < dy),
                BinaryOperatorKind.LessThanOrEqual => new PrimValue(dx <= dy),
                BinaryOperatorKind.GreaterThan => new PrimValue(dx > dy),
                BinaryOperatorKind.GreaterThanOrEqual => new PrimValue(dx >= dy),
                _ => Value.Unknown,
            };
        }
        return Value.Unknown;
    }

    private static bool IsString(Value v) => v is PrimValue { Raw: string };

    /// <summary>Integer arithmetic in <paramref name="type"/> (int, uint or long; long when not known).</summary>
    private static Value IntegerBinary(BinaryOperatorKind kind, long x, long y, SpecialType type, bool isChecked)
    {
        bool is32 = type is SpecialType.System_Int32 or SpecialType.System_UInt32;
        int shiftMask = is32 ? 31 : 63;
        long raw;
        try
        {
            switch (kind)
            {
                case BinaryOperatorKind.Add: raw = type == SpecialType.System_Int64 && isChecked ? checked(x + y) : unchecked(x + y); break;
                case BinaryOperatorKind.Subtract: raw = type == SpecialType.System_Int64 && isChecked ? checked(x - y) : unchecked(x - y); break;
                case BinaryOperatorKind.Multiply: raw = type == SpecialType.System_Int64 && isChecked ? checked(x * y) : unchecked(x * y); break;
                case BinaryOperatorKind.Divide:
                case BinaryOperatorKind.Remainder:
                    // Division by zero and MinValue / -1 throw in C#.
                    if (y == 0) return Value.Unknown;
                    if (y == -1 && (x == long.MinValue || (type == SpecialType.System_Int32 && x == int.MinValue))) return Value.Unknown;
                    raw = kind == BinaryOperatorKind.Divide ? x / y : x % y;
                    break;
                case BinaryOperatorKind.LeftShift: raw = is32 ? (type == SpecialType.System_UInt32 ? (long)((uint)x << (int)(y & shiftMask)) : (int)x << (int)(y & shiftMask)) : x << (int)(y & shiftMask); break;
                case BinaryOperatorKind.RightShift: raw = is32 ? (type == SpecialType.System_UInt32 ? (long)((uint)x >> (int)(y & shiftMask)) : (int)x >> (int)(y & shiftMask)) : x >> (int)(y & shiftMask); break;
                case BinaryOperatorKind.UnsignedRightShift: raw = is32 ? (long)((uint)x >> (int)(y & shiftMask)) : (long)((ulong)x >> (int)(y & shiftMask)); if (is32 && type == SpecialType.System_Int32) raw = (int)raw; break;
                case BinaryOperatorKind.And: raw = x & y; break;
                case BinaryOperatorKind.Or: raw = x | y; break;
                case BinaryOperatorKind.ExclusiveOr: raw = x ^ y; break;
                case BinaryOperatorKind.LessThan: return new PrimValue(x < y);
                case BinaryOperatorKind.LessThanOrEqual: return new PrimValue(x <= y);
                case BinaryOperatorKind.GreaterThan: return new PrimValue(x > y);
                case BinaryOperatorKind.GreaterThanOrEqual: return new PrimValue(x >= y);
                default: return Value.Unknown;
            }
        }
        catch (OverflowException) { return Value.Unknown; }
        return FitInteger(raw, type, isChecked);
    }

    /// <summary>An integer result wrapped (or, checked, rejected) to the range of <paramref name="type"/>.</summary>
    private static Value FitInteger(long raw, SpecialType type, bool isChecked)
    {
        long fitted = type switch
        {
            SpecialType.System_Int32 => (int)raw,
            SpecialType.System_UInt32 => (uint)raw,
            SpecialType.System_Int16 => (short)raw,
            SpecialType.System_UInt16 => (ushort)raw,
            SpecialType.System_Byte => (byte)raw,
            SpecialType.System_SByte => (sbyte)raw,
            SpecialType.System_Char => (char)raw,
            _ => raw,
        };
        if (isChecked && fitted != raw) return Value.Unknown;
        return type == SpecialType.System_Char ? new PrimValue((char)fitted) : new PrimValue(fitted);
    }

    /// <summary>The type C#'s binary numeric promotion computes in (shifts: the left operand's type).</summary>
    private static SpecialType NumericType(BinaryOperatorKind kind, ITypeSymbol? left, ITypeSymbol? right)
    {
        var a = Promote(Underlying(left)?.SpecialType ?? SpecialType.None);
        if (kind is BinaryOperatorKind.LeftShift or BinaryOperatorKind.RightShift or BinaryOperatorKind.UnsignedRightShift) return a;
        var b = Promote(Underlying(right)?.SpecialType ?? SpecialType.None);
        if (a == SpecialType.None || b == SpecialType.None) return a == SpecialType.None ? b : a;
        SpecialType[] order = { SpecialType.System_Decimal, SpecialType.System_Double, SpecialType.System_Single, SpecialType.System_UInt64, SpecialType.System_Int64 };
        foreach (var t in order) if (a == t || b == t) return t;
        if (a == SpecialType.System_UInt32 && b == SpecialType.System_UInt32) return SpecialType.System_UInt32;
        if (a == SpecialType.System_UInt32 || b == SpecialType.System_UInt32) return SpecialType.System_Int64;
        return SpecialType.System_Int32;
    }

    private static SpecialType Promote(SpecialType t) => t switch
    {
        SpecialType.System_SByte or SpecialType.System_Byte or SpecialType.System_Int16 or SpecialType.System_UInt16 or SpecialType.System_Char or SpecialType.System_Int32 => SpecialType.System_Int32,
        SpecialType.System_UInt32 or SpecialType.System_Int64 or SpecialType.System_UInt64 or SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_Decimal => t,
        _ => SpecialType.None,
    };

    /// <summary>The T of <c>T?</c>, an enum's underlying type, or the type itself.</summary>
    private static ITypeSymbol? Underlying(ITypeSymbol? type)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } n) type = n.TypeArguments[0];
        if (type is INamedTypeSymbol { TypeKind: TypeKind.Enum, EnumUnderlyingType: { } u }) type = u;
        return type;
    }

    /// <summary>Fits a computed value to the C# type it is stored as (compound assignments to byte, char, float...).</summary>
    private static Value FitTo(Value v, ITypeSymbol? type)
    {
        if (v is not PrimValue { Raw: not null } p) return v;
        if (type is INamedTypeSymbol { TypeKind: TypeKind.Enum } && p.Raw is long ord) return EnumFromOrdinal(type, ord);
        var t = Underlying(type);
        switch (t?.SpecialType)
        {
            case SpecialType.System_Decimal:
            case SpecialType.System_UInt64:
                return Value.Unknown;
            case SpecialType.System_Single:
                return p.Raw is long or double ? PrimValue.Of((float)(p.Raw is long l ? l : (double)p.Raw)) : v;
            case SpecialType.System_Double:
                return p.Raw is long l2 ? new PrimValue((double)l2) : v;
            case SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int16 or SpecialType.System_UInt16
                or SpecialType.System_Byte or SpecialType.System_SByte or SpecialType.System_Char or SpecialType.System_Int64:
                if (p.Raw is long l3) return FitInteger(l3, t.SpecialType, false);
                if (p.Raw is char ch) return FitInteger(ch, t.SpecialType, false);
                return v;
            default:
                return v;
        }
    }

    /// <summary>The member of enum <paramref name="type"/> with this ordinal (or an unnamed value).</summary>
    private static Value EnumFromOrdinal(ITypeSymbol type, long ordinal)
    {
        foreach (var member in type.GetMembers().OfType<IFieldSymbol>())
        {
            if (member.HasConstantValue && System.Convert.ToInt64(member.ConstantValue, System.Globalization.CultureInfo.InvariantCulture) == ordinal)
                return new PrimValue(new EnumName(type.Name + "." + member.Name, ordinal));
        }
        return new PrimValue(new EnumName(type.Name + "(" + ordinal.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")", ordinal));
    }

    private Value Unary(IUnaryOperation u, Frame frame)
    {
        var v = Eval(u.Operand, frame);
        if (IsTensorLike(v)) return TensorUnary(u, v);
        if (u.OperatorKind == UnaryOperatorKind.Hat)
            return ValueConversions.TryLong(v, out var fromEnd) ? new IndexValue(fromEnd, fromEnd: true) : Value.Unknown;
        if (u.OperatorMethod is { } op && !IsPredefinedOperator(op))
            return HasSource(op) && !op.IsImplicitlyDeclared ? CallSourceMethod(op, null, new List<Value> { v }, u) : Value.Unknown;
        if (v is PrimValue { IsNull: true }) return u.IsLifted ? Value.Null : Value.Unknown;
        var type = Underlying(u.Type)?.SpecialType ?? SpecialType.None;
        if (type is SpecialType.System_Decimal or SpecialType.System_UInt64) return Value.Unknown;
        if (v is PrimValue { Raw: char ch }) v = new PrimValue((long)ch);
        switch (u.OperatorKind, v)
        {
            case (UnaryOperatorKind.Not, PrimValue { Raw: bool b }): return new PrimValue(!b);
            case (UnaryOperatorKind.Minus, PrimValue { Raw: long l }):
                if (u.IsChecked && (l == long.MinValue || (type == SpecialType.System_Int32 && l == int.MinValue))) return Value.Unknown;
                return FitInteger(unchecked(-l), type, false);
            case (UnaryOperatorKind.Minus, PrimValue { Raw: double d }): return type == SpecialType.System_Single ? PrimValue.Of(-(float)d) : new PrimValue(-d);
            case (UnaryOperatorKind.Plus, PrimValue p): return p;
            case (UnaryOperatorKind.BitwiseNegation, PrimValue { Raw: long l }): return FitInteger(~l, type, false);
            default: return Value.Unknown;
        }
    }
}
