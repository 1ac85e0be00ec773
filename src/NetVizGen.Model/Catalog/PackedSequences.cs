namespace NetVizGen.Model.Catalog;

/// <summary>
/// Names shared by the extractor and the catalog for packed sequences (<c>nn.utils.rnn</c>); the shape rules
/// are in <c>Ops/SequenceOps</c>.
/// </summary>
public static class PackedSequences
{
    /// <summary><c>pack_padded_sequence(input, lengths, batch_first)</c>.</summary>
    public const string PackOpName = "pack_padded_sequence";

    /// <summary><c>pad_packed_sequence(sequence, batch_first, padding_value, total_length)</c>.</summary>
    public const string PadOpName = "pad_packed_sequence";

    /// <summary>The argument the extractor adds to pad_packed_sequence: the batch_first the sequence was packed with.</summary>
    public const string PackedBatchFirstArg = "packed_batch_first";
}
