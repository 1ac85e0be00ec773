using NetVizGen;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ModelZoo;

/// <summary>
/// A small MLP whose hidden layer shares its weights: one <c>Linear</c> instance is appended twice
/// to a <c>Sequential</c> and also held by a second field, then a separate head.
/// Style: one module object reused (weight tying), so TorchSharp's module tree and parameter counts
/// show the same instance under several names.
/// </summary>
[Diagram(Input = "N,32", Title = "MLP with shared weights")]
public sealed class SharedWeightsMlp : Module<Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor> shared;
    private readonly Module<Tensor, Tensor> body;
    private readonly Module<Tensor, Tensor> tied;
    private readonly Module<Tensor, Tensor> head;

    public SharedWeightsMlp(long width = 32, long numClasses = 10)
        : base(nameof(SharedWeightsMlp))
    {
        shared = Linear(width, width);
        // The same instance twice: one module, one set of weights, used at two depths.
        body = Sequential(shared, ReLU(), shared, ReLU());
        tied = shared;
        head = Linear(width, numClasses);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        x = body.call(x);
        x = functional.relu(tied.call(x));
        return head.call(x);
    }
}
