using NetVizGen;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ModelZoo;

/// <summary>
/// LeCun et al.'s LeNet-5 for 28×28 digits (conv1 padded to 2 so the classic 5×5×16 map results).
/// Style: every layer is a field initialiser, activation and pooling modules are reused
/// (one <c>relu</c>/<c>pool</c> module called several times), <c>view</c> reshapes in forward.
/// </summary>
[Diagram(Input = "N,1,28,28")]
public sealed class LeNet5 : Module<Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor> conv1 = Conv2d(1, 6, kernel_size: 5, padding: 2);
    private readonly Module<Tensor, Tensor> conv2 = Conv2d(6, 16, kernel_size: 5);
    private readonly Module<Tensor, Tensor> pool = MaxPool2d(kernel_size: 2, stride: 2);
    private readonly Module<Tensor, Tensor> relu = ReLU();
    private readonly Module<Tensor, Tensor> fc1 = Linear(16 * 5 * 5, 120);
    private readonly Module<Tensor, Tensor> fc2 = Linear(120, 84);
    private readonly Module<Tensor, Tensor> fc3 = Linear(84, 10);

    public LeNet5() : base(nameof(LeNet5))
    {
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        x = pool.call(relu.call(conv1.call(x)));
        x = pool.call(relu.call(conv2.call(x)));
        x = x.view(-1, 16 * 5 * 5);
        x = relu.call(fc1.call(x));
        x = relu.call(fc2.call(x));
        return fc3.call(x);
    }
}
