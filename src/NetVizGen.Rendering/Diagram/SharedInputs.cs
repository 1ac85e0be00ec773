using NetVizGen.Rendering.Describe;

namespace NetVizGen.Rendering.Diagram;

/// <summary>
/// An input that many steps read beside the main data (a graph's edge index and edge weights into every graph
/// convolution, an attention mask into every layer) is drawn as a small quiet reference next to each step that
/// reads it, not as one node whose edges run the length of the diagram and cross everything on the way.
/// </summary>
/// <remarks>
/// An input is split when it feeds <see cref="MinReaders"/> or more steps and another input remains whole: the
/// data itself keeps its node (when every input is read that often, the first declared one stays).
/// </remarks>
internal static class SharedInputs
{
    /// <summary>Fewer readers than this keep their edges: they stay short enough to follow.</summary>
    public const int MinReaders = 3;

    public static void Split(DiagramGraph graph)
    {
        var inputs = graph.Nodes.Where(n => n.Kind == DiagramNodeKind.Input && !n.IsSide).OrderBy(n => n.Order).ToList();
        if (inputs.Count < 2) return;
        var readers = inputs.ToDictionary(n => n.Id, n => graph.Edges.Where(e => e.Source == n.Id).Select(e => e.Target).Distinct(StringComparer.Ordinal).Count(), StringComparer.Ordinal);
        var shared = inputs.Where(n => readers[n.Id] >= MinReaders).ToList();
        if (shared.Count == inputs.Count) shared.RemoveAt(0);
        var byId = graph.Nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        for (int which = 0; which < shared.Count; which++)
        {
            var input = shared[which];
            var edges = graph.Edges.Where(e => e.Source == input.Id).ToList();
            int k = 0;
            foreach (var e in edges)
            {
                var reader = byId[e.Target];
                var copy = new DiagramNode
                {
                    Id = input.Id + ".to" + (k++).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Kind = DiagramNodeKind.Side, Category = NodeCategory.Other, Label = input.Label,
                    Details = "input, read by " + readers[input.Id].ToString(System.Globalization.CultureInfo.InvariantCulture) + " steps",
                    FoldKey = CopyOf + input.Id,
                    // Just before the reader, in the inputs' declared order: every reader shows them the same way round.
                    Cluster = reader.Cluster, Order = reader.Order - shared.Count + which, Variable = input.Variable, OutputShape = e.Shape,
                };
                graph.Nodes.Add(copy);
                e.Source = copy.Id;
                e.Style = DiagramEdgeStyle.Side;
            }
            graph.Nodes.Remove(input);
        }
    }

    private const string CopyOf = "shared-input:";

    /// <summary>
    /// After repeated cards are folded into one (<see cref="RepeatFolder"/>: twelve encoder layers, each reading the
    /// mask), the references they brought along are one reference per card again.
    /// </summary>
    public static void Merge(DiagramGraph graph)
    {
        var copies = graph.Nodes.Where(n => n.Kind == DiagramNodeKind.Side && n.FoldKey.StartsWith(CopyOf, StringComparison.Ordinal))
            .ToDictionary(n => n.Id, StringComparer.Ordinal);
        if (copies.Count == 0) return;
        var drop = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in graph.Edges.Where(e => copies.ContainsKey(e.Source)).GroupBy(e => (e.Target, copies[e.Source].FoldKey)))
            foreach (var extra in group.Skip(1)) drop.Add(extra.Source);
        graph.Edges.RemoveAll(e => drop.Contains(e.Source));
        graph.Nodes.RemoveAll(n => drop.Contains(n.Id));
    }
}
