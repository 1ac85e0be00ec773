// Corpus fix: the upstream project declares these as global usings in its csproj.
using System.Collections;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
namespace PerceptivePyro.GPT;

using F = TorchSharp.torch.nn.functional; // Corpus fix: the alias named nn through a global using

/// <summary>
/// LayerNorm but with an optional bias. PyTorch doesn't support simply hasBias:False
/// </summary>
internal class LayerNorm : nn.Module<Tensor, Tensor>
{
    private Parameter weight;
    private Parameter? bias;

    public LayerNorm(int ndim, bool hasBias) : base(nameof(LayerNorm))
    {
        weight = nn.Parameter(ones(ndim));
        bias = hasBias ? nn.Parameter(zeros(ndim)) : null;
    }

    public override Tensor forward(Tensor input) => F.layer_norm(input, weight.shape, weight, bias);
}
