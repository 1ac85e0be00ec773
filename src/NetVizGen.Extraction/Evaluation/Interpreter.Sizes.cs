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
        if (member == "shape" && args.Count == 0) return new ShapeRefValue(t.NodeId);
        if (member == "size" && args.Count == 1 && ValueConversions.TryLong(args[0], out var axis))
            return new SizeRefValue(DimRef.Of(t.NodeId, (int)axis));
        return null;
    }

    private static Value? SizeIndex(Value container, Value index) =>
        container is ShapeRefValue s && ValueConversions.TryLong(index, out var axis) ? new SizeRefValue(DimRef.Of(s.NodeId, (int)axis)) : null;

    /// <summary>Products of sizes stay symbolic (<c>x.size(1) * x.size(2)</c>, <c>b * heads</c>); other arithmetic is unknown.</summary>
    private static Value? SizeBinary(BinaryOperatorKind kind, Value l, Value r)
    {
        if (l is not SizeRefValue && r is not SizeRefValue) return null;
        if (kind != BinaryOperatorKind.Multiply) return Value.Unknown;
        return (l, r) switch
        {
            (SizeRefValue a, SizeRefValue b) => new SizeRefValue(a.Dim.Times(b.Dim)),
            (SizeRefValue a, _) when ValueConversions.TryLong(r, out var k) => new SizeRefValue(a.Dim.Times(k)),
            (_, SizeRefValue b) when ValueConversions.TryLong(l, out var k) => new SizeRefValue(b.Dim.Times(k)),
            _ => Value.Unknown,
        };
    }
}
