namespace NetVizGen.Rendering.Diagram;

/// <summary>
/// Folds runs of identical block cards into one "×N" card.
/// </summary>
/// <remarks>
/// Pre-condition: cards carry the module path of their first instance. A run is a chain
/// A1 → A2 → … → An of cards in the same cluster whose subtrees compare equal by
/// <see cref="BlockSignature.Fold"/> (types and arguments, not paths), where each link is the only
/// way out of Ak and the only way into Ak+1. Anything leaving the chain from its middle (a skip to a
/// later stage, as in U-Net) breaks the run, because folding would hide that edge.
/// Post-condition: A1 stands for the run with <c>Repeat = n</c>, and the edges leaving An leave A1.
/// </remarks>
internal static class RepeatFolder
{
    public static void Fold(DiagramGraph graph)
    {
        foreach (var first in graph.Nodes.Where(n => n.Kind == DiagramNodeKind.Block).ToList())
        {
            if (!graph.Nodes.Contains(first)) continue;
            var key = first.FoldKey;
            if (key.Length == 0) continue;
            var current = first;
            while (true)
            {
                var outs = graph.Edges.Where(e => e.Source == current.Id && e.Style != DiagramEdgeStyle.Side).ToList();
                if (outs.Count != 1) break;
                var next = graph.Nodes.First(n => n.Id == outs[0].Target);
                if (next.Kind != DiagramNodeKind.Block || next.Cluster != first.Cluster || next.FoldKey != key) break;
                if (graph.Edges.Count(e => e.Target == next.Id && e.Style != DiagramEdgeStyle.Side) != 1) break;
                // Swallow next: its outgoing edges now leave the folded card; the side inputs it
                // shares with the card (one mask fed to every layer) are already drawn into it.
                graph.Edges.Remove(outs[0]);
                foreach (var side in graph.Edges.Where(e => e.Target == next.Id && e.Style == DiagramEdgeStyle.Side).ToList())
                {
                    if (graph.Edges.Any(e => e.Source == side.Source && e.Target == first.Id)) graph.Edges.Remove(side);
                    else side.Target = first.Id;
                }
                foreach (var e in graph.Edges.Where(e => e.Source == next.Id)) e.Source = first.Id;
                graph.Nodes.Remove(next);
                first.Repeat++;
                first.Role = "";
                first.Instances.AddRange(next.Instances);
                current = first;
            }
        }
    }
}
