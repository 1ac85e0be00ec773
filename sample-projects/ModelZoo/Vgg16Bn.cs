using NetVizGen;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ModelZoo;

/// <summary>
/// VGG-16 with batch normalisation, as in torchvision (138,365,992 parameters at 1000 classes).
/// Style: a configuration array mixing channel counts and <c>"M"</c> (max-pool) read by a
/// static helper that fills a <c>List</c> in a loop and passes it to <c>Sequential</c>.
/// </summary>
[Diagram(Input = "N,3,224,224", Title = "VGG-16-BN")]
public sealed class Vgg16Bn : Module<Tensor, Tensor>
{
    /// <summary>Configuration "D" of the VGG paper: numbers are conv widths, "M" a 2×2 max-pool.</summary>
    private static readonly object[] Cfg =
    {
        64, 64, "M", 128, 128, "M", 256, 256, 256, "M", 512, 512, 512, "M", 512, 512, 512, "M",
    };

    private readonly Module<Tensor, Tensor> features;
    private readonly Module<Tensor, Tensor> avgpool;
    private readonly Module<Tensor, Tensor> classifier;

    public Vgg16Bn(long numClasses = 1000) : base(nameof(Vgg16Bn))
    {
        features = MakeLayers(Cfg, batchNorm: true);
        avgpool = AdaptiveAvgPool2d((7, 7));
        classifier = Sequential(
            Linear(512 * 7 * 7, 4096),
            ReLU(true),
            Dropout(),
            Linear(4096, 4096),
            ReLU(true),
            Dropout(),
            Linear(4096, numClasses));
        RegisterComponents();
    }

    private static Module<Tensor, Tensor> MakeLayers(object[] cfg, bool batchNorm)
    {
        var layers = new List<Module<Tensor, Tensor>>();
        long inChannels = 3;
        foreach (var v in cfg)
        {
            if (v is string s && s == "M")
            {
                layers.Add(MaxPool2d(kernel_size: 2, stride: 2));
            }
            else
            {
                var channels = (int)v;
                layers.Add(Conv2d(inChannels, channels, kernel_size: 3, padding: 1));
                if (batchNorm)
                {
                    layers.Add(BatchNorm2d(channels));
                }
                layers.Add(ReLU(inplace: true));
                inChannels = channels;
            }
        }
        return Sequential(layers);
    }

    public override Tensor forward(Tensor x)
    {
        x = features.call(x);
        x = avgpool.call(x);
        x = x.flatten(1);
        return classifier.call(x);
    }
}
