using NetVizGen.Layout.Graph;

namespace NetVizGen.Layout.P3Order;

/// <summary>
/// Leaves whose order across the flow is given (<see cref="LayoutGraph.KeepOrder"/>): a model's inputs, left to right
/// in the order forward takes them, and its outputs, in the order forward returns them. Ordering may put them anywhere in a rank, but among themselves they
/// keep that order: after a rank's items are sorted, the group's members are dealt back onto the slots they took,
/// in group order (so neither the other nodes nor cluster contiguity move), and adjacent swaps never exchange two.
/// </summary>
/// <remarks>
/// Only members that share a rank and a cluster are ordered (two members in different clusters follow their
/// clusters' order). Crossing reduction then arranges what feeds them to match, as it would for fixed nodes.
/// </remarks>
internal static class OrderGroups
{
    /// <summary>Puts the group members among <paramref name="items"/>[0..count) (nodes &gt;= 0; clusters &lt; 0, left alone) in group order, on their slots.</summary>
    public static void Apply(LGraph g, int[] items, int count)
    {
        if (g.OrderGroup.Length == 0) return;
        for (int i = 0; i < count; i++)
        {
            int group = Group(g, items[i]);
            if (group < 0 || (i > 0 && FirstOf(g, items, i, group))) continue;
            var slots = new List<int>();
            for (int j = i; j < count; j++) if (Group(g, items[j]) == group) slots.Add(j);
            if (slots.Count < 2) continue;
            var members = slots.Select(j => items[j]).OrderBy(v => g.OrderIndex[v]).ToList();
            for (int m = 0; m < slots.Count; m++) items[slots[m]] = members[m];
        }
    }

    /// <summary>
    /// For each node, the first group member it leads to (group, then place in the group, as one number), or
    /// <see cref="long.MaxValue"/> when it leads to none; null when there are no groups. The initial order visits
    /// children by it, so that what feeds the outputs already stands in their order: the sweeps that follow seldom
    /// turn a whole fan of columns around (RetinaHead's ten), and keep the start when nothing beats it.
    /// </summary>
    public static long[]? FirstReached(LGraph g)
    {
        if (g.OrderGroup.Length == 0) return null;
        var key = new long[g.N];
        Array.Fill(key, long.MaxValue);
        var byRank = Enumerable.Range(0, g.N).OrderByDescending(v => g.Rank[v]).ToArray();
        foreach (int v in byRank)
        {
            if (v < g.OrderGroup.Length && g.OrderGroup[v] >= 0) key[v] = (long)g.OrderGroup[v] * g.N + g.OrderIndex[v];
            for (int k = g.DownStart[v]; k < g.DownStart[v + 1]; k++) key[v] = Math.Min(key[v], key[g.DownAdj[k]]);
        }
        return key;
    }

    /// <summary>True when <paramref name="u"/> and <paramref name="v"/> are in one group: their order is not to change.</summary>
    public static bool Pinned(LGraph g, int u, int v)
    {
        int group = Group(g, u);
        return group >= 0 && group == Group(g, v);
    }

    private static int Group(LGraph g, int item) => item >= 0 && item < g.OrderGroup.Length ? g.OrderGroup[item] : -1;

    // Whether the group was already met before index i (then it is done).
    private static bool FirstOf(LGraph g, int[] items, int i, int group)
    {
        for (int j = 0; j < i; j++) if (Group(g, items[j]) == group) return true;
        return false;
    }
}
