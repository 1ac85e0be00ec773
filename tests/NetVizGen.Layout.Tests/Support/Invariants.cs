using System.Globalization;
using System.Text;
using NetVizGen.Layout;

namespace NetVizGen.Layout.Tests.Support;

/// <summary>
/// The drawing invariants every layout must satisfy (the corpus metrics' hard targets), checked directly on a
/// <see cref="LayoutResult"/>: completeness, no leaf overlaps, no edge against the flow, cluster containment
/// (members inside, foreign leaves outside, clusters nested or disjoint), routes ending on their nodes, labels
/// clear of nodes and of each other, everything inside [0, W] x [0, H].
/// </summary>
internal static class Invariants
{
    private const double Eps = 0.02; // results are rounded to 0.01

    public static void Check(GraphSpec spec, LayoutResult r, LayoutOptions? o = null, bool expectDownward = true)
    {
        o ??= new LayoutOptions();
        bool lr = o.Direction == LayoutDirection.LeftToRight;
        Assert.Equal(spec.Nodes.Count, r.Nodes.Count);
        Assert.Equal(spec.Clusters.Count, r.Clusters.Count);
        Assert.Equal(spec.Edges.Count, r.Edges.Count);

        var box = new Dictionary<string, Rect>(StringComparer.Ordinal);
        foreach (var n in spec.Nodes)
        {
            var l = r.Nodes[n.Id];
            Assert.Equal(n.Width, l.Width);
            Assert.Equal(n.Height, l.Height);
            box[n.Id] = new Rect(l.X - l.Width / 2, l.Y - l.Height / 2, l.X + l.Width / 2, l.Y + l.Height / 2);
            Inside(box[n.Id], new Rect(0, 0, r.Width, r.Height), $"node {n.Id} outside the drawing");
        }
        var cbox = new Dictionary<string, Rect>(StringComparer.Ordinal);
        foreach (var c in spec.Clusters)
        {
            var l = r.Clusters[c.Id];
            cbox[c.Id] = new Rect(l.X - l.Width / 2, l.Y - l.Height / 2, l.X + l.Width / 2, l.Y + l.Height / 2);
            Inside(cbox[c.Id], new Rect(0, 0, r.Width, r.Height), $"cluster {c.Id} outside the drawing");
        }

        // Leaves never overlap (sweep over x to stay fast on big graphs).
        var leaves = spec.Nodes.Select(n => (n.Id, B: box[n.Id])).OrderBy(t => t.B.L).ToArray();
        for (int i = 0; i < leaves.Length; i++)
            for (int j = i + 1; j < leaves.Length && leaves[j].B.L < leaves[i].B.R - Eps; j++)
                Assert.False(leaves[i].B.Overlaps(leaves[j].B, Eps), $"nodes {leaves[i].Id} and {leaves[j].Id} overlap");

        // Containment: members inside with the padding, titles kept free.
        var ancestors = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        HashSet<string> Chain(string? parent)
        {
            var set = new HashSet<string>(StringComparer.Ordinal);
            for (var p = parent; p is not null; p = spec.Clusters.First(c => c.Id == p).Parent) set.Add(p);
            return set;
        }
        foreach (var n in spec.Nodes)
        {
            ancestors[n.Id] = Chain(n.Parent);
            if (n.Parent is not null) Inside(box[n.Id], cbox[n.Parent], $"node {n.Id} outside its cluster {n.Parent}");
        }
        foreach (var c in spec.Clusters)
        {
            if (c.Parent is not null) Inside(cbox[c.Id], cbox[c.Parent], $"cluster {c.Id} outside its parent {c.Parent}");
            // The title fits: across the flow the box is at least as wide as the title (plus padding) reads.
            var cl = r.Clusters[c.Id];
            double across = lr ? cl.Height : cl.Width, title = lr ? c.TitleHeight : GraphSpec.TitleWidth;
            Assert.True(across >= title + 2 * o.ClusterPadding - Eps, $"cluster {c.Id} narrower than its title");
            foreach (var n in spec.Nodes)
                if (!ancestors[n.Id].Contains(c.Id))
                    Assert.False(box[n.Id].Overlaps(cbox[c.Id], Eps), $"node {n.Id} intrudes into cluster {c.Id}");
        }
        var clusterChain = spec.Clusters.ToDictionary(c => c.Id, c => Chain(c.Parent), StringComparer.Ordinal);
        for (int i = 0; i < spec.Clusters.Count; i++)
            for (int j = i + 1; j < spec.Clusters.Count; j++)
            {
                string a = spec.Clusters[i].Id, b = spec.Clusters[j].Id;
                if (clusterChain[a].Contains(b) || clusterChain[b].Contains(a)) continue;
                Assert.False(cbox[a].Overlaps(cbox[b], Eps), $"clusters {a} and {b} overlap");
            }

        // Edges: along the flow, from border to border.
        var labels = new List<(string Id, Rect B)>();
        foreach (var e in spec.Edges)
        {
            var route = r.Edges[e.Id];
            Assert.True(route.Points.Count >= 2, $"edge {e.Id} has no route");
            foreach (var p in route.Points)
                Assert.True(p.X >= -Eps && p.Y >= -Eps && p.X <= r.Width + Eps && p.Y <= r.Height + Eps, $"edge {e.Id} leaves the drawing");
            if (e.Source != e.Target)
            {
                Assert.True(box[e.Source].Grow(0.6).Contains(route.Points[0]), $"edge {e.Id} does not start on {e.Source}");
                Assert.True(box[e.Target].Grow(0.6).Contains(route.Points[^1]), $"edge {e.Id} does not end on {e.Target}");
                if (expectDownward)
                {
                    var s = r.Nodes[e.Source]; var t = r.Nodes[e.Target];
                    double ds = lr ? s.X : s.Y, dt = lr ? t.X : t.Y;
                    Assert.True(dt > ds + 0.5, $"edge {e.Id} points against the flow");
                }
            }
            if (e.LabelWidth > 0 || e.LabelHeight > 0)
            {
                Assert.NotNull(route.LabelCenter);
                var c = route.LabelCenter!.Value;
                labels.Add((e.Id, new Rect(c.X - e.LabelWidth / 2, c.Y - e.LabelHeight / 2, c.X + e.LabelWidth / 2, c.Y + e.LabelHeight / 2)));
            }
            else Assert.Null(route.LabelCenter);
        }
        foreach (var (id, b) in labels)
        {
            Inside(b, new Rect(0, 0, r.Width, r.Height), $"label of {id} outside the drawing");
            foreach (var n in spec.Nodes) Assert.False(b.Overlaps(box[n.Id], Eps), $"label of {id} overlaps node {n.Id}");
        }
        for (int i = 0; i < labels.Count; i++)
            for (int j = i + 1; j < labels.Count; j++)
                Assert.False(labels[i].B.Overlaps(labels[j].B, Eps), $"labels of {labels[i].Id} and {labels[j].Id} overlap");
    }

    private static void Inside(Rect inner, Rect outer, string message) =>
        Assert.True(inner.L >= outer.L - Eps && inner.T >= outer.T - Eps && inner.R <= outer.R + Eps && inner.B <= outer.B + Eps, message);

    /// <summary>Culture-independent text of a result, to compare runs byte for byte.</summary>
    public static string Serialize(LayoutResult r)
    {
        var sb = new StringBuilder();
        string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        sb.Append(F(r.Width)).Append(' ').Append(F(r.Height)).Append('\n');
        foreach (var (id, n) in r.Nodes) sb.Append(id).Append(' ').Append(F(n.X)).Append(' ').Append(F(n.Y)).Append('\n');
        foreach (var (id, c) in r.Clusters) sb.Append(id).Append(' ').Append(F(c.X)).Append(' ').Append(F(c.Y)).Append(' ').Append(F(c.Width)).Append(' ').Append(F(c.Height)).Append('\n');
        foreach (var (id, e) in r.Edges)
        {
            sb.Append(id);
            foreach (var p in e.Points) sb.Append(' ').Append(F(p.X)).Append(',').Append(F(p.Y));
            if (e.LabelCenter is Point l) sb.Append(" L").Append(F(l.X)).Append(',').Append(F(l.Y));
            sb.Append('\n');
        }
        return sb.ToString();
    }
}

internal readonly record struct Rect(double L, double T, double R, double B)
{
    public bool Overlaps(Rect o, double eps) => L < o.R - eps && o.L < R - eps && T < o.B - eps && o.T < B - eps;
    public bool Contains(Point p) => p.X >= L && p.X <= R && p.Y >= T && p.Y <= B;
    public Rect Grow(double d) => new(L - d, T - d, R + d, B + d);
}
