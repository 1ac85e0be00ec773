// Corpus entry points (ours, not upstream): the segmentation editor's U-Net family, built as the app builds it,
// through its complexity presets (ModelComplexityConfigProviderSdk) and model factory (UNetModelFactorySdk),
// plus one hand-written config with the attention options the presets leave off.
using AnnotationTool.Ai.Models;
using AnnotationTool.Ai.Models.UNet;
using AnnotationTool.Core.Models;
using NetVizGen;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace NetVizGen.Corpus.SegmentationEditor;

internal static class Diagrams
{
    private static Module<Tensor, Tensor> Preset(ModelComplexity complexity, SegmentationArchitecture architecture) =>
        UNetModelFactorySdk.Create(3, 1, ModelComplexityConfigProviderSdk.GetConfig(architecture, complexity), CPU).AsModule();

    [Diagram(Input = "N,3,64,64", Name = "SegUNetL0")]
    public static Module<Tensor, Tensor> UNetL0() => Preset(ModelComplexity.L0, SegmentationArchitecture.UNet);

    [Diagram(Input = "N,3,64,64", Name = "SegUNetL2")]
    public static Module<Tensor, Tensor> UNetL2() => Preset(ModelComplexity.L2, SegmentationArchitecture.UNet);

    [Diagram(Input = "N,3,64,64", Name = "SegResUNetL3")]
    public static Module<Tensor, Tensor> ResidualUNetL3() => Preset(ModelComplexity.L3, SegmentationArchitecture.UNet);

    [Diagram(Input = "N,3,64,64", Name = "SegUNetPlusPlusL4")]
    public static Module<Tensor, Tensor> UNetPlusPlusL4() => Preset(ModelComplexity.L4, SegmentationArchitecture.UNetPlusPlus);

    [Diagram(Input = "N,1,64,64", Name = "SegAttentionUNet")]
    public static UNetFamilyModel AttentionUNet() => new UNetFamilyModel(1, 3, new SegmentationModelConfig
    {
        Architecture = SegmentationArchitecture.UNet,
        Depth = 3,
        FirstFilter = 16,
        UsePooling = true,
        UseInterpolationUp = true,
        UseInstanceNorm = true,
        UseChannelAttention = true,
        UseAttentionGates = true,
        UseSelfAttention = true,
        TrainPrecision = ScalarType.Float32,
    }, CPU);
}
