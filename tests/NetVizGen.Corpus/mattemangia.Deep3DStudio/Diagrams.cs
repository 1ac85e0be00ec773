// Corpus entry points (ours, not upstream): Deep3DStudio's DeepMeshPrior graph network, a 13-layer GCN
// (GCNConv + BatchNorm1d + LeakyReLU) that turns fixed random per-vertex features into per-vertex position
// deltas. DeepMeshPriorOptimizer builds it as `new DeepMeshPriorNetwork(useSkipConnections: false)` with 16
// input features per vertex; the encoder-decoder variant with skip concatenations is the constructor's
// other branch. The graph is a mesh's: 642 vertices (a level-3 icosphere) and 4,482 directed edges (its
// 1,920 undirected edges both ways plus one self-loop per vertex, as GraphUtils.ComputeAdjacencyMatrix
// builds them); edge weights are the normalised adjacency values.
using Deep3DStudio.DeepMeshPrior;
using NetVizGen;

namespace NetVizGen.Corpus.Deep3DStudio;

internal static class Diagrams
{
    /// <summary>The network DeepMeshPriorOptimizer trains: forward(x, edgeIndex, edgeWeight) with x the
    /// vertices' 16 random features, edgeIndex the 2×E vertex pairs, edgeWeight one weight per edge.</summary>
    [Diagram(Input = "x=642,16;edgeIndex=2,4482;edgeWeight=4482", Name = "GcnDeepMeshPrior")]
    public static DeepMeshPriorNetwork DeepMeshPrior() => new DeepMeshPriorNetwork(useSkipConnections: false);

    /// <summary>The same network with skip connections (encoder outputs concatenated into the decoder).</summary>
    [Diagram(Input = "x=642,16;edgeIndex=2,4482;edgeWeight=4482", Name = "GcnDeepMeshPriorSkip")]
    public static DeepMeshPriorNetwork DeepMeshPriorSkip() => new DeepMeshPriorNetwork(useSkipConnections: true);
}
