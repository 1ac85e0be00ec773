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

    // Sizes read from traced tensors: node 3's output is S×N×8 in these tests.
    private static Dim? Sizes(DimRef r) => r.Resolve(id => id == 3 ? Shape.Of(Dim.Symbol("S"), Dim.Symbol("N"), 8) : null);

    private static TensorIndexItem.Bound Ref(int axis) => TensorIndexItem.Bound.OfRef(DimRef.Of(3, axis));

    [Fact]
    public void A_bound_read_from_a_traced_tensor_is_resolved_and_taken_to_lie_within_the_dim()
    {
        var table = Shape.Of(5000, 1, 8);
        var cut = TensorIndexing.Apply(table, new[] { TensorIndexItem.Slice(TensorIndexItem.Absent, Ref(0), TensorIndexItem.Absent) }, Sizes);
        Assert.Equal(Shape.Of(Dim.Symbol("S"), 1, 8), cut.Output);
        // A start beside it counts: 2:S is S-2 long; a stop beyond a known dim is clamped; a known size is a number.
        Assert.Equal(Dim.Symbol("S") - 2, TensorIndexing.Apply(table, new[] { TensorIndexItem.Slice(2, Ref(0), TensorIndexItem.Absent) }, Sizes).Output![0]);
        // A traced size that resolves to a number is a number: 4: on a symbolic dim stays unknown, as x[4:] does.
        Assert.Equal(ShapeStatus.Unknown, TensorIndexing.Apply(Nt, new[] { TensorIndexItem.Slice(Ref(2), TensorIndexItem.Absent, TensorIndexItem.Absent) }, Sizes).Status);
        Assert.Equal(Shape.Of(3, 1, 8), TensorIndexing.Apply(table, new[] { TensorIndexItem.Slice(Ref(2), 11, TensorIndexItem.Absent) }, Sizes).Output);
        // S to the end of a symbolic dim: T - S; every other row: half, rounded up.
        Assert.Equal(Dim.Symbol("T") - Dim.Symbol("S"), TensorIndexing.Apply(Nt, new[] { TensorIndexItem.Colon, TensorIndexItem.Slice(Ref(0), TensorIndexItem.Absent, TensorIndexItem.Absent) }, Sizes).Output![1]);
        Assert.Equal(Dim.Symbol("S").CeilDiv(2), TensorIndexing.Apply(table, new[] { TensorIndexItem.Slice(TensorIndexItem.Absent, Ref(0), 2) }, Sizes).Output![0]);
    }

    [Fact]
    public void A_traced_size_that_cannot_be_resolved_or_a_number_stop_on_a_symbolic_dim_stays_unknown()
    {
        var noSizes = TensorIndexing.Apply(Shape.Of(5000, 1, 8), new[] { TensorIndexItem.Slice(TensorIndexItem.Absent, Ref(0), TensorIndexItem.Absent) });
        Assert.Equal(ShapeStatus.Unknown, noSizes.Status);
        Assert.Contains("could not resolve", noSizes.Reason);
        var otherNode = TensorIndexing.Apply(Shape.Of(5000, 1, 8), new[] { TensorIndexItem.Slice(TensorIndexItem.Absent, TensorIndexItem.Bound.OfRef(DimRef.Of(4, 0)), TensorIndexItem.Absent) }, Sizes);
        Assert.Equal(ShapeStatus.Unknown, otherNode.Status);
        var numberStop = TensorIndexing.Apply(Nt, new[] { TensorIndexItem.Colon, TensorIndexItem.Slice(Ref(0), 16, TensorIndexItem.Absent) }, Sizes);
        Assert.Equal(ShapeStatus.Unknown, numberStop.Status);
    }

    [Fact]
    public void A_traced_size_round_trips_in_the_text_form_and_the_label_drops_the_node_number()
    {
        var items = new[] { TensorIndexItem.Slice(TensorIndexItem.Absent, TensorIndexItem.Bound.OfRef(DimRef.Of(3, 0).Times(2)), TensorIndexItem.Absent), TensorIndexItem.Single(Ref(1)), TensorIndexItem.Colon };
        var text = TensorIndexing.Encode(items);
        Assert.Equal(":#3.size(0)*2, #3.size(1), :", text);
        Assert.Equal(items, TensorIndexing.Decode(text));
        Assert.Equal(":size(0)*2, size(1), :", TensorIndexing.Label(text));
        Assert.True(OpCatalog.TryGet(TensorIndexing.OpName, out var op));
        Assert.Equal("index [:size(0)*2, size(1), :]", op.Summary(new[] { new ArgSpec(TensorIndexing.ArgName, ArgValue.FromString(text)) }));
        // ^x.size(0) counts from an end only the runtime knows.
        Assert.True(TensorIndexItem.FromRange(Ref(0), true, TensorIndexItem.Absent, false).StartUnknown);
    }

    [Fact]
    public void A_range_without_a_start_keeps_no_start_and_reads_as_the_source_does()
    {
        // paddedOutput[.., 0] and x[..4]: drawn [:, 0] and [:4], not [0:, 0]; the same shape as an explicit 0.
        var all = TensorIndexItem.FromRange(TensorIndexItem.Absent, false, TensorIndexItem.Absent, false);
        var upTo = TensorIndexItem.FromRange(TensorIndexItem.Absent, false, 4, false);
        Assert.Equal(":, 0", TensorIndexing.Label(TensorIndexing.Encode(new[] { all, TensorIndexItem.Single(0) })));
        Assert.Equal(":4", TensorIndexing.Label(TensorIndexing.Encode(new[] { upTo })));
        var fromZero = TensorIndexItem.FromRange(0, false, 4, false);
        Assert.Equal("4×64", Apply(Shape.Of(8, 64), upTo).Outputs.Single().ToString());
        Assert.Equal(Apply(Shape.Of(8, 64), fromZero).Outputs, Apply(Shape.Of(8, 64), upTo).Outputs);
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
