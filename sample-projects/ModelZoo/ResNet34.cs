using NetVizGen;

namespace ModelZoo;

/// <summary>ResNet-34 (He et al. 2016, the network of the paper's Figure 3), built by the <see cref="ResNet"/> class.</summary>
public static class ResNet34Factory
{
    /// <summary>ResNet-34: 21,797,672 parameters at 1000 classes.</summary>
    [Diagram(Input = "N,3,224,224", Name = "ResNet34", Title = "ResNet-34")]
    public static ResNet ResNet34(long numClasses = 1000) =>
        new ResNet(ResNetBlock.Basic, new[] { 3, 4, 6, 3 }, numClasses);
}
