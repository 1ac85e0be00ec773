using NetVizGen.Model.Catalog;
using NetVizGen.Model.Shapes;
using NetVizGen.Model.Specs;
using TorchSharp;
using static TorchSharp.torch;

namespace NetVizGen.Oracle.Tests;

/// <summary>
/// The expand, selection, contraction and packed-sequence op rules checked against the real TorchSharp
/// runtime: every output shape the catalog gives for concrete inputs must equal libtorch's, and what the
/// runtime rejects must be a shape error.
/// </summary>
// In the torch collection: libtorch is called from one test at a time. The test host crashed once, under load,
// without a dump, after FFT tests were added beside other classes calling libtorch from their own threads.
[Collection(TorchCollection.Name)]
public class ExpandSelectContractOracleTests
{
    private static ArgSpec A(string name, long value) => new(name, ArgValue.FromInt(value));

    private static ArgSpec A(string name, params long[] values) => new(name, ArgValue.FromTuple(values.Select(ArgValue.FromInt)));

    private static ArgSpec B(string name, bool value) => new(name, ArgValue.FromBool(value));

    private static ArgSpec S(string name, string value) => new(name, ArgValue.FromString(value));

    private static Shape ShapeOf(Tensor t) => Shape.Of(t.shape.Select(d => (Dim)d));

    private static ShapeResult Rule(string op, ArgSpec[] args, params Tensor[] inputs)
    {
        Assert.True(OpCatalog.TryGet(op, out var def), op);
        return def.InferShape(args, inputs.Select(ShapeOf).ToArray());
    }

    private static void Same(Tensor[] actual, string op, ArgSpec[] args, params Tensor[] inputs)
    {
        var result = Rule(op, args, inputs);
        Assert.True(result.Status == ShapeStatus.Ok, op + ": " + (result.Error?.Message ?? result.Reason));
        Assert.Equal(actual.Length, result.Outputs.Count);
        for (int i = 0; i < actual.Length; i++) Assert.Equal(actual[i].shape, result.Outputs[i].Dims.Select(d => d.Value!.Value).ToArray());
    }

    private static void Same(Tensor actual, string op, ArgSpec[] args, params Tensor[] inputs) => Same(new[] { actual }, op, args, inputs);

    private static void Rejected(Action runtime, string op, ArgSpec[] args, params Tensor[] inputs)
    {
        Assert.ThrowsAny<Exception>(runtime);
        Assert.Equal(ShapeStatus.Error, Rule(op, args, inputs).Status);
    }

    [Fact]
    public void Indexing_by_an_integer_tensor_matches_the_runtime()
    {
        TorchRuntime.Ensure();
        // SAM's relative positions: rel_pos[coords.to_type(Int64)], coords of shape q×k.
        var table = torch.randn(15, 8);
        var coords = torch.arange(7).unsqueeze(1) - torch.arange(7).unsqueeze(0) + 6;
        Same(table[coords.to_type(ScalarType.Int64)], TensorIndexing.ByTensorOpName, Array.Empty<ArgSpec>(), table, coords);
        var flat = torch.tensor(new long[] { 0, 3, 3 });
        Same(table[flat], TensorIndexing.ByTensorOpName, Array.Empty<ArgSpec>(), table, flat);
        var cube = torch.randn(4, 5, 6);
        Same(cube[flat], TensorIndexing.ByTensorOpName, Array.Empty<ArgSpec>(), cube, flat);
    }

    [Fact]
    public void Functional_linear_matches_the_runtime()
    {
        TorchRuntime.Ensure();
        // A noisy network's layer: linear(x, weight + noise, bias + noise), x of any rank.
        var weight = torch.randn(16, 8);
        var bias = torch.randn(16);
        foreach (var x in new[] { torch.randn(8), torch.randn(3, 8), torch.randn(2, 5, 8) })
        {
            Same(nn.functional.linear(x, weight, bias), "linear", Array.Empty<ArgSpec>(), x, weight, bias);
            Same(nn.functional.linear(x, weight), "linear", Array.Empty<ArgSpec>(), x, weight);
        }
        // A 1-D weight drops the last dim; a bias broadcasts against the output.
        var row = torch.randn(3, 8);
        Same(nn.functional.linear(row, torch.randn(8)), "linear", Array.Empty<ArgSpec>(), row, torch.randn(8));
        Same(nn.functional.linear(row, weight, torch.randn(1)), "linear", Array.Empty<ArgSpec>(), row, weight, torch.randn(1));
        // Features that differ from the weight's, and a bias that does not broadcast, are rejected.
        var wide = torch.randn(3, 9);
        Rejected(() => nn.functional.linear(wide, weight, bias), "linear", Array.Empty<ArgSpec>(), wide, weight, bias);
        var badBias = torch.randn(5);
        Rejected(() => nn.functional.linear(row, weight, badBias), "linear", Array.Empty<ArgSpec>(), row, weight, badBias);
    }

    [Fact]
    public void Unbind_matches_the_runtime()
    {
        TorchRuntime.Ensure();
        // SAM's attention: q, k, v = qkv.reshape(3, B * heads, H * W, -1).unbind(0).
        var qkv = torch.randn(3, 4, 9, 8);
        Same(qkv.unbind(0), "unbind", new[] { A("dim", 0) }, qkv);
        Same(qkv.unbind(-1), "unbind", new[] { A("dim", -1) }, qkv);
        Same(qkv.unbind(2), "unbind", new[] { A("dim", 2) }, qkv);
        Rejected(() => qkv.unbind(4), "unbind", new[] { A("dim", 4) }, qkv);
    }

    [Fact]
    public void Expand_repeat_tile_and_the_as_forms_match_the_runtime()
    {
        TorchRuntime.Ensure();
        var x = torch.randn(2, 6, 2, 8);
        // RepeatKV of the LLaMA ports: unsqueeze, then expand a new dim of 1 to the repeat count.
        var unsq = x.unsqueeze(3);
        Same(unsq.expand(2, 6, 2, 4, 8), "expand", new[] { A("sizes", 2, 6, 2, 4, 8) }, unsq);
        Same(unsq.expand(3, 2, -1, 2, 4, 8), "expand", new[] { A("sizes", 3, 2, -1, 2, 4, 8) }, unsq);
        Same(torch.randn(3, 1).broadcast_to(2, 3, 5), "broadcast_to", new[] { A("shape", 2, 3, 5) }, torch.randn(3, 1));
        Same(torch.randn(1, 5).expand_as(torch.randn(4, 5)), "expand_as", Array.Empty<ArgSpec>(), torch.randn(1, 5), torch.randn(4, 5));
        Same(torch.randn(4, 6).view_as(torch.randn(2, 12)), "view_as", Array.Empty<ArgSpec>(), torch.randn(4, 6), torch.randn(2, 12));
        Same(torch.randn(2, 3).repeat(4, 1, 2), "repeat", new[] { A("sizes", 4, 1, 2) }, torch.randn(2, 3));
        Same(torch.randn(2, 3, 4).tile(new long[] { 2, 2 }), "tile", new[] { A("reps", 2, 2) }, torch.randn(2, 3, 4));
        Rejected(() => torch.randn(2, 3).expand(2, 4), "expand", new[] { A("sizes", 2, 4) }, torch.randn(2, 3));
        Rejected(() => torch.randn(2, 3).expand(3), "expand", new[] { A("sizes", 3) }, torch.randn(2, 3));
        Rejected(() => torch.randn(2, 3).repeat(2), "repeat", new[] { A("sizes", 2) }, torch.randn(2, 3));
    }

    /// <summary>The rule for an input whose shape is not known (<see cref="OpDef.InferShapeGivenUnknownInputs"/>).</summary>
    private static ShapeResult GivenUnknown(string op, ArgSpec[] args, params Tensor?[] inputs)
    {
        Assert.True(OpCatalog.TryGet(op, out var def), op);
        return def.InferShapeGivenUnknownInputs(args, inputs.Select(t => t is null ? null : ShapeOf(t)).ToArray());
    }

    [Fact]
    public void View_and_expand_to_given_sizes_have_them_whatever_the_input_the_runtime_accepts()
    {
        TorchRuntime.Ensure();
        // The rule says the output without the input's shape (HiFT's noise: tensor(values).view(shape) over data
        // sized at run time). Every input the runtime accepts must give exactly that output.
        var views = new[] { torch.randn(24), torch.randn(2, 12), torch.randn(4, 3, 2), torch.randn(1, 24, 1) };
        foreach (var x in views)
        {
            var given = GivenUnknown("view", new[] { A("shape", 2, 3, 4) }, (Tensor?)null);
            Assert.Equal(x.view(2, 3, 4).shape, given.Output!.Dims.Select(d => d.Value!.Value).ToArray());
            Assert.Equal(x.reshape(6, 4).shape, GivenUnknown("reshape", new[] { A("shape", 6, 4) }, (Tensor?)null).Output!.Dims.Select(d => d.Value!.Value).ToArray());
        }
        Assert.ThrowsAny<Exception>(() => torch.randn(25).view(2, 3, 4)); // the count is checked when the input is known
        // expand: new leading sizes, a 1 broadcast, or a size equal to the input's; all give the sizes asked for.
        foreach (var x in new[] { torch.randn(1), torch.randn(5), torch.randn(2, 1), torch.randn(3, 2, 5), torch.randn(1, 1, 1) })
        {
            var expanded = x.expand(3, 2, 5);
            Assert.Equal(expanded.shape, GivenUnknown("expand", new[] { A("sizes", 3, 2, 5) }, (Tensor?)null).Output!.Dims.Select(d => d.Value!.Value).ToArray());
            Assert.Equal(x.broadcast_to(3, 2, 5).shape, GivenUnknown("broadcast_to", new[] { A("shape", 3, 2, 5) }, (Tensor?)null).Output!.Dims.Select(d => d.Value!.Value).ToArray());
        }
        var other = torch.randn(4, 6);
        Assert.Equal(torch.randn(24).view_as(other).shape, GivenUnknown("view_as", Array.Empty<ArgSpec>(), null, other).Output!.Dims.Select(d => d.Value!.Value).ToArray());
        Assert.Equal(torch.randn(1, 6).expand_as(other).shape, GivenUnknown("expand_as", Array.Empty<ArgSpec>(), null, other).Output!.Dims.Select(d => d.Value!.Value).ToArray());
        // -1 depends on the input: the same arguments give different shapes, so the rule gives none.
        Assert.NotEqual(torch.randn(24).view(-1, 4).shape, torch.randn(8).view(-1, 4).shape);
        Assert.Equal(ShapeStatus.Unknown, GivenUnknown("view", new[] { A("shape", -1, 4) }, (Tensor?)null).Status);
        Assert.NotEqual(torch.randn(2, 1).expand(-1, 3).shape, torch.randn(5, 1).expand(-1, 3).shape);
        Assert.Equal(ShapeStatus.Unknown, GivenUnknown("expand", new[] { A("sizes", -1, 3) }, (Tensor?)null).Status);
    }

    [Fact]
    public void Selection_ops_match_the_runtime()
    {
        TorchRuntime.Ensure();
        var x = torch.randn(4, 7, 5);
        var index = torch.tensor(new long[] { 0, 2, 2 });
        Same(x.index_select(1, index), "index_select", new[] { A("dim", 1L) }, x, index);
        var gatherIndex = torch.zeros(new long[] { 4, 3, 5 }, ScalarType.Int64);
        Same(x.gather(1, gatherIndex), "gather", new[] { A("dim", 1L) }, x, gatherIndex);
        var classes = torch.tensor(new long[] { 1, 0, 3 });
        Same(torch.nn.functional.one_hot(classes, 6), "one_hot", new[] { A("num_classes", 6L) }, classes);
        var (values, indices) = x.topk(3, dim: 1);
        Same(new[] { values, indices }, "topk", new[] { A("k", 3L), A("dim", 1L) }, x);
        var (sorted, order) = x.sort(dim: 0);
        Same(new[] { sorted, order }, "sort", new[] { A("dim", 0L) }, x);
        Same(x.argsort(), "argsort", Array.Empty<ArgSpec>(), x);
        Same(x.gt(0).all(1), "all", new[] { A("dim", 1L) }, x.gt(0));
        Same(x.gt(0).any(), "any", Array.Empty<ArgSpec>(), x.gt(0));
        Rejected(() => x.topk(8, dim: 1), "topk", new[] { A("k", 8L), A("dim", 1L) }, x);
    }

    [Fact]
    public void Contractions_match_the_runtime()
    {
        TorchRuntime.Ensure();
        var q = torch.randn(2, 4, 6, 8);
        var k = torch.randn(2, 4, 9, 8);
        var v = torch.randn(2, 4, 9, 5);
        Same(torch.einsum("bhqd,bhkd->bhqk", q, k), "einsum", new[] { S("equation", "bhqd,bhkd->bhqk") }, q, k);
        Same(torch.einsum("ij,jk->ik", torch.randn(3, 4), torch.randn(4, 2)), "einsum", new[] { S("equation", "ij, jk -> ik") }, torch.randn(3, 4), torch.randn(4, 2));
        Same(torch.einsum("bi,bj->bij", torch.randn(3, 4), torch.randn(3, 2)), "einsum", new[] { S("equation", "bi,bj->bij") }, torch.randn(3, 4), torch.randn(3, 2));
        // CMT's attention: "... i d, ... j d -> ... i j" with batch dims broadcast across the operands.
        var qe = torch.randn(2, 4, 6, 8);
        var ke = torch.randn(1, 4, 9, 8);
        Same(torch.einsum("... i d, ... j d -> ... i j", qe, ke), "einsum", new[] { S("equation", "... i d, ... j d -> ... i j") }, qe, ke);
        Same(torch.einsum("b...d,bd->b...", torch.randn(3, 5, 7, 2), torch.randn(3, 2)), "einsum", new[] { S("equation", "b...d,bd->b...") }, torch.randn(3, 5, 7, 2), torch.randn(3, 2));
        Rejected(() => torch.einsum("ij,jk->ik", torch.randn(3, 4), torch.randn(5, 2)), "einsum", new[] { S("equation", "ij,jk->ik") }, torch.randn(3, 4), torch.randn(5, 2));
        Same(torch.addmm(torch.randn(9), torch.randn(6, 8), torch.randn(8, 9), 1, 1), "addmm", Array.Empty<ArgSpec>(), torch.randn(9), torch.randn(6, 8), torch.randn(8, 9));
        Rejected(() => torch.addmm(torch.randn(5), torch.randn(6, 8), torch.randn(8, 9), 1, 1), "addmm", Array.Empty<ArgSpec>(), torch.randn(5), torch.randn(6, 8), torch.randn(8, 9));
        Same(torch.nn.functional.scaled_dot_product_attention(q, k, v), "scaled_dot_product_attention", Array.Empty<ArgSpec>(), q, k, v);
        Rejected(() => torch.nn.functional.scaled_dot_product_attention(q, torch.randn(2, 4, 9, 7), v), "scaled_dot_product_attention", Array.Empty<ArgSpec>(), q, torch.randn(2, 4, 9, 7), v);
    }

    [Fact]
    public void Unary_math_keeps_the_shape_as_the_runtime_does()
    {
        TorchRuntime.Ensure();
        var x = torch.rand(3, 5) + 0.5;
        Same(x.erf(), "erf", Array.Empty<ArgSpec>(), x);
        Same(x.floor(), "floor", Array.Empty<ArgSpec>(), x);
        Same(x.reciprocal(), "reciprocal", Array.Empty<ArgSpec>(), x);
        Same(x.log1p(), "log1p", Array.Empty<ArgSpec>(), x);
        Same(x.cumsum(1), "cumsum", new[] { A("dim", 1L) }, x);
        Same(x.flip(0, 1), "flip", new[] { A("dims", 0, 1) }, x);
        Same(x.roll(2, 1), "roll", new[] { A("shifts", 2L), A("dims", 1L) }, x);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(false, false)]
    public void A_packed_sequence_through_an_rnn_comes_back_in_the_layout_asked_for(bool packedBatchFirst, bool paddedBatchFirst)
    {
        TorchRuntime.Ensure();
        // Tacotron2's encoder: a padded batch of 3 sequences of 7 steps, packed, through a bidirectional LSTM
        // of the same layout, padded again. The flow carries the LSTM's output in the packed layout.
        var padded = packedBatchFirst ? torch.randn(3, 7, 16) : torch.randn(7, 3, 16);
        var lengths = torch.tensor(new long[] { 7, 5, 2 });
        var packed = torch.nn.utils.rnn.pack_padded_sequence(padded, lengths, batch_first: packedBatchFirst);
        using var lstm = torch.nn.LSTM(16, 10, bidirectional: true, batchFirst: packedBatchFirst);
        var (output, _, _) = lstm.call(packed);
        var (unpacked, outLengths) = torch.nn.utils.rnn.pad_packed_sequence(output, batch_first: paddedBatchFirst);

        Same(padded, PackedSequences.PackOpName, new[] { B("batch_first", packedBatchFirst) }, padded, lengths);
        var lstmOutput = packedBatchFirst ? torch.zeros(3, 7, 20) : torch.zeros(7, 3, 20);
        Same(new[] { unpacked, outLengths }, PackedSequences.PadOpName,
            new[] { B("batch_first", paddedBatchFirst), B(PackedSequences.PackedBatchFirstArg, packedBatchFirst) }, lstmOutput);
        var longer = Rule(PackedSequences.PadOpName, new[] { B("batch_first", paddedBatchFirst), B(PackedSequences.PackedBatchFirstArg, packedBatchFirst), A("total_length", 9L) }, lstmOutput);
        var (full, _) = torch.nn.utils.rnn.pad_packed_sequence(output, batch_first: paddedBatchFirst, total_length: 9);
        Assert.Equal(full.shape, longer.Output!.Dims.Select(d => d.Value!.Value).ToArray());
    }
}
