using NetVizGen.Model.Catalog;
using NetVizGen.Model.Shapes;
using NetVizGen.Model.Specs;
using static NetVizGen.Model.Tests.Catalog.Args;

namespace NetVizGen.Model.Tests.Catalog;

/// <summary>Tensor creation in forward (arange, zeros, full, eye, *_like), masks, comparisons and the complex views.</summary>
public class CreationAndMaskOpTests
{
    private static Shape S(string text) => Shape.TryParseList(text, out var list, out _) ? list[0] : throw new ArgumentException(text);

    /// <summary>Sizes read from traced tensors refer to node 0, whose shape is <paramref name="traced"/>.</summary>
    private static ShapeResult Op(string name, string[] inputs, string traced, params (string, object?)[] args)
    {
        Assert.True(OpCatalog.TryGet(name, out var def), name);
        var source = S(traced);
        return def.InferShape(Of(args), inputs.Select(S).ToArray(), r => r.Resolve(_ => source));
    }

    private static string Out(string name, string[] inputs, params (string, object?)[] args) => Out(name, inputs, "1", args);

    private static string Out(string name, string[] inputs, string traced, params (string, object?)[] args)
    {
        var r = Op(name, inputs, traced, args);
        Assert.True(r.Status == ShapeStatus.Ok, name + ": " + (r.Error?.Message ?? r.Reason));
        return string.Join(" | ", r.Outputs.Select(o => o.ToString()));
    }

    private static ShapeStatus Status(string name, string[] inputs, params (string, object?)[] args) => Op(name, inputs, "1", args).Status;

    private static readonly string[] None = Array.Empty<string>();

    [Fact]
    public void Arange_has_ceil_of_span_over_step_elements()
    {
        Assert.Equal("10", Out("arange", None, ("stop", 10)));
        Assert.Equal("7", Out("arange", None, ("start", 3), ("stop", 10)));
        Assert.Equal("4", Out("arange", None, ("start", 0), ("stop", 10), ("step", 3)));
        Assert.Equal("5", Out("arange", None, ("start", 0), ("stop", 10), ("step", 2)));
        Assert.Equal("3", Out("arange", None, ("start", 0.0), ("stop", 1.0), ("step", 0.4)));
        Assert.Equal("4", Out("arange", None, ("start", 10), ("stop", 0), ("step", -3))); // 10, 7, 4, 1
        Assert.Equal("0", Out("arange", None, ("start", 5), ("stop", 5)));
        Assert.Equal(ShapeStatus.Error, Status("arange", None, ("start", 0), ("stop", 10), ("step", 0)));
        Assert.Equal(ShapeStatus.Error, Status("arange", None, ("start", 10), ("stop", 0)));
    }

    [Fact]
    public void Linspace_randint_new_and_tensor_take_their_sizes_from_the_arguments_or_the_data()
    {
        Assert.Equal("50", Out("linspace", None, ("start", 0.0), ("end", 1.0), ("steps", 50)));
        Assert.Equal("T", Out("logspace", None, "N,T", ("start", 0.0), ("end", 2.0), ("steps", "#0.size(1)")));
        Assert.Equal(ShapeStatus.Unknown, Status("linspace", None, ("start", 0.0), ("end", 1.0), ("steps", ArgValue.Unknown)));
        Assert.Equal("2×3", Out("randint", None, ("high", 10), ("size", new[] { 2, 3 })));
        Assert.Equal("4×5", Out("new_zeros", new[] { "8,8" }, ("rows", 4), ("columns", 5)));
        Assert.Equal("2×3×4", Out("new_full", new[] { "8" }, ("size", new[] { 2, 3, 4 }), ("value", 1.5)));
        Assert.Equal("7", Out("new_ones", new[] { "8" }, ("size", 7)));
        Assert.Equal("scalar", Out("tensor", None, ("scalar", 3.0)));
        Assert.Equal("4", Out("tensor", None, ("dataArray", new[] { 1, 2, 3, 4 })));
        var nested = ArgValue.FromTuple(new[] { ArgValue.FromTuple(new[] { ArgValue.FromInt(1), ArgValue.FromInt(2), ArgValue.FromInt(3) }), ArgValue.FromTuple(new[] { ArgValue.FromInt(4), ArgValue.FromInt(5), ArgValue.FromInt(6) }) });
        Assert.Equal("2×3", Out("tensor", None, ("rawArray", nested)));
        Assert.Equal("3×2", Out("tensor", None, ("rawArray", new[] { 1, 2, 3, 4, 5, 6 }), ("dimensions", new[] { 3, 2 })));
        // Ragged data or data of unknown length: unknown, never a guess.
        var ragged = ArgValue.FromTuple(new[] { ArgValue.FromTuple(new[] { ArgValue.FromInt(1) }), ArgValue.FromTuple(new[] { ArgValue.FromInt(4), ArgValue.FromInt(5) }) });
        Assert.Equal(ShapeStatus.Unknown, Status("tensor", None, ("rawArray", ragged)));
        Assert.Equal(ShapeStatus.Unknown, Status("tensor", None, ("rawArray", ArgValue.Unknown)));
        Assert.Equal(ShapeStatus.Error, Status("new_zeros", new[] { "8" }, ("size", new[] { 2, -3 })));
    }

    [Fact]
    public void Arange_of_a_traced_size_is_symbolic_and_an_unknown_bound_is_unknown()
    {
        Assert.Equal("T", Out("arange", None, "N,T,C", ("stop", "#0.size(1)")));
        Assert.Equal("T-1", Out("arange", None, "N,T,C", ("start", 1), ("stop", "#0.size(1)")));
        Assert.Equal("24", Out("arange", None, "N,48", ("start", 0), ("stop", "#0.size(1)"), ("step", 2)));
        // ceil(T / 2) of a symbolic T is not a monomial: unknown, never floor(T / 2).
        Assert.Equal(ShapeStatus.Unknown, Op("arange", None, "N,T", ("start", 0), ("stop", "#0.size(1)"), ("step", 2)).Status);
        Assert.Equal(ShapeStatus.Unknown, Status("arange", None, ("stop", ArgValue.Unknown)));
        Assert.Equal(ShapeStatus.Unknown, Status("arange", None, ("start", 0), ("stop", 10), ("step", ArgValue.Unknown)));
    }

    [Fact]
    public void Zeros_ones_empty_full_take_their_shape_from_the_size_arguments()
    {
        Assert.Equal("2×3", Out("zeros", None, ("size", new[] { 2, 3 })));
        Assert.Equal("5", Out("ones", None, ("size", 5)));
        Assert.Equal("4×6", Out("empty", None, ("rows", 4), ("columns", 6)));
        Assert.Equal("2×3×4", Out("randn", None, ("dim0", 2), ("dim1", 3), ("dim2", 4)));
        Assert.Equal("8×8", Out("full", None, ("size", new[] { 8, 8 }), ("value", double.NegativeInfinity)));
        Assert.Equal("T×T", Out("full", None, "N,T", ("size", ArgValue.FromTuple(new[] { ArgValue.FromSymbol("#0.size(1)"), ArgValue.FromSymbol("#0.size(1)") })), ("value", 0.0)));
        Assert.Equal("3×T", Out("zeros", None, "N,T", ("rows", 3), ("columns", "#0.size(1)")));
        Assert.Equal(ShapeStatus.Unknown, Status("zeros", None, ("size", ArgValue.FromTuple(new[] { ArgValue.FromInt(2), ArgValue.Unknown }))));
        Assert.Equal(ShapeStatus.Unknown, Status("full", None, ("rows", 2), ("columns", ArgValue.Unknown), ("value", 1.0)));
        Assert.Equal(ShapeStatus.Unknown, Status("ones", None));
        Assert.Equal(ShapeStatus.Error, Status("zeros", None, ("size", new[] { 2, -3 })));
    }

    [Fact]
    public void Like_ops_keep_the_input_shape_and_eye_is_square_unless_columns_are_given()
    {
        foreach (var name in new[] { "zeros_like", "ones_like", "full_like", "empty_like", "rand_like", "randn_like" })
            Assert.Equal("N×T×C", Out(name, new[] { "N,T,C" }));
        Assert.Equal("4×4", Out("eye", None, ("rows", 4)));
        Assert.Equal("4×4", Out("eye", None, ("rows", 4), ("columns", -1)));
        Assert.Equal("4×6", Out("eye", None, ("rows", 4), ("columns", 6)));
        Assert.Equal(ShapeStatus.Unknown, Status("eye", None, ("rows", ArgValue.Unknown)));
    }

    [Fact]
    public void Masks_keep_or_broadcast_the_shape()
    {
        Assert.Equal("T×T", Out("triu", new[] { "T,T" }, ("diagonal", 1)));
        Assert.Equal("N×H×T×T", Out("tril", new[] { "N,H,T,T" }));
        Assert.Equal(ShapeStatus.Error, Status("triu", new[] { "T" }));
        Assert.Equal("N×H×T×T", Out("masked_fill", new[] { "N,H,T,T", "T,T" }, ("value", double.NegativeInfinity)));
        Assert.Equal("N×H×T×T", Out("masked_fill", new[] { "T,T", "N,H,T,T" }));
        Assert.Equal(ShapeStatus.Unknown, Status("masked_fill", new[] { "N,H,T,T" }, ("mask", ArgValue.Unknown)));
        Assert.Equal(ShapeStatus.Error, Status("masked_fill", new[] { "N,4,5", "N,4,6" }));
        Assert.Equal("N×H×T×S", Out("where", new[] { "1,1,T,S", "N,H,T,S", "1" }));
        Assert.Equal(ShapeStatus.Unknown, Status("where", new[] { "N,T" }));
    }

    [Fact]
    public void Comparisons_and_logical_ops_broadcast()
    {
        foreach (var name in new[] { "lt", "lessthan", "le", "gt", "greater", "ge", "eq", "ne", "logical_and", "logical_or", "and", "or" })
            Assert.Equal("N×T×T", Out(name, new[] { "N,1,T", "T,1" }));
        Assert.Equal("N×T", Out("gt", new[] { "N,T" }, ("target", 0)));
        Assert.Equal("N×T", Out("logical_not", new[] { "N,T" }));
        Assert.Equal(ShapeStatus.Error, Status("eq", new[] { "N,3", "N,4" }));
    }

    [Fact]
    public void Stacks_outer_repeat_interleave_and_complex_views()
    {
        Assert.Equal("7", Out("hstack", new[] { "3", "4" }));
        Assert.Equal("N×7", Out("hstack", new[] { "N,3", "N,4" }));
        Assert.Equal("2×5", Out("vstack", new[] { "5", "5" }));
        Assert.Equal("7×5", Out("vstack", new[] { "3,5", "4,5" }));
        Assert.Equal(ShapeStatus.Error, Status("vstack", new[] { "3,5", "4,6" }));
        Assert.Equal("T×D", Out("outer", new[] { "T", "D" }));
        Assert.Equal(ShapeStatus.Error, Status("outer", new[] { "T,1", "D" }));
        Assert.Equal("N×T×D", Out("view_as_complex", new[] { "N,T,D,2" }));
        Assert.Equal(ShapeStatus.Error, Status("view_as_complex", new[] { "N,T,3" }));
        Assert.Equal("N×T×D×2", Out("view_as_real", new[] { "N,T,D" }));
        Assert.Equal("N×8×T×D", Out("repeat_interleave", new[] { "N,2,T,D" }, ("repeats", 4), ("dim", 1)));
        Assert.Equal("24", Out("repeat_interleave", new[] { "2,3" }, ("repeats", 4)));
        Assert.Equal("24", Out("repeat_interleave", new[] { "2,3" }, ("repeats", 4), ("dim", null)));
        Assert.Equal(ShapeStatus.Unknown, Status("repeat_interleave", new[] { "2,3", "3" }, ("dim", 1)));
        Assert.Equal("2×9", Out("repeat_interleave", new[] { "2,3", "3" }, ("dim", 1), ("output_size", 9)));
        Assert.Equal(ShapeStatus.Unknown, Status("repeat_interleave", new[] { "2,3" }, ("repeats", ArgValue.Unknown), ("dim", 1)));
    }
}
