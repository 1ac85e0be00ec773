using NetVizGen.Model.Shapes;
using static NetVizGen.Model.Catalog.Decl;

namespace NetVizGen.Model.Catalog.Layers;

/// <summary>Conv1d/2d/3d and ConvTranspose1d/2d/3d.</summary>
internal static class ConvLayers
{
    public static IEnumerable<LayerDef> All()
    {
        for (int n = 1; n <= 3; n++) yield return Conv(n, transposed: false);
        for (int n = 1; n <= 3; n++) yield return Conv(n, transposed: true);
    }

    private static LayerDef Conv(int n, bool transposed)
    {
        string name = (transposed ? "ConvTranspose" : "Conv") + Rules.Str(n) + "d";
        var parameters = transposed
            ? List(Req("in_channels"), Req("out_channels"), Req("kernel_size"), Int("stride", 1), Int("padding", 0),
                Int("output_padding", 0), Int("dilation", 1), Sym("padding_mode", "PaddingModes.Zeros"), Int("groups", 1), Bool("bias", true))
            : List(Req("in_channels"), Req("out_channels"), Req("kernel_size"), Int("stride", 1), Int("padding", 0),
                Int("dilation", 1), Sym("padding_mode", "PaddingModes.Zeros"), Int("groups", 1), Bool("bias", true));
        var ones = Enumerable.Repeat(1L, n).ToArray();
        var zeros = new long[n];
        return new LayerDef(name, LayerCategory.Conv, parameters, new LayerRules
        {
            LabelArgs = new[] { "in_channels", "out_channels", "kernel_size", "stride", "dilation", "groups" },
            Label = a =>
            {
                var s = a.Ints("stride", n, ones);
                var d = a.Ints("dilation", n, ones);
                long? g = a.Long("groups");
                return Fmt.Join(
                    Fmt.Size(a.Ints("kernel_size", n)),
                    s is not null && s.All(x => x == 1) ? null : "s" + Fmt.Compact(s),
                    d is not null && d.All(x => x == 1) ? null : "d" + Fmt.Compact(d),
                    g == 1 ? null : "g" + Fmt.N(g))
                    + Fmt.Dot + Fmt.InOut(a.Long("in_channels"), a.Long("out_channels"));
            },
            Params = a =>
            {
                long? cin = a.Long("in_channels"), cout = a.Long("out_channels"), g = a.Long("groups");
                var k = a.Ints("kernel_size", n);
                bool? bias = a.Bool("bias");
                if (cin is null || cout is null || g is null || g <= 0 || k is null || bias is null) return null;
                long weight = (transposed ? cin.Value * (cout.Value / g.Value) : cout.Value * (cin.Value / g.Value)) * Rules.Prod(k);
                return new ParamCount(weight + (bias.Value ? cout.Value : 0), 0);
            },
            Shape = (a, inputs) => InferShape(name, n, transposed, a, inputs[0], ones, zeros),
            Macs = (a, inputs, output) =>
            {
                long? cin = a.Long("in_channels"), cout = a.Long("out_channels"), g = a.Long("groups");
                var k = a.Ints("kernel_size", n);
                if (cin is null || cout is null || g is null || g <= 0 || k is null) return null;
                if (transposed)
                {
                    // Each input element scatters into k taps of cout/groups channels.
                    var perIn = inputs.Count > 0 ? Rules.PerSample(inputs[0]) : null;
                    return perIn is long e ? e * (cout.Value / g.Value) * Rules.Prod(k) : null;
                }
                return Rules.PerSample(output) is long o ? o * (cin.Value / g.Value) * Rules.Prod(k) : null;
            },
        });
    }

    private static ShapeResult InferShape(string name, int n, bool transposed, LayerArgs a, Shape x, long[] ones, long[] zeros)
    {
        if (Rules.SpatialRank(name, x, n) is { } rankError) return ShapeResult.Fail(rankError);
        long? cin = a.Long("in_channels"), cout = a.Long("out_channels");
        var k = a.Ints("kernel_size", n);
        var s = a.Ints("stride", n, ones);
        var d = a.Ints("dilation", n, ones);
        var op = transposed ? a.Ints("output_padding", n, zeros) : zeros;
        var paddingMode = a.Symbol("padding");
        bool same = paddingMode == "Padding.Same";
        var p = paddingMode == "Padding.Valid" || same ? zeros : a.Ints("padding", n, zeros);
        if (cout is null || k is null || s is null || d is null || op is null || p is null)
            return ShapeResult.Unknown(name + " has an argument that is not known at compile time");
        if (s.Any(v => v <= 0)) return ShapeResult.Fail(Rules.Invalid(name + " stride must be positive", "stride"));

        int c = x.Rank - n - 1;
        var outDims = x.Dims.ToArray();
        outDims[c] = cout.Value;
        for (int i = 0; i < n; i++)
        {
            var size = x[c + 1 + i];
            outDims[c + 1 + i] = transposed ? Rules.TransposedOut(size, k[i], s[i], p[i], op[i], d[i])
                : same ? size
                : Rules.SlidingOut(size, k[i], s[i], p[i], d[i]);
        }
        var result = Shape.Of(outDims);
        if (Rules.Differs(x[c], cin))
            return ShapeResult.Fail(Rules.Mismatch(ShapeErrorKind.ChannelMismatch, name, "in_channels", cin!.Value, x[c], c), result);
        return Rules.Checked(name, result);
    }
}
