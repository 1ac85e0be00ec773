using NetVizGen.Model.Specs;

namespace NetVizGen.Rendering.Diagram;

/// <summary>
/// What an input or output oval says. One input reads "Input" and one output "Output", as in papers;
/// with several, each says which one it is (forward's parameter names, the returned tuple's element
/// names), because four ovals that all read "Input" leave the reader to guess which is the image and
/// which the prompt (Segment Anything's mask decoder takes four). The same for a block page's inputs from
/// outside (<see cref="NameBlockInputs"/>) and its outputs (<see cref="NameBlockOutputs"/>).
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
            return ReturnedVariable(node, flow) ?? "Output " + (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return name;
    }

    /// <summary>
    /// For an element of an unnamed tuple, the variable forward returns there (Tacotron2's
    /// <c>return (mel_specgram, mel_specgram_postnet, gate_outputs, alignments)</c>), when every output is such an
    /// element and each is returned from its own variable; null otherwise, and then every output keeps its number, so
    /// that one page never mixes names and numbers.
    /// </summary>
    private static string? ReturnedVariable(FlowNodeSpec output, IReadOnlyList<FlowNodeSpec> flow)
    {
        var byId = new Dictionary<int, FlowNodeSpec>();
        foreach (var n in flow) byId[n.Id] = n;
        var names = new List<string>();
        string? mine = null;
        foreach (var o in flow)
        {
            if (o.Kind != FlowNodeKind.Output) continue;
            var element = o.Name.StartsWith(OutputPrefix, StringComparison.Ordinal) ? o.Name.Substring(OutputPrefix.Length) : o.Name;
            if (element.Length == 0 || !element.All(char.IsDigit)) return null;
            if (o.Inputs.Count != 1 || !byId.TryGetValue(o.Inputs[0], out var producer) || producer.Variable.Length == 0) return null;
            names.Add(producer.Variable);
            if (o.Id == output.Id) mine = producer.Variable;
        }
        return names.Distinct(StringComparer.Ordinal).Count() == names.Count ? mine : null;
    }

    /// <summary>
    /// On a block page, the inputs that come from outside the block: when there are several, each reads the name of
    /// the variable its value is bound to where the block is called (an attention gate's <c>skip</c> and
    /// <c>upSampled</c>), if every one has such a name and no two share it; else the name the block's own code gives
    /// it (<c>inputs[0]</c> … <c>inputs[4]</c>: five feature maps the caller built in one loop variable), under the
    /// same condition; else they stay "Input".
    /// </summary>
    public static void NameBlockInputs(DiagramGraph graph)
    {
        var inputs = graph.Nodes.Where(n => n.Kind == DiagramNodeKind.Input && !n.IsSide).ToList();
        if (inputs.Count < 2) return;
        if (!TryName(inputs, n => n.Variable)) TryName(inputs, n => n.Port);
    }

    /// <summary>
    /// On a block page with several outputs, each reads the name the block's code returns it under
    /// (<c>clsOutputs[0]</c>, a returned tuple's element named by its type), if every one has such a name and no two
    /// share it; else they stay "Output".
    /// </summary>
    public static void NameBlockOutputs(DiagramGraph graph)
    {
        var outputs = graph.Nodes.Where(n => n.Kind == DiagramNodeKind.Output).ToList();
        if (outputs.Count >= 2) TryName(outputs, n => n.Port);
    }

    // Labels each node by name when every node has one and no two share it.
    private static bool TryName(List<DiagramNode> nodes, Func<DiagramNode, string> name)
    {
        if (nodes.Any(n => name(n).Length == 0)) return false;
        if (nodes.Select(name).Distinct(StringComparer.Ordinal).Count() != nodes.Count) return false;
        foreach (var n in nodes) n.Label = name(n);
        return true;
    }

    private const string OutputPrefix = "output.";

    private static int Count(IReadOnlyList<FlowNodeSpec> flow, FlowNodeKind kind)
    {
        int count = 0;
        foreach (var n in flow) if (n.Kind == kind) count++;
        return count;
    }
}
