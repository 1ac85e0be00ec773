using NetVizGen.Model.Shapes;
using static NetVizGen.Model.Catalog.Decl;

namespace NetVizGen.Model.Catalog.Layers;

/// <summary>
/// MultiheadAttention and the Transformer family (sequence-first layout (S, N, E), as TorchSharp 0.107.0 has
/// no batch_first). MultiheadAttention outputs: 0 = attention output, 1 = attention weights (N, L, S).
/// </summary>
internal static class AttentionLayers
{
    public static IEnumerable<LayerDef> All()
    {
        yield return new LayerDef("MultiheadAttention", LayerCategory.Attention,
            List(Req("embedded_dim"), Req("num_heads"), Float("dropout", 0), Bool("bias", true), Bool("add_bias_kv", false),
                Bool("add_zero_attn", false), Null("kdim"), Null("vdim")), new LayerRules
            {
                LabelArgs = new[] { "embedded_dim", "num_heads" },
                Label = a => Fmt.N(a.Long("embedded_dim")) + Fmt.Dot + Fmt.N(a.Long("num_heads")) + " heads",
                Params = a =>
                {
                    if (a.Long("embedded_dim") is not long e || a.Bool("bias") is not bool bias || a.Bool("add_bias_kv") is not bool kv) return null;
                    long? k = a.IsNull("kdim") ? e : a.Long("kdim"), v = a.IsNull("vdim") ? e : a.Long("vdim");
                    if (k is null || v is null) return null;
                    long inProj = e * e + e * k.Value + e * v.Value + (bias ? 3 * e : 0);
                    long outProj = e * e + (bias ? e : 0);
                    return new ParamCount(inProj + outProj + (kv ? 2 * e : 0), 0);
                },
                Shape = (a, inputs) =>
                {
                    var q = inputs[0];
                    if (q.Rank != 3 && q.Rank != 2) return ShapeResult.Fail(new ShapeError(ShapeErrorKind.RankMismatch, "MultiheadAttention expects (L, N, E) or (L, E), got " + q));
                    if (a.Long("embedded_dim") is not long e) return ShapeResult.Unknown("MultiheadAttention embedded_dim is not known");
                    if (a.Long("num_heads") is long h && (h <= 0 || e % h != 0))
                        return ShapeResult.Fail(Rules.Invalid("MultiheadAttention embedded_dim " + Rules.Str(e) + " is not divisible by num_heads " + Rules.Str(h), "num_heads"));
                    var key = inputs.Count > 1 ? inputs[1] : q;
                    var weights = q.Rank == 3 ? Shape.Of(q[1], q[0], key[0]) : Shape.Of(q[0], key[0]);
                    if (Rules.Differs(q[-1], e))
                        return ShapeResult.Fail(Rules.Mismatch(ShapeErrorKind.FeatureMismatch, "MultiheadAttention", "embedded_dim", e, q[-1], q.Rank - 1), q, weights);
                    return ShapeResult.Ok(q, weights);
                },
            });

        var model = List(Int("d_model", 512), Int("nhead", 8), Int("dim_feedforward", 2048), Float("dropout", 0.1), Sym("activation", "Activations.ReLU"));
        yield return Block("TransformerEncoderLayer", model, a => Layer(a, decoder: false));
        yield return Block("TransformerDecoderLayer", model, a => Layer(a, decoder: true));
        // TorchSharp's stacks wrap a native module: no children at run time, num_layers clones of the
        // layer argument, whose arguments the extractor flattens as "encoder_layer.d_model", ...
        yield return Block("TransformerEncoder", List(Req("encoder_layer"), Req("num_layers")), a => Stack(a, "encoder_layer", model, decoder: false), "num_layers");
        yield return Block("TransformerDecoder", List(Req("decoder_layer"), Req("num_layers")), a => Stack(a, "decoder_layer", model, decoder: true), "num_layers");
        yield return Block("Transformer", List(Int("d_model", 512), Int("nhead", 8), Int("num_encoder_layers", 6), Int("num_decoder_layers", 6),
            Int("dim_feedforward", 2048), Float("dropout", 0.1), Sym("activation", "Activations.ReLU")), a =>
            {
                if (a.Long("d_model") is not long d || a.Long("num_encoder_layers") is not long ne || a.Long("num_decoder_layers") is not long nd) return null;
                var enc = Layer(a, decoder: false);
                var dec = Layer(a, decoder: true);
                if (enc is null || dec is null) return null;
                return enc * ne + dec * nd + new ParamCount(4 * d, 0); // + final encoder and decoder LayerNorms
            });
    }

    private static ParamCount? Stack(LayerArgs a, string layerArg, LayerParam[] model, bool decoder)
    {
        var expected = decoder ? "TransformerDecoderLayer" : "TransformerEncoderLayer";
        if (a.Symbol(layerArg) != expected || a.Long("num_layers") is not long n) return null;
        return Layer(a.Nested(layerArg, model), decoder) is { } one ? one * n : null;
    }

    /// <summary>One encoder (self-attention + FFN + 2 norms) or decoder (+ cross-attention + 1 norm) layer.</summary>
    private static ParamCount? Layer(LayerArgs a, bool decoder)
    {
        if (a.Long("d_model") is not long d || a.Long("dim_feedforward") is not long ff) return null;
        long attention = 4 * d * d + 4 * d;
        long ffn = d * ff + ff + ff * d + d;
        long norm = 2 * d;
        return decoder ? new ParamCount(2 * attention + ffn + 3 * norm, 0) : new ParamCount(attention + ffn + 2 * norm, 0);
    }

    private static LayerDef Block(string name, LayerParam[] parameters, Func<LayerArgs, ParamCount?> count, string? repeat = null)
        => new(name, LayerCategory.Attention, parameters, new LayerRules
        {
            LabelArgs = repeat is null ? new[] { "d_model", "nhead" } : new[] { repeat },
            Label = a => repeat is null ? "d" + a.Show("d_model") + Fmt.Dot + a.Show("nhead") + " heads" : Fmt.Times + a.Show(repeat),
            Params = count,
            Shape = (a, inputs) =>
            {
                // Output follows the target (decoder) or the source (encoder) sequence; features stay d_model.
                var x = name is "Transformer" or "TransformerDecoder" or "TransformerDecoderLayer" && inputs.Count > 1 ? inputs[1] : inputs[0];
                if (x.Rank != 3 && x.Rank != 2) return ShapeResult.Fail(new ShapeError(ShapeErrorKind.RankMismatch, name + " expects (S, N, E) or (S, E), got " + x));
                if (repeat is null && Rules.Differs(x[-1], a.Long("d_model")))
                    return ShapeResult.Fail(Rules.Mismatch(ShapeErrorKind.FeatureMismatch, name, "d_model", a.Long("d_model")!.Value, x[-1], x.Rank - 1), x);
                return ShapeResult.Ok(x);
            },
        });
}
