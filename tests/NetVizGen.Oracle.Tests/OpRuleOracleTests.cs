using NetVizGen.Model.Catalog;
using NetVizGen.Model.Shapes;
using NetVizGen.Model.Specs;
using TorchSharp;
using static TorchSharp.torch;

namespace NetVizGen.Oracle.Tests;

/// <summary>
/// The creation, mask and complex-view op rules checked against the real TorchSharp runtime: the catalog's
/// output shape for concrete inputs must equal the shape libtorch produces.
/// </summary>
// In the torch collection: libtorch is called from one test at a time. The test host crashed once, under load,
// without a dump, after FFT tests were added beside other classes calling libtorch from their own threads.
[Collection(TorchCollection.Name)]
public class OpRuleOracleTests
{
    private static ArgSpec A(string name, long value) => new(name, ArgValue.FromInt(value));

    private static ArgSpec A(string name, double value) => new(name, ArgValue.FromFloat(value));

    private static ArgSpec A(string name, params long[] values) => new(name, ArgValue.FromTuple(values.Select(ArgValue.FromInt)));

    private static void Same(Tensor actual, string op, ArgSpec[] args, params Tensor[] inputs)
    {
        Assert.True(OpCatalog.TryGet(op, out var def), op);
        var result = def.InferShape(args, inputs.Select(t => Shape.Of(t.shape.Select(d => (Dim)d))).ToArray());
        Assert.True(result.Status == ShapeStatus.Ok, op + ": " + (result.Error?.Message ?? result.Reason));
        Assert.Equal(actual.shape, result.Output!.Dims.Select(d => d.Value!.Value).ToArray());
    }

    [Fact]
    public void Creation_ops_match_the_runtime()
    {
        TorchRuntime.Ensure();
        Same(torch.arange(10), "arange", new[] { A("stop", 10L) });
        Same(torch.arange(3, 10), "arange", new[] { A("start", 3L), A("stop", 10L) });
        Same(torch.arange(0, 10, 3), "arange", new[] { A("start", 0L), A("stop", 10L), A("step", 3L) });
        Same(torch.arange(10, 0, -3), "arange", new[] { A("start", 10L), A("stop", 0L), A("step", -3L) });
        Same(torch.arange(0.0, 1.0, 0.3), "arange", new[] { A("start", 0.0), A("stop", 1.0), A("step", 0.3) });
        Same(torch.full(4, 5, float.NegativeInfinity), "full", new[] { A("rows", 4L), A("columns", 5L), A("value", double.NegativeInfinity) });
        Same(torch.full(new long[] { 2, 3, 4 }, 1.5f), "full", new[] { A("size", 2, 3, 4), A("value", 1.5) });
        Same(torch.zeros(2, 3, 4, 5), "zeros", new[] { A("dim0", 2L), A("dim1", 3L), A("dim2", 4L), A("dim3", 5L) });
        Same(torch.eye(3), "eye", new[] { A("rows", 3L) });
        Same(torch.eye(3, 5), "eye", new[] { A("rows", 3L), A("columns", 5L) });
        var x = torch.randn(2, 3, 4);
        Same(torch.full_like(x, 2), "full_like", new[] { A("value", 2L) }, x);
        Same(torch.linspace(0, 1, 50), "linspace", new[] { A("start", 0.0), A("end", 1.0), A("steps", 50L) });
        Same(torch.logspace(0, 2, 7), "logspace", new[] { A("start", 0.0), A("end", 2.0), A("steps", 7L) });
        Same(torch.randint(10, new long[] { 2, 3 }), "randint", new[] { A("high", 10L), A("size", 2, 3) });
        Same(x.new_zeros(4, 5), "new_zeros", new[] { A("rows", 4L), A("columns", 5L) }, x);
        Same(x.new_full(new long[] { 2, 3, 4 }, 1.5), "new_full", new[] { A("size", 2, 3, 4), A("value", 1.5) }, x);
        Same(torch.tensor(3.0f), "tensor", new[] { A("scalar", 3.0) });
        Same(torch.tensor(new long[] { 1, 2, 3, 4 }), "tensor", new[] { A("dataArray", 1, 2, 3, 4) });
        Same(torch.tensor(new float[,] { { 1, 2, 3 }, { 4, 5, 6 } }), "tensor",
            new[] { new ArgSpec("rawArray", ArgValue.FromTuple(new[] { ArgValue.FromTuple(new[] { 1L, 2, 3 }.Select(ArgValue.FromInt)), ArgValue.FromTuple(new[] { 4L, 5, 6 }.Select(ArgValue.FromInt)) })) });
        Same(torch.tensor(new float[] { 1, 2, 3, 4, 5, 6 }, new long[] { 3, 2 }), "tensor", new[] { A("rawArray", 1, 2, 3, 4, 5, 6), A("dimensions", 3, 2) });
    }

    [Fact]
    public void Mask_stack_and_complex_ops_match_the_runtime()
    {
        TorchRuntime.Ensure();
        var scores = torch.randn(2, 4, 5, 5);
        var mask = torch.ones(5, 5).triu(1).gt(0);
        Same(torch.ones(5, 5).triu(1), "triu", new[] { A("diagonal", 1L) }, torch.ones(5, 5));
        Same(scores.masked_fill(mask, float.NegativeInfinity), "masked_fill", new[] { A("value", double.NegativeInfinity) }, scores, mask);
        // The LLaMA port's MPS workaround: mask = nan_to_num(mask, 0.0).
        var filled = torch.ones(5, 5).triu(1) * float.NegativeInfinity;
        Same(torch.nan_to_num(filled, 0.0), "nan_to_num", new[] { A("nan", 0.0) }, filled);
        var small = torch.randn(5, 5);
        var wide = torch.ones(2, 1, 5, 5).gt(0);
        Same(small.masked_fill(wide, 0), "masked_fill", new[] { A("value", 0L) }, small, wide);
        Same(torch.where(mask, scores, torch.zeros(1)), "where", Array.Empty<ArgSpec>(), mask, scores, torch.zeros(1));
        Same(torch.randn(2, 1, 5).lt(torch.randn(5, 1)), "lt", Array.Empty<ArgSpec>(), torch.randn(2, 1, 5), torch.randn(5, 1));
        Same(torch.hstack(torch.randn(3), torch.randn(4)), "hstack", Array.Empty<ArgSpec>(), torch.randn(3), torch.randn(4));
        Same(torch.hstack(torch.randn(2, 3), torch.randn(2, 4)), "hstack", Array.Empty<ArgSpec>(), torch.randn(2, 3), torch.randn(2, 4));
        Same(torch.vstack(new[] { torch.randn(5), torch.randn(5) }), "vstack", Array.Empty<ArgSpec>(), torch.randn(5), torch.randn(5));
        Same(torch.outer(torch.randn(3), torch.randn(7)), "outer", Array.Empty<ArgSpec>(), torch.randn(3), torch.randn(7));
        var pairs = torch.randn(2, 6, 4, 2);
        Same(torch.view_as_complex(pairs), "view_as_complex", Array.Empty<ArgSpec>(), pairs);
        Same(torch.view_as_real(torch.view_as_complex(pairs)), "view_as_real", Array.Empty<ArgSpec>(), torch.view_as_complex(pairs));
        var kv = torch.randn(2, 2, 6, 8);
        Same(kv.repeat_interleave(4, dim: 1), "repeat_interleave", new[] { A("repeats", 4L), A("dim", 1L) }, kv);
        Same(kv.repeat_interleave(3), "repeat_interleave", new[] { A("repeats", 3L) }, kv);
    }

    [Fact]
    public void Reductions_with_and_without_a_dim_match_the_runtime()
    {
        // max() and argmax() with no dim reduce to a scalar, as sum() does; before, their rule
        // read the missing dim as unknown and the diagram showed "?" after x.max().
        TorchRuntime.Ensure();
        var x = torch.randn(2, 3, 4);
        Same(x.max(), "max", Array.Empty<ArgSpec>(), x);
        Same(x.min(), "min", Array.Empty<ArgSpec>(), x);
        Same(x.argmax(), "argmax", Array.Empty<ArgSpec>(), x);
        Same(x.sum(), "sum", Array.Empty<ArgSpec>(), x);
        Same(x.max(1).values, "max", new[] { A("dim", 1L) }, x);
        Same(x.argmax(-1, keepdim: true), "argmax", new[] { A("dim", -1L), new ArgSpec("keepdim", ArgValue.FromBool(true)) }, x);
        Same(x.mean(new long[] { 1, 2 }), "mean", new[] { A("dimensions", 1, 2) }, x);
    }

    // Basic indexing: the rule (TensorIndexing) against what libtorch does with the same TorchSharp index.
    private static void SameIndex(Tensor actual, Tensor x, params TensorIndexItem[] items)
    {
        var result = TensorIndexing.Apply(Shape.Of(x.shape.Select(d => (Dim)d)), items);
        Assert.True(result.Status == ShapeStatus.Ok, "[" + TensorIndexing.Encode(items) + "]: " + (result.Error?.Message ?? result.Reason));
        Assert.Equal(actual.shape, result.Output!.Dims.Select(d => d.Value!.Value).ToArray());
        Assert.Equal(items, TensorIndexing.Decode(TensorIndexing.Encode(items)));
    }

    private static TensorIndexItem R(Range r) => TensorIndexItem.FromRange(r.Start.Value, r.Start.IsFromEnd, r.End.Value, r.End.IsFromEnd);

    private static TensorIndexItem S(long? start, long? stop, long? step = null) => TensorIndexItem.Slice(
        start is long a ? a : TensorIndexItem.Absent, stop is long b ? b : TensorIndexItem.Absent, step is long c ? c : TensorIndexItem.Absent);

    [Fact]
    public void Basic_indexing_matches_the_runtime()
    {
        TorchRuntime.Ensure();
        var x = torch.randn(2, 16, 4);
        // C# ranges and ^ indices, converted by TorchSharp itself.
        SameIndex(x[..1, ..6], x, R(..1), R(..6));
        SameIndex(x[1..^1], x, R(1..^1));
        SameIndex(x[.., 2..^3], x, R(..), R(2..^3));
        SameIndex(x[^1], x, TensorIndexItem.FromIndex(1, fromEnd: true));
        SameIndex(x[^2..], x, R(^2..));
        SameIndex(x[.., ^20..^2], x, R(..), R(^20..^2));
        // TensorIndex fields and factories, Python's clamping, steps, new axes, the ellipsis.
        SameIndex(x[TensorIndex.Ellipsis, 0], x, TensorIndexItem.Ellipsis, TensorIndexItem.Single(0));
        SameIndex(x[TensorIndex.None, TensorIndex.Colon, 3], x, TensorIndexItem.NewAxis, TensorIndexItem.Colon, TensorIndexItem.Single(3));
        SameIndex(x[TensorIndex.Colon, TensorIndex.Slice(1, 100, 3)], x, TensorIndexItem.Colon, S(1, 100, 3));
        SameIndex(x[TensorIndex.Slice(-5, null)], x, S(-5, null));
        SameIndex(x[TensorIndex.Colon, TensorIndex.Slice(3, 1)], x, TensorIndexItem.Colon, S(3, 1));
        SameIndex(x[TensorIndex.Single(1), TensorIndex.Slice(null, null, 2)], x, TensorIndexItem.Single(1), S(null, null, 2));
        SameIndex(x[TensorIndex.Colon, TensorIndex.Slice(-3, -1), TensorIndex.None], x, TensorIndexItem.Colon, S(-3, -1), TensorIndexItem.NewAxis);
        SameIndex(x[0, 1], x, TensorIndexItem.Single(0), TensorIndexItem.Single(1));
        SameIndex(x[TensorIndex.Slice((1, 3))], x, S(1, 3));
        SameIndex(x[TensorIndex.Colon, TensorIndex.Ellipsis, TensorIndex.Slice(1, 2)], x, TensorIndexItem.Colon, TensorIndexItem.Ellipsis, S(1, 2));
    }

    [Fact]
    public void A_slice_up_to_another_tensors_size_matches_the_runtime_within_the_dim_and_is_clamped_by_it_beyond()
    {
        // pe[:t.size(0)] and pe[2:t.size(0)] with t's size resolved to a number, as shape analysis does with a
        // declared input: the runtime and the rule agree inside the table and past its end (Python's clamping).
        TorchRuntime.Ensure();
        var pe = torch.zeros(50, 1, 8);
        var table = Shape.Of(pe.shape.Select(d => (Dim)d));
        foreach (var steps in new long[] { 7, 50, 64 })
        {
            var t = torch.zeros(steps, 3, 8);
            Dim? Sizes(DimRef r) => r.Resolve(_ => Shape.Of(t.shape.Select(d => (Dim)d)));
            var upTo = TensorIndexItem.Bound.OfRef(DimRef.Of(0, 0));
            Assert.Equal(pe[TensorIndex.Slice(null, t.shape[0])].shape,
                TensorIndexing.Apply(table, new[] { TensorIndexItem.Slice(TensorIndexItem.Absent, upTo, TensorIndexItem.Absent) }, Sizes).Output!.Dims.Select(d => d.Value!.Value).ToArray());
            Assert.Equal(pe[TensorIndex.Slice(2, t.shape[0])].shape,
                TensorIndexing.Apply(table, new[] { TensorIndexItem.Slice(2, upTo, TensorIndexItem.Absent) }, Sizes).Output!.Dims.Select(d => d.Value!.Value).ToArray());
        }
    }

    [Fact]
    public void Indexing_the_runtime_rejects_is_a_shape_error()
    {
        TorchRuntime.Ensure();
        var x = torch.randn(2, 16, 4);
        var shape = Shape.Of(x.shape.Select(d => (Dim)d));
        Assert.ThrowsAny<Exception>(() => x[0, 0, 4]);
        Assert.Equal(ShapeStatus.Error, TensorIndexing.Apply(shape, new[] { TensorIndexItem.Single(0), TensorIndexItem.Single(0), TensorIndexItem.Single(4) }).Status);
        Assert.ThrowsAny<Exception>(() => x[0, 0, 0, 0]);
        Assert.Equal(ShapeStatus.Error, TensorIndexing.Apply(shape, Enumerable.Repeat(TensorIndexItem.Single(0), 4).ToArray()).Status);
        Assert.ThrowsAny<Exception>(() => x[TensorIndex.Slice(null, null, -1)]);
        Assert.Equal(ShapeStatus.Error, TensorIndexing.Apply(shape, new[] { S(null, null, -1) }).Status);
    }
}
