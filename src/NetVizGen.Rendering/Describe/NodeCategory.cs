namespace NetVizGen.Rendering.Describe;

/// <summary>
/// Visual category of a diagram node. Mirrors the layer catalog's <c>LayerCategory</c> member for
/// member, so the catalog's answer maps over by name.
/// </summary>
internal enum NodeCategory
{
    Input, Output, Conv, Linear, Norm, Activation, Pool, Recurrent, Attention, Embedding,
    Dropout, Reshape, Merge, Padding, Upsample, Container, Block, Other,
}
