using NetVizGen.Model.Catalog;
using NetVizGen.Model.Shapes;
using static NetVizGen.Model.Tests.Catalog.Args;
using static NetVizGen.Model.Tests.Catalog.ShapeRuleTests;

namespace NetVizGen.Model.Tests.Catalog;

public class OpShapeTests
{
    private static ShapeResult Op(string name, string[] inputs, params (string, object?)[] args)
    {
        Assert.True(OpCatalog.TryGet(name, out var def), name);
        return def.InferShape(Of(args), inputs.Select(S).ToArray());
    }

    private static string Out(string name, string input, params (string, object?)[] args)
    {
        var r = Op(name, new[] { input }, args);
        Assert.True(r.Status == ShapeStatus.Ok, r.Error?.Message ?? r.Reason);
        return string.Join(" | ", r.Outputs.Select(o => o.ToString()));
    }

    [Fact]
    public void Reshapes()
    {
        Assert.Equal("N×400", Out("flatten", "N,16,5,5", ("start_dim", 1)));
        Assert.Equal("6400", Out("flatten", "16,16,5,5"));
        Assert.Equal("N×400", Out("view", "N,16,5,5", ("shape", new[] { -1, 400 })));
        Assert.Equal("N×16×25", Out("reshape", "N,16,5,5", ("shape", new[] { -1, 16, 25 })));
        Assert.Equal("N×W×H×C", Out("permute", "N,C,H,W", ("permutation", new[] { 0, 3, 2, 1 })));
        Assert.Equal("N×T×C", Out("transpose", "N,C,T", ("dim0", 1), ("dim1", 2)));
        Assert.Equal("N×1×T", Out("unsqueeze", "N,T", ("dim", 1)));
        Assert.Equal("N×T", Out("squeeze", "N,1,T", ("dim", 1)));
        Assert.Equal("N×C", Out("mean", "N,C,H,W", ("dimensions", new[] { 2, 3 })));
        Assert.Equal("N×C×1×1", Out("mean", "N,C,H,W", ("dimensions", new[] { 2, 3 }), ("keepdim", true)));
        Assert.Equal("N×256×H×W | N×256×H×W", Out("chunk", "N,512,H,W", ("chunks", 2), ("dim", 1)));
        Assert.Equal("N×4 | N×4 | N×2", Out("split", "N,10", ("size", 4), ("dim", 1)));
    }

    [Fact]
    public void ViewWithWrongElementCount()
    {
        var r = Op("view", new[] { "1,16,5,5" }, ("shape", new[] { 1, 500 }));
        Assert.Equal(ShapeErrorKind.ElementCountMismatch, r.Error!.Kind);
        Assert.Equal((500L, 400L), (r.Error.Expected!.Value, r.Error.Actual!.Value));
        Assert.Equal(ShapeErrorKind.ElementCountMismatch, Op("view", new[] { "1,16,5,5" }, ("shape", new[] { -1, 300 })).Error!.Kind);
        // Symbolic batch: -1 that does not divide cannot be judged, so the shape is unknown (never a guess).
        Assert.Equal(ShapeStatus.Unknown, Op("view", new[] { "N,16,5,5" }, ("shape", new[] { -1, 300 })).Status);
    }

    [Fact]
    public void ViewOfASymbolicCountToGivenSizesHasThem()
    {
        // N×16×5×5 to (1, 400) runs only when N is 1, and then gives (1, 400): the sizes, never a guess.
        Assert.Equal("1×400", Out("view", "N,16,5,5", ("shape", new[] { 1, 400 })));
        Assert.Equal("N×2×4×T", Out("unflatten", "N,K,T", ("dim", 1), ("sizes", new[] { 2, 4 })));
    }

    private static ShapeResult GivenUnknown(string name, string?[] inputs, params (string, object?)[] args)
    {
        Assert.True(OpCatalog.TryGet(name, out var def), name);
        return def.InferShapeGivenUnknownInputs(Of(args), inputs.Select(i => i is null ? null : S(i)).ToArray());
    }

    [Fact]
    public void OpsWhoseArgumentsDecideTheOutputHaveItWhenTheInputShapeIsUnknown()
    {
        Assert.Equal("2×3×4", GivenUnknown("view", new string?[] { null }, ("shape", new[] { 2, 3, 4 })).Output!.ToString());
        Assert.Equal("6×4", GivenUnknown("reshape", new string?[] { null }, ("shape", new[] { 6, 4 })).Output!.ToString());
        Assert.Equal("5×2×3", GivenUnknown("expand", new string?[] { null }, ("sizes", new[] { 5, 2, 3 })).Output!.ToString());
        Assert.Equal("2×3", GivenUnknown("broadcast_to", new string?[] { null }, ("shape", new[] { 2, 3 })).Output!.ToString());
        Assert.Equal("N×T", GivenUnknown("view_as", new string?[] { null, "N,T" }).Output!.ToString());
        Assert.Equal("N×T", GivenUnknown("expand_as", new string?[] { null, "N,T" }).Output!.ToString());
        Assert.Equal("4×16", GivenUnknown("new_zeros", new string?[] { null }, ("size", new[] { 4, 16 })).Output!.ToString());
        // -1 is the input's element count (view) or size (expand): unknown; so is an op that needs its input.
        Assert.Equal(ShapeStatus.Unknown, GivenUnknown("view", new string?[] { null }, ("shape", new[] { -1, 4 })).Status);
        Assert.Equal(ShapeStatus.Unknown, GivenUnknown("expand", new string?[] { null }, ("sizes", new[] { -1, 4 })).Status);
        Assert.Equal(ShapeStatus.Unknown, GivenUnknown("view", new string?[] { null }, ("shape", new[] { -2, 4 })).Status);
        Assert.Equal(ShapeStatus.Unknown, GivenUnknown("view_as", new string?[] { "N,T", null }).Status);
        Assert.Equal(ShapeStatus.Unknown, GivenUnknown("repeat", new string?[] { null }, ("sizes", new[] { 2, 2 })).Status);
        Assert.Equal(ShapeStatus.Unknown, GivenUnknown("unflatten", new string?[] { null }, ("dim", 1), ("sizes", new[] { 2, 4 })).Status);
        Assert.Equal(ShapeStatus.Unknown, GivenUnknown("relu", new string?[] { null }).Status);
    }

    [Fact]
    public void Merges()
    {
        Assert.Equal("N×192×H×W", Op("cat", new[] { "N,64,H,W", "N,128,H,W" }, ("dim", 1)).Output!.ToString());
        Assert.Equal("2×N×T", Op("stack", new[] { "N,T", "N,T" }).Output!.ToString());
        var bad = Op("cat", new[] { "N,64,28,28", "N,128,14,14" }, ("dim", 1));
        Assert.Equal(ShapeErrorKind.ConcatMismatch, bad.Error!.Kind);
        Assert.Equal("N×64×H×W", Op("add", new[] { "N,64,H,W", "N,64,H,W" }).Output!.ToString());
        Assert.Equal("N×64×H×W", Op("mul", new[] { "N,64,H,W", "N,64,1,1" }).Output!.ToString());
        Assert.Equal(ShapeErrorKind.ConcatMismatch, Op("add", new[] { "N,64,56,56", "N,128,28,28" }).Error!.Kind);
    }

    [Fact]
    public void MatrixProducts()
    {
        Assert.Equal("B×H×T×T", Op("matmul", new[] { "B,H,T,64", "B,H,64,T" }).Output!.ToString());
        Assert.Equal("B×3×5", Op("bmm", new[] { "B,3,4", "B,4,5" }).Output!.ToString());
        Assert.Equal(ShapeErrorKind.FeatureMismatch, Op("mm", new[] { "3,4", "5,6" }).Error!.Kind);
    }

    [Fact]
    public void FunctionalLayers()
    {
        Assert.Equal("N×6×14×14", Out("max_pool2d", "N,6,28,28", ("kernel_size", 2)));
        Assert.Equal("N×6×14×14", Out("max_pool2d", "N,6,28,28", ("kernel_size", new[] { 2, 2 }), ("strides", null)));
        Assert.Equal("N×512×1×1", Out("adaptive_avg_pool2d", "N,512,7,7", ("output_size", 1)));
        Assert.Equal("N×64×2*H×2*W", Out("interpolate", "N,64,H,W", ("scale_factor", NetVizGen.Model.Specs.ArgValue.FromTuple(new[] { NetVizGen.Model.Specs.ArgValue.FromFloat(2.0) }))));
        Assert.Equal("N×64×32×32", Out("interpolate", "N,64,H,W", ("size", new[] { 32, 32 })));
        Assert.Equal("N×C×H+2×W+2", Out("pad", "N,C,H,W", ("pad", new[] { 1, 1, 1, 1 })));
        Assert.Equal("N×C", Out("softmax", "N,C", ("dim", 1)));
        Assert.Equal("N×C", Out("dropout", "N,C"));
        Assert.False(OpCatalog.TryGet("frobnicate", out _));
    }
}
