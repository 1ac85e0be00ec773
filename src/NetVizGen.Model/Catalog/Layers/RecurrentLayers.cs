using NetVizGen.Model.Shapes;
using static NetVizGen.Model.Catalog.Decl;

namespace NetVizGen.Model.Catalog.Layers;

/// <summary>
/// RNN, LSTM, GRU and their cells. Outputs are numbered flat: 0 = output, 1 = h_n, 2 = c_n (LSTM);
/// LSTMCell: 0 = h, 1 = c.
/// </summary>
internal static class RecurrentLayers
{
    public static IEnumerable<LayerDef> All()
    {
        yield return Rnn("RNN", 1, List(Req("inputSize"), Req("hiddenSize"), Int("numLayers", 1), Sym("nonLinearity", "NonLinearities.Tanh"),
            Bool("bias", true), Bool("batchFirst", false), Float("dropout", 0), Bool("bidirectional", false)));
        yield return Rnn("LSTM", 4, Stack());
        yield return Rnn("GRU", 3, Stack());
        yield return Cell("RNNCell", 1, List(Req("inputSize"), Req("hiddenSize"), Sym("nonLinearity", "NonLinearities.Tanh"), Bool("bias", true)));
        yield return Cell("LSTMCell", 4, List(Req("inputSize"), Req("hiddenSize"), Bool("bias", true)));
        yield return Cell("GRUCell", 3, List(Req("inputSize"), Req("hiddenSize"), Bool("bias", true)));
    }

    private static LayerParam[] Stack() => List(Req("inputSize"), Req("hiddenSize"), Int("numLayers", 1), Bool("bias", true),
        Bool("batchFirst", false), Float("dropout", 0), Bool("bidirectional", false));

    private static LayerDef Rnn(string name, int gates, LayerParam[] parameters) => new(name, LayerCategory.Recurrent, parameters, new LayerRules
    {
        LabelArgs = new[] { "inputSize", "hiddenSize", "numLayers", "bidirectional" },
        Label = a => Fmt.Join(Fmt.InOut(a.Long("inputSize"), a.Long("hiddenSize")),
            a.Long("numLayers") == 1 ? null : Fmt.Times + Fmt.N(a.Long("numLayers")),
            a.Bool("bidirectional") == true ? "bi" : null),
        Params = a =>
        {
            if (a.Long("inputSize") is not long i || a.Long("hiddenSize") is not long h || a.Long("numLayers") is not long layers
                || a.Bool("bias") is not bool bias || a.Bool("bidirectional") is not bool bi) return null;
            // Closed form, not a loop per layer: numLayers comes from user code (4e12 in a fuzz case hung
            // the build). Layer 0 reads the input, the others the previous layer's (dirs · h) outputs.
            // Checked arithmetic: an overflow becomes a saturated "at least" count in LayerDef.
            if (layers <= 0) return new ParamCount(0, 0);
            long dirs = bi ? 2 : 1, b = bias ? 2 * h : 0;
            long first = dirs * gates * (h * i + h * h + b);
            long rest = layers == 1 ? 0 : (layers - 1) * (dirs * gates * (h * h * dirs + h * h + b));
            return new ParamCount(first + rest, 0);
        },
        Shape = (a, inputs) =>
        {
            var x = inputs[0];
            if (x.Rank != 2 && x.Rank != 3) return ShapeResult.Fail(new ShapeError(ShapeErrorKind.RankMismatch, name + " expects (L, N, H_in), (N, L, H_in) or (L, H_in), got " + x));
            if (a.Long("hiddenSize") is not long h || a.Long("numLayers") is not long layers || a.Bool("bidirectional") is not bool bi
                || a.Bool("batchFirst") is not bool batchFirst)
                return ShapeResult.Unknown(name + " has an argument that is not known at compile time");
            long dirs = bi ? 2 : 1;
            var output = x.With(x.Rank - 1, dirs * h);
            var hidden = x.Rank == 3 ? Shape.Of(dirs * layers, x[batchFirst ? 0 : 1], h) : Shape.Of(dirs * layers, h);
            var outputs = gates == 4 ? new[] { output, hidden, hidden } : new[] { output, hidden };
            if (Rules.Differs(x[-1], a.Long("inputSize")))
                return ShapeResult.Fail(Rules.Mismatch(ShapeErrorKind.FeatureMismatch, name, "inputSize", a.Long("inputSize")!.Value, x[-1], x.Rank - 1), outputs);
            return ShapeResult.Ok(outputs);
        },
    });

    private static LayerDef Cell(string name, int gates, LayerParam[] parameters) => new(name, LayerCategory.Recurrent, parameters, new LayerRules
    {
        LabelArgs = new[] { "inputSize", "hiddenSize" },
        Label = a => Fmt.InOut(a.Long("inputSize"), a.Long("hiddenSize")),
        Params = a => a.Long("inputSize") is long i && a.Long("hiddenSize") is long h && a.Bool("bias") is bool bias
            ? new ParamCount(gates * (h * i + h * h + (bias ? 2 * h : 0)), 0) : null,
        Shape = (a, inputs) =>
        {
            var x = inputs[0];
            if (a.Long("hiddenSize") is not long h) return ShapeResult.Unknown(name + " hiddenSize is not known at compile time");
            if (x.Rank < 1) return ShapeResult.Fail(new ShapeError(ShapeErrorKind.RankMismatch, name + " input is a scalar"));
            var hOut = x.With(x.Rank - 1, h);
            var outputs = gates == 4 ? new[] { hOut, hOut } : new[] { hOut };
            if (Rules.Differs(x[-1], a.Long("inputSize")))
                return ShapeResult.Fail(Rules.Mismatch(ShapeErrorKind.FeatureMismatch, name, "inputSize", a.Long("inputSize")!.Value, x[-1], x.Rank - 1), outputs);
            return ShapeResult.Ok(outputs);
        },
    });
}
