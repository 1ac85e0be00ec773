using NetVizGen.Model.Specs;
using NetVizGen.Rendering.Diagram;
using NetVizGen.Rendering.Html;
using NetVizGen.Rendering.Layout;
using NetVizGen.Rendering.Markdown;
using NetVizGen.Rendering.Mermaid;
using NetVizGen.Rendering.Svg;

namespace NetVizGen.Rendering;

/// <summary>
/// The entry point the MSBuild task calls: turns the extracted models into the docs folder's files.
/// </summary>
/// <remarks>
/// Per model <c>Id</c>: <c>Id.svg</c> (light, also for print), <c>Id.dark.svg</c>, <c>Id.md</c>,
/// <c>Id.html</c> (the interactive view, unless <see cref="RenderOptions.Html"/> is off), and
/// one light/dark pair per block variant (<c>Id.BasicBlock.svg</c>, <c>Id.BasicBlock-downsample.svg</c>);
/// plus the index page. Output is byte-identical for the same input, whatever the current culture.
/// </remarks>
public static class DocumentationRenderer
{
    /// <summary>Renders every model. Files are returned in a fixed order (models by ordinal Id).</summary>
    /// <param name="models">The models to document; duplicate ids are an error.</param>
    /// <param name="options">Rendering options.</param>
    /// <returns>The files to write, paths relative to <see cref="RenderOptions.OutputDirectory"/>.</returns>
    public static IReadOnlyList<GeneratedFile> Render(IReadOnlyList<ModelSpec> models, RenderOptions options)
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(options);
        var ordered = models.OrderBy(m => m.Id, StringComparer.Ordinal).ToList();
        CheckUniqueIds(ordered.Select(m => m.Id));
        var docs = ordered.Select(m => RenderModel(m, options)).ToList();
        return Assemble(docs, options);
    }

    /// <summary>
    /// Renders one model: its pictures, pages and description, and its index row. Depends on nothing but
    /// <paramref name="model"/> and <paramref name="options"/>, and is safe to call for several models at once.
    /// </summary>
    public static ModelDocs RenderModel(ModelSpec model, RenderOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        var files = new List<GeneratedFile>();
        var page = BuildPage(model, options, files);
        files.Add(new GeneratedFile(model.Id + ".md", MarkdownPageRenderer.Render(page, options)));
        if (options.Html) files.Add(new GeneratedFile(model.Id + ".html", HtmlPageRenderer.Render(page, options)));
        return new ModelDocs(model.Id, files, IndexPageRenderer.Row(page));
    }

    /// <summary>The index page listing the models whose rows are given, in the order given (ordinal by id).</summary>
    public static GeneratedFile RenderIndex(IEnumerable<string> indexRows, RenderOptions options)
    {
        ArgumentNullException.ThrowIfNull(indexRows);
        ArgumentNullException.ThrowIfNull(options);
        return new GeneratedFile(options.IndexFileName, IndexPageRenderer.Render(indexRows.ToList()));
    }

    /// <summary>
    /// The docs folder of models rendered one by one: their files in ordinal id order, then the index.
    /// The same bytes as <see cref="Render"/> for the same models, however they were rendered.
    /// </summary>
    public static IReadOnlyList<GeneratedFile> Assemble(IReadOnlyList<ModelDocs> models, RenderOptions options)
    {
        ArgumentNullException.ThrowIfNull(models);
        var ordered = models.OrderBy(m => m.Id, StringComparer.Ordinal).ToList();
        CheckUniqueIds(ordered.Select(m => m.Id));
        var files = ordered.SelectMany(m => m.Files).ToList();
        files.Add(RenderIndex(ordered.Select(m => m.IndexRow), options));
        return files;
    }

    /// <summary>Throws when two models share an id (their files would overwrite each other).</summary>
    public static void CheckUniqueIds(IEnumerable<string> ids)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in ids)
            if (!seen.Add(id)) throw new ArgumentException("Two models share the id '" + id + "'.", nameof(ids));
    }

    private static ModelPage BuildPage(ModelSpec model, RenderOptions options, List<GeneratedFile> files)
    {
        // [Diagram(Depth = ...)]: -1 = the project's NetVizGenDepth, 0 = every layer, N = N block levels.
        int depth = model.Depth > 0 ? model.Depth : model.Depth == 0 ? -1 : options.Depth;
        var direction = options.Direction ?? model.Direction;
        var blocks = new BlockCatalog(model.Root);
        string input = ModelFacts.InputShape(model), output = ModelFacts.OutputShape(model);
        var overview = DiagramBuilder.Build(model, model.Root, depth, blocks, model.Title, ModelFacts.Subtitle(model, input, output));
        var page = new ModelPage
        {
            Model = model, Overview = overview,
            Summary = Summary(input, output, model)
                + (Svg.LayoutBudget.Exceeded(overview) is { } why ? " The diagram is not drawn: " + why + "; the layer table lists every layer." : ""),
            Direction = direction,
        };
        page.OverviewLayout = Emit(files, model.Id, overview, direction, options);
        // Written by the same call as the pictures, so the description reviewers diff is never out of step with them.
        files.Add(new GeneratedFile(model.Id + Description.DescriptionWriter.FileSuffix, Description.DescriptionWriter.Write(model, options.ProjectDirectory)));

        // Every block variant that appears as a card gets its own diagram, drawn one level deep;
        // cards inside those diagrams are followed in turn (blocks inside blocks).
        var queue = new Queue<BlockVariant>(Cards(overview));
        var seen = new HashSet<BlockVariant>(queue);
        while (queue.Count > 0)
        {
            var v = queue.Dequeue();
            var rep = v.Representative;
            var graph = DiagramBuilder.Build(model, rep, 1, blocks, v.Name,
                ModelFacts.Subtitle(ShapeInto(model, rep.Path), ModelFacts.ShapeOf(model, rep.Path), rep.Parameters, rep.Trainable));
            var stem = model.Id + "." + v.Name;
            page.Blocks.Add((v, graph, stem));
            page.BlockLayouts.Add(Emit(files, stem, graph, direction, options));
            foreach (var inner in Cards(graph)) if (seen.Add(inner)) queue.Enqueue(inner);
        }
        AddSideViews(page, overview, "", page.OverviewLayout!, direction);
        for (int i = 0; i < page.Blocks.Count; i++) AddSideViews(page, page.Blocks[i].Graph, page.Blocks[i].Variant.Representative.Path, page.BlockLayouts[i], direction);
        if (options.Mermaid) page.Mermaid = MermaidRenderer.Render(overview, direction == FlowDirection.LeftRight);
        return page;
    }

    // The ops each drawn side node folds, laid out once so the interactive page can open the node in place.
    private static void AddSideViews(ModelPage page, DiagramGraph graph, string rep, LayoutResult layout, FlowDirection direction)
    {
        foreach (var n in graph.Nodes)
            if (n.Inside is { } inside && layout.Nodes.ContainsKey(n.Id))
                page.SideViews.Add((n, rep, inside, DiagramPainter.Layout.Run(DiagramPainter.Request(inside, direction))));
    }

    private static IEnumerable<BlockVariant> Cards(DiagramGraph g) => g.Nodes.Where(n => n.Variant is not null).Select(n => n.Variant!).Distinct();

    // Returns the layout so the interactive page composes exactly the boxes the SVGs show.
    private static LayoutResult Emit(List<GeneratedFile> files, string stem, DiagramGraph graph, FlowDirection direction, RenderOptions options)
    {
        var (light, dark, layout) = DiagramPainter.PaintWithLayout(graph, direction, PaperShapes.From(options));
        files.Add(new GeneratedFile(stem + ".svg", light));
        if (options.DarkMode) files.Add(new GeneratedFile(stem + ".dark.svg", dark));
        return layout;
    }

    // The shape entering a block: the output of the first node outside it that feeds a node inside.
    private static string ShapeInto(ModelSpec model, string path)
    {
        var prefix = path + ".";
        bool Inside(FlowNodeSpec n) => n.Kind == FlowNodeKind.Module ? n.ModulePath.StartsWith(prefix, StringComparison.Ordinal)
            : n.Kind is FlowNodeKind.Op or FlowNodeKind.Merge && (n.Scope == path || n.Scope.StartsWith(prefix, StringComparison.Ordinal));
        var byId = model.Flow.Nodes.ToDictionary(n => n.Id);
        foreach (var n in model.Flow.Nodes.Where(Inside))
            foreach (var i in n.Inputs)
                if (byId.TryGetValue(i, out var src) && !Inside(src)) return src.Shape;
        return "";
    }

    private static string Summary(string input, string output, ModelSpec model)
    {
        var root = model.Root;
        var parts = new List<string>();
        if (input.Length > 0 || output.Length > 0) parts.Add("Input " + (input.Length > 0 ? input : "?") + " → output " + (output.Length > 0 ? output : "?"));
        if (!ModelFacts.IsIncomplete(model))
            parts.Add(Numbers.Grouped(root.Parameters) + " parameters" + (root.Trainable >= 0 ? " (" + Numbers.Grouped(root.Trainable) + " trainable)" : ""));
        else
            parts.Add(ModelFacts.ParameterTotal(model, Numbers.Grouped));
        if (root.Buffers > 0) parts.Add(Numbers.Grouped(root.Buffers) + " buffer elements");
        else if (root.Buffers < 0 && root.Parameters >= 0) parts.Add("buffer elements unknown");
        if (model.MultiplyAdds > 0) parts.Add(Numbers.Short(model.MultiplyAdds) + " multiply-adds per sample");
        var summary = parts.Count == 0 ? "" : string.Join(" · ", parts) + ".";
        // What the reader could not determine, said on the page itself (each has a located warning below).
        if (!model.Incomplete.IsEmpty) summary += (summary.Length > 0 ? " " : "") + "Incomplete: " + string.Join("; ", model.Incomplete) + ".";
        return summary;
    }
}
