using NetVizGen.Model.Shapes;
using static NetVizGen.Model.Catalog.Decl;

namespace NetVizGen.Model.Catalog.Ops;

/// <summary>
/// Packed sequences (<c>nn.utils.rnn</c>): the flow carries a packed sequence as its padded tensor in the
/// layout it was packed in (<c>batch_first</c>), which is the layout the RNN reading it is checked in; the
/// extractor records that layout on <c>pad_packed_sequence</c> (<see cref="PackedSequences.PackedBatchFirstArg"/>),
/// which turns it into the layout asked for.
/// </summary>
internal static class SequenceOps
{
    public static IEnumerable<OpDef> All()
    {
        yield return new OpDef(PackedSequences.PackOpName, LayerCategory.Reshape,
            (a, x) => x.Count == 0 ? ShapeResult.Unknown("pack_padded_sequence has no input") : ShapeResult.Ok(x[0]),
            a => a.Bool("batch_first") == true ? "batch_first" : null, List(Bool("batch_first", false)));
        // (padded, lengths). The padded length is the packed tensor's: what it is when the longest sequence
        // fills the batch, as a padded batch does; total_length sets it.
        yield return new OpDef(PackedSequences.PadOpName, LayerCategory.Reshape, (a, x) =>
        {
            if (x.Count == 0) return ShapeResult.Unknown("pad_packed_sequence has no input");
            if (a.Bool(PackedSequences.PackedBatchFirstArg) is not bool packed || a.Bool("batch_first") is not bool wanted)
                return ShapeResult.Unknown("the layout the sequence was packed in is not known");
            var s = x[0];
            if (s.Rank < 2) return ShapeResult.Fail(new ShapeError(ShapeErrorKind.RankMismatch, "a packed sequence holds at least 2 dims, got " + s));
            if (packed != wanted) s = ShapeOps.Transpose(PackedSequences.PadOpName, s, 0, 1).Output!;
            int time = wanted ? 1 : 0;
            if (!a.IsNull("total_length"))
            {
                if (a.Long("total_length") is not long total) return ShapeResult.Unknown("total_length is not known at compile time");
                s = s.With(time, total);
            }
            return ShapeResult.Ok(s, Shape.Of(s[wanted ? 0 : 1]));
        }, a => a.Bool("batch_first") == true ? "batch_first" : null, List(Bool("batch_first", false), Null("total_length")));
    }
}
