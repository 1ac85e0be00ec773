using NetVizGen;
using TorchSharp;
using static TorchSharp.torch;

namespace ModelZoo;

/// <summary>
/// Models nobody here wrote, from the TorchVision NuGet package (IL only, no source in this project):
/// the build decompiles TorchVision's modules for the generator, which reads them like project code.
/// </summary>
public static class PackageModels
{
    /// <summary>TorchVision's ResNet-50 (ImageNet head).</summary>
    [Diagram(Input = "N,3,224,224", Name = "TorchVisionResNet50", Title = "ResNet-50 (torchvision)")]
    public static nn.Module<Tensor, Tensor> ResNet50() => torchvision.models.resnet50();

    /// <summary>TorchVision's Inception v3 (299×299 input, auxiliary head off in eval).</summary>
    [Diagram(Input = "N,3,299,299", Name = "TorchVisionInceptionV3", Title = "Inception v3 (torchvision)")]
    public static nn.Module<Tensor, Tensor> InceptionV3() => torchvision.models.inception_v3();

    /// <summary>TorchVision's MobileNetV3-Large.</summary>
    [Diagram(Input = "N,3,224,224", Name = "TorchVisionMobileNetV3Large", Title = "MobileNetV3-Large (torchvision)")]
    public static nn.Module<Tensor, Tensor> MobileNetV3Large() => torchvision.models.mobilenet_v3_large();
}
