using NetVizGen.Model.Analysis;
using NetVizGen.Model.Shapes;
using NetVizGen.Model.Specs;

namespace NetVizGen.Model.Tests.Analysis;

/// <summary>Guards on notes, decided against known shapes: three-valued, never a guess.</summary>
public sealed class ShapeGuardsTests
{
    // Node 3's output is N×16×8×8.
    private static readonly Shape Output = Shape.Of(Dim.Symbol("N"), 16, 8, 8);

    private static Shape? OutputOf(int id) => id == 3 ? Output : null;

    private static IReadOnlyList<NoteSpec> Verify(params string[] guards) =>
        ShapeGuards.Verify(guards.Select(g => new NoteSpec("NVG0102", NoteSeverity.Warning, "Condition 'c' is not known at compile time; assumed true", null, g)),
            OutputOf, r => r.Resolve(OutputOf)).ToList();

    private static string Size(int axis) => DimRef.Of(3, axis).ToString();

    [Fact]
    public void A_guard_that_holds_as_assumed_drops_its_note()
    {
        var guard = ShapeGuards.And(ShapeGuards.Compare("eq", ShapeGuards.Rank(3), "4"), ShapeGuards.Compare("eq", Size(1), "16"));
        Assert.Empty(Verify(ShapeGuards.OnNote(guard, assumed: true, otherThrows: true)));
        // The same symbolic size on both sides is equal; and(false, unknown) is false, or(true, unknown) true.
        Assert.Empty(Verify(ShapeGuards.OnNote(ShapeGuards.Compare("eq", Size(0), Size(0)), true, false)));
        Assert.Empty(Verify(ShapeGuards.OnNote(ShapeGuards.And(ShapeGuards.Compare("lt", Size(2), "4"), ShapeGuards.UnknownPart), false, false)));
        Assert.Empty(Verify(ShapeGuards.OnNote(ShapeGuards.Or(ShapeGuards.UnknownPart, ShapeGuards.Not(ShapeGuards.Compare("ne", Size(3), "8"))), true, false)));
    }

    [Fact]
    public void A_guard_known_to_fail_says_so_and_an_undecided_one_keeps_the_note()
    {
        var failed = Assert.Single(Verify(ShapeGuards.OnNote(ShapeGuards.Compare("eq", Size(1), "32"), true, true)));
        Assert.Equal("Condition 'c' is false for the traced shapes: forward throws here", failed.Message);
        Assert.Null(failed.Guard);
        var other = Assert.Single(Verify(ShapeGuards.OnNote(ShapeGuards.Compare("gt", ShapeGuards.Rank(3), "4"), true, false)));
        Assert.Equal("Condition 'c' is false for the traced shapes, but the diagram follows the branch for true", other.Message);
        // N against a number, a node without a shape, an unknown part alone: undecided.
        foreach (var undecided in new[] { ShapeGuards.Compare("eq", Size(0), "1"), ShapeGuards.Compare("eq", ShapeGuards.Rank(9), "4"), ShapeGuards.UnknownPart })
        {
            var kept = Assert.Single(Verify(ShapeGuards.OnNote(undecided, true, false)));
            Assert.Equal("Condition 'c' is not known at compile time; assumed true", kept.Message);
            Assert.Null(kept.Guard);
        }
    }

    [Fact]
    public void A_part_known_while_tracing_combines_with_a_traced_one()
    {
        // useRnn && x.dim() == 4 with the flag true: the rank decides; with it false, and() is false whatever the rank.
        var rank = ShapeGuards.Compare("eq", ShapeGuards.Rank(3), "4");
        Assert.True(ShapeGuards.Decide(ShapeGuards.And(ShapeGuards.Known(true), rank), OutputOf, r => r.Resolve(OutputOf)));
        Assert.False(ShapeGuards.Decide(ShapeGuards.And(ShapeGuards.Known(false), ShapeGuards.Compare("eq", ShapeGuards.Rank(9), "4")), OutputOf, r => r.Resolve(OutputOf)));
        Assert.True(ShapeGuards.Decide(ShapeGuards.Or(ShapeGuards.Not(ShapeGuards.Known(true)), rank), OutputOf, r => r.Resolve(OutputOf)));
        Assert.Empty(Verify(ShapeGuards.OnNote(ShapeGuards.And(ShapeGuards.Known(true), rank), true, false)));
    }

    [Fact]
    public void Every_occurrence_must_hold_and_a_malformed_guard_keeps_the_note()
    {
        var holds = ShapeGuards.OnNote(ShapeGuards.Compare("eq", Size(1), "16"), true, true);
        var fails = ShapeGuards.OnNote(ShapeGuards.Compare("eq", Size(1), "8"), true, true);
        Assert.Empty(Verify(holds + ShapeGuards.Separator + holds));
        Assert.Contains("forward throws here", Assert.Single(Verify(holds + ShapeGuards.Separator + fails)).Message);
        foreach (var malformed in new[] { "1|1|eq(16", "1|1|zz(1,2)", "1|1|eq(1,2))", "garbage" })
            Assert.Null(Assert.Single(Verify(malformed)).Guard);
    }
}
