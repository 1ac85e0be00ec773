using NetVizGen;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ModelZoo;

/// <summary>
/// MobileNetV2 as in torchvision (3,504,872 parameters at 1000 classes, width 1.0).
/// Style: the inverted-residual settings table (t, c, n, s) read by nested loops that append to a
/// <c>List</c>; a static helper returning a conv-BN-ReLU6 <c>Sequential</c>; a block whose
/// forward branches on a <c>useResConnect</c> flag fixed in its constructor.
/// </summary>
[Diagram(Input = "N,3,224,224", Title = "MobileNetV2")]
public sealed class MobileNetV2 : Module<Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor> features;
    private readonly Module<Tensor, Tensor> classifier;

    public MobileNetV2(long numClasses = 1000, double widthMult = 1.0, double dropout = 0.2)
        : base(nameof(MobileNetV2))
    {
        long inputChannel = 32;
        long lastChannel = 1280;

        // t: expansion factor, c: output channels, n: repeats, s: stride of the first repeat.
        long[][] invertedResidualSetting =
        {
            new long[] { 1, 16, 1, 1 },
            new long[] { 6, 24, 2, 2 },
            new long[] { 6, 32, 3, 2 },
            new long[] { 6, 64, 4, 2 },
            new long[] { 6, 96, 3, 1 },
            new long[] { 6, 160, 3, 2 },
            new long[] { 6, 320, 1, 1 },
        };

        inputChannel = MakeDivisible(inputChannel * widthMult, 8);
        lastChannel = MakeDivisible(lastChannel * Math.Max(1.0, widthMult), 8);

        var layers = new List<Module<Tensor, Tensor>> { ConvBNReLU(3, inputChannel, stride: 2) };
        foreach (var setting in invertedResidualSetting)
        {
            long t = setting[0], c = setting[1], n = setting[2], s = setting[3];
            long outputChannel = MakeDivisible(c * widthMult, 8);
            for (long i = 0; i < n; i++)
            {
                long stride = i == 0 ? s : 1;
                layers.Add(new InvertedResidual(inputChannel, outputChannel, stride, expandRatio: t));
                inputChannel = outputChannel;
            }
        }
        layers.Add(ConvBNReLU(inputChannel, lastChannel, kernelSize: 1));
        features = Sequential(layers);

        classifier = Sequential(
            Dropout(dropout),
            Linear(lastChannel, numClasses));

        RegisterComponents();
    }

    /// <summary>Rounds a channel count to a multiple of <paramref name="divisor"/> (never down by more than 10%).</summary>
    internal static long MakeDivisible(double v, long divisor)
    {
        long newV = Math.Max(divisor, (long)(v + divisor / 2.0) / divisor * divisor);
        if (newV < 0.9 * v)
        {
            newV += divisor;
        }
        return newV;
    }

    /// <summary>Conv2d (no bias) → BatchNorm2d → ReLU6, children "0", "1", "2".</summary>
    internal static Module<Tensor, Tensor> ConvBNReLU(long inPlanes, long outPlanes, long kernelSize = 3,
                                                       long stride = 1, long groups = 1)
    {
        long padding = (kernelSize - 1) / 2;
        return Sequential(
            Conv2d(inPlanes, outPlanes, kernelSize, stride: stride, padding: padding, groups: groups, bias: false),
            BatchNorm2d(outPlanes),
            ReLU6(inplace: true));
    }

    public override Tensor forward(Tensor x)
    {
        x = features.call(x);
        x = functional.adaptive_avg_pool2d(x, new long[] { 1, 1 });
        x = torch.flatten(x, 1);
        return classifier.call(x);
    }
}

/// <summary>MobileNetV2's inverted residual: expand (1×1) → depthwise 3×3 → project (1×1, linear).</summary>
public sealed class InvertedResidual : Module<Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor> conv;
    private readonly bool useResConnect;

    public InvertedResidual(long inp, long oup, long stride, long expandRatio) : base(nameof(InvertedResidual))
    {
        long hiddenDim = inp * expandRatio;
        useResConnect = stride == 1 && inp == oup;

        var layers = new List<Module<Tensor, Tensor>>();
        if (expandRatio != 1)
        {
            layers.Add(MobileNetV2.ConvBNReLU(inp, hiddenDim, kernelSize: 1));
        }
        layers.Add(MobileNetV2.ConvBNReLU(hiddenDim, hiddenDim, stride: stride, groups: hiddenDim));
        layers.Add(Conv2d(hiddenDim, oup, kernel_size: 1, stride: 1, bias: false));
        layers.Add(BatchNorm2d(oup));
        conv = Sequential(layers);

        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        if (useResConnect)
        {
            return x + conv.call(x);
        }
        return conv.call(x);
    }
}
