using NetVizGen;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ModelZoo;

/// <summary>
/// A small U-Net (Ronneberger et al.) with three down and three up steps, base width 16.
/// Style: building blocks as custom modules; a <c>Sequential</c> of <c>(name, module)</c> tuples
/// inside <c>DoubleConv</c>; a two-input up block (<c>Module&lt;Tensor, Tensor, Tensor&gt;</c>) that
/// up-samples with <c>ConvTranspose2d</c> and concatenates the skip connection; encoder outputs
/// kept in locals and consumed later in forward.
/// </summary>
[Diagram(Input = "N,3,64,64", Title = "U-Net (small)", Direction = DiagramDirection.LeftRight)]
public sealed class UNet : Module<Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor> inc;
    private readonly Module<Tensor, Tensor> down1;
    private readonly Module<Tensor, Tensor> down2;
    private readonly Module<Tensor, Tensor> down3;
    private readonly Module<Tensor, Tensor, Tensor> up1;
    private readonly Module<Tensor, Tensor, Tensor> up2;
    private readonly Module<Tensor, Tensor, Tensor> up3;
    private readonly Module<Tensor, Tensor> outc;

    public UNet(long inChannels = 3, long numClasses = 2, long baseWidth = 16) : base(nameof(UNet))
    {
        inc = new DoubleConv(inChannels, baseWidth);
        down1 = new Down(baseWidth, baseWidth * 2);
        down2 = new Down(baseWidth * 2, baseWidth * 4);
        down3 = new Down(baseWidth * 4, baseWidth * 8);
        up1 = new Up(baseWidth * 8, baseWidth * 4);
        up2 = new Up(baseWidth * 4, baseWidth * 2);
        up3 = new Up(baseWidth * 2, baseWidth);
        outc = Conv2d(baseWidth, numClasses, kernel_size: 1);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        var x1 = inc.call(x);
        var x2 = down1.call(x1);
        var x3 = down2.call(x2);
        var x4 = down3.call(x3);
        var y = up1.call(x4, x3);
        y = up2.call(y, x2);
        y = up3.call(y, x1);
        return outc.call(y);
    }
}

/// <summary>(Conv 3×3 → BN → ReLU) × 2, same spatial size.</summary>
public sealed class DoubleConv : Module<Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor> double_conv;

    public DoubleConv(long inChannels, long outChannels, long? midChannels = null) : base(nameof(DoubleConv))
    {
        long mid = midChannels ?? outChannels;
        double_conv = Sequential(
            ("conv1", Conv2d(inChannels, mid, kernel_size: 3, padding: 1, bias: false)),
            ("bn1", BatchNorm2d(mid)),
            ("relu1", ReLU(inplace: true)),
            ("conv2", Conv2d(mid, outChannels, kernel_size: 3, padding: 1, bias: false)),
            ("bn2", BatchNorm2d(outChannels)),
            ("relu2", ReLU(inplace: true)));
        RegisterComponents();
    }

    public override Tensor forward(Tensor x) => double_conv.call(x);
}

/// <summary>2×2 max-pool, then <see cref="DoubleConv"/>.</summary>
public sealed class Down : Module<Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor> maxpool_conv;

    public Down(long inChannels, long outChannels) : base(nameof(Down))
    {
        maxpool_conv = Sequential(
            ("pool", MaxPool2d(kernel_size: 2)),
            ("conv", new DoubleConv(inChannels, outChannels)));
        RegisterComponents();
    }

    public override Tensor forward(Tensor x) => maxpool_conv.call(x);
}

/// <summary>Transposed-conv up-sampling of the deep input, concatenation with the skip input, <see cref="DoubleConv"/>.</summary>
public sealed class Up : Module<Tensor, Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor> up;
    private readonly Module<Tensor, Tensor> conv;

    public Up(long inChannels, long outChannels) : base(nameof(Up))
    {
        up = ConvTranspose2d(inChannels, inChannels / 2, kernel_size: 2, stride: 2);
        conv = new DoubleConv(inChannels, outChannels);
        RegisterComponents();
    }

    public override Tensor forward(Tensor deep, Tensor skip)
    {
        var x = up.call(deep);
        x = torch.cat(new[] { skip, x }, dim: 1);
        return conv.call(x);
    }
}
