using NetVizGen.Model.Shapes;
using static NetVizGen.Model.Catalog.Decl;

namespace NetVizGen.Model.Catalog.Layers;

/// <summary>Max/Avg/LP pooling and adaptive pooling.</summary>
internal static class PoolLayers
{
    public static IEnumerable<LayerDef> All()
    {
        for (int n = 1; n <= 3; n++)
            yield return Sliding("MaxPool" + Rules.Str(n) + "d", n, List(Req("kernel_size"), Null("stride"), Null("padding"), Null("dilation"), Bool("ceil_mode", false)));
        yield return Sliding("AvgPool1d", 1, List(Req("kernel_size"), Null("stride"), Int("padding", 0), Bool("ceil_mode", false), Bool("count_include_pad", true)));
        for (int n = 2; n <= 3; n++)
            yield return Sliding("AvgPool" + Rules.Str(n) + "d", n, List(Req("kernel_size"), Null("stride"), Null("padding"), Bool("ceil_mode", false),
                Bool("count_include_pad", true), Null("divisor_override")));
        yield return Sliding("LPPool1d", 1, List(Req("norm_type"), Req("kernel_size"), Null("stride"), Bool("ceil_mode", false)));
        yield return Sliding("LPPool2d", 2, List(Req("norm_type"), Req("kernel_size"), Null("stride"), Bool("ceil_mode", false)));
        for (int n = 1; n <= 3; n++)
        {
            yield return Adaptive("AdaptiveAvgPool" + Rules.Str(n) + "d", n);
            yield return Adaptive("AdaptiveMaxPool" + Rules.Str(n) + "d", n);
        }
    }

    private static LayerDef Sliding(string name, int n, LayerParam[] parameters)
    {
        var ones = Enumerable.Repeat(1L, n).ToArray();
        var zeros = new long[n];
        return new LayerDef(name, LayerCategory.Pool, parameters, new LayerRules
        {
            LabelArgs = new[] { "kernel_size", "stride" },
            Label = a =>
            {
                var k = a.Ints("kernel_size", n);
                var s = a.Ints("stride", n, k);
                return Fmt.Join(Fmt.Size(k), s is not null && k is not null && s.SequenceEqual(k) ? "s" + Fmt.Compact(s)
                    : s is not null && s.All(v => v == 1) ? null : "s" + Fmt.Compact(s));
            },
            Shape = (a, inputs) =>
            {
                var x = inputs[0];
                if (Rules.SpatialRank(name, x, n) is { } rankError) return ShapeResult.Fail(rankError);
                var k = a.Ints("kernel_size", n);
                var s = a.Ints("stride", n, k);
                // AvgPool has no dilation and LPPool no padding: those default to 1 and 0.
                var p = Declares(parameters, "padding") ? a.Ints("padding", n, zeros) : zeros;
                var d = Declares(parameters, "dilation") ? a.Ints("dilation", n, ones) : ones;
                bool? ceil = a.Bool("ceil_mode");
                if (k is null || s is null || p is null || d is null || ceil is null)
                    return ShapeResult.Unknown(name + " has an argument that is not known at compile time");
                if (s.Any(v => v <= 0)) return ShapeResult.Fail(Rules.Invalid(name + " stride must be positive", "stride"));
                var dims = x.Dims.ToArray();
                int first = x.Rank - n;
                for (int i = 0; i < n; i++) dims[first + i] = Rules.SlidingOut(x[first + i], k[i], s[i], p[i], d[i], ceil.Value);
                return Rules.Checked(name, Shape.Of(dims));
            },
        });
    }

    private static bool Declares(LayerParam[] parameters, string name) => parameters.Any(x => x.Name == name);

    private static LayerDef Adaptive(string name, int n) =>
        new(name, LayerCategory.Pool, List(Req("output_size")), new LayerRules
        {
            LabelArgs = new[] { "output_size" },
            Label = a => Fmt.Size(a.Ints("output_size", n)),
            Shape = (a, inputs) =>
            {
                var x = inputs[0];
                if (Rules.SpatialRank(name, x, n) is { } rankError) return ShapeResult.Fail(rankError);
                var o = a.Ints("output_size", n);
                if (o is null) return ShapeResult.Unknown(name + " output_size is not known at compile time");
                var dims = x.Dims.ToArray();
                for (int i = 0; i < n; i++) dims[x.Rank - n + i] = o[i];
                return Rules.Checked(name, Shape.Of(dims));
            },
        });
}
