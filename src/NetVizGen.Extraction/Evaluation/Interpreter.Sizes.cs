using Microsoft.CodeAnalysis.Operations;
using NetVizGen.Model.Shapes;

namespace NetVizGen.Extraction.Evaluation;

/// <summary>A size read from a traced tensor in forward (<c>x.size(0)</c>, <c>x.shape[1]</c>): symbolic, resolved by shape analysis.</summary>
internal sealed class SizeRefValue : Value
{
    public SizeRefValue(DimRef dim) => Dim = dim;
    public DimRef Dim { get; }
}

/// <summary><c>x.shape</c> of a traced tensor: indexing or deconstructing it gives <see cref="SizeRefValue"/>s.</summary>
internal sealed class ShapeRefValue : Value
{
    public ShapeRefValue(int nodeId) => NodeId = nodeId;
    public int NodeId { get; }
}

internal sealed partial class Interpreter
{
    /// <summary><c>x.size(i)</c> / <c>x.shape</c> on a traced tensor; null when it is neither.</summary>
    private Value? TensorSize(string member, Value? receiver, List<Value> args)
    {
        if (receiver is not TensorValue t) return null;
        // x.shape and x.size() both give the sizes (GPT ports write `var (b, t) = (idx.size()[0], idx.size()[1])`).
        if (member is "shape" or "size" && args.Count == 0) return new ShapeRefValue(t.NodeId);
        if (member == "size" && args.Count == 1 && ValueConversions.TryLong(args[0], out var axis))
            return new SizeRefValue(DimRef.Of(t.NodeId, (int)axis));
        return null;
    }

    private static Value? SizeIndex(Value container, Value index) =>
        container is ShapeRefValue s && ValueConversions.TryLong(index, out var axis) ? new SizeRefValue(DimRef.Of(s.NodeId, (int)axis)) : null;

    /// <summary>
    /// Sums, differences and products of sizes stay symbolic (<c>x.size(1) * x.size(2)</c>, <c>b * heads</c>,
    /// <c>start_pos + seqlen</c>, <c>T - 1</c>), and so does an integer division by a constant (<c>C / n_head</c>);
    /// other arithmetic (remainders, a divided size in further arithmetic) is unknown.
    /// </summary>
    private static Value? SizeBinary(BinaryOperatorKind kind, Value l, Value r, bool integral)
    {
        if (l is not SizeRefValue && r is not SizeRefValue) return null;
        var a = (l as SizeRefValue)?.Dim;
        var b = (r as SizeRefValue)?.Dim;
        long k = 0;
        if (a is null && !ValueConversions.TryLong(l, out k) || b is null && !ValueConversions.TryLong(r, out k)) return Value.Unknown;
        // C / n_head: integer division of a size by a positive constant floors (sizes are never negative).
        if (kind == BinaryOperatorKind.Divide)
            return integral && a is not null && b is null && a.DividedBy(k) is { } quotient ? new SizeRefValue(quotient) : Value.Unknown;
        if (a is { IsDivided: true } || b is { IsDivided: true }) return Value.Unknown;
        DimRef? result = kind switch
        {
            BinaryOperatorKind.Multiply => a is not null && b is not null ? a.Times(b) : (a ?? b)!.Times(k),
            BinaryOperatorKind.Add => a is not null && b is not null ? a.Plus(b) : (a ?? b)!.Plus(k),
            BinaryOperatorKind.Subtract => a is not null && b is not null ? a.Plus(b.Times(-1)) : a is not null ? a.Plus(-k) : b!.Times(-1).Plus(k),
            _ => null,
        };
        return result is null ? Value.Unknown : new SizeRefValue(result);
    }

    /// <summary>A size read from a traced tensor as the number the shapes traced so far make it; other values as they are; null when a size is not a known number.</summary>
    private Value? Concrete(Value v) => v switch
    {
        SizeRefValue s => Shapes?.ValueOf(s.Dim) is long n ? new PrimValue(n) : null,
        _ => v,
    };

    /// <summary>
    /// <c>x.shape</c> passed whole (<c>output.reshape(input_shape)</c>): one size per dim of the traced tensor, its rank
    /// taken from the shapes traced so far; other values as they are.
    /// </summary>
    private Value WholeShape(Value v) =>
        v is ShapeRefValue s && Shapes?.RankOf(s.NodeId) is int rank
            ? new ListValue(Enumerable.Range(0, rank).Select(axis => (Value)new SizeRefValue(DimRef.Of(s.NodeId, axis))).ToList())
            : v;
}
