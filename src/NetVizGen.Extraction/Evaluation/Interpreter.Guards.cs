using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using NetVizGen.Model.Analysis;

namespace NetVizGen.Extraction.Evaluation;

/// <summary>
/// A condition in <c>forward</c> that tracing cannot decide, as a <see cref="ShapeGuards"/> expression over
/// traced sizes and ranks (<c>x.shape[1] != 4</c>, <c>x.ndim == 3 || x.dim() == 4</c>), so shape analysis can
/// decide it later. Parts it cannot express stay <c>unk</c>; a condition with nothing it can express gives
/// no guard.
/// </summary>
internal sealed partial class Interpreter
{
    private string? ShapeGuardOf(IOperation condition, Frame frame)
    {
        var guard = Guard(condition, frame);
        return guard.Contains("rank(") || guard.Contains("#") ? guard : null;
    }

    private string Guard(IOperation op, Frame frame)
    {
        switch (op)
        {
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.And } both when IsBool(both.Type):
                return ShapeGuards.And(Guard(both.LeftOperand, frame), Guard(both.RightOperand, frame));
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr or BinaryOperatorKind.Or } either when IsBool(either.Type):
                return ShapeGuards.Or(Guard(either.LeftOperand, frame), Guard(either.RightOperand, frame));
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } negated:
                return ShapeGuards.Not(Guard(negated.Operand, frame));
            case IBinaryOperation { OperatorMethod: null } compare when ComparisonName(compare.OperatorKind) is { } name:
                return GuardTerm(compare.LeftOperand, frame) is { } left && GuardTerm(compare.RightOperand, frame) is { } right
                    ? ShapeGuards.Compare(name, left, right)
                    : ShapeGuards.UnknownPart;
            // A flag known while tracing (useRnn in useRnn && x.dim() == 2): its value, so the traced part
            // decides the whole. Only plain reads are evaluated again here (a field, local, parameter, constant or
            // auto-property): a getter with a body could trace or warn a second time.
            case IFieldReferenceOperation or ILocalReferenceOperation or IParameterReferenceOperation or ILiteralOperation
                when IsBool(op.Type) && ValueConversions.TryBool(Eval(op, frame)) is bool known:
                return ShapeGuards.Known(known);
            case IPropertyReferenceOperation { Property: var property }
                when IsBool(op.Type) && IsAutoProperty(property) && ValueConversions.TryBool(Eval(op, frame)) is bool known:
                return ShapeGuards.Known(known);
            default:
                return ShapeGuards.UnknownPart;
        }
    }

    private static string? ComparisonName(BinaryOperatorKind kind) => kind switch
    {
        BinaryOperatorKind.Equals => "eq",
        BinaryOperatorKind.NotEquals => "ne",
        BinaryOperatorKind.LessThan => "lt",
        BinaryOperatorKind.LessThanOrEqual => "le",
        BinaryOperatorKind.GreaterThan => "gt",
        BinaryOperatorKind.GreaterThanOrEqual => "ge",
        _ => null,
    };

    // A number, a traced tensor's rank, or a size read from a traced tensor.
    private string? GuardTerm(IOperation op, Frame frame)
    {
        while (op is IConversionOperation { OperatorMethod: null } conversion) op = conversion.Operand;
        // x.ndim, x.Dimensions, x.dim(), x.ndimension(), x.shape.Length
        IOperation? ranked = op switch
        {
            IPropertyReferenceOperation { Property.Name: "ndim" or "Dimensions", Instance: { } t } => t,
            IInvocationOperation { TargetMethod.Name: "dim" or "ndimension", Arguments.Length: 0, Instance: { } t } => t,
            IPropertyReferenceOperation { Property.Name: "Length" or "LongLength", Instance: IPropertyReferenceOperation { Property.Name: "shape", Instance: { } t } } => t,
            _ => null,
        };
        if (ranked is not null) return Eval(ranked, frame) is TensorValue tensor ? ShapeGuards.Rank(tensor.NodeId) : null;
        return Eval(op, frame) switch
        {
            SizeRefValue size => size.Dim.ToString(),
            var v when ValueConversions.IsIntegralType(op.Type) && ValueConversions.TryLong(v, out var n) => ShapeGuards.Const(n),
            _ => null,
        };
    }

    private static bool IsBool(ITypeSymbol? type) => type?.SpecialType == SpecialType.System_Boolean;
}
