using NetVizGen;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ModelZoo;

/// <summary>Which residual block a <see cref="ResNet"/> is built from.</summary>
public enum ResNetBlock
{
    /// <summary>Two 3×3 convolutions (ResNet-18/34), expansion 1.</summary>
    Basic,
    /// <summary>1×1 → 3×3 → 1×1 (ResNet-50/101/152), expansion 4.</summary>
    Bottleneck,
}

/// <summary>
/// ResNet as in torchvision (v1.5: the bottleneck's stride sits on its 3×3 conv).
/// Style: a <c>MakeLayer</c> helper that builds a <c>List</c> of blocks in a loop and wraps it in
/// <c>Sequential</c>; an optional <c>downsample</c> (null or a <c>Sequential</c>); a norm-layer
/// factory passed as <c>Func&lt;long, Module&lt;Tensor, Tensor&gt;&gt;</c> (a lambda); static
/// factory methods carrying the <c>[Diagram]</c> attributes.
/// </summary>
public sealed class ResNet : Module<Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor> conv1;
    private readonly Module<Tensor, Tensor> bn1;
    private readonly Module<Tensor, Tensor> relu;
    private readonly Module<Tensor, Tensor> maxpool;
    private readonly Module<Tensor, Tensor> layer1;
    private readonly Module<Tensor, Tensor> layer2;
    private readonly Module<Tensor, Tensor> layer3;
    private readonly Module<Tensor, Tensor> layer4;
    private readonly Module<Tensor, Tensor> avgpool;
    private readonly Module<Tensor, Tensor> fc;

    private readonly Func<long, Module<Tensor, Tensor>> normLayer;
    private long inplanes = 64;

    /// <summary>ResNet-18: 11,689,512 parameters at 1000 classes.</summary>
    [Diagram(Input = "N,3,224,224", Name = "ResNet18", Title = "ResNet-18")]
    public static ResNet ResNet18(long numClasses = 1000) =>
        new ResNet(ResNetBlock.Basic, new[] { 2, 2, 2, 2 }, numClasses);

    /// <summary>ResNet-50: 25,557,032 parameters at 1000 classes.</summary>
    [Diagram(Input = "N,3,224,224", Name = "ResNet50", Title = "ResNet-50")]
    public static ResNet ResNet50(long numClasses = 1000) =>
        new ResNet(ResNetBlock.Bottleneck, new[] { 3, 4, 6, 3 }, numClasses);

    public ResNet(ResNetBlock block, int[] layers, long numClasses = 1000,
                  Func<long, Module<Tensor, Tensor>>? normLayer = null)
        : base(nameof(ResNet))
    {
        this.normLayer = normLayer ?? (channels => BatchNorm2d(channels));

        conv1 = Conv2d(3, inplanes, kernel_size: 7, stride: 2, padding: 3, bias: false);
        bn1 = this.normLayer(inplanes);
        relu = ReLU(inplace: true);
        maxpool = MaxPool2d(kernel_size: 3, stride: 2, padding: 1);
        layer1 = MakeLayer(block, 64, layers[0]);
        layer2 = MakeLayer(block, 128, layers[1], stride: 2);
        layer3 = MakeLayer(block, 256, layers[2], stride: 2);
        layer4 = MakeLayer(block, 512, layers[3], stride: 2);
        avgpool = AdaptiveAvgPool2d((1, 1));
        fc = Linear(512 * Expansion(block), numClasses);

        RegisterComponents();
    }

    private static long Expansion(ResNetBlock block) => block == ResNetBlock.Basic ? 1 : 4;

    private Module<Tensor, Tensor> MakeLayer(ResNetBlock block, long planes, int blocks, long stride = 1)
    {
        long expansion = Expansion(block);
        Module<Tensor, Tensor>? downsample = null;
        if (stride != 1 || inplanes != planes * expansion)
        {
            downsample = Sequential(
                Conv2d(inplanes, planes * expansion, kernel_size: 1, stride: stride, bias: false),
                normLayer(planes * expansion));
        }

        var layers = new List<Module<Tensor, Tensor>>();
        layers.Add(NewBlock(block, inplanes, planes, stride, downsample));
        inplanes = planes * expansion;
        for (int i = 1; i < blocks; i++)
        {
            layers.Add(NewBlock(block, inplanes, planes, 1, null));
        }
        return Sequential(layers);
    }

    private Module<Tensor, Tensor> NewBlock(ResNetBlock block, long inplanes, long planes, long stride,
                                            Module<Tensor, Tensor>? downsample) =>
        block == ResNetBlock.Basic
            ? new BasicBlock(inplanes, planes, stride, downsample, normLayer)
            : new Bottleneck(inplanes, planes, stride, downsample, normLayer);

    public override Tensor forward(Tensor x)
    {
        x = conv1.call(x);
        x = bn1.call(x);
        x = relu.call(x);
        x = maxpool.call(x);

        x = layer1.call(x);
        x = layer2.call(x);
        x = layer3.call(x);
        x = layer4.call(x);

        x = avgpool.call(x);
        x = torch.flatten(x, 1);
        return fc.call(x);
    }
}

/// <summary>The two-convolution residual block of ResNet-18/34.</summary>
public sealed class BasicBlock : Module<Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor> conv1;
    private readonly Module<Tensor, Tensor> bn1;
    private readonly Module<Tensor, Tensor> relu;
    private readonly Module<Tensor, Tensor> conv2;
    private readonly Module<Tensor, Tensor> bn2;
    private readonly Module<Tensor, Tensor>? downsample;

    public BasicBlock(long inplanes, long planes, long stride = 1, Module<Tensor, Tensor>? downsample = null,
                      Func<long, Module<Tensor, Tensor>>? normLayer = null)
        : base(nameof(BasicBlock))
    {
        normLayer ??= c => BatchNorm2d(c);
        conv1 = Conv2d(inplanes, planes, kernel_size: 3, stride: stride, padding: 1, bias: false);
        bn1 = normLayer(planes);
        relu = ReLU(inplace: true);
        conv2 = Conv2d(planes, planes, kernel_size: 3, padding: 1, bias: false);
        bn2 = normLayer(planes);
        this.downsample = downsample;
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        var identity = x;

        var output = conv1.call(x);
        output = bn1.call(output);
        output = relu.call(output);

        output = conv2.call(output);
        output = bn2.call(output);

        if (downsample is not null)
        {
            identity = downsample.call(x);
        }

        output = output + identity;
        return relu.call(output);
    }
}

/// <summary>The 1×1 → 3×3 → 1×1 bottleneck block of ResNet-50/101/152 (expansion 4).</summary>
public sealed class Bottleneck : Module<Tensor, Tensor>
{
    public const long Expansion = 4;

    private readonly Module<Tensor, Tensor> conv1;
    private readonly Module<Tensor, Tensor> bn1;
    private readonly Module<Tensor, Tensor> conv2;
    private readonly Module<Tensor, Tensor> bn2;
    private readonly Module<Tensor, Tensor> conv3;
    private readonly Module<Tensor, Tensor> bn3;
    private readonly Module<Tensor, Tensor> relu;
    private readonly Module<Tensor, Tensor>? downsample;

    public Bottleneck(long inplanes, long planes, long stride = 1, Module<Tensor, Tensor>? downsample = null,
                      Func<long, Module<Tensor, Tensor>>? normLayer = null)
        : base(nameof(Bottleneck))
    {
        normLayer ??= c => BatchNorm2d(c);
        conv1 = Conv2d(inplanes, planes, kernel_size: 1, bias: false);
        bn1 = normLayer(planes);
        conv2 = Conv2d(planes, planes, kernel_size: 3, stride: stride, padding: 1, bias: false);
        bn2 = normLayer(planes);
        conv3 = Conv2d(planes, planes * Expansion, kernel_size: 1, bias: false);
        bn3 = normLayer(planes * Expansion);
        relu = ReLU(inplace: true);
        this.downsample = downsample;
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        var identity = x;

        var output = relu.call(bn1.call(conv1.call(x)));
        output = relu.call(bn2.call(conv2.call(output)));
        output = bn3.call(conv3.call(output));

        if (downsample is not null)
        {
            identity = downsample.call(x);
        }

        output += identity;
        return relu.call(output);
    }
}
