using NetVizGen;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ModelZoo;

/// <summary>
/// A small DenseNet-BC (growth rate 12, two dense blocks of 4 layers, bottleneck width 4).
/// Style: <c>Sequential</c> of <c>(name, module)</c> tuples assembled in a loop from a block
/// configuration; a dense block whose layers sit in a <c>ModuleList</c> and whose forward loops,
/// concatenating every earlier feature map (a growing <c>cat</c>); a transition built by a helper
/// returning a named <c>Sequential</c>.
/// </summary>
[Diagram(Input = "N,3,64,64", Title = "DenseNet-BC (mini)")]
public sealed class DenseNetMini : Module<Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor> features;
    private readonly Module<Tensor, Tensor> classifier;

    public DenseNetMini(long growthRate = 12, int[]? blockConfig = null, long numInitFeatures = 24,
                        long bnSize = 4, long numClasses = 10)
        : base(nameof(DenseNetMini))
    {
        blockConfig ??= new[] { 4, 4 };

        var layers = new List<(string, Module<Tensor, Tensor>)>
        {
            ("conv0", Conv2d(3, numInitFeatures, kernel_size: 3, padding: 1, bias: false)),
            ("norm0", BatchNorm2d(numInitFeatures)),
            ("relu0", ReLU(inplace: true)),
            ("pool0", MaxPool2d(kernel_size: 3, stride: 2, padding: 1)),
        };

        long numFeatures = numInitFeatures;
        for (int i = 0; i < blockConfig.Length; i++)
        {
            layers.Add(($"denseblock{i + 1}", new DenseBlock(blockConfig[i], numFeatures, bnSize, growthRate)));
            numFeatures += blockConfig[i] * growthRate;
            if (i != blockConfig.Length - 1)
            {
                layers.Add(($"transition{i + 1}", Transition(numFeatures, numFeatures / 2)));
                numFeatures /= 2;
            }
        }
        layers.Add(("norm5", BatchNorm2d(numFeatures)));
        features = Sequential(layers);

        classifier = Linear(numFeatures, numClasses);
        RegisterComponents();
    }

    private static Module<Tensor, Tensor> Transition(long inFeatures, long outFeatures) => Sequential(
        ("norm", BatchNorm2d(inFeatures)),
        ("relu", ReLU(inplace: true)),
        ("conv", Conv2d(inFeatures, outFeatures, kernel_size: 1, bias: false)),
        ("pool", AvgPool2d(kernel_size: 2, stride: 2)));

    public override Tensor forward(Tensor x)
    {
        var f = features.call(x);
        var output = functional.relu(f);
        output = functional.adaptive_avg_pool2d(output, new long[] { 1, 1 });
        output = torch.flatten(output, 1);
        return classifier.call(output);
    }
}

/// <summary>A dense block: layer i sees the concatenation of the input and all earlier layers' outputs.</summary>
public sealed class DenseBlock : Module<Tensor, Tensor>
{
    private readonly ModuleList<DenseLayer> layers = new();

    public DenseBlock(int numLayers, long numInputFeatures, long bnSize, long growthRate) : base(nameof(DenseBlock))
    {
        for (int i = 0; i < numLayers; i++)
        {
            layers.Add(new DenseLayer(numInputFeatures + i * growthRate, growthRate, bnSize));
        }
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        var features = new List<Tensor> { x };
        foreach (var layer in layers)
        {
            var newFeatures = layer.call(torch.cat(features, dim: 1));
            features.Add(newFeatures);
        }
        return torch.cat(features, dim: 1);
    }
}

/// <summary>BN → ReLU → 1×1 conv (bottleneck) → BN → ReLU → 3×3 conv producing <c>growthRate</c> maps.</summary>
public sealed class DenseLayer : Module<Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor> norm1;
    private readonly Module<Tensor, Tensor> relu1;
    private readonly Module<Tensor, Tensor> conv1;
    private readonly Module<Tensor, Tensor> norm2;
    private readonly Module<Tensor, Tensor> relu2;
    private readonly Module<Tensor, Tensor> conv2;

    public DenseLayer(long numInputFeatures, long growthRate, long bnSize) : base(nameof(DenseLayer))
    {
        norm1 = BatchNorm2d(numInputFeatures);
        relu1 = ReLU(inplace: true);
        conv1 = Conv2d(numInputFeatures, bnSize * growthRate, kernel_size: 1, bias: false);
        norm2 = BatchNorm2d(bnSize * growthRate);
        relu2 = ReLU(inplace: true);
        conv2 = Conv2d(bnSize * growthRate, growthRate, kernel_size: 3, padding: 1, bias: false);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        var bottleneck = conv1.call(relu1.call(norm1.call(x)));
        return conv2.call(relu2.call(norm2.call(bottleneck)));
    }
}
