using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;
using NetVizGen;

namespace ShapeBugs;

/// <summary>NVG0201: BatchNorm2d(64) after a convolution with 128 output channels.</summary>
[Diagram(Input = "N,3,32,32")]
public sealed class ChannelMismatch : Module<Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor> conv = Conv2d(3, 128, 3, padding: 1);
    private readonly Module<Tensor, Tensor> bn = BatchNorm2d(64);
    public ChannelMismatch() : base(nameof(ChannelMismatch)) => RegisterComponents();
    public override Tensor forward(Tensor x) => bn.forward(conv.forward(x));
}

/// <summary>NVG0202: the classifier expects 256×6×6 = 9216 features, the features give 256×7×7.</summary>
[Diagram(Input = "N,3,224,224")]
public sealed class FeatureMismatch : Module<Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor> features = Sequential(
        Conv2d(3, 256, kernel_size: 32, stride: 32),   // 224 → 7
        ReLU());
    private readonly Module<Tensor, Tensor> classifier = Linear(9216, 10);
    public FeatureMismatch() : base(nameof(FeatureMismatch)) => RegisterComponents();
    public override Tensor forward(Tensor x) => classifier.forward(features.forward(x).flatten(1));
}

/// <summary>NVG0203: concatenating feature maps of different spatial sizes along channels.</summary>
[Diagram(Input = "N,3,32,32")]
public sealed class CatMismatch : Module<Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor> full = Conv2d(3, 8, 3, padding: 1);
    private readonly Module<Tensor, Tensor> half = Conv2d(3, 8, 3, stride: 2, padding: 1);
    public CatMismatch() : base(nameof(CatMismatch)) => RegisterComponents();
    public override Tensor forward(Tensor x) => torch.cat(new[] { full.forward(x), half.forward(x) }, 1);
}

/// <summary>NVG0204: a reshape that changes the number of elements (3×32×32 = 3072 is not 1000).</summary>
[Diagram(Input = "1,3,32,32")]
public sealed class ViewMismatch : Module<Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor> fc = Linear(1000, 10);
    public ViewMismatch() : base(nameof(ViewMismatch)) => RegisterComponents();
    public override Tensor forward(Tensor x) => fc.forward(x.reshape(1, 1000));
}

/// <summary>NVG0205: pooling a 4×4 map three times reaches a spatial size of zero.</summary>
[Diagram(Input = "N,3,4,4")]
public sealed class SpatialCollapse : Module<Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor> pools = Sequential(MaxPool2d(2), MaxPool2d(2), MaxPool2d(2));
    public SpatialCollapse() : base(nameof(SpatialCollapse)) => RegisterComponents();
    public override Tensor forward(Tensor x) => pools.forward(x);
}

/// <summary>NVG0104: no RegisterComponents(), so fc's weights are not parameters of the model.</summary>
[Diagram(Input = "N,16")]
public sealed class Unregistered : Module<Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor> fc;
    public Unregistered() : base(nameof(Unregistered)) { fc = Linear(16, 4); }
    public override Tensor forward(Tensor x) => fc.forward(x);
}

/// <summary>NVG0105: head is assigned after RegisterComponents() ran.</summary>
[Diagram(Input = "N,16")]
public sealed class AssignedTooLate : Module<Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor> body = Linear(16, 16);
    private readonly Module<Tensor, Tensor> head;
    public AssignedTooLate() : base(nameof(AssignedTooLate))
    {
        RegisterComponents();
        head = Linear(16, 4);
    }
    public override Tensor forward(Tensor x) => head.forward(body.forward(x));
}

/// <summary>NVG0106 (info): aux is registered and trained but forward never uses it.</summary>
[Diagram(Input = "N,16")]
public sealed class NeverCalled : Module<Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor> main = Linear(16, 4);
    private readonly Module<Tensor, Tensor> aux = Linear(16, 4);
    public NeverCalled() : base(nameof(NeverCalled)) => RegisterComponents();
    public override Tensor forward(Tensor x) => main.forward(x);
}

/// <summary>NVG0208: the declared input is not a shape.</summary>
public sealed class BadAttribute : Module<Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor> fc = Linear(16, 4);
    public BadAttribute() : base(nameof(BadAttribute)) => RegisterComponents();

    [Diagram(Input = "N,16;", Name = "BadAttribute")]
    public static BadAttribute Create() => new();

    public override Tensor forward(Tensor x) => fc.forward(x);
}
