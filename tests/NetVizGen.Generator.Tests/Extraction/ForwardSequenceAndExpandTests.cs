using NetVizGen.Generator.Tests.TestSupport;

namespace NetVizGen.Generator.Tests.Extraction;

/// <summary>
/// Packed sequences through an RNN (Tacotron2's encoder), the LLaMA ports' RepeatKV expand, and the warning
/// for a layer whose input the reader lost: the flow stays connected, or the page says where it breaks.
/// </summary>
public class ForwardSequenceAndExpandTests
{
    private static string Encoder(string lstmBatchFirst, string packBatchFirst, string padBatchFirst) => GeneratorHarness.Usings + $$"""
        [Diagram(Input = "x=N,512,16; lengths=N")]
        public sealed class Encoder : Module<Tensor, Tensor, Tensor>
        {
            private readonly Module<Tensor, Tensor> conv = Conv1d(512, 512, 5, padding: 2);
            private readonly LSTM lstm = LSTM(512, 256, 1, batchFirst: {{lstmBatchFirst}}, bidirectional: true);
            public Encoder() : base("Encoder") { RegisterComponents(); }
            public override Tensor forward(Tensor x, Tensor lengths)
            {
                x = conv.call(x).transpose(1, 2);
                var packed = nn.utils.rnn.pack_padded_sequence(x, lengths.cpu(), batch_first: {{packBatchFirst}});
                var (outputs, _, _) = lstm.call(packed);
                var (padded, _) = nn.utils.rnn.pad_packed_sequence(outputs, batch_first: {{padBatchFirst}});
                return padded;
            }
        }
        """;

    [Fact]
    public void A_packed_sequence_flows_through_the_rnn_and_back_to_a_padded_tensor()
    {
        var result = GeneratorHarness.Run(Encoder("true", "true", "true"));
        var flow = Assert.Single(result.Models).Flow;
        var lstm = Assert.Single(flow.Nodes, n => n.ModulePath == "lstm");
        var pack = Assert.Single(flow.Nodes, n => n.Name == "pack_padded_sequence");
        Assert.Contains(pack.Id, lstm.Inputs);
        Assert.Equal("N×16×512", pack.Shape);
        var pad = Assert.Single(flow.Nodes, n => n.Name == "pad_packed_sequence");
        Assert.Equal("(N×16×512, 2×N×256, 2×N×256)", lstm.Shape);
        Assert.Contains(flow.Nodes, n => n.Shape == "N×16×512" && n.Inputs.Contains(pad.Id));
        Assert.DoesNotContain(result.Diagnostics, d => d.Id.StartsWith("NVG", StringComparison.Ordinal) && d.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning);
    }

    [Fact]
    public void Padding_to_the_other_layout_swaps_batch_and_time_and_a_layer_of_another_layout_is_a_warning()
    {
        var swapped = GeneratorHarness.Run(Encoder("true", "true", "false"));
        var flow = Assert.Single(swapped.Models).Flow;
        var pad = Assert.Single(flow.Nodes, n => n.Name == "pad_packed_sequence");
        Assert.Contains(flow.Nodes, n => n.Shape == "16×N×512" && n.Inputs.Contains(pad.Id));

        var mismatch = GeneratorHarness.Run(Encoder("false", "true", "true"));
        var warning = Assert.Single(mismatch.Diagnostics, d => d.GetMessage().Contains("packed with batch_first=true but has batch_first=false", StringComparison.Ordinal));
        Assert.Equal("NVG0102", warning.Id);
    }

    [Fact]
    public void A_layer_whose_input_is_lost_says_so_at_the_call()
    {
        // An object the reader does not model (here a PackedSequence made by a helper it cannot see into)
        // used to leave the LSTM drawn with no input and no warning.
        var result = GeneratorHarness.Run(GeneratorHarness.Usings + """
            [Diagram(Input = "N,16,512")]
            public sealed class Lost : Module<Tensor, Tensor>
            {
                private readonly LSTM lstm = LSTM(512, 256, 1, batchFirst: true);
                public Lost() : base("Lost") { RegisterComponents(); }
                public override Tensor forward(Tensor x)
                {
                    var (y, _, _) = lstm.call(Opaque.Make(x));
                    return y;
                }
            }
            public static class Opaque { public static extern Tensor Make(Tensor x); }
            """);
        var warning = Assert.Single(result.Diagnostics, d => d.GetMessage().StartsWith("The input 'Opaque.Make(x)' of 'lstm' (LSTM) is not known", StringComparison.Ordinal));
        Assert.Contains("Opaque.Make(x)", warning.Location.SourceTree!.GetText().ToString(warning.Location.SourceSpan));
    }

    [Fact]
    public void RepeatKV_expands_traced_sizes_and_einsum_contracts_heads()
    {
        // The LLaMA ports' grouped-query attention: keys of 2 heads repeated to 8 with unsqueeze + expand of
        // sizes read from the tensor, then reshaped; scores by einsum.
        var result = GeneratorHarness.Run(GeneratorHarness.Usings + """
            [Diagram(Input = "N,T,2,16")]
            public sealed class Gqa : Module<Tensor, Tensor>
            {
                public Gqa() : base("Gqa") { RegisterComponents(); }
                public override Tensor forward(Tensor x)
                {
                    var b = x.shape[0];
                    var t = x.shape[1];
                    var kv = x.shape[2];
                    var d = x.shape[3];
                    var keys = x.unsqueeze(3).expand(b, t, kv, 4, d).reshape(b, t, kv * 4, d);
                    return torch.einsum("bqhd,bkhd->bhqk", keys, keys);
                }
            }
            """);
        var flow = Assert.Single(result.Models).Flow;
        Assert.Equal("N×T×2×4×16", Assert.Single(flow.Nodes, n => n.Name == "expand").Shape);
        Assert.Equal("N×T×8×16", Assert.Single(flow.Nodes, n => n.Name == "reshape").Shape);
        Assert.Equal("N×8×T×T", Assert.Single(flow.Nodes, n => n.Name == "einsum").Shape);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "NVG0207");
    }
}
