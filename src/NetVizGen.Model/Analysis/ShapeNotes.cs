using System.Globalization;
using NetVizGen.Model.Catalog;
using NetVizGen.Model.Shapes;
using NetVizGen.Model.Specs;

namespace NetVizGen.Model.Analysis;

/// <summary>Builds the NVG02xx notes and their messages.</summary>
internal static class ShapeNotes
{
    public static NoteSpec InvalidInput(ModelSpec model, string message)
        => new(ShapeNoteIds.InvalidInputShape, NoteSeverity.Warning, "Model '" + model.Id + "': " + message + ".", model.Source);

    public static NoteSpec UnknownModule(FlowNodeSpec node, ModuleSpec module)
        => new(ShapeNoteIds.UnknownModuleType, NoteSeverity.Warning,
            "'" + module.Path + "' is a " + module.TypeName + ", which NetVizGen's layer catalog does not know; shapes after it are unknown.", node.Source ?? module.Source);

    /// <summary>
    /// NVG0210 where a known layer or op, given known input shapes, cannot tell its output shape (its rule says
    /// why: a size known only at run time, data-dependent sizes): the first unknown shape of a path is named,
    /// not the ones computed from it. Null when the shape is known.
    /// </summary>
    public static NoteSpec? UnknownHere(ShapeResult result, string subject, FlowNodeSpec node)
        => result.Status == ShapeStatus.Unknown && result.Reason.Length > 0
            ? new(ShapeNoteIds.ShapeNotInferred, NoteSeverity.Warning,
                "The output shape of " + subject + " is not known: " + result.Reason + "; shapes computed from it are unknown.", node.Source)
            : null;

    public static NoteSpec UnknownOp(FlowNodeSpec node)
        => new(ShapeNoteIds.UnknownOp, NoteSeverity.Warning,
            "The op '" + node.Name + "'" + (node.Scope.Length > 0 ? " in '" + node.Scope + "'" : "") + " is not in NetVizGen's op catalog; shapes after it are unknown.", node.Source);

    public static NoteSpec FromError(ShapeError error, FlowNodeSpec node, FlowContext ctx, IReadOnlyList<Shape> inputs, string subject)
    {
        string producer = ctx.Producer(node, error.InputIndex);
        string actual = error.Actual?.ToString(CultureInfo.InvariantCulture) ?? "?";
        string expected = error.Expected?.ToString(CultureInfo.InvariantCulture) ?? "?";
        switch (error.Kind)
        {
            case ShapeErrorKind.ChannelMismatch:
                return Warn(ShapeNoteIds.ChannelMismatch, node, subject + " expects " + error.ArgName + " " + expected + " but receives "
                    + actual + " channels from " + producer + ".");
            case ShapeErrorKind.FeatureMismatch:
                return Warn(ShapeNoteIds.FeatureMismatch, node, subject + " expects " + error.ArgName + " " + expected + " but receives "
                    + actual + " features" + Origin(error, node, ctx, producer) + ".");
            case ShapeErrorKind.ConcatMismatch:
                return Warn(ShapeNoteIds.ConcatMismatch, node, subject + ": " + error.Message + ".");
            case ShapeErrorKind.ElementCountMismatch:
                return Warn(ShapeNoteIds.ElementCountMismatch, node, subject + ": " + error.Message + " (input " + Shown(inputs, 0) + " from " + producer + ").");
            case ShapeErrorKind.NonPositiveSize:
                return Warn(ShapeNoteIds.NonPositiveSize, node, subject + ": " + error.Message + "; its input " + Shown(inputs, 0)
                    + " from " + producer + " is too small.");
            default:
                return Warn(ShapeNoteIds.InvalidShape, node, subject + ": " + error.Message + ".");
        }
    }

    public static string Count(int n, string noun) => n.ToString(CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? "" : "s");

    /// <summary>
    /// For features produced by flatten/view: " from 'flatten' (256×7×7 = 12544), flattened from the output of 'features.12' (MaxPool2d …)".
    /// </summary>
    private static string Origin(ShapeError error, FlowNodeSpec node, FlowContext ctx, string producer)
    {
        if (error.InputIndex >= node.Inputs.Count || !ctx.Nodes.TryGetValue(node.Inputs[error.InputIndex], out var p)) return " from " + producer;
        if (!FlowContext.IsReshape(p, ctx.Modules) || p.Inputs.Count == 0 || error.Actual is not long total) return " from " + producer;
        if (!ctx.Outputs.TryGetValue(p.Inputs[0], out var before) || before.Count != 1) return " from " + producer;
        var x = before[0];
        // The trailing dims of the reshaped tensor that multiply to the features received.
        var dims = new List<long>();
        long product = 1;
        for (int i = x.Rank - 1; i >= 0 && product < total; i--)
        {
            if (x[i].Value is not long v) break;
            dims.Insert(0, v);
            product *= v;
        }
        string breakdown = product == total && dims.Count > 1
            ? " (" + string.Join(Shape.Times, dims.Select(d => d.ToString(CultureInfo.InvariantCulture))) + " = " + total.ToString(CultureInfo.InvariantCulture) + ")"
            : "";
        string source = ctx.Nodes.TryGetValue(p.Inputs[0], out var pp) ? ctx.Describe(pp) : "?";
        return " from " + producer + breakdown + ", reshaping the " + x + " output of " + source;
    }

    private static string Shown(IReadOnlyList<Shape> inputs, int i) => i < inputs.Count ? inputs[i].ToString() : "?";

    private static NoteSpec Warn(string id, FlowNodeSpec node, string message) => new(id, NoteSeverity.Warning, message, node.Source);
}
