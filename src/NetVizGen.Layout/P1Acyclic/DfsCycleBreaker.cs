using NetVizGen.Layout.Graph;

namespace NetVizGen.Layout.P1Acyclic;

/// <summary>
/// Phase 1: makes the graph acyclic by reversing the edges that close a cycle in a depth-first search
/// (the DFS variant of dagre's <c>acyclic</c>; Gansner et al., "A Technique for Drawing Directed Graphs", 1993, §2.1).
/// </summary>
/// <remarks>
/// Preconditions: edges reference leaves. <br/>
/// Postconditions: every non-self-loop edge has <see cref="LEdge.Source"/>/<see cref="LEdge.Target"/> such
/// that the edge set is acyclic; reversed edges have <see cref="LEdge.Reversed"/> set. Self loops are left
/// alone (they never take part in ranking). On a DAG no edge is reversed. The search starts from the nodes
/// and follows the edges in insertion order and is iterative (no stack overflow on long chains).
/// </remarks>
internal static class DfsCycleBreaker
{
    public static void Run(LGraph g)
    {
        int n = g.N;
        // Out-edge lists in insertion order (CSR).
        var start = new int[n + 1];
        foreach (var e in g.Edges) if (!e.IsSelfLoop) start[e.Source + 1]++;
        for (int i = 0; i < n; i++) start[i + 1] += start[i];
        var adj = new int[start[n]];
        var fill = (int[])start.Clone();
        for (int i = 0; i < g.Edges.Count; i++)
        {
            var e = g.Edges[i];
            if (!e.IsSelfLoop) adj[fill[e.Source]++] = i;
        }

        var state = new byte[n]; // 0 = new, 1 = on stack, 2 = done
        var stackNode = new int[n];
        var stackNext = new int[n];
        for (int root = 0; root < n; root++)
        {
            if (state[root] != 0) continue;
            int sp = 0;
            stackNode[0] = root;
            stackNext[0] = start[root];
            state[root] = 1;
            while (sp >= 0)
            {
                int v = stackNode[sp];
                if (stackNext[sp] == start[v + 1])
                {
                    state[v] = 2;
                    sp--;
                    continue;
                }
                var e = g.Edges[adj[stackNext[sp]++]];
                int w = e.Target;
                if (state[w] == 1)
                {
                    // Back edge: it closes a cycle, so it is turned around.
                    e.Reversed = true;
                }
                else if (state[w] == 0)
                {
                    state[w] = 1;
                    sp++;
                    stackNode[sp] = w;
                    stackNext[sp] = start[w];
                }
            }
        }
        foreach (var e in g.Edges)
            if (e.Reversed) (e.Source, e.Target) = (e.Target, e.Source);
    }
}
