using NetVizGen.Model.Shapes;
using static NetVizGen.Model.Catalog.Decl;

namespace NetVizGen.Model.Catalog.Layers;

/// <summary>Element-wise activations, softmax family and dropout (shape-preserving layers).</summary>
internal static class ActivationLayers
{
    public static IEnumerable<LayerDef> All()
    {
        yield return Act("ReLU", Bool("inplace", false));
        yield return Act("ReLU6", Bool("inplace", false));
        yield return Act("LeakyReLU", Float("negative_slope", 0.01), Bool("inplace", false));
        yield return Act("RReLU", Float("lower", 0.125), Float("upper", 1.0 / 3.0), Bool("inplace", false));
        yield return Act("ELU", Float("alpha", 1), Bool("inplace", false));
        yield return Act("CELU", Float("alpha", 1), Bool("inplace", false));
        yield return Act("SELU", Bool("inplace", false));
        yield return Act("GELU");
        yield return Act("SiLU");
        yield return Act("Mish");
        yield return Act("Hardswish", Bool("inplace", false));
        yield return Act("Hardsigmoid", Bool("inplace", false));
        yield return Act("Hardtanh", Float("min_val", -1), Float("max_val", 1), Bool("inplace", false));
        yield return Act("Hardshrink", Float("lambda", 0.5));
        yield return Act("Softshrink", Float("lambda", 0.5));
        yield return Act("Sigmoid");
        yield return Act("LogSigmoid");
        yield return Act("Tanh", Bool("inplace", false));
        yield return Act("Tanhshrink", Bool("inplace", false));
        yield return Act("Softplus", Float("beta", 1), Float("threshold", 20));
        yield return Act("Softsign");
        yield return Act("Threshold", Req("threshold"), Req("value"), Bool("inplace", false));
        yield return Act("Softmax2d");
        yield return WithDim("Softmax");
        yield return WithDim("LogSoftmax");
        yield return WithDim("Softmin");
        yield return new LayerDef("PReLU", LayerCategory.Activation, List(Req("num_parameters"), Float("init", 0.25)), new LayerRules
        {
            Params = a => a.Long("num_parameters") is long n ? new ParamCount(n, 0) : null,
        });
        yield return new LayerDef("GLU", LayerCategory.Activation, List(Int("dim", -1)), new LayerRules
        {
            Shape = (a, inputs) =>
            {
                var x = inputs[0];
                if (a.Long("dim") is not long dim) return ShapeResult.Unknown("GLU dim is not known at compile time");
                if (x.NormalizeAxis(dim) is not int d) return ShapeResult.Fail(Ops.ShapeOps.Axis("GLU", x, dim));
                if (x[d].Value is long v && v % 2 != 0) return ShapeResult.Fail(Rules.Invalid("GLU halves dim " + Rules.Str(dim) + " but its size " + Rules.Str(v) + " is odd", "dim"));
                return ShapeResult.Ok(x.With(d, x[d].FloorDiv(2)));
            },
        });
        yield return new LayerDef("ChannelShuffle", LayerCategory.Other, List(Req("groups")), new LayerRules { LabelArgs = new[] { "groups" }, Label = a => "g" + Fmt.N(a.Long("groups")) });

        foreach (var name in new[] { "Dropout", "Dropout1d", "Dropout2d", "Dropout3d", "AlphaDropout" })
            yield return Dropout(name, Float("p", 0.5), Bool("inplace", false));
        yield return Dropout("FeatureAlphaDropout", Float("p", 0.5));
    }

    private static LayerDef Act(string name, params LayerParam[] parameters)
        => new(name, LayerCategory.Activation, parameters, new LayerRules());

    private static LayerDef WithDim(string name) => new(name, LayerCategory.Activation, List(Req("dim")), new LayerRules
    {
        LabelArgs = new[] { "dim" },
        Label = a => "dim=" + a.Show("dim"),
    });

    private static LayerDef Dropout(string name, params LayerParam[] parameters) => new(name, LayerCategory.Dropout, parameters, new LayerRules
    {
        LabelArgs = new[] { "p" },
        Label = a => "p=" + a.Show("p"),
    });
}
