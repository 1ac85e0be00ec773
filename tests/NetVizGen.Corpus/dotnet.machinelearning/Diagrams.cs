// Corpus entry points (ours, not upstream): ML.NET's TorchSharp models, built with the configurations ML.NET
// itself uses: the RoBERTa-base encoder of RobertaModel (question answering), and the AutoFormerV2 object
// detector as ObjectDetectionTrainer builds it. The backbone is not documented alone: it never calls
// RegisterComponents() (the detector's registration registers it), so on its own it has no parameters.
using System.Collections.Generic;
using Microsoft.ML.TorchSharp.AutoFormerV2;
using Microsoft.ML.TorchSharp.Roberta.Models;
using NetVizGen;
using static TorchSharp.torch;

namespace NetVizGen.Corpus.MachineLearning;

internal static class Diagrams
{
    /// <summary>RobertaModel's encoder (RoBERTa-base: 12 layers, 12 heads, 768 wide, 50,265 tokens).
    /// call(tokens, positions, tokenTypes, attentionMask): ids, positions and segments of a 16-token
    /// sequence, and the additive mask RobertaModel builds (N,1,1,S).</summary>
    [Diagram(Input = "tokens=N,16;positions=N,16;tokenTypes=N,16;attentionMask=N,1,1,16", Name = "MlRobertaEncoder")]
    public static RobertaEncoder RobertaEncoder() => new RobertaEncoder(
        numLayers: 12,
        numAttentionHeads: 12,
        numEmbeddings: 50265,
        embeddingSize: 768,
        hiddenSize: 768,
        outputSize: 768,
        ffnHiddenSize: 3072,
        maxPositions: 512,
        maxTokenTypes: 2,
        layerNormEps: 1e-12,
        embeddingDropoutRate: 0.1,
        attentionDropoutRate: 0.1,
        attentionOutputDropoutRate: 0.1,
        outputDropoutRate: 0.1);

    /// <summary>ObjectDetectionTrainer's detector (embed 64/128/256/448, depths 2/2/6/2, heads 2/4/8/14) for
    /// 80 classes (COCO's, the set its weights were trained on), on the CPU; a 128×128 image (the trainer pads
    /// images to a multiple of 32).</summary>
    [Diagram(Input = "N,3,128,128", Name = "MlAutoFormerV2")]
    public static AutoFormerV2 AutoFormerV2() => new AutoFormerV2(
        80,
        embedChannels: new List<int>() { 64, 128, 256, 448 },
        depths: new List<int>() { 2, 2, 6, 2 },
        numHeads: new List<int>() { 2, 4, 8, 14 },
        device: CPU);
}
