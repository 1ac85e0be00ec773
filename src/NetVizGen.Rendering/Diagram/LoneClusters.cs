namespace NetVizGen.Rendering.Diagram;

/// <summary>
/// Drops the box of a container that holds a single node: the node is drawn in the box around it instead.
/// </summary>
/// <remarks>
/// A one-layer <c>Sequential</c> (a U-Net's <c>Sequential(("DownSamplingLayer0_pool", MaxPool2d(2, 2)))</c>) drew a
/// dashed box titled <c>downSamplingLayers.0</c> around one box that already carries the layer's name: a frame
/// that groups nothing. Only containers are dropped; a custom block's box says which block a layer belongs to,
/// and stays. Applied until no such box is left, since dropping one can leave its parent holding one node.
/// </remarks>
internal static class LoneClusters
{
    /// <summary>Removes from <paramref name="graph"/> each cluster among <paramref name="containers"/> with exactly one node and no inner cluster.</summary>
    public static void Drop(DiagramGraph graph, IReadOnlySet<string> containers)
    {
        for (bool changed = true; changed;)
        {
            changed = false;
            foreach (var cluster in graph.Clusters.Where(c => containers.Contains(c.Id)).ToList())
            {
                if (graph.Clusters.Any(c => c.Parent == cluster.Id)) continue;
                var members = graph.Nodes.Where(n => n.Cluster == cluster.Id).Take(2).ToList();
                if (members.Count != 1) continue;
                members[0].Cluster = cluster.Parent;
                graph.Clusters.Remove(cluster);
                changed = true;
            }
        }
    }
}
