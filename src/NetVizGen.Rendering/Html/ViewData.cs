using NetVizGen.Model.Json;
using NetVizGen.Model.Specs;
using NetVizGen.Rendering.Describe;
using NetVizGen.Rendering.Diagram;
using NetVizGen.Rendering.Layout;
using NetVizGen.Rendering.Markdown;

namespace NetVizGen.Rendering.Html;

/// <summary>
/// The data the interactive page composes from: every diagram the static docs draw (the overview
/// and one per block variant) with the very boxes and routes of their SVGs, and per module path the
/// facts the details panel shows. The page never lays out from scratch; it only moves these boxes
/// apart when a card opens (see viewer.js), so what it shows agrees with the SVGs.
/// </summary>
internal static class ViewData
{
    /// <summary>The JSON document, safe to place raw inside a <c>&lt;script type="application/json"&gt;</c>.</summary>
    public static string Json(ModelPage page, RenderOptions options)
    {
        var w = new JsonWriter();
        var model = page.Model;
        w.StartObject();
        w.Prop("schema", 1);
        w.Prop("id", model.Id);
        w.Prop("title", model.Title);
        w.Prop("summary", page.Summary);
        w.Prop("direction", page.Direction == FlowDirection.LeftRight ? "LR" : "TB");

        var variantIndex = new Dictionary<BlockVariant, int>();
        for (int i = 0; i < page.Blocks.Count; i++) variantIndex[page.Blocks[i].Variant] = i + 1;

        // Side nodes open like cards: their inside is one more view, after the block views.
        var sideIndex = new Dictionary<DiagramNode, int>();
        for (int i = 0; i < page.SideViews.Count; i++) sideIndex[page.SideViews[i].Node] = page.Blocks.Count + 1 + i;

        w.Name("views").StartArray();
        View(w, "overview", "", page.Overview, page.OverviewLayout!, variantIndex, sideIndex, "");
        for (int i = 0; i < page.Blocks.Count; i++)
        {
            var (variant, graph, _) = page.Blocks[i];
            View(w, variant.Name, variant.Representative.Path, graph, page.BlockLayouts[i], variantIndex, sideIndex, variant.Representative.Path);
        }
        foreach (var (node, rep, graph, layout) in page.SideViews)
            View(w, node.Label, SideKey(rep, node), graph, layout, variantIndex, sideIndex, SideKey(rep, node));
        w.EndArray();

        Modules(w, model, options);
        w.Name("notes").StartArray();
        foreach (var n in model.Notes)
            w.StartObject().Prop("id", n.Id).Prop("severity", n.Severity.ToString().ToLowerInvariant()).Prop("message", Safe(n.Message))
             .Prop("source", HtmlSourceLinks.Link(n.Source, options)).EndObject();
        w.EndArray();
        w.EndObject();
        return ScriptSafe(w.ToString());
    }

    /// <summary>The key a side node opens under, like a block's module path: unique per diagram and instance
    /// (the viewer maps the representative's prefix to each opened instance), never a module path ('~').</summary>
    internal static string SideKey(string rep, DiagramNode node) => (rep.Length > 0 ? rep + "." : "") + "~" + node.Id;

    private static void View(JsonWriter w, string name, string representative, DiagramGraph g, LayoutResult layout, Dictionary<BlockVariant, int> variants,
        Dictionary<DiagramNode, int> sides, string rep)
    {
        w.StartObject();
        w.Prop("name", Safe(name)).Prop("rep", representative);
        w.Name("w").Value(R(layout.Width));
        w.Name("h").Value(R(layout.Height));
        w.Name("nodes").StartArray();
        foreach (var n in g.Nodes)
        {
            if (!layout.Nodes.TryGetValue(n.Id, out var b)) continue;
            w.StartObject();
            w.Prop("id", n.Id).Prop("kind", n.Kind.ToString().ToLowerInvariant()).Prop("path", Safe(n.Path)).Prop("label", Safe(n.Label));
            w.Prop("category", n.Category.ToString().ToLowerInvariant());
            Box(w, b);
            if (n.Cluster is not null) w.Prop("cluster", n.Cluster);
            if (n.Variant is not null && variants.TryGetValue(n.Variant, out int vi))
            {
                w.Prop("view", vi);
                w.Name("instances").StartArray();
                foreach (var p in n.Instances) w.Value(p);
                w.EndArray();
            }
            else if (sides.TryGetValue(n, out int si))
            {
                w.Prop("view", si);
                w.Name("instances").StartArray().Value(SideKey(rep, n)).EndArray();
            }
            w.EndObject();
        }
        w.EndArray();
        w.Name("clusters").StartArray();
        foreach (var c in g.Clusters)
        {
            if (!layout.Clusters.TryGetValue(c.Id, out var b)) continue;
            w.StartObject().Prop("id", c.Id).Prop("title", Safe(c.Title));
            if (c.Parent is not null) w.Prop("parent", c.Parent);
            Box(w, b);
            w.EndObject();
        }
        w.EndArray();
        w.Name("edges").StartArray();
        foreach (var e in g.Edges)
        {
            if (!layout.Edges.TryGetValue(e.Id, out var r)) continue;
            w.StartObject().Prop("s", e.Source).Prop("t", e.Target).Prop("shape", Safe(e.Shape)).Prop("show", e.ShowShape);
            w.Name("points").StartArray();
            foreach (var p in r.Points) { w.Value(R(p.X)); w.Value(R(p.Y)); }
            w.EndArray();
            if (r.Breaks.Count > 0)
            {
                // Indices where a wrapped drawing's line jumps to the next segment (not drawn).
                w.Name("breaks").StartArray();
                foreach (int b in r.Breaks) w.Value(b);
                w.EndArray();
            }
            w.Name("label").StartArray().Value(R(r.LabelCenter.X)).Value(R(r.LabelCenter.Y)).EndArray();
            w.EndObject();
        }
        w.EndArray();
        w.EndObject();
    }

    private static void Box(JsonWriter w, Box b)
    {
        w.Name("x").Value(R(b.Left));
        w.Name("y").Value(R(b.Top));
        w.Name("w").Value(R(b.Width));
        w.Name("h").Value(R(b.Height));
    }

    // Per module path: what the details panel lists. Shapes come from the traced calls of the module.
    private static void Modules(JsonWriter w, ModelSpec model, RenderOptions options)
    {
        var byId = model.Flow.Nodes.ToDictionary(n => n.Id);
        var calls = model.Flow.Nodes.Where(n => n.Kind == FlowNodeKind.Module).ToLookup(n => n.ModulePath, StringComparer.Ordinal);
        w.Name("modules").StartObject();
        foreach (var m in model.Root.DescendantsAndSelf())
        {
            w.Name(m.Path).StartObject();
            w.Prop("type", Safe(m.TypeName)).Prop("origin", m.Origin.ToString().ToLowerInvariant());
            // The label the diagrams print ("Conv2d 3×3 · 64→128"): searchable, as readers see it.
            w.Prop("label", Safe(m.Origin == ModuleOrigin.Builtin ? NodeDescriber.Describe(m).Label : m.TypeName));
            w.Name("args").StartArray();
            foreach (var a in m.Args) w.StartArray().Value(Safe(a.Name)).Value(Safe(ArgText(a))).EndArray();
            w.EndArray();
            w.Prop("parameters", m.Parameters).Prop("trainable", m.Trainable).Prop("buffers", m.Buffers);
            if (m.SharedWith is not null) w.Prop("sharedWith", m.SharedWith);
            var call = calls[m.Path].FirstOrDefault();
            if (call is not null)
            {
                w.Name("inputs").StartArray();
                foreach (var i in call.Inputs) w.Value(byId.TryGetValue(i, out var src) ? Safe(src.Shape) : "");
                w.EndArray();
                w.Prop("output", Safe(call.Shape));
            }
            w.Prop("source", HtmlSourceLinks.Link(m.Source, options));
            // Diagnostics name the module they are about in quotes ('bn1'); list those on its card.
            w.Name("notes").StartArray();
            if (m.Path.Length > 0)
                foreach (var n in model.Notes)
                    if (n.Message.Contains("'" + m.Path + "'", StringComparison.Ordinal)) w.Value(n.Id + ": " + Safe(n.Message));
            w.EndArray();
            w.EndObject();
        }
        w.EndObject();
    }

    // ArgsText writes "name=value" (and drops defaults); the panel has its own name column.
    private static string ArgText(ArgSpec a)
    {
        var text = NodeDescriber.ArgsText([a]);
        return text.StartsWith(a.Name + "=", StringComparison.Ordinal) ? text[(a.Name.Length + 1)..] : text.Length > 0 ? text : a.Value.ToString() ?? "";
    }

    private static double R(double v) => Math.Round(v, 2);

    private static string Safe(string s) => Svg.SvgWriter.XmlSafe(s);

    // Inside a script element only "</script" (and "<!--") could end or confuse the raw text: "<"
    // never appears outside JSON strings, and within them "\u003c" means the same.
    private static string ScriptSafe(string json) => json.Replace("<", "\\u003c").Replace(">", "\\u003e").Replace("&", "\\u0026");
}
