// Corpus entry points (ours, not upstream): Segment Anything's image encoder (ViT with windowed attention
// and decomposed relative positions), its two-way transformer and mask decoder at small widths, and
// MobileSAM's TinyViT encoder as BuildSam.BuildSAMVitT builds it (its forward only takes 1024x1024 images).
// BuildSam.cs itself is not copied: it loads checkpoints through the TorchSharp.PyBridge package.
using NetVizGen;
using SAMTorchSharp.Modeling;
using SAMTorchSharp.Modeling.Transformer;
using SAMTorchSharp.Modeling.TinyVitSam;

namespace NetVizGen.Corpus.Sam;

internal static class Diagrams
{
    /// <summary>8x8 patches in windows of 3 (padded to 9x9), block 1 global, relative positions on.</summary>
    [Diagram(Input = "N,3,128,128", Name = "SamViTEncoder")]
    public static ImageEncoderViT ViTEncoder() => new ImageEncoderViT(
        imgSize: 128, patchSize: 16, embedDim: 32, depth: 2, numHeads: 2, outChans: 16,
        useRelPos: true, windowSize: 3, globalAttnIndexes: new[] { 1 });

    /// <summary>forward(imageEmbedding, imagePe, pointEmbedding).</summary>
    [Diagram(Input = "N,32,8,8;N,32,8,8;N,5,32", Name = "SamTwoWayTransformer")]
    public static TwoWayTransformer TwoWayTransformer() => new TwoWayTransformer(2, 32, 4, 64);

    /// <summary>One image's embeddings, N prompts (sparse: 2 tokens each, dense: one map each).</summary>
    [Diagram(Input = "1,32,8,8;1,32,8,8;N,2,32;N,32,8,8; multimaskOutput=true", Name = "SamMaskDecoder")]
    public static MaskDecoder MaskDecoder() => new MaskDecoder(32, new TwoWayTransformer(2, 32, 4, 64), iouHeadHiddenDim: 32);

    /// <summary>MobileSAM's encoder (BuildSam.BuildSAMVitT's configuration).</summary>
    [Diagram(Input = "1,3,1024,1024", Name = "SamTinyViT")]
    public static TinyViT TinyViT() => new TinyViT(
        imgSize: 1024, inChans: 3, numClasses: 1000, embedDims: new[] { 64, 128, 160, 320 }, depths: new[] { 2, 2, 6, 2 },
        numHeads: new[] { 2, 4, 5, 10 }, windowSizes: new[] { 7, 7, 14, 7 }, mlpRatio: 4f, dropRate: 0f, dropPathRate: 0.0,
        useCheckpoint: false, mbconvExpandRatio: 4f, localConvSize: 3, layerLrDecay: 0.8f);
}
