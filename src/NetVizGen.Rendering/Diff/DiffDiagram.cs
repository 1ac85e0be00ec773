using NetVizGen.Model.Specs;
using NetVizGen.Rendering.Diagram;
using NetVizGen.Rendering.Svg;
using NetVizGen.Rendering.Theme;

namespace NetVizGen.Rendering.Diff;

/// <summary>
/// The coloured diff diagram of one changed model, drawn on the new version's overview with the same
/// builder, layout and painter as the docs (only the marks are new): added nodes green "+", changed
/// ones amber "~" with their old → new values as a line of text, edges whose shape changed amber with
/// old → new on the label, the rest faded, removed modules listed under the diagram.
/// </summary>
/// <remarks>
/// Large diagrams (more than <see cref="FoldAbove"/> nodes) keep only the changed nodes, one hop of
/// context and the model's inputs and outputs; each connected run of the rest becomes one
/// "… 38 unchanged" node.
/// </remarks>
public static class DiffDiagram
{
    /// <summary>Diagrams with more nodes than this fold the unchanged ones that are not next to a change.</summary>
    public const int FoldAbove = 40;

    /// <summary>Light and dark SVG of <paramref name="diff"/>; requires both versions (a changed model).</summary>
    /// <param name="diff">The diff of one model.</param>
    /// <param name="depth">Overview depth as in the docs (1 = block level, -1 = every layer).</param>
    public static (string Light, string Dark) Paint(ModelDiff diff, int depth = 1)
    {
        ArgumentNullException.ThrowIfNull(diff);
        var model = diff.New ?? throw new ArgumentException("A removed model has no new version to draw.", nameof(diff));
        int d = model.Depth > 0 ? model.Depth : model.Depth == 0 ? -1 : depth;
        var overview = DiagramBuilder.Build(model, model.Root, d, new BlockCatalog(model.Root), model.Title + " · changes",
            PlanLines.Verdict(diff));
        var (graph, marks) = Mark(overview, diff);
        if (graph.Nodes.Count > FoldAbove) graph = Fold(graph, marks);
        var layout = DiagramPainter.Layout.Run(DiagramPainter.Request(graph, model.Direction));
        return (SvgDiagramRenderer.Render(graph, layout, DiagramTheme.Light, marks), SvgDiagramRenderer.Render(graph, layout, DiagramTheme.Dark, marks));
    }

    internal static (DiagramGraph Graph, DiffMarks Marks) Mark(DiagramGraph g, ModelDiff diff)
    {
        var marks = new DiffMarks { Key = "Key: + added (green)  ·  ~ changed (amber, old → new)  ·  faded: unchanged" };
        var modules = diff.Changes.Where(c => !c.IsOp).ToList();
        var opIds = diff.Changes.Where(c => c.IsOp && c.Kind != ChangeKind.Removed).ToDictionary(c => OpNodeId(c.Path), c => c, StringComparer.Ordinal);
        bool IsAdded(string path) => modules.Any(c => (c.Kind == ChangeKind.Added && Within(path, c.Path))
            || (c.Kind == ChangeKind.Repeat && RepeatIndex(path, c.Path) is int i && i >= c.OldCount));
        Change? ChangeAt(string path) => modules.FirstOrDefault(c => c.Path == path && c.Kind is ChangeKind.Changed or ChangeKind.Renamed);

        var outputChanged = new Dictionary<string, ChangeDetail>(StringComparer.Ordinal);
        var copy = new DiagramGraph { Title = g.Title, Subtitle = g.Subtitle, Description = g.Description };
        copy.Clusters.AddRange(g.Clusters);
        foreach (var n in g.Nodes)
        {
            string details = n.Details;
            MarkKind? kind = null;
            var paths = n.Kind == DiagramNodeKind.Block ? n.Instances : n.Kind == DiagramNodeKind.Layer ? [n.Path] : [];
            if (paths.Count > 0 && paths.All(IsAdded)) kind = MarkKind.Added;
            else if (paths.Count > 0)
            {
                var exact = paths.Select(ChangeAt).FirstOrDefault(c => c is not null);
                var inside = modules.Where(c => c.Kind != ChangeKind.Removed && paths.Any(p => Within(c.Path, p) && c.Path != p) || (c.Kind == ChangeKind.Removed && paths.Any(p => Within(c.Path, p)))).ToList();
                var repeat = modules.FirstOrDefault(c => c.Kind == ChangeKind.Repeat && paths.Any(p => RepeatIndex(p, c.Path) is not null));
                if (exact is not null)
                {
                    kind = MarkKind.Changed;
                    details = exact.Kind == ChangeKind.Renamed ? "renamed from " + exact.OldPath : Short(exact.Details);
                    var output = exact.Details.FirstOrDefault(x => x.Name == "output");
                    if (output is not null) outputChanged[n.Id] = output;
                }
                else if (repeat is not null && n.Kind == DiagramNodeKind.Block && paths.Any(IsAdded))
                {
                    kind = MarkKind.Changed;
                    details = "×" + repeat.OldCount + " → ×" + repeat.NewCount;
                }
                else if (inside.Count > 0)
                {
                    kind = MarkKind.Changed;
                    details = inside.Count == 1 ? PlanLines.Head(inside[0]).Trim() : inside.Count + " changes inside";
                }
            }
            else if (opIds.TryGetValue(n.Id, out var op))
            {
                kind = op.Kind == ChangeKind.Added ? MarkKind.Added : MarkKind.Changed;
                if (kind == MarkKind.Changed) details = Short(op.Details);
            }
            else if ((n.Kind == DiagramNodeKind.Input && diff.Model.Any(x => x.Name == "input")) || (n.Kind == DiagramNodeKind.Output && diff.Model.Any(x => x.Name == "output")))
                kind = MarkKind.Changed;
            if (kind is { } k) marks.Nodes[n.Id] = k;
            copy.Nodes.Add(Clone(n, details, n.Cluster));
        }
        foreach (var e in g.Edges)
        {
            var edge = new DiagramEdge { Id = e.Id, Source = e.Source, Target = e.Target, Shape = e.Shape, ShowShape = e.ShowShape };
            if (outputChanged.TryGetValue(e.Source, out var o) && o.Old.Length > 0 && o.New.Length > 0)
            {
                edge = new DiagramEdge { Id = e.Id, Source = e.Source, Target = e.Target, Shape = o.Old + " → " + o.New, ShowShape = true };
                marks.ChangedEdges.Add(e.Id);
            }
            copy.Edges.Add(edge);
        }
        foreach (var c in diff.Changes.Where(c => c.Kind == ChangeKind.Removed)) marks.Removed.Add(PlanLines.Head(c).Substring(2));
        foreach (var c in modules.Where(c => c.Kind == ChangeKind.Repeat && c.NewCount < c.OldCount))
            marks.Removed.Add(c.Path + "  " + c.Type + " ×" + c.OldCount + " → ×" + c.NewCount);
        return (copy, marks);
    }

    // One line of old → new values for inside a node: "out_features 10 → 100 · parameters 170 → 1,700".
    private static string Short(IReadOnlyList<ChangeDetail> details)
    {
        var parts = details.Where(d => d.Name != "output").Select(d => d.Name + " " + (d.Old.Length > 0 ? d.Old : "∅") + " → " + (d.New.Length > 0 ? d.New : "∅")).ToList();
        if (parts.Count == 0 && details.Count > 0) parts.Add("output " + details[0].Old + " → " + details[0].New);
        var text = string.Join(" · ", parts.Take(2));
        return parts.Count > 2 ? text + " · +" + (parts.Count - 2) + " more" : text;
    }

    private static bool Within(string path, string root) => root.Length == 0 || path == root || path.StartsWith(root + ".", StringComparison.Ordinal);

    // layer3.2 (or anything below it) under the repeat group layer3 → 2.
    private static int? RepeatIndex(string path, string group)
    {
        var prefix = group.Length == 0 ? "" : group + ".";
        if (!path.StartsWith(prefix, StringComparison.Ordinal)) return null;
        var rest = path.Substring(prefix.Length);
        int dot = rest.IndexOf('.');
        var first = dot < 0 ? rest : rest.Substring(0, dot);
        return int.TryParse(first, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var i) ? i : null;
    }

    // The diagram id DiagramBuilder gives an op: op key "layer1.0/relu#2" → "op.layer1.0.relu-call2".
    private static string OpNodeId(string key)
    {
        int slash = key.LastIndexOf('/');
        string scope = slash < 0 ? "" : key.Substring(0, slash) + ".", name = key.Substring(slash + 1);
        int hash = name.IndexOf('#');
        string suffix = hash < 0 ? "" : "-call" + name.Substring(hash + 1);
        if (hash >= 0) name = name.Substring(0, hash);
        return "op." + scope + FileNames.Safe(name) + suffix;
    }

    private static DiagramNode Clone(DiagramNode n, string details, string? cluster)
    {
        var c = new DiagramNode
        {
            Id = n.Id, Kind = n.Kind, Category = n.Category, Label = n.Label, Details = details, Secondary = n.Secondary, Path = n.Path,
            Cluster = cluster, Repeat = n.Repeat, FoldKey = n.FoldKey, Variant = n.Variant, Parameters = n.Parameters, Order = n.Order,
        };
        c.Instances.AddRange(n.Instances);
        return c;
    }

    /// <summary>Keeps marked nodes, their neighbours and the terminals; folds each connected run of the rest into one node.</summary>
    internal static DiagramGraph Fold(DiagramGraph g, DiffMarks marks)
    {
        var keep = new HashSet<string>(g.Nodes.Where(n => marks.Nodes.ContainsKey(n.Id) || n.Kind is DiagramNodeKind.Input or DiagramNodeKind.Output).Select(n => n.Id), StringComparer.Ordinal);
        foreach (var e in g.Edges)
        {
            if (marks.Nodes.ContainsKey(e.Source)) keep.Add(e.Target);
            if (marks.Nodes.ContainsKey(e.Target)) keep.Add(e.Source);
        }
        // Union-find over edges between folded nodes: each component becomes one "… N unchanged" node.
        var parent = g.Nodes.Where(n => !keep.Contains(n.Id)).ToDictionary(n => n.Id, n => n.Id, StringComparer.Ordinal);
        string Find(string x) { while (parent[x] != x) x = parent[x] = parent[parent[x]]; return x; }
        foreach (var e in g.Edges)
            if (parent.ContainsKey(e.Source) && parent.ContainsKey(e.Target))
            {
                string a = Find(e.Source), b = Find(e.Target);
                if (a != b) parent[b] = a;
            }
        var groups = g.Nodes.Where(n => parent.ContainsKey(n.Id)).GroupBy(n => Find(n.Id)).ToList();
        var foldOf = new Dictionary<string, string>(StringComparer.Ordinal);
        var result = new DiagramGraph { Title = g.Title, Subtitle = g.Subtitle, Description = g.Description };
        foreach (var n in g.Nodes.Where(n => keep.Contains(n.Id))) result.Nodes.Add(Clone(n, n.Details, n.Cluster));
        int k = 0;
        foreach (var grp in groups)
        {
            var id = "fold." + (k++).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var clusters = grp.Select(n => n.Cluster).Distinct().ToList();
            int count = grp.Sum(n => Math.Max(1, n.Repeat));
            result.Nodes.Add(new DiagramNode
            {
                Id = id, Kind = DiagramNodeKind.Op, Category = Describe.NodeCategory.Other, Label = "… " + count + " unchanged",
                Cluster = clusters.Count == 1 ? clusters[0] : null, Order = grp.Min(n => n.Order),
            });
            foreach (var n in grp) foldOf[n.Id] = id;
        }
        result.Nodes.Sort((a, b) => a.Order.CompareTo(b.Order));
        foreach (var e in g.Edges)
        {
            string s = foldOf.GetValueOrDefault(e.Source, e.Source), t = foldOf.GetValueOrDefault(e.Target, e.Target);
            if (s == t) continue;
            var id = "e." + s + "-" + t;
            if (result.Edges.Any(x => x.Id == id)) continue;
            bool folded = s != e.Source || t != e.Target;
            result.Edges.Add(new DiagramEdge { Id = id, Source = s, Target = t, Shape = e.Shape, ShowShape = !folded && e.ShowShape });
            if (marks.ChangedEdges.Remove(e.Id)) marks.ChangedEdges.Add(id);
        }
        // Keep only clusters that still hold a node (directly or through a child cluster).
        var used = new HashSet<string>(result.Nodes.Where(n => n.Cluster is not null).Select(n => n.Cluster!), StringComparer.Ordinal);
        bool grew = true;
        while (grew)
        {
            grew = false;
            foreach (var c in g.Clusters)
                if (used.Contains(c.Id) && c.Parent is not null && used.Add(c.Parent)) grew = true;
        }
        result.Clusters.AddRange(g.Clusters.Where(c => used.Contains(c.Id)));
        return result;
    }
}
