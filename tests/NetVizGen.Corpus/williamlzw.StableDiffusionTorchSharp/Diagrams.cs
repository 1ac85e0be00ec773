// Corpus entry points (ours, not upstream): Stable Diffusion 1.x's text encoder and VAE decoder, and
// blocks of its U-Net (the whole U-Net, 860M parameters, is too large for a test run).
using NetVizGen;
using StableDiffusionTorchSharp;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace NetVizGen.Corpus.StableDiffusion;

internal static class Diagrams
{
    [Diagram(Input = "N,77", Name = "SdClip")]
    public static Module<Tensor, Tensor> Clip() => new CLIP();

    [Diagram(Input = "N,4,8,8", Name = "SdVaeDecoder")]
    public static Decoder VaeDecoder() => new Decoder();

    [Diagram(Input = "1,320", Name = "SdTimeEmbedding")]
    public static TimeEmbedding TimeEmbedding() => new TimeEmbedding(320);

    /// <summary>forward(feature, time).</summary>
    [Diagram(Input = "N,320,8,8;1,1280", Name = "SdUNetResidualBlock")]
    public static ResidualBlock UNetResidualBlock() => new ResidualBlock(320, 640);

    /// <summary>forward(x, context): image features and the CLIP context.</summary>
    [Diagram(Input = "N,320,8,8;N,77,768", Name = "SdUNetAttentionBlock")]
    public static AttentionBlock UNetAttentionBlock() => new AttentionBlock(8, 40);
}
