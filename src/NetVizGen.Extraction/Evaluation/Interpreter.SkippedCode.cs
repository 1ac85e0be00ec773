using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using NetVizGen.Extraction.Construction;

namespace NetVizGen.Extraction.Evaluation;

/// <summary>
/// Code the reader does not run (a loop whose bound is unknown, or the iterations after the loop limit) may have
/// written variables and filled collections. What it could have written becomes unknown, so a number computed
/// from it afterwards is unknown (and said so) rather than the number before the loop: a bias table sized by a
/// dictionary the skipped loop fills must not read as empty.
/// </summary>
internal sealed partial class Interpreter
{
    private void ForgetWritesOf(IOperation skipped, Frame frame)
    {
        foreach (var op in skipped.DescendantsAndSelf())
        {
            switch (op)
            {
                case IAssignmentOperation a: Forget(a.Target, skipped, frame); break;
                case IIncrementOrDecrementOperation inc: Forget(inc.Target, skipped, frame); break;
                case IInvocationOperation call:
                    if (call.Instance is not null && !PureMembers.Contains(call.TargetMethod.Name)) PoisonHeld(call.Instance, frame);
                    foreach (var arg in call.Arguments) PoisonHeld(arg.Value, frame);
                    break;
            }
        }
    }

    private void Forget(IOperation target, IOperation skipped, Frame frame)
    {
        switch (target)
        {
            case ILocalReferenceOperation l when !IsDeclaredWithin(l.Local, skipped) && frame.TryGet(l.Local, out var lv):
                Poison(lv);
                if (KeepsDrawing(lv)) frame.Assign(l.Local, Value.Unknown);
                break;
            case IParameterReferenceOperation p when frame.TryGet(p.Parameter, out var pv):
                Poison(pv);
                if (KeepsDrawing(pv)) frame.Assign(p.Parameter, Value.Unknown);
                break;
            case IFieldReferenceOperation { Field.IsStatic: true } sf:
                _statics[sf.Field] = Value.Unknown;
                break;
            case IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } f when HeldBy(frame.Self, f.Field.Name) is { } held:
                Poison(held);
                if (held is PrimValue or ObjectValue or TupleValue && frame.Self is ModuleValue m) m.Fields[f.Field.Name] = Value.Unknown;
                else if (held is PrimValue or TupleValue && frame.Self is ObjectValue o) o.Fields[f.Field.Name] = Value.Unknown;
                break;
            case IPropertyReferenceOperation { Arguments.Length: > 0 } indexer when indexer.Instance is not null:
                PoisonHeld(indexer.Instance, frame);
                break;
            case IArrayElementReferenceOperation element:
                PoisonHeld(element.ArrayReference, frame);
                break;
            case ITupleOperation tuple:
                foreach (var e in tuple.Elements) Forget(e, skipped, frame);
                break;
        }
    }

    // A traced tensor keeps its node: the loop's warning says the drawing lacks what the loop would have added,
    // and the flow after the loop stays connected. Layers stay too (their registration is what the tree shows).
    private bool KeepsDrawing(Value value) => !(Graph is not null && value is TensorValue) && value is not ModuleValue;

    /// <summary>Poisons the collection a plain reference (local, parameter, field of this) holds; reads nothing else.</summary>
    private void PoisonHeld(IOperation reference, Frame frame)
    {
        switch (reference)
        {
            case ILocalReferenceOperation l when frame.TryGet(l.Local, out var lv): Poison(lv); break;
            case IParameterReferenceOperation p when frame.TryGet(p.Parameter, out var pv): Poison(pv); break;
            case IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } f when HeldBy(frame.Self, f.Field.Name) is { } held: Poison(held); break;
            case IConversionOperation c: PoisonHeld(c.Operand, frame); break;
        }
    }

    private static Value? HeldBy(Value? self, string field) => self switch
    {
        ModuleValue m when m.Fields.TryGetValue(field, out var v) => v,
        ObjectValue o when o.Fields.TryGetValue(field, out var v) => v,
        _ => null,
    };
}
