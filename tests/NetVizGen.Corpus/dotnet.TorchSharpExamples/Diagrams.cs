// Corpus entry points (ours, not upstream): one [Diagram] factory per documented model, with the
// configuration the upstream example trains (CIFAR-10 32x32 images, MNIST 28x28, AG_NEWS, WikiText-2).
using NetVizGen;
using TorchSharp.Examples;
using static TorchSharp.torch;

namespace NetVizGen.Corpus.TorchSharpExamples;

internal static class Diagrams
{
    [Diagram(Input = "N,3,32,32", Name = "ExamplesAlexNet")]
    public static AlexNet AlexNet() => new AlexNet("alexnet", 10);

    [Diagram(Input = "N,1,28,28", Name = "ExamplesMnist")]
    public static TorchSharp.Examples.MNIST.Model Mnist() => new TorchSharp.Examples.MNIST.Model("model");

    [Diagram(Input = "N,3,32,32", Name = "ExamplesMobileNet")]
    public static MobileNet MobileNet() => new MobileNet("mobilenet", 10);

    [Diagram(Input = "N,3,32,32", Name = "ExamplesResNet18")]
    public static ResNet ResNet18() => ResNet.ResNet18(10);

    [Diagram(Input = "N,3,32,32", Name = "ExamplesResNet34")]
    public static ResNet ResNet34() => ResNet.ResNet34(10);

    [Diagram(Input = "N,3,32,32", Name = "ExamplesResNet50")]
    public static ResNet ResNet50() => ResNet.ResNet50(10);

    [Diagram(Input = "N,3,32,32", Name = "ExamplesResNet101")]
    public static ResNet ResNet101() => ResNet.ResNet101(10);

    [Diagram(Input = "N,3,32,32", Name = "ExamplesResNet152")]
    public static ResNet ResNet152() => ResNet.ResNet152(10);

    [Diagram(Input = "N,3,32,32", Name = "ExamplesVgg11")]
    public static VGG Vgg11() => new VGG("VGG11", 10);

    [Diagram(Input = "N,3,32,32", Name = "ExamplesVgg13")]
    public static VGG Vgg13() => new VGG("VGG13", 10);

    [Diagram(Input = "N,3,32,32", Name = "ExamplesVgg16")]
    public static VGG Vgg16() => new VGG("VGG16", 10);

    [Diagram(Input = "N,3,32,32", Name = "ExamplesVgg19")]
    public static VGG Vgg19() => new VGG("VGG19", 10);

    /// <summary>forward(t, mask): token ids (sequence first) and a square attention mask.</summary>
    [Diagram(Input = "35,N;35,35", Name = "ExamplesSeq2SeqTransformer")]
    public static TransformerModel Seq2SeqTransformer() => new TransformerModel(1000, 200, 2, 200, 2, 0.2);

    /// <summary>forward(input, offsets): an EmbeddingBag over a flat token list and per-sample offsets.</summary>
    [Diagram(Input = "64;N", Name = "ExamplesTextClassification")]
    public static TextClassificationModel TextClassification() => new TextClassificationModel(1000, 64, 4);
}
