using NetVizGen.Model.Catalog;
using static NetVizGen.Model.Tests.Catalog.Args;

namespace NetVizGen.Model.Tests.Catalog;

public class LabelTests
{
    private static LayerDef Def(string type)
    {
        Assert.True(LayerCatalog.TryGet(type, out var def));
        return def;
    }

    [Fact]
    public void MainLabels()
    {
        Assert.Equal("Conv2d 3×3 s2 · 64→128", Def("Conv2d").Summary(Of(("in_channels", 64), ("out_channels", 128), ("kernel_size", 3), ("stride", 2), ("padding", 1))));
        Assert.Equal("Conv2d 1×7 · 64→64", Def("Conv2d").Summary(Of(("in_channels", 64), ("out_channels", 64), ("kernel_size", new[] { 1, 7 }), ("stride", null))));
        Assert.Equal("BatchNorm2d 64", Def("BatchNorm2d").Summary(Of(("num_features", 64))));
        Assert.Equal("ReLU", Def("ReLU").Summary(Of(("inplace", true))));
        Assert.Equal("Linear 9216→4096", Def("Linear").Summary(Of(("inputSize", 9216), ("outputSize", 4096))));
        Assert.Equal("MaxPool2d 3×3 s2", Def("MaxPool2d").Summary(Of(("kernel_size", 3), ("stride", 2))));
        Assert.Equal("LSTM 128→256 ×2 bi", Def("LSTM").Summary(Of(("inputSize", 128), ("hiddenSize", 256), ("numLayers", 2), ("bidirectional", true))));
        Assert.Equal("Conv2d ? · ?→64", Def("Conv2d").Summary(Of(("in_channels", NetVizGen.Model.Specs.ArgValue.Unknown), ("out_channels", 64))));
    }

    [Fact]
    public void QuietDetailsListNonDefaultArgsLeftOutOfTheLabel()
    {
        var quiet = Def("Conv2d").QuietDetails(Of(("in_channels", 64), ("out_channels", 128), ("kernel_size", 3), ("stride", 2), ("padding", 1),
            ("dilation", 1), ("padding_mode", "PaddingModes.Zeros"), ("groups", 1), ("bias", false)));
        Assert.Equal(new[] { "padding", "bias" }, quiet.Select(a => a.Name));
    }

    [Fact]
    public void CategoriesAndLookup()
    {
        Assert.Equal(LayerCategory.Conv, Def("ConvTranspose2d").Category);
        Assert.Equal(LayerCategory.Norm, Def("GroupNorm").Category);
        Assert.Equal(LayerCategory.Recurrent, Def("GRU").Category);
        Assert.Equal(LayerCategory.Container, Def("Sequential").Category);
        Assert.False(LayerCatalog.TryGet("conv2d", out _));
        Assert.True(OpCatalog.TryGet("relu_", out var op) && op.Category == LayerCategory.Activation);
        Assert.True(OpCatalog.TryGet("cat", out var cat) && cat.Category == LayerCategory.Merge);
        Assert.Equal("cat dim=1", cat.Summary(Of(("dim", 1))));
        Assert.Equal(LayerCatalog.All.Select(d => d.TypeName).OrderBy(n => n, StringComparer.Ordinal), LayerCatalog.All.Select(d => d.TypeName));
    }
}
