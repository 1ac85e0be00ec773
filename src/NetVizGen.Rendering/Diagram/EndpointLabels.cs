using NetVizGen.Model.Specs;

namespace NetVizGen.Rendering.Diagram;

/// <summary>
/// What an input or output oval says. One input reads "Input" and one output "Output", as in papers;
/// with several, each says which one it is (forward's parameter names, the returned tuple's element
/// names), because four ovals that all read "Input" leave the reader to guess which is the image and
/// which the prompt (Segment Anything's mask decoder takes four). The same for a block page's inputs from
/// outside (<see cref="NameBlockInputs"/>).
/// </summary>
internal static class EndpointLabels
{
    /// <summary>The label of the input node <paramref name="node"/> of <paramref name="flow"/>.</summary>
    public static string Input(FlowNodeSpec node, IReadOnlyList<FlowNodeSpec> flow) =>
        Count(flow, FlowNodeKind.Input) > 1 && node.Name.Length > 0 ? node.Name : "Input";

    /// <summary>
    /// The label of the output node <paramref name="node"/>: its element name without the leading
    /// "output." when there are several; "Output 2" for an unnamed element (the tracer names it by its
    /// zero-based index: the second element of a tuple or list is "output.1").
    /// </summary>
    public static string Output(FlowNodeSpec node, IReadOnlyList<FlowNodeSpec> flow)
    {
        if (Count(flow, FlowNodeKind.Output) <= 1) return "Output";
        var name = node.Name.StartsWith(OutputPrefix, StringComparison.Ordinal) ? node.Name.Substring(OutputPrefix.Length) : node.Name;
        if (name.Length == 0) return "Output";
        if (name.All(char.IsDigit) && int.TryParse(name, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index))
            return "Output " + (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return name;
    }

    /// <summary>
    /// On a block page, the inputs that come from outside the block: when there are several, each reads the name of
    /// the variable its value is bound to where the block is called (an attention gate's <c>skip</c> and
    /// <c>upSampled</c>), if every one has such a name and no two share it; else they stay "Input".
    /// </summary>
    public static void NameBlockInputs(DiagramGraph graph)
    {
        var inputs = graph.Nodes.Where(n => n.Kind == DiagramNodeKind.Input && !n.IsSide).ToList();
        if (inputs.Count < 2 || inputs.Any(n => n.Variable.Length == 0)) return;
        if (inputs.Select(n => n.Variable).Distinct(StringComparer.Ordinal).Count() != inputs.Count) return;
        foreach (var n in inputs) n.Label = n.Variable;
    }

    private const string OutputPrefix = "output.";

    private static int Count(IReadOnlyList<FlowNodeSpec> flow, FlowNodeKind kind)
    {
        int count = 0;
        foreach (var n in flow) if (n.Kind == kind) count++;
        return count;
    }
}
