namespace NetVizGen.Rendering.Describe;

/// <summary>What a diagram shows for one layer or op.</summary>
/// <param name="Category">Colour and glyph category.</param>
/// <param name="Label">Main label: type plus the hyperparameters that matter ("Conv2d 3×3 s2 · 64→128").</param>
/// <param name="Details">Quiet details kept out of the diagram and listed in the Markdown table ("padding 1, bias false").</param>
internal sealed record NodeDescription(NodeCategory Category, string Label, string Details);
