using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace NetVizGen.Extraction.Evaluation;

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
        return Binary(b.OperatorKind, l, r, b);
    }

    private Value Binary(BinaryOperatorKind kind, Value l, Value r, IOperation site)
    {
        if (IsTensorLike(l) || IsTensorLike(r)) return TensorBinary(kind, l, r, site);
        if (SizeBinary(kind, l, r) is { } size) return size;

        switch (kind)
        {
            case BinaryOperatorKind.Equals: return ValuesEqual(l, r) is bool eq ? new PrimValue(eq) : Value.Unknown;
            case BinaryOperatorKind.NotEquals: return ValuesEqual(l, r) is bool ne ? new PrimValue(!ne) : Value.Unknown;
        }

        if (l is not PrimValue { Raw: not null } pl || r is not PrimValue { Raw: not null } pr) return Value.Unknown;
        var a = pl.Raw;
        var c = pr.Raw;

        if (kind == BinaryOperatorKind.Add && (a is string || c is string))
        {
            var sa = FormatPrim(l);
            var sc = FormatPrim(r);
            return sa is null || sc is null ? Value.Unknown : new PrimValue(sa + sc);
        }

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

        if (a is long x && c is long y)
        {
            switch (kind)
            {
                case BinaryOperatorKind.Add: return new PrimValue(x + y);
                case BinaryOperatorKind.Subtract: return new PrimValue(x - y);
                case BinaryOperatorKind.Multiply: return new PrimValue(x * y);
                case BinaryOperatorKind.Divide: return y == 0 ? Value.Unknown : new PrimValue(x / y);
                case BinaryOperatorKind.Remainder: return y == 0 ? Value.Unknown : new PrimValue(x % y);
                case BinaryOperatorKind.LeftShift: return new PrimValue(x << (int)y);
                case BinaryOperatorKind.RightShift: return new PrimValue(x >> (int)y);
                case BinaryOperatorKind.And: return new PrimValue(x & y);
                case BinaryOperatorKind.Or: return new PrimValue(x | y);
                case BinaryOperatorKind.ExclusiveOr: return new PrimValue(x ^ y);
                case BinaryOperatorKind.LessThan: return new PrimValue(x < y);
                case BinaryOperatorKind.LessThanOrEqual: return new PrimValue(x <= y);
                case BinaryOperatorKind.GreaterThan: return new PrimValue(x > y);
                case BinaryOperatorKind.GreaterThanOrEqual: return new PrimValue(x >= y);
            }
            return Value.Unknown;
        }

        if ((a is long or double) && (c is long or double))
        {
            double dx = a is long la ? la : (double)a;
            double dy = c is long lc ? lc : (double)c;
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

    private Value Unary(IUnaryOperation u, Frame frame)
    {
        var v = Eval(u.Operand, frame);
        if (IsTensorLike(v)) return TensorUnary(u, v);
        return (u.OperatorKind, v) switch
        {
            (UnaryOperatorKind.Not, PrimValue { Raw: bool b }) => new PrimValue(!b),
            (UnaryOperatorKind.Minus, PrimValue { Raw: long l }) => new PrimValue(-l),
            (UnaryOperatorKind.Minus, PrimValue { Raw: double d }) => new PrimValue(-d),
            (UnaryOperatorKind.Plus, PrimValue p) => p,
            (UnaryOperatorKind.BitwiseNegation, PrimValue { Raw: long l }) => new PrimValue(~l),
            _ => Value.Unknown,
        };
    }
}
