namespace NetVizGen.Rendering.Diagram;

/// <summary>
/// Decides which edges show their tensor shape: only where the shape changes, so a Conv → BN → ReLU
/// run carries one label rather than three identical ones (data-viz: explicit where it matters).
/// </summary>
internal static class EdgeLabels
{
    public static void Decide(DiagramGraph graph)
    {
        var incoming = graph.Edges.ToLookup(e => e.Target, StringComparer.Ordinal);
        var written = new HashSet<(string Source, string Shape)>();
        foreach (var e in graph.Edges)
        {
            // A fan-out carries one tensor: say its shape once, on the first edge.
            if (e.Shape.Length == 0 || !written.Add((e.Source, e.Shape))) { e.ShowShape = false; continue; }
            var into = incoming[e.Source].ToList();
            // Inputs and sources fed by nothing have no earlier label; a shape that differs from
            // every shape entering the source is a change worth writing down.
            e.ShowShape = into.Count == 0 || into.All(i => i.Shape != e.Shape);
        }
    }
}
