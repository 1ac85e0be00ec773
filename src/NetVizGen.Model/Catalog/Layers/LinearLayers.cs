using NetVizGen.Model.Shapes;
using static NetVizGen.Model.Catalog.Decl;

namespace NetVizGen.Model.Catalog.Layers;

/// <summary>Linear, Bilinear, Identity.</summary>
internal static class LinearLayers
{
    public static IEnumerable<LayerDef> All()
    {
        yield return new LayerDef("Linear", LayerCategory.Linear, List(Req("inputSize"), Req("outputSize"), Bool("hasBias", true)), new LayerRules
        {
            LabelArgs = new[] { "inputSize", "outputSize" },
            Label = a => Fmt.InOut(a.Long("inputSize"), a.Long("outputSize")),
            Params = a => a.Long("inputSize") is long i && a.Long("outputSize") is long o && a.Bool("hasBias") is bool b
                ? new ParamCount(i * o + (b ? o : 0), 0) : null,
            Shape = (a, inputs) => Features("Linear", a, inputs[0], "inputSize", "outputSize"),
            Macs = (a, inputs, output) => a.Long("inputSize") is long i && Rules.PerSample(output) is long o ? o * i : null,
        });
        yield return new LayerDef("Bilinear", LayerCategory.Linear,
            List(Req("in1_features"), Req("in2_features"), Req("out_features"), Bool("hasBias", true)), new LayerRules
            {
                LabelArgs = new[] { "in1_features", "in2_features", "out_features" },
                Label = a => "(" + Fmt.N(a.Long("in1_features")) + ", " + Fmt.N(a.Long("in2_features")) + ")" + Fmt.Arrow + Fmt.N(a.Long("out_features")),
                Params = a => a.Long("in1_features") is long i1 && a.Long("in2_features") is long i2 && a.Long("out_features") is long o && a.Bool("hasBias") is bool b
                    ? new ParamCount(i1 * i2 * o + (b ? o : 0), 0) : null,
                Shape = (a, inputs) =>
                {
                    var first = Features("Bilinear", a, inputs[0], "in1_features", "out_features");
                    if (first.Status != ShapeStatus.Ok || inputs.Count < 2) return first;
                    var second = inputs[1];
                    if (second.Rank == 0) return ShapeResult.Fail(new ShapeError(ShapeErrorKind.RankMismatch, "Bilinear input 2 is a scalar", InputIndex: 1));
                    if (Rules.Differs(second[-1], a.Long("in2_features")))
                        return ShapeResult.Fail(Rules.Mismatch(ShapeErrorKind.FeatureMismatch, "Bilinear", "in2_features", a.Long("in2_features")!.Value,
                            second[-1], second.Rank - 1, 1), first.Outputs.ToArray());
                    return first;
                },
                Macs = (a, inputs, output) => a.Long("in1_features") is long i1 && a.Long("in2_features") is long i2 && Rules.PerSample(output) is long o
                    ? o * i1 * i2 : null,
            });
        yield return new LayerDef("Identity", LayerCategory.Other, List(), new LayerRules());
    }

    /// <summary>(*, in) → (*, out), with a feature check on the last dim.</summary>
    internal static ShapeResult Features(string layer, LayerArgs a, Shape x, string inArg, string outArg)
    {
        if (x.Rank == 0) return ShapeResult.Fail(new ShapeError(ShapeErrorKind.RankMismatch, layer + " input is a scalar"));
        long? inF = a.Long(inArg), outF = a.Long(outArg);
        if (outF is null) return ShapeResult.Unknown(layer + " " + outArg + " is not known at compile time");
        var result = x.With(x.Rank - 1, outF.Value);
        if (Rules.Differs(x[-1], inF))
            return ShapeResult.Fail(Rules.Mismatch(ShapeErrorKind.FeatureMismatch, layer, inArg, inF!.Value, x[-1], x.Rank - 1), result);
        return Rules.Checked(layer, result);
    }
}
