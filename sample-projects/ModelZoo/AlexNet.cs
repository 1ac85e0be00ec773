using NetVizGen;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ModelZoo;

/// <summary>
/// AlexNet as in torchvision (61,100,840 parameters at 1000 classes).
/// Style: <c>Sequential</c> of plain modules (children named "0", "1", ...), built inline in
/// field initialisers; the classifier uses a constructor parameter.
/// </summary>
[Diagram(Input = "N,3,224,224")]
public sealed class AlexNet : Module<Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor> features = Sequential(
        Conv2d(3, 64, kernel_size: 11, stride: 4, padding: 2),
        ReLU(inplace: true),
        MaxPool2d(kernel_size: 3, stride: 2),
        Conv2d(64, 192, kernel_size: 5, padding: 2),
        ReLU(inplace: true),
        MaxPool2d(kernel_size: 3, stride: 2),
        Conv2d(192, 384, kernel_size: 3, padding: 1),
        ReLU(inplace: true),
        Conv2d(384, 256, kernel_size: 3, padding: 1),
        ReLU(inplace: true),
        Conv2d(256, 256, kernel_size: 3, padding: 1),
        ReLU(inplace: true),
        MaxPool2d(kernel_size: 3, stride: 2));

    private readonly Module<Tensor, Tensor> avgpool = AdaptiveAvgPool2d((6, 6));
    private readonly Module<Tensor, Tensor> classifier;

    public AlexNet(long numClasses = 1000, double dropout = 0.5) : base(nameof(AlexNet))
    {
        classifier = Sequential(
            Dropout(dropout),
            Linear(256 * 6 * 6, 4096),
            ReLU(inplace: true),
            Dropout(dropout),
            Linear(4096, 4096),
            ReLU(inplace: true),
            Linear(4096, numClasses));
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        x = features.call(x);
        x = avgpool.call(x);
        x = torch.flatten(x, 1);
        return classifier.call(x);
    }
}
