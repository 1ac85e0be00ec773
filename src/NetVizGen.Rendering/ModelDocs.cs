namespace NetVizGen.Rendering;

/// <summary>
/// One model's share of the docs folder, as <see cref="DocumentationRenderer.RenderModel"/> returns it:
/// its files and its row of the index page. Models are rendered independently of each other, so a
/// build can re-render only the models that changed and rebuild the index from the rows it kept.
/// </summary>
/// <param name="Id">The model's id (file stem).</param>
/// <param name="Files">The model's files, paths relative to the docs folder, in a fixed order.</param>
/// <param name="IndexRow">The model's line of the index table, ending in a line feed.</param>
public sealed record ModelDocs(string Id, IReadOnlyList<GeneratedFile> Files, string IndexRow);
