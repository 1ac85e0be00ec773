using NetVizGen;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ModelZoo;

/// <summary>
/// A small GoogLeNet: the torchvision stem and three Inception blocks (3a, 3b, 4a), then global
/// pooling and a classifier. Style: stem as a <c>Sequential</c> of <c>(name, module)</c> tuples;
/// Inception blocks whose four branches live in a <c>ModuleDict</c> that forward loops over and
/// concatenates (<c>cat</c> along channels); a conv+BN block with a functional ReLU.
/// </summary>
[Diagram(Input = "N,3,224,224", Title = "GoogLeNet (mini)")]
public sealed class GoogLeNetMini : Module<Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor> stem = Sequential(
        ("conv1", new BasicConv2d(3, 64, kernelSize: 7, stride: 2, padding: 3)),
        ("maxpool1", MaxPool2d(3, stride: 2, ceil_mode: true)),
        ("conv2", new BasicConv2d(64, 64, kernelSize: 1)),
        ("conv3", new BasicConv2d(64, 192, kernelSize: 3, padding: 1)),
        ("maxpool2", MaxPool2d(3, stride: 2, ceil_mode: true)));

    private readonly Module<Tensor, Tensor> inception3a = new InceptionBlock(192, 64, 96, 128, 16, 32, 32);
    private readonly Module<Tensor, Tensor> inception3b = new InceptionBlock(256, 128, 128, 192, 32, 96, 64);
    private readonly Module<Tensor, Tensor> maxpool3 = MaxPool2d(3, stride: 2, ceil_mode: true);
    private readonly Module<Tensor, Tensor> inception4a = new InceptionBlock(480, 192, 96, 208, 16, 48, 64);
    private readonly Module<Tensor, Tensor> avgpool = AdaptiveAvgPool2d((1, 1));
    private readonly Module<Tensor, Tensor> dropout = Dropout(0.2);
    private readonly Module<Tensor, Tensor> fc;

    public GoogLeNetMini(long numClasses = 1000) : base(nameof(GoogLeNetMini))
    {
        fc = Linear(512, numClasses);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        x = stem.call(x);
        x = inception3a.call(x);
        x = inception3b.call(x);
        x = maxpool3.call(x);
        x = inception4a.call(x);
        x = avgpool.call(x);
        x = torch.flatten(x, 1);
        x = dropout.call(x);
        return fc.call(x);
    }
}

/// <summary>Four parallel branches (1×1; 1×1→3×3; 1×1→3×3; pool→1×1) concatenated along channels.</summary>
public sealed class InceptionBlock : Module<Tensor, Tensor>
{
    private readonly ModuleDict<Module<Tensor, Tensor>> branches;

    public InceptionBlock(long inChannels, long ch1x1, long ch3x3red, long ch3x3, long ch5x5red, long ch5x5,
                          long poolProj)
        : base(nameof(InceptionBlock))
    {
        branches = ModuleDict<Module<Tensor, Tensor>>(
            ("branch1", new BasicConv2d(inChannels, ch1x1, kernelSize: 1)),
            ("branch2", Sequential(
                new BasicConv2d(inChannels, ch3x3red, kernelSize: 1),
                new BasicConv2d(ch3x3red, ch3x3, kernelSize: 3, padding: 1))),
            // torchvision uses a 3×3 here too, not the paper's 5×5.
            ("branch3", Sequential(
                new BasicConv2d(inChannels, ch5x5red, kernelSize: 1),
                new BasicConv2d(ch5x5red, ch5x5, kernelSize: 3, padding: 1))),
            ("branch4", Sequential(
                MaxPool2d(kernel_size: 3, stride: 1, padding: 1, ceil_mode: true),
                new BasicConv2d(inChannels, poolProj, kernelSize: 1))));
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        var outputs = new List<Tensor>();
        foreach (var branch in branches.values())
        {
            outputs.Add(branch.call(x));
        }
        return torch.cat(outputs, dim: 1);
    }
}

/// <summary>Conv2d (no bias) → BatchNorm2d (eps 0.001) → functional ReLU.</summary>
public sealed class BasicConv2d : Module<Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor> conv;
    private readonly Module<Tensor, Tensor> bn;

    public BasicConv2d(long inChannels, long outChannels, long kernelSize, long stride = 1, long padding = 0)
        : base(nameof(BasicConv2d))
    {
        conv = Conv2d(inChannels, outChannels, kernelSize, stride: stride, padding: padding, bias: false);
        bn = BatchNorm2d(outChannels, eps: 0.001);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x) => functional.relu(bn.call(conv.call(x)));
}
