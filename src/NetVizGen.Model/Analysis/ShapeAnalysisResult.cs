using NetVizGen.Model.Shapes;
using NetVizGen.Model.Specs;

namespace NetVizGen.Model.Analysis;

/// <summary>What shape analysis learned about one flow node.</summary>
/// <param name="Id">The flow node id.</param>
/// <param name="Shape">Display text of the node's output(s): <c>N×64×56×56</c>, <c>?</c> when unknown, empty when no input shape was declared.</param>
/// <param name="Outputs">The inferred output shapes (several for chunk, LSTM without OutputIndex); empty when unknown.</param>
/// <param name="MultiplyAdds">Multiply-accumulates per sample (batch dim excluded); 0 for free nodes; -1 when unknown.</param>
/// <param name="Summary">The catalog label (<c>Conv2d 3×3 s2 · 64→128</c>, <c>flatten 1..-1</c>); the node name when unknown.</param>
public sealed record NodeAnalysis(int Id, string Shape, EquatableArray<Shape> Outputs, long MultiplyAdds, string Summary);

/// <summary>The outcome of <see cref="ShapeAnalysis.Run"/>.</summary>
/// <param name="Model">The model with node shapes, module parameter counts and the new notes filled in.</param>
/// <param name="Notes">The notes this analysis raised (also appended to <see cref="ModelSpec.Notes"/> of <paramref name="Model"/>).</param>
/// <param name="Nodes">Per flow node results, in flow order.</param>
/// <param name="Parameters">Total parameter elements; -1 when any module's count is unknown.</param>
/// <param name="Trainable">Trainable parameter elements; -1 when unknown.</param>
/// <param name="Buffers">Buffer elements; -1 when unknown.</param>
/// <param name="MultiplyAdds">Multiply-accumulates per sample over the whole flow; -1 when any node's count is unknown.</param>
public sealed record ShapeAnalysisResult(
    ModelSpec Model,
    EquatableArray<NoteSpec> Notes,
    EquatableArray<NodeAnalysis> Nodes,
    long Parameters,
    long Trainable,
    long Buffers,
    long MultiplyAdds);
