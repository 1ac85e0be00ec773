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

    [Fact]
    public void A_view_to_a_divided_sum_of_traced_sizes_keeps_its_parentheses()
    {
        // AutoFormerV2Block: x.view(b, (h + 1) / 2, (w + 1) / 2, c) with sizes read from a traced tensor (node 5).
        var shape = ArgValue.FromTuple(new[] { ArgValue.FromSymbol("#5.size(0)"), ArgValue.FromSymbol("#5.size(2)+1/2"), ArgValue.FromInt(128) });
        var view = new FlowNodeSpec(7, FlowNodeKind.Op, "view", "", new EquatableArray<int>([5]), new EquatableArray<ArgSpec>([new ArgSpec("shape", shape)]));

        Assert.Contains("(size(0), (size(2)+1)/2, 128)", NodeDescriber.Describe(view).Label, StringComparison.Ordinal);
    }

    [Fact]
    public void Writes_folded_into_one_index_put_read_with_their_count()
    {
        var put = new FlowNodeSpec(3, FlowNodeKind.Op, "index_put", "", new EquatableArray<int>([2]),
            new EquatableArray<ArgSpec>([new ArgSpec("indices", ArgValue.FromString("…")), new ArgSpec("writes", ArgValue.FromInt(441))]));

        Assert.Contains("[…] ×441", NodeDescriber.Describe(put).Label, StringComparison.Ordinal);
    }
}
