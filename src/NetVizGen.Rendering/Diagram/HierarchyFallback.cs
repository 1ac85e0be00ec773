using NetVizGen.Model.Specs;
using NetVizGen.Rendering.Describe;

namespace NetVizGen.Rendering.Diagram;

/// <summary>
/// Never an empty picture: when the forward data flow could not be traced (no layer or op in the
/// drawn scope), the diagram shows the module tree instead, children in registration order inside
/// a box per container or block, joined by dotted registration-order links (no arrowheads: they are
/// not data flow), and the subtitle says that the data flow is unknown.
/// </summary>
/// <remarks>
/// Custom blocks follow the usual visibility rule: at level <c>depth</c> a block is a card (its page
/// draws its own tree), above it a box. Pre-condition: the graph holds at most input/output nodes;
/// they are removed, since nothing is known to connect them.
/// </remarks>
internal static class HierarchyFallback
{
    /// <summary>The note appended to the subtitle.</summary>
    public const string Note = "data flow unknown: modules in registration order";

    public static void Build(DiagramGraph graph, ModuleSpec root, int depth, BlockCatalog blocks)
    {
        if (root.Children.Count == 0) return;
        graph.Nodes.Clear();
        graph.Edges.Clear();
        graph.Clusters.Clear();
        graph.Subtitle = graph.Subtitle.Length == 0 ? Note : graph.Subtitle + " · " + Note;
        int order = 0;
        DiagramNode? previous = null;
        string Rel(string path) => root.Path.Length == 0 ? path : path[(root.Path.Length + 1)..];

        void Walk(ModuleSpec parent, string? cluster, int level)
        {
            foreach (var m in parent.Children)
            {
                int next = m.Origin == ModuleOrigin.Custom ? level + 1 : level;
                bool box = m.Children.Count > 0 && m.Origin is ModuleOrigin.Container or ModuleOrigin.Custom
                    && !(m.Origin == ModuleOrigin.Custom && depth > 0 && next >= depth);
                if (box)
                {
                    var id = "c." + Rel(m.Path);
                    var title = Rel(m.Path) + " · " + m.TypeName;
                    graph.Clusters.Add(new DiagramCluster { Id = id, Parent = cluster, Title = title, Order = order++ });
                    Walk(m, id, next);
                    continue;
                }
                var d = NodeDescriber.Describe(m);
                bool card = m.Origin == ModuleOrigin.Custom;
                var node = new DiagramNode
                {
                    Id = (card ? "b." : "m.") + Rel(m.Path), Kind = card ? DiagramNodeKind.Block : DiagramNodeKind.Layer,
                    Category = card ? NodeCategory.Block : d.Category, Label = card ? blocks.ForPath(m.Path)?.Label ?? m.TypeName : d.Label,
                    Details = card ? NodeDescriber.CardArgs(m.Args, m.Path[(m.Path.LastIndexOf('.') + 1)..], m.TypeName) : "", Role = Roles.For(m, parent), Module = m, Path = Rel(m.Path),
                    Cluster = cluster, Variant = card ? blocks.ForPath(m.Path) : null, FoldKey = card ? BlockSignature.Fold(m) : "",
                    Parameters = m.Parameters, Order = order++,
                };
                if (card) node.Instances.Add(m.Path);
                graph.Nodes.Add(node);
                if (previous is not null)
                    graph.Edges.Add(new DiagramEdge { Id = "e." + previous.Id + "-" + node.Id, Source = previous.Id, Target = node.Id, Style = DiagramEdgeStyle.Order });
                previous = node;
            }
        }
        Walk(root, null, 0);
    }
}
