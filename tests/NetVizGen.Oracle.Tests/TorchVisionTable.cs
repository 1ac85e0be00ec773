using TorchVisionZoo;

namespace NetVizGen.Oracle.Tests;

/// <summary>
/// The TorchVision package's models (sample-projects/TorchVisionZoo: one [Diagram] per torchvision.models
/// factory, read by the generator from the package's decompiled code) as the oracle runs them.
/// </summary>
public static class TorchVisionTable
{
    public static readonly IReadOnlyList<ZooEntry> Entries = new ZooEntry[]
    {
        new("tv_alexnet", () => TorchVisionModels.AlexNet(), "N,3,64,64", [1, 3, 64, 64]),
        new("tv_vgg11", () => TorchVisionModels.Vgg11(), "N,3,64,64", [1, 3, 64, 64]),
        new("tv_vgg11_bn", () => TorchVisionModels.Vgg11Bn(), "N,3,64,64", [1, 3, 64, 64]),
        new("tv_vgg13", () => TorchVisionModels.Vgg13(), "N,3,64,64", [1, 3, 64, 64]),
        new("tv_vgg13_bn", () => TorchVisionModels.Vgg13Bn(), "N,3,64,64", [1, 3, 64, 64]),
        new("tv_vgg16", () => TorchVisionModels.Vgg16(), "N,3,64,64", [1, 3, 64, 64]),
        new("tv_vgg16_bn", () => TorchVisionModels.Vgg16Bn(), "N,3,64,64", [1, 3, 64, 64]),
        new("tv_vgg19", () => TorchVisionModels.Vgg19(), "N,3,64,64", [1, 3, 64, 64]),
        new("tv_vgg19_bn", () => TorchVisionModels.Vgg19Bn(), "N,3,64,64", [1, 3, 64, 64]),
        new("tv_resnet18", () => TorchVisionModels.ResNet18(), "N,3,64,64", [1, 3, 64, 64]),
        new("tv_resnet34", () => TorchVisionModels.ResNet34(), "N,3,64,64", [1, 3, 64, 64]),
        new("tv_resnet50", () => TorchVisionModels.ResNet50(), "N,3,64,64", [1, 3, 64, 64]),
        new("tv_resnet101", () => TorchVisionModels.ResNet101(), "N,3,64,64", [1, 3, 64, 64]),
        new("tv_resnet152", () => TorchVisionModels.ResNet152(), "N,3,64,64", [1, 3, 64, 64]),
        new("tv_resnext50_32x4d", () => TorchVisionModels.ResNeXt50_32x4d(), "N,3,64,64", [1, 3, 64, 64]),
        new("tv_resnext101_32x8d", () => TorchVisionModels.ResNeXt101_32x8d(), "N,3,64,64", [1, 3, 64, 64]),
        new("tv_resnext101_64x4d", () => TorchVisionModels.ResNeXt101_64x4d(), "N,3,64,64", [1, 3, 64, 64]),
        new("tv_wide_resnet50_2", () => TorchVisionModels.WideResNet50_2(), "N,3,64,64", [1, 3, 64, 64]),
        new("tv_wide_resnet101_2", () => TorchVisionModels.WideResNet101_2(), "N,3,64,64", [1, 3, 64, 64]),
        new("tv_googlenet", () => TorchVisionModels.GoogLeNet(), "N,3,64,64", [1, 3, 64, 64]),
        new("tv_inception_v3", () => TorchVisionModels.InceptionV3(), "N,3,299,299", [1, 3, 299, 299]),
        new("tv_mobilenet_v2", () => TorchVisionModels.MobileNetV2(), "N,3,64,64", [1, 3, 64, 64]),
        new("tv_mobilenet_v3_large", () => TorchVisionModels.MobileNetV3Large(), "N,3,64,64", [1, 3, 64, 64]),
        new("tv_mobilenet_v3_small", () => TorchVisionModels.MobileNetV3Small(), "N,3,64,64", [1, 3, 64, 64]),
    };

    /// <summary>
    /// Models whose static extraction does not match the runtime yet, each with what is wrong and a text the
    /// comparison must contain (an expected failure that fails with "now matches" once fixed, so the entry is
    /// removed). Empty: every torchvision factory matches the runtime. The ResNet family (a nullable value
    /// tuple with a default) and MobileNet V2/V3 (a nullable long) were here until the evaluator followed
    /// nullable value types.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, (string Reason, string Symptom)> Pending = new Dictionary<string, (string, string)>();

    public static ZooEntry Get(string id) =>
        Entries.FirstOrDefault(e => e.Id == id) ?? throw new KeyNotFoundException($"no torchvision entry '{id}'");

    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var e in Entries) data.Add(e.Id);
        return data;
    }
}
