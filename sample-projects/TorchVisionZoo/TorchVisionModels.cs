using NetVizGen;
using TorchSharp;
using static TorchSharp.torch;

namespace TorchVisionZoo;

/// <summary>
/// Every model factory of torchvision.models in TorchVision 0.107.0, with its defaults (1000 classes).
/// Inputs are small (64×64; Inception v3 needs 299×299) so the oracle's forward passes stay cheap; the
/// adaptive pooling of every model accepts them.
/// </summary>
public static class TorchVisionModels
{
    [Diagram(Input = "N,3,64,64", Name = "tv_alexnet")]
    public static nn.Module<Tensor, Tensor> AlexNet() => torchvision.models.alexnet();

    [Diagram(Input = "N,3,64,64", Name = "tv_vgg11")]
    public static nn.Module<Tensor, Tensor> Vgg11() => torchvision.models.vgg11();

    [Diagram(Input = "N,3,64,64", Name = "tv_vgg11_bn")]
    public static nn.Module<Tensor, Tensor> Vgg11Bn() => torchvision.models.vgg11_bn();

    [Diagram(Input = "N,3,64,64", Name = "tv_vgg13")]
    public static nn.Module<Tensor, Tensor> Vgg13() => torchvision.models.vgg13();

    [Diagram(Input = "N,3,64,64", Name = "tv_vgg13_bn")]
    public static nn.Module<Tensor, Tensor> Vgg13Bn() => torchvision.models.vgg13_bn();

    [Diagram(Input = "N,3,64,64", Name = "tv_vgg16")]
    public static nn.Module<Tensor, Tensor> Vgg16() => torchvision.models.vgg16();

    [Diagram(Input = "N,3,64,64", Name = "tv_vgg16_bn")]
    public static nn.Module<Tensor, Tensor> Vgg16Bn() => torchvision.models.vgg16_bn();

    [Diagram(Input = "N,3,64,64", Name = "tv_vgg19")]
    public static nn.Module<Tensor, Tensor> Vgg19() => torchvision.models.vgg19();

    [Diagram(Input = "N,3,64,64", Name = "tv_vgg19_bn")]
    public static nn.Module<Tensor, Tensor> Vgg19Bn() => torchvision.models.vgg19_bn();

    [Diagram(Input = "N,3,64,64", Name = "tv_resnet18")]
    public static nn.Module<Tensor, Tensor> ResNet18() => torchvision.models.resnet18();

    [Diagram(Input = "N,3,64,64", Name = "tv_resnet34")]
    public static nn.Module<Tensor, Tensor> ResNet34() => torchvision.models.resnet34();

    [Diagram(Input = "N,3,64,64", Name = "tv_resnet50")]
    public static nn.Module<Tensor, Tensor> ResNet50() => torchvision.models.resnet50();

    [Diagram(Input = "N,3,64,64", Name = "tv_resnet101")]
    public static nn.Module<Tensor, Tensor> ResNet101() => torchvision.models.resnet101();

    [Diagram(Input = "N,3,64,64", Name = "tv_resnet152")]
    public static nn.Module<Tensor, Tensor> ResNet152() => torchvision.models.resnet152();

    [Diagram(Input = "N,3,64,64", Name = "tv_resnext50_32x4d")]
    public static nn.Module<Tensor, Tensor> ResNeXt50_32x4d() => torchvision.models.resnext50_32x4d();

    [Diagram(Input = "N,3,64,64", Name = "tv_resnext101_32x8d")]
    public static nn.Module<Tensor, Tensor> ResNeXt101_32x8d() => torchvision.models.resnext101_32x8d();

    [Diagram(Input = "N,3,64,64", Name = "tv_resnext101_64x4d")]
    public static nn.Module<Tensor, Tensor> ResNeXt101_64x4d() => torchvision.models.resnext101_64x4d();

    [Diagram(Input = "N,3,64,64", Name = "tv_wide_resnet50_2")]
    public static nn.Module<Tensor, Tensor> WideResNet50_2() => torchvision.models.wide_resnet50_2();

    [Diagram(Input = "N,3,64,64", Name = "tv_wide_resnet101_2")]
    public static nn.Module<Tensor, Tensor> WideResNet101_2() => torchvision.models.wide_resnet101_2();

    [Diagram(Input = "N,3,64,64", Name = "tv_googlenet")]
    public static nn.Module<Tensor, Tensor> GoogLeNet() => torchvision.models.googlenet();

    [Diagram(Input = "N,3,299,299", Name = "tv_inception_v3")]
    public static nn.Module<Tensor, Tensor> InceptionV3() => torchvision.models.inception_v3();

    [Diagram(Input = "N,3,64,64", Name = "tv_mobilenet_v2")]
    public static nn.Module<Tensor, Tensor> MobileNetV2() => torchvision.models.mobilenet_v2();

    [Diagram(Input = "N,3,64,64", Name = "tv_mobilenet_v3_large")]
    public static nn.Module<Tensor, Tensor> MobileNetV3Large() => torchvision.models.mobilenet_v3_large();

    [Diagram(Input = "N,3,64,64", Name = "tv_mobilenet_v3_small")]
    public static nn.Module<Tensor, Tensor> MobileNetV3Small() => torchvision.models.mobilenet_v3_small();
}
