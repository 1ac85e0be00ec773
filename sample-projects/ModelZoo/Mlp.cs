using NetVizGen;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ModelZoo;

/// <summary>
/// A plain multi-layer perceptron for 28×28 images.
/// Style: layers assigned in the constructor body, functional activations
/// (<c>functional.relu</c>) and a tensor method (<c>flatten</c>) in forward.
/// </summary>
[Diagram(Input = "N,1,28,28", Title = "MLP (784-256-128-10)")]
public sealed class Mlp : Module<Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor> fc1;
    private readonly Module<Tensor, Tensor> fc2;
    private readonly Module<Tensor, Tensor> dropout;
    private readonly Module<Tensor, Tensor> fc3;

    public Mlp(long inFeatures = 784, long hidden = 256, long numClasses = 10, double dropoutRate = 0.2)
        : base(nameof(Mlp))
    {
        fc1 = Linear(inFeatures, hidden);
        fc2 = Linear(hidden, hidden / 2);
        dropout = Dropout(dropoutRate);
        fc3 = Linear(hidden / 2, numClasses);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        x = x.flatten(1);
        x = functional.relu(fc1.call(x));
        x = functional.relu(fc2.call(x));
        x = dropout.call(x);
        return fc3.call(x);
    }
}
