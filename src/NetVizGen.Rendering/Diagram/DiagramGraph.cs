using NetVizGen.Model.Specs;
using NetVizGen.Rendering.Describe;

namespace NetVizGen.Rendering.Diagram;

/// <summary>What a diagram node stands for; decides its shape.</summary>
internal enum DiagramNodeKind { Input, Output, Layer, Op, Merge, Block, Side }

/// <summary>How an edge is drawn: data flow, a quiet side input, or registration order (no flow known).</summary>
internal enum DiagramEdgeStyle { Data, Side, Order }

/// <summary>One drawn node: a layer, an op, a merge, an input/output or a collapsed block card.</summary>
internal sealed class DiagramNode
{
    /// <summary>Stable id derived from module paths (diff-friendly), unique within the diagram.</summary>
    public required string Id { get; init; }
    public required DiagramNodeKind Kind { get; set; }
    public required NodeCategory Category { get; set; }
    public required string Label { get; set; }
    /// <summary>Quiet lines under the label (a block card's arguments, a group's argument progression); '\n' separates lines.</summary>
    public string Details { get; set; } = "";
    /// <summary>The field or registration name when it says something the type does not (q_proj, lm_head); empty otherwise.</summary>
    public string Role { get; set; } = "";
    /// <summary>The C# name the traced value is bound to (<see cref="FlowNodeSpec.Variable"/>); empty when none.</summary>
    public string Variable { get; set; } = "";
    /// <summary>On a block page, for an input or output: the name the block's own code gives the value
    /// (<see cref="PortSpec"/>: <c>inputs[2]</c>, <c>clsOutputs[0]</c>); empty when not known.</summary>
    public string Port { get; init; } = "";
    /// <summary>Where <see cref="Port"/> stands among the call's arguments or results (<see cref="PortSpec.Index"/>); -1 when not known.</summary>
    public int PortIndex { get; init; } = -1;
    /// <summary>For an op inside a folded side node: the shape it outputs (from the first edge leaving it), empty when unknown.</summary>
    public string OutputShape { get; init; } = "";
    /// <summary>For a folded side node: the ops it stands for and the edges between them, what opening it shows; null otherwise.</summary>
    public DiagramGraph? Inside { get; set; }
    /// <summary>Built while tracing: the node stands for computation that carries none of the model's data (masks, position ids).</summary>
    public bool IsSide { get; set; }
    /// <summary>A group card standing for a repeated run of layers in flat code (<see cref="PatternFolder"/>); <see cref="Parameters"/> is then the run's total.</summary>
    public bool IsGroup { get; set; }
    /// <summary>For layer nodes: the module drawn (used to compare arguments of repeated runs).</summary>
    public ModuleSpec? Module { get; init; }
    /// <summary>Small secondary text (parameter count, or the input shape of an input node).</summary>
    public string Secondary { get; set; } = "";
    /// <summary>Module path (relative to the model root) or scope of an op; used in descriptions.</summary>
    public string Path { get; init; } = "";
    /// <summary>Innermost cluster that contains the node; null for top level.</summary>
    public string? Cluster { get; set; }
    /// <summary>Number of identical consecutive blocks folded into this card (1 = not folded).</summary>
    public int Repeat { get; set; } = 1;
    /// <summary>Paths of every instance folded into this card, in order.</summary>
    public List<string> Instances { get; } = [];
    /// <summary>For block cards: <see cref="BlockSignature.Fold"/> of the block; equal keys may fold.</summary>
    public string FoldKey { get; init; } = "";
    /// <summary>For block cards: the variant whose page section draws this block.</summary>
    public BlockVariant? Variant { get; init; }
    /// <summary>Parameters of one instance; -1 unknown.</summary>
    public long Parameters { get; init; } = -1;
    /// <summary>First flow id mapped to the node: keeps the node order of the trace.</summary>
    public int Order { get; init; }
}

/// <summary>A data-flow edge between two drawn nodes.</summary>
internal sealed class DiagramEdge
{
    public required string Id { get; set; }
    public required string Source { get; set; }
    public required string Target { get; set; }
    /// <summary>
    /// The tensor shape carried, as displayed ("N×128×28×28"), empty when unknown. When several tensors go from
    /// one card to the same card (a backbone's three feature maps into the FPN), their shapes together
    /// (<see cref="EdgeShapes"/>).
    /// </summary>
    public string Shape { get; set; } = "";
    /// <summary>True when the shape should be written on the edge (it changed at the source).</summary>
    public bool ShowShape { get; set; }
    /// <summary>How the edge is drawn.</summary>
    public DiagramEdgeStyle Style { get; set; }
}

/// <summary>A group box: an expanded custom block or container.</summary>
internal sealed class DiagramCluster
{
    public required string Id { get; init; }
    public string? Parent { get; init; }
    public required string Title { get; init; }
    public int Order { get; init; }
}

/// <summary>A diagram ready for layout and drawing; no coordinates yet.</summary>
internal sealed class DiagramGraph
{
    public required string Title { get; init; }
    public required string Subtitle { get; set; }
    /// <summary>One-paragraph plain-text summary for the SVG's &lt;desc&gt; and alt text.</summary>
    public string Description { get; set; } = "";
    public List<DiagramNode> Nodes { get; } = [];
    public List<DiagramEdge> Edges { get; } = [];
    public List<DiagramCluster> Clusters { get; } = [];
    /// <summary>The output nodes are in the order forward returns them (a model's outputs; a block's when its code names
    /// every one), so the drawing keeps them in that order. False when their order is only the order the rest of the
    /// model reads them in (a block called twice, for q and then k, whose results are read k first).</summary>
    public bool OutputsInReturnOrder { get; set; }
    /// <summary>The input nodes are in the order forward takes them (a model's parameters), so the drawing keeps them
    /// in that order. A block page's inputs keep the order of its arguments instead, when each has a known place
    /// (<see cref="DiagramNode.PortIndex"/>).</summary>
    public bool InputsInParameterOrder { get; set; }
}
