namespace NetVizGen.Layout.Graph;

/// <summary>
/// Turns the public <see cref="LayoutGraph"/> into the internal <see cref="LGraph"/>, in top-to-bottom
/// orientation: for left-to-right, widths and heights are swapped here and swapped back on output.
/// </summary>
/// <remarks>
/// Postconditions: leaves are nodes 0..L-1 in insertion order; clusters keep their insertion index (so a
/// parent's index is below its children's); every cluster without a leaf below it gets a stand-in node of
/// its minimum size, so it can be placed like a leaf; edges keep their insertion index.
/// </remarks>
internal static class GraphBuilder
{
    public static LGraph Build(LayoutGraph input, LayoutOptions o)
    {
        var g = new LGraph(o);
        bool lr = o.Direction == LayoutDirection.LeftToRight;
        int n = input.Nodes.Count, c = input.Clusters.Count;

        g.C = c;
        g.ClusterIds = new string[c];
        g.ClusterParent = new int[c];
        g.ClusterDepth = new int[c];
        g.TitleBand = new double[c];
        g.TitleCross = new double[c];
        g.StandIn = new int[c];
        for (int i = 0; i < c; i++)
        {
            var cs = input.Clusters[i];
            g.ClusterIds[i] = cs.Id;
            g.ClusterParent[i] = cs.Parent;
            g.ClusterDepth[i] = cs.Parent < 0 ? 0 : g.ClusterDepth[cs.Parent] + 1;
            // The title band sits at the flow-start side: above in TB, left in LR (where it must hold the text width).
            g.TitleBand[i] = lr ? cs.TitleWidth : cs.TitleHeight;
            g.TitleCross[i] = lr ? cs.TitleHeight : cs.TitleWidth;
            g.StandIn[i] = -1;
        }

        g.LeafIds = new string[n];
        for (int i = 0; i < n; i++)
        {
            var ns = input.Nodes[i];
            g.LeafIds[i] = ns.Id;
            g.AddNode(NodeKind.Leaf, lr ? ns.Height : ns.Width, lr ? ns.Width : ns.Height, ns.Parent, 0, -1);
        }
        g.LeafCount = n;
        if (input.Levels.Count > 0)
        {
            g.LeafLevel = new int[n];
            foreach (var (v, level) in input.Levels) g.LeafLevel[v] = level;
        }
        if (input.OrderedGroups.Count > 0)
        {
            g.OrderGroup = new int[n];
            g.OrderIndex = new int[n];
            Array.Fill(g.OrderGroup, -1);
            for (int k = 0; k < input.OrderedGroups.Count; k++)
                for (int i = 0; i < input.OrderedGroups[k].Length; i++) { g.OrderGroup[input.OrderedGroups[k][i]] = k; g.OrderIndex[input.OrderedGroups[k][i]] = i; }
        }

        // Clusters with no leaf anywhere below them would have no extent: give each such cluster,
        // deepest first, a stand-in box of its own minimum size inside its parent.
        var hasLeaf = new bool[c];
        for (int v = 0; v < n; v++)
            for (int k = g.Cluster[v]; k >= 0 && !hasLeaf[k]; k = g.ClusterParent[k]) hasLeaf[k] = true;
        for (int k = c - 1; k >= 0; k--)
        {
            if (hasLeaf[k]) continue;
            bool hasEmptyChild = false;
            for (int j = k + 1; j < c; j++) if (g.ClusterParent[j] == k) { hasEmptyChild = true; break; }
            if (hasEmptyChild) continue; // the innermost empty cluster carries the stand-in
            double tw = lr ? input.Clusters[k].TitleHeight : input.Clusters[k].TitleWidth;
            g.StandIn[k] = g.AddNode(NodeKind.EmptyCluster, Math.Max(tw, 1), 1, k, 0, k);
            for (int a = k; a >= 0 && !hasLeaf[a]; a = g.ClusterParent[a]) hasLeaf[a] = true;
        }

        g.Labelled = input.Edges.Exists(e => e.HasLabel);
        for (int i = 0; i < input.Edges.Count; i++)
        {
            var es = input.Edges[i];
            g.Edges.Add(new LEdge
            {
                Index = i,
                OrigSource = es.Source,
                OrigTarget = es.Target,
                LabelW = lr ? es.LabelHeight : es.LabelWidth,
                LabelH = lr ? es.LabelWidth : es.LabelHeight,
                Source = es.Source,
                Target = es.Target,
                // With labels every edge spans two ranks, so each has a middle rank to hold its label.
                MinLen = g.Labelled ? 2 : 1,
            });
        }
        return g;
    }
}
