using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using NetVizGen.Extraction.Construction;
using NetVizGen.Extraction.Diagnostics;
using NetVizGen.Model.Catalog;
using NetVizGen.Model.Specs;

namespace NetVizGen.Extraction.Evaluation;

/// <summary>
/// Tensor indexing in <c>forward</c> (<c>x[.., 1..^1]</c>, <c>x[TensorIndex.Colon, TensorIndex.Slice(a, b)]</c>,
/// <c>x[0, 2]</c>): read from the index <em>operations</em> (TorchSharp's <c>TensorIndex</c> conversions,
/// fields and factories, C# ranges and <c>^</c> indices) into an <c>index</c> op of the flow, whose shape rule
/// (<see cref="TensorIndexing"/>) applies PyTorch's basic indexing. Advanced indexing (by tensors or booleans),
/// <c>TensorIndex.Null</c> and index arrays built elsewhere are not followed (the caller warns).
/// </summary>
internal sealed partial class Interpreter
{
    private Value? TraceTensorIndex(IPropertyReferenceOperation p, TensorValue tensor, Frame frame)
    {
        // x[i] with one integral position keeps its own path (a select of dim 0, shared with tuples).
        if (p.Arguments.Length == 1 && p.Arguments[0].ArgumentKind != ArgumentKind.ParamArray) return null;
        return IndexItems(p, frame) is { } items ? IndexNode(tensor, items, p) : null;
    }

    /// <summary>The <c>index</c> node reading <paramref name="items"/> of a traced tensor, from the indexer or the <c>index(...)</c> method.</summary>
    private TensorValue IndexNode(TensorValue tensor, List<TensorIndexItem> items, IOperation site)
    {
        WarnUnknownBounds(items, site);
        return new TensorValue(Graph!.Add(FlowNodeKind.Op, TensorIndexing.OpName, "", new[] { tensor.NodeId },
            new[] { new ArgSpec(TensorIndexing.ArgName, ArgValue.FromString(TensorIndexing.Encode(items))) }, Spans.Of(site.Syntax)));
    }

    /// <summary>
    /// <c>cache[..b, p..(p + n)] = xk</c> on a traced tensor: an <c>index_put</c> node (the tensor with the
    /// value written in, same shape) that later reads of the same variable or module field see, so the data
    /// flows from the written value to whatever reads the tensor afterwards (a KV cache's keys). A write the
    /// reader cannot follow is a warning, never a silent drop.
    /// </summary>
    private void TraceIndexWrite(IPropertyReferenceOperation p, TensorValue tensor, Value value, Frame frame)
    {
        var span = Spans.Of(p.Syntax);
        if (IndexItems(p, frame) is not { } items)
        {
            Notes.Add(ExtractionNoteIds.UnresolvedForward, NoteSeverity.Warning,
                $"Writing into '{Short(p)}' is not followed; later reads of the tensor do not show what was written", p.Syntax);
            return;
        }
        var inputs = value is TensorValue written ? new[] { tensor.NodeId, written.NodeId } : new[] { tensor.NodeId };
        // A scalar written element by element in a loop is one node that counts its writes, not one per element.
        var updated = value is not TensorValue && Graph!.FoldWrite(tensor.NodeId, span, TensorIndexing.WriteOpName, TensorIndexing.ArgName)
            ? tensor
            : new TensorValue(Graph!.Add(FlowNodeKind.Op, TensorIndexing.WriteOpName, "", inputs,
                new[] { new ArgSpec(TensorIndexing.ArgName, ArgValue.FromString(TensorIndexing.Encode(items))) }, span));
        switch (p.Instance)
        {
            case ILocalReferenceOperation or IParameterReferenceOperation:
                Assign(p.Instance, updated, frame);
                break;
            case IFieldReferenceOperation { Field.IsStatic: false } field when (field.Instance is null ? frame.Self : Eval(field.Instance, frame)) is ModuleValue owner:
                // A buffer read in forward is one source node per (instance, field): later reads get the new version.
                if (owner.Fields.TryGetValue(field.Field.Name, out var held) && held is ConstTensorValue) _parameterNodes[(owner.InstanceId, field.Field.Name)] = updated;
                else StoreMember(owner, field.Field.Name, updated, p);
                break;
            default:
                Notes.Add(ExtractionNoteIds.UnresolvedForward, NoteSeverity.Warning,
                    $"Writing into '{Short(p)}' is drawn, but later reads of '{Short(p.Instance!)}' do not show what was written", p.Syntax);
                break;
        }
    }

    /// <summary>The one tensor a tensor is indexed by (<c>x[idx]</c>, as a Tensor or through TensorIndex); null otherwise.</summary>
    private Value? SingleTensorIndex(IPropertyReferenceOperation p, Frame frame)
    {
        if (p.Arguments.Length != 1) return null;
        var operand = p.Arguments[0].Value;
        if (p.Arguments[0].ArgumentKind == ArgumentKind.ParamArray)
        {
            if (operand is not IArrayCreationOperation { Initializer.ElementValues: { Length: 1 } elements }) return null;
            operand = elements[0];
        }
        while (operand is IConversionOperation { Operand.Type: { } from } conversion && TorchNames.IsTensor(from) && !TorchNames.IsTensor(conversion.Type))
            operand = conversion.Operand;
        return TorchNames.IsTensor(operand.Type) ? Eval(operand, frame) : null;
    }

    /// <summary>
    /// <c>x[TensorIndex.Slice(), ..., TensorIndex.Tensor(idx)]</c>: whole slices, then one index tensor last. The
    /// tensor and how many slices come before it; null for any other index.
    /// </summary>
    private (TensorValue Indices, long Dim)? TensorIndexAfterSlices(IPropertyReferenceOperation p, Frame frame)
    {
        // Both forms TorchSharp takes: this[params TensorIndex[]] and the two- or three-index overloads.
        IReadOnlyList<IOperation> elements = p.Arguments.Length == 1 && p.Arguments[0] is { ArgumentKind: ArgumentKind.ParamArray, Value: IArrayCreationOperation { Initializer.ElementValues: var values } }
            ? values
            : p.Arguments.Select(a => a.Value).ToArray();
        if (elements.Count < 2 || elements.Any(e => !IsTensorIndex(e.Type))) return null;
        for (int i = 0; i < elements.Count - 1; i++)
        {
            // A whole slice: ':' or Slice() or Slice(0, null) (what ToTensorIndex(..) makes).
            if (IndexItem(elements[i], frame) is not { Kind: TensorIndexKind.Slice, Start: null or 0, Stop: null, Step: null or 1 } whole
                || whole.StartUnknown || whole.StopUnknown || whole.StepUnknown || whole.StartRef is not null || whole.StopRef is not null) return null;
        }
        return Eval(elements[elements.Count - 1], frame) is TensorIndexByTensorValue { Tensor: TensorValue indices } ? (indices, elements.Count - 1) : null;
    }

    /// <summary><c>TensorIndex.Tensor(t)</c>, while constructing or tracing; null for any other call.</summary>
    private Value? TensorIndexByTensor(IInvocationOperation call, Frame frame) =>
        call.TargetMethod is { IsStatic: true, Name: "Tensor" } method && IsTensorIndex(method.ContainingType) && call.Arguments.Length == 1
            ? new TensorIndexByTensorValue(Eval(call.Arguments[0].Value, frame))
            : null;

    private List<TensorIndexItem>? IndexItems(IPropertyReferenceOperation p, Frame frame)
    {
        var items = new List<TensorIndexItem>();
        foreach (var argument in p.Arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.ParamArray)
            {
                if (argument.Value is not IArrayCreationOperation { Initializer: { } init }) return null;
                foreach (var element in init.ElementValues)
                {
                    if (IndexItem(element, frame) is not { } item) return null;
                    items.Add(item);
                }
            }
            else if (IndexItem(argument.Value, frame) is { } item) items.Add(item);
            else return null;
        }

        return items;
    }

    // A slice whose bound is only known at run time (a KV cache up to start_pos + n) keeps the flow, but
    // the sliced size is unknown: say which construct.
    private void WarnUnknownBounds(List<TensorIndexItem> items, IOperation p)
    {
        foreach (var item in items)
        {
            if (item.Kind == TensorIndexKind.Slice && (item.StartUnknown || item.StopUnknown || item.StepUnknown))
            {
                Notes.Add(ExtractionNoteIds.UnresolvedForward, NoteSeverity.Warning,
                    $"Slice [{item}] in '{Short(p)}' has a bound that is not known at compile time; the sliced size is unknown, and so is every shape computed from it", p.Syntax);
                return;
            }
        }
    }

    private TensorIndexItem? IndexItem(IOperation op, Frame frame)
    {
        switch (op)
        {
            case IConversionOperation { OperatorMethod: { } conversion } convert when IsTensorIndex(convert.Type):
                return conversion.Parameters.Length == 1 ? FromConverted(convert.Operand, conversion.Parameters[0].Type, frame) : null;
            case IConversionOperation { OperatorMethod: null } same when IsTensorIndex(same.Type) && IsTensorIndex(same.Operand.Type):
                return IndexItem(same.Operand, frame);
            case IFieldReferenceOperation { Field: { IsStatic: true } field } when IsTensorIndex(field.ContainingType):
                return field.Name switch
                {
                    "Colon" => TensorIndexItem.Colon,
                    "Ellipsis" => TensorIndexItem.Ellipsis,
                    "None" => TensorIndexItem.NewAxis,
                    _ => null, // Null: not a basic index
                };
            case IInvocationOperation { TargetMethod: { IsStatic: true } method } call when IsTensorIndex(method.ContainingType):
                return method.Name switch
                {
                    "Single" when call.Arguments.Length == 1 => TensorIndexItem.Single(BoundOf(call.Arguments[0], frame)),
                    "Slice" when call.Arguments.Length == 3 => TensorIndexItem.Slice(BoundOf(call.Arguments[0], frame), BoundOf(call.Arguments[1], frame), BoundOf(call.Arguments[2], frame)),
                    "Slice" when call.Arguments.Length == 1 => FromConverted(call.Arguments[0].Value, method.Parameters[0].Type, frame),
                    _ => null, // Tensor, Bool: advanced indexing
                };
            // A helper of the model's own that makes the index (ML.NET's RangeUtil.ToTensorIndex(..h)): its body runs.
            case IInvocationOperation helper when IsTensorIndex(helper.Type) && !IsTensorIndex(helper.TargetMethod.ContainingType):
                return Invoke(helper, frame) is TensorIndexValue made ? made.Item : null;
            // A TensorIndex held in a variable or chosen by a condition: its value (TensorIndexValue).
            case IOperation other when IsTensorIndex(other.Type) && other is not (IConversionOperation or IFieldReferenceOperation or IInvocationOperation):
                return Eval(other, frame) is TensorIndexValue held ? held.Item : null;
            default:
                // this[long, long, ...] and params long[]: integral positions.
                return ValueConversions.IsIntegralType(op.Type) ? TensorIndexItem.Single(BoundOf(Eval(op, frame))) : null;
        }
    }

    // What TorchSharp's conversions to TensorIndex take: a long, a C# Range or Index, a (start, stop) tuple.
    private TensorIndexItem? FromConverted(IOperation operand, ITypeSymbol type, Frame frame)
    {
        if (ValueConversions.IsIntegralType(type)) return TensorIndexItem.Single(BoundOf(Eval(operand, frame)));
        if (IsSystem(type, "Range"))
        {
            if (operand is not IRangeOperation range) return TensorIndexItem.Slice(TensorIndexItem.Unknown, TensorIndexItem.Unknown, TensorIndexItem.Absent);
            var (start, startFromEnd) = IndexBound(range.LeftOperand, frame);
            var (end, endFromEnd) = IndexBound(range.RightOperand, frame);
            return TensorIndexItem.FromRange(start, startFromEnd, end, endFromEnd);
        }
        if (IsSystem(type, "Index"))
        {
            var (value, fromEnd) = IndexBound(operand, frame);
            return TensorIndexItem.FromIndex(value.Value is null && !value.IsUnknown && value.Ref is null ? TensorIndexItem.Unknown : value, fromEnd);
        }
        if (type is INamedTypeSymbol { IsTupleType: true } && operand is ITupleOperation { Elements.Length: 2 } tuple)
            return TensorIndexItem.Slice(BoundOf(Eval(tuple.Elements[0], frame)), BoundOf(Eval(tuple.Elements[1], frame)), TensorIndexItem.Absent);
        return null;
    }

    // One side of a C# range (or an Index on its own): ^k counts from the end; a missing side is absent.
    private (TensorIndexItem.Bound Value, bool FromEnd) IndexBound(IOperation? side, Frame frame)
    {
        switch (side)
        {
            case null:
                return (TensorIndexItem.Absent, false);
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Hat } hat:
                return (BoundOf(Eval(hat.Operand, frame)), true);
            case IConversionOperation { OperatorMethod: { } } toIndex when ValueConversions.IsIntegralType(toIndex.Operand.Type):
                return (BoundOf(Eval(toIndex.Operand, frame)), false);
            default:
                return (ValueConversions.IsIntegralType(side.Type) ? BoundOf(Eval(side, frame)) : TensorIndexItem.Unknown, false);
        }
    }

    private TensorIndexItem.Bound BoundOf(IArgumentOperation argument, Frame frame) =>
        argument.ArgumentKind == ArgumentKind.DefaultValue ? TensorIndexItem.Absent : BoundOf(Eval(argument.Value, frame));

    // A size read from a traced tensor (pe[:x.size(0)]) is a reference that shape analysis resolves.
    private static TensorIndexItem.Bound BoundOf(Value value)
    {
        if (value is PrimValue { IsNull: true }) return TensorIndexItem.Absent;
        if (value is SizeRefValue size) return TensorIndexItem.Bound.OfRef(size.Dim);
        return ValueConversions.TryLong(value, out var n) ? n : TensorIndexItem.Unknown;
    }

    private static bool IsTensorIndex(ITypeSymbol? type) =>
        type is INamedTypeSymbol { Name: "TensorIndex" } named && named.ContainingType?.Name == "torch" && named.ContainingNamespace?.Name == "TorchSharp";

    private static bool IsSystem(ITypeSymbol type, string name) =>
        type.Name == name && type.ContainingNamespace is { Name: "System", ContainingNamespace.IsGlobalNamespace: true };
}
