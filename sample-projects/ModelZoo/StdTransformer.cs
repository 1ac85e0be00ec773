using NetVizGen;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ModelZoo;

/// <summary>
/// The same task as <see cref="TinyTransformer"/> with TorchSharp's built-in
/// <c>TransformerEncoderLayer</c> stacked by <c>TransformerEncoder</c> (2 layers, width 64, 4 heads,
/// feed-forward 128). Style: library composite layers; field initialisers that use constants;
/// the built-in encoder is sequence-first, so forward transposes around it.
/// </summary>
[Diagram(Input = "N,16,64", Title = "Transformer encoder (torch.nn)")]
public sealed class StdTransformer : Module<Tensor, Tensor>
{
    private const long DModel = 64;
    private const long NumHeads = 4;
    private const long FeedForward = 128;
    private const long NumLayers = 2;

    private readonly TransformerEncoder encoder =
        TransformerEncoder(TransformerEncoderLayer(DModel, NumHeads, FeedForward, 0.1), NumLayers);

    private readonly Module<Tensor, Tensor> norm = LayerNorm(DModel);
    private readonly Module<Tensor, Tensor> classifier = Linear(DModel, 10);

    public StdTransformer() : base(nameof(StdTransformer))
    {
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        x = x.transpose(0, 1);          // N×T×E → T×N×E
        x = encoder.call(x);
        x = x.transpose(0, 1);          // back to N×T×E
        x = norm.call(x);
        x = x.mean(new long[] { 1 });
        return classifier.call(x);
    }
}
