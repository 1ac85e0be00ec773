using NetVizGen;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ModelZoo;

/// <summary>
/// The U-Net of Ronneberger et al. written flat: every layer is a field of one class, no block
/// classes, the way many tutorials write it (three down steps, base width 16; the paper uses
/// four, base width 64).
/// Style: a flat model; the repeated Conv–ReLU–Conv–ReLU–MaxPool stages with doubling channels
/// exist only as a pattern in the field list; skip connections <c>cat</c>-ed in forward.
/// </summary>
[Diagram(Input = "N,1,64,64", Title = "U-Net (flat code)")]
public sealed class FlatUNet : Module<Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor> enc1_conv1, enc1_relu1, enc1_conv2, enc1_relu2, pool1;
    private readonly Module<Tensor, Tensor> enc2_conv1, enc2_relu1, enc2_conv2, enc2_relu2, pool2;
    private readonly Module<Tensor, Tensor> enc3_conv1, enc3_relu1, enc3_conv2, enc3_relu2, pool3;
    private readonly Module<Tensor, Tensor> bottleneck_conv1, bottleneck_relu1, bottleneck_conv2, bottleneck_relu2;
    private readonly Module<Tensor, Tensor> up3, dec3_conv1, dec3_relu1, dec3_conv2, dec3_relu2;
    private readonly Module<Tensor, Tensor> up2, dec2_conv1, dec2_relu1, dec2_conv2, dec2_relu2;
    private readonly Module<Tensor, Tensor> up1, dec1_conv1, dec1_relu1, dec1_conv2, dec1_relu2;
    private readonly Module<Tensor, Tensor> head;

    public FlatUNet(long inChannels = 1, long numClasses = 2) : base(nameof(FlatUNet))
    {
        enc1_conv1 = Conv2d(inChannels, 16, kernel_size: 3, padding: 1);
        enc1_relu1 = ReLU();
        enc1_conv2 = Conv2d(16, 16, kernel_size: 3, padding: 1);
        enc1_relu2 = ReLU();
        pool1 = MaxPool2d(kernel_size: 2);
        enc2_conv1 = Conv2d(16, 32, kernel_size: 3, padding: 1);
        enc2_relu1 = ReLU();
        enc2_conv2 = Conv2d(32, 32, kernel_size: 3, padding: 1);
        enc2_relu2 = ReLU();
        pool2 = MaxPool2d(kernel_size: 2);
        enc3_conv1 = Conv2d(32, 64, kernel_size: 3, padding: 1);
        enc3_relu1 = ReLU();
        enc3_conv2 = Conv2d(64, 64, kernel_size: 3, padding: 1);
        enc3_relu2 = ReLU();
        pool3 = MaxPool2d(kernel_size: 2);
        bottleneck_conv1 = Conv2d(64, 128, kernel_size: 3, padding: 1);
        bottleneck_relu1 = ReLU();
        bottleneck_conv2 = Conv2d(128, 128, kernel_size: 3, padding: 1);
        bottleneck_relu2 = ReLU();
        up3 = ConvTranspose2d(128, 64, kernel_size: 2, stride: 2);
        dec3_conv1 = Conv2d(128, 64, kernel_size: 3, padding: 1);
        dec3_relu1 = ReLU();
        dec3_conv2 = Conv2d(64, 64, kernel_size: 3, padding: 1);
        dec3_relu2 = ReLU();
        up2 = ConvTranspose2d(64, 32, kernel_size: 2, stride: 2);
        dec2_conv1 = Conv2d(64, 32, kernel_size: 3, padding: 1);
        dec2_relu1 = ReLU();
        dec2_conv2 = Conv2d(32, 32, kernel_size: 3, padding: 1);
        dec2_relu2 = ReLU();
        up1 = ConvTranspose2d(32, 16, kernel_size: 2, stride: 2);
        dec1_conv1 = Conv2d(32, 16, kernel_size: 3, padding: 1);
        dec1_relu1 = ReLU();
        dec1_conv2 = Conv2d(16, 16, kernel_size: 3, padding: 1);
        dec1_relu2 = ReLU();
        head = Conv2d(16, numClasses, kernel_size: 1);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        var e1 = enc1_relu2.call(enc1_conv2.call(enc1_relu1.call(enc1_conv1.call(x))));
        var e2 = enc2_relu2.call(enc2_conv2.call(enc2_relu1.call(enc2_conv1.call(pool1.call(e1)))));
        var e3 = enc3_relu2.call(enc3_conv2.call(enc3_relu1.call(enc3_conv1.call(pool2.call(e2)))));
        var b = bottleneck_relu2.call(bottleneck_conv2.call(bottleneck_relu1.call(bottleneck_conv1.call(pool3.call(e3)))));
        var d3 = torch.cat(new[] { up3.call(b), e3 }, 1);
        d3 = dec3_relu2.call(dec3_conv2.call(dec3_relu1.call(dec3_conv1.call(d3))));
        var d2 = torch.cat(new[] { up2.call(d3), e2 }, 1);
        d2 = dec2_relu2.call(dec2_conv2.call(dec2_relu1.call(dec2_conv1.call(d2))));
        var d1 = torch.cat(new[] { up1.call(d2), e1 }, 1);
        d1 = dec1_relu2.call(dec1_conv2.call(dec1_relu1.call(dec1_conv1.call(d1))));
        return head.call(d1);
    }
}
