using NetVizGen.Model.Catalog;
using NetVizGen.Model.Shapes;
using NetVizGen.Model.Specs;
using static NetVizGen.Model.Tests.Catalog.Args;

namespace NetVizGen.Model.Tests.Catalog;

/// <summary>Sizes read from traced tensors (<c>x.size(0)</c>) and layers passed as arguments.</summary>
public class SymbolicSizeTests
{
    private static Shape S(string text) => Shape.TryParseList(text, out var list, out _) ? list[0] : throw new ArgumentException(text);

    [Fact]
    public void DimRef_text_round_trips_and_rejects_enum_symbols()
    {
        var r = DimRef.Of(3, 0).Times(DimRef.Of(3, -1)).Times(4);
        Assert.Equal("#3.size(0)*#3.size(-1)*4", r.ToString());
        Assert.True(DimRef.TryParse(r.ToString(), out var back));
        Assert.Equal(r.ToString(), back!.ToString());
        Assert.False(DimRef.TryParse("PaddingModes.Zeros", out _));
        Assert.Equal("8*N", r.Resolve(_ => S("N,3,2"))!.ToString().Replace(" ", ""));
    }

    [Fact]
    public void Sums_differences_and_forward_parameters_stay_symbolic_and_round_trip()
    {
        // LLaMA's KV cache bound start_pos + seqlen, a shift by one, and a parameter times a size.
        var startPos = DimRef.Parameter("startPos")!;
        var seqLen = DimRef.Of(3, 1);
        var upTo = startPos.Plus(seqLen);
        Assert.Equal("$startPos+#3.size(1)", upTo.ToString());
        Assert.Equal("#3.size(1)+-1", seqLen.Plus(-1).ToString());
        Assert.Equal("#3.size(1)*$startPos*2+#3.size(1)*#3.size(1)*-1", startPos.Times(2).Plus(seqLen.Times(-1)).Times(seqLen).ToString());
        foreach (var r in new[] { upTo, seqLen.Plus(-1), startPos.Times(seqLen).Times(2) })
        {
            Assert.True(DimRef.TryParse(r.ToString(), out var back));
            Assert.Equal(r.ToString(), back!.ToString());
        }
        Shape? Outputs(int node) => node == 3 ? S("N,S,64") : null;
        Assert.Equal(Dim.Symbol("startPos") + Dim.Symbol("S"), upTo.Resolve(Outputs));
        Assert.Equal(Dim.Symbol("S") - 1, seqLen.Plus(-1).Resolve(Outputs));
        Assert.Equal(Dim.Symbol("S"), upTo.Plus(startPos.Times(-1)).Resolve(Outputs));
        // Plain numbers, enum symbols and names that are no symbol are not size references.
        Assert.False(DimRef.TryParse("3", out _));
        Assert.False(DimRef.TryParse("$", out _));
        Assert.Null(DimRef.Parameter("1x"));
        Assert.Equal("startPos+size(1)", DimRef.Display(upTo.ToString()));
        Assert.Equal("size(1)-1", DimRef.Display(seqLen.Plus(-1).ToString()));
        // A divided sum keeps its parentheses, also when the sum is a size and a constant ((h + 1) / 2).
        Assert.Equal("(size(1)+1)/2", DimRef.Display(seqLen.Plus(1).DividedBy(2)!.ToString()));
    }

    [Fact]
    public void Exact_division_by_a_symbolic_monomial()
    {
        var n = Dim.Symbol("N");
        Assert.Equal(Dim.Of(400), (n * 400).TryDivideExact(n));
        Assert.Equal(n * 2, (n * 8).TryDivideExact(4));
        Assert.Null((n + 1).TryDivideExact(n));
    }

    [Fact]
    public void View_with_a_size_reference_and_minus_one_resolves_symbolically()
    {
        Assert.True(OpCatalog.TryGet("view", out var view));
        var args = Of(("shape", ArgValue.FromTuple(new[] { ArgValue.FromSymbol(DimRef.Of(0, 0).ToString()), ArgValue.FromInt(-1) })));
        var input = S("N,16,5,5");
        var result = view.InferShape(args, new[] { input }, r => r.Resolve(_ => input));
        Assert.Equal("N×400", result.Output!.ToString());
    }

    [Fact]
    public void MaxPool2d_with_null_stride_and_padding_uses_kernel_and_zero()
    {
        Assert.True(LayerCatalog.TryGet("MaxPool2d", out var pool));
        var result = pool.InferShape(Of(("kernel_size", 2), ("stride", null), ("padding", null), ("dilation", null), ("ceil_mode", false)), new[] { S("N,6,28,28") });
        Assert.Equal("N×6×14×14", result.Output!.ToString());
    }

    [Fact]
    public void TransformerEncoder_counts_num_layers_clones_of_its_flattened_layer_argument()
    {
        Assert.True(LayerCatalog.TryGet("TransformerEncoder", out var enc));
        var count = enc.CountParameters(Of(("encoder_layer", ArgValue.FromSymbol("TransformerEncoderLayer")), ("num_layers", 2),
            ("encoder_layer.d_model", 64), ("encoder_layer.nhead", 4), ("encoder_layer.dim_feedforward", 128)));
        Assert.Equal(66944, count!.Trainable); // TorchSharp 0.107 reports 33,472 per layer
    }
}
