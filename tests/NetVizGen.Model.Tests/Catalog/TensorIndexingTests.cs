using NetVizGen.Model.Catalog;
using NetVizGen.Model.Shapes;
using NetVizGen.Model.Specs;

namespace NetVizGen.Model.Tests.Catalog;

/// <summary>
/// Basic tensor indexing on symbolic shapes, where the runtime cannot be asked (the oracle tests check the
/// concrete cases against libtorch): what is known stays known, what is not becomes unknown, never a guess.
/// </summary>
public sealed class TensorIndexingTests
{
    private static readonly Shape Nt = Shape.Of(Dim.Symbol("N"), Dim.Symbol("T"), 64);

    private static ShapeResult Apply(Shape x, params TensorIndexItem[] items) => TensorIndexing.Apply(x, items);

    private static TensorIndexItem Slice(long start, long stop) => TensorIndexItem.Slice(start, stop, TensorIndexItem.Absent);

    [Fact]
    public void Whole_dims_and_single_positions_keep_symbolic_sizes()
    {
        var r = Apply(Nt, TensorIndexItem.Colon, TensorIndexItem.Single(-1));
        Assert.Equal(Shape.Of(Dim.Symbol("N"), 64), r.Output);
        Assert.Equal(Shape.Of(Dim.Symbol("N"), 1, Dim.Symbol("T"), 64), Apply(Nt, TensorIndexItem.Colon, TensorIndexItem.NewAxis).Output);
        Assert.Equal(Shape.Of(Dim.Symbol("N"), Dim.Symbol("T"), 8), Apply(Nt, TensorIndexItem.Ellipsis, Slice(0, 8)).Output);
        Assert.Equal(Shape.Of(Dim.Symbol("T"), 64), Apply(Nt, TensorIndexItem.Single(TensorIndexItem.Unknown)).Output);
    }

    [Fact]
    public void A_partial_slice_of_a_symbolic_dim_or_with_an_unknown_bound_is_unknown_with_a_reason()
    {
        var symbolic = Apply(Nt, TensorIndexItem.Colon, Slice(0, 16));
        Assert.Equal(ShapeStatus.Unknown, symbolic.Status);
        Assert.Contains("not known", symbolic.Reason);
        var bound = Apply(Nt, TensorIndexItem.Colon, TensorIndexItem.Colon, TensorIndexItem.Slice(0, TensorIndexItem.Unknown, TensorIndexItem.Absent));
        Assert.Equal(ShapeStatus.Unknown, bound.Status);
        Assert.Contains("bound", bound.Reason);
        var step = Apply(Nt, TensorIndexItem.Colon, TensorIndexItem.Colon, TensorIndexItem.Slice(TensorIndexItem.Absent, TensorIndexItem.Absent, TensorIndexItem.Unknown));
        Assert.Equal(ShapeStatus.Unknown, step.Status);
    }

    [Fact]
    public void Two_ellipses_are_an_error()
    {
        Assert.Equal(ShapeStatus.Error, Apply(Nt, TensorIndexItem.Ellipsis, TensorIndexItem.Ellipsis).Status);
    }

    [Fact]
    public void The_text_form_round_trips_every_kind_and_rejects_what_it_is_not()
    {
        var items = new[]
        {
            TensorIndexItem.Colon, TensorIndexItem.Single(-2), TensorIndexItem.Single(TensorIndexItem.Unknown), TensorIndexItem.Ellipsis, TensorIndexItem.NewAxis,
            TensorIndexItem.Slice(-5, TensorIndexItem.Absent, 2), TensorIndexItem.Slice(TensorIndexItem.Unknown, 7, TensorIndexItem.Absent),
        };
        var text = TensorIndexing.Encode(items);
        Assert.Equal(":, -2, ?, ..., None, -5::2, ?:7", text);
        Assert.Equal(items, TensorIndexing.Decode(text));
        Assert.Null(TensorIndexing.Decode("1:2:3:4"));
        Assert.Null(TensorIndexing.Decode("x"));
        Assert.Null(TensorIndexing.Decode(""));
    }

    [Fact]
    public void The_op_reads_its_text_argument_and_labels_it_as_python_does()
    {
        Assert.True(OpCatalog.TryGet(TensorIndexing.OpName, out var op));
        var args = new[] { new ArgSpec(TensorIndexing.ArgName, ArgValue.FromString(":, 1:3")) };
        Assert.Equal(Shape.Of(Dim.Symbol("N"), 2, 64), op.InferShape(args, new[] { Shape.Of(Dim.Symbol("N"), 16, 64) }).Output);
        Assert.Equal("index [:, 1:3]", op.Summary(args));
        Assert.Equal(ShapeStatus.Unknown, op.InferShape(Array.Empty<ArgSpec>(), new[] { Nt }).Status);
    }
}
