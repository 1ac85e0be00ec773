using NetVizGen.Model.Catalog;
using NetVizGen.Model.Specs;
using NetVizGen.Rendering.Describe;
using static NetVizGen.Rendering.Tests.TestModels.SpecBuilder;

namespace NetVizGen.Rendering.Tests.Diagram;

public class NodeDescriberTests
{
    [Fact]
    public void Conv_label_has_kernel_stride_and_channels()
    {
        var d = NodeDescriber.Describe(Leaf("c", "Conv2d", 0, A("in_channels", 64), A("out_channels", 128), A("kernel_size", 3), A("stride", 2), A("padding", 1)));
        Assert.Equal(NodeCategory.Conv, d.Category);
        Assert.Equal("Conv2d 3×3 s2 · 64→128", d.Label);
        Assert.Contains("padding", d.Details);
    }

    [Fact]
    public void Unknown_layers_fall_back_to_name_rules()
    {
        Assert.Equal(NodeCategory.Norm, NodeDescriber.Describe(Leaf("n", "MyGroupNormX", 0)).Category);
        Assert.Equal("MyGroupNormX", NodeDescriber.Describe(Leaf("n", "MyGroupNormX", 0)).Label);
    }

    [Fact]
    public void Every_catalog_category_maps_to_a_node_category()
    {
        foreach (var c in Enum.GetValues<LayerCategory>())
            Assert.Equal(c.ToString(), NodeDescriber.Map(c).ToString());
    }

    [Fact]
    public void Merges_are_drawn_with_symbols()
    {
        Assert.Equal("+", NodeDescriber.MergeSymbol("add"));
        Assert.Equal("cat", NodeDescriber.MergeSymbol("cat"));
    }
}
