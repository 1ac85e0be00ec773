using NetVizGen.Model.Specs;

namespace NetVizGen.Rendering.Diagram;

/// <summary>
/// Ops that hand their input on unchanged as far as a reader of the architecture is concerned:
/// memory-layout and device moves (<c>contiguous</c>, <c>clone</c>, <c>detach</c>, <c>to</c>), a
/// <c>cat</c>/<c>stack</c>-free <c>cat</c> of one tensor, and a <c>view</c>/<c>reshape</c>/<c>flatten</c>
/// whose output shape equals its input shape. They are not drawn: their consumers are fed by their input.
/// </summary>
internal static class TrivialOps
{
    private static readonly HashSet<string> PassThrough = new(StringComparer.Ordinal)
    {
        "contiguous", "clone", "detach", "detach_", "to", "cpu", "cuda", "float", "double", "half", "bfloat16", "type",
        "requires_grad_", "alias",
    };

    private static readonly HashSet<string> ShapeOnly = new(StringComparer.Ordinal)
    {
        "view", "reshape", "flatten", "squeeze", "view_as", "reshape_as", "expand_as",
    };

    /// <summary>True when <paramref name="n"/> is not worth a box; <paramref name="inputShape"/> is the shape of its one input.</summary>
    public static bool IsTrivial(FlowNodeSpec n, string inputShape)
    {
        if (n.Kind is not (FlowNodeKind.Op or FlowNodeKind.Merge) || n.Inputs.Count != 1) return false;
        if (PassThrough.Contains(n.Name)) return true;
        if (n.Name is "cat" or "concat" or "concatenate") return true;
        return ShapeOnly.Contains(n.Name) && Known(n.Shape) && n.Shape == inputShape;
    }

    private static bool Known(string shape) => shape.Length > 0 && !shape.Contains('?', StringComparison.Ordinal);
}
