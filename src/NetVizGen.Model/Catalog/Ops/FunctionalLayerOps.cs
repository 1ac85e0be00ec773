using NetVizGen.Model.Catalog.Layers;
using NetVizGen.Model.Specs;
using static NetVizGen.Model.Catalog.Decl;

namespace NetVizGen.Model.Catalog.Ops;

/// <summary>Functional forms of pooling, padding and resizing, delegating to the layer rules.</summary>
internal static class FunctionalLayerOps
{
    public static IEnumerable<OpDef> All()
    {
        for (int n = 1; n <= 3; n++)
        {
            string d = Rules.Str(n) + "d";
            yield return Layer("max_pool" + d, "MaxPool" + d);
            yield return Layer("avg_pool" + d, "AvgPool" + d);
            yield return Layer("adaptive_avg_pool" + d, "AdaptiveAvgPool" + d);
            yield return Layer("adaptive_max_pool" + d, "AdaptiveMaxPool" + d);
            yield return Convolution("conv" + d, "Conv" + d, transposed: false);
            yield return Convolution("conv_transpose" + d, "ConvTranspose" + d, transposed: true);
        }
        yield return Layer("pixel_shuffle", "PixelShuffle");
        yield return Layer("pixel_unshuffle", "PixelUnshuffle");
        foreach (var name in new[] { "interpolate", "upsample", "upsample_nearest", "upsample_bilinear" })
            yield return new OpDef(name, LayerCategory.Upsample, (a, x) => x.Count == 0 ? ShapeResult.Unknown(name + " has no input")
                : ReshapeLayers.Resize(name, a, x[0], "size", "scale_factor"), null, List(Null("size"), Null("scale_factor")));
        yield return new OpDef("pad", LayerCategory.Padding, (a, x) => x.Count == 0 ? ShapeResult.Unknown("pad has no input")
            : ReshapeLayers.Padded("pad", x[0], a.List("pad")), a => a.Show("pad"));
    }

    /// <summary>An op that behaves as the layer <paramref name="layer"/> (functional names <c>strides</c> and <c>kernelSize</c> are mapped).</summary>
    private static OpDef Layer(string name, string layer)
    {
        LayerCatalog.TryGet(layer, out var def);
        var category = def.Category;
        return new OpDef(name, category,
            (a, x) => x.Count == 0 ? ShapeResult.Unknown(name + " has no input") : def.InferShape(Rename(a, def), x),
            a => { var s = def.Summary(Rename(a, def)); return s.Length > layer.Length ? s.Substring(layer.Length + 1) : null; });
    }

    /// <summary>
    /// <c>functional.conv1d(x, weight, bias, stride, padding, dilation, groups)</c> and the transposed form (a hand-made
    /// weight norm's convolutions): the layer's rule, with the channels and kernel read from the weight's shape
    /// (out × in/groups × k for a convolution, in × out/groups × k transposed).
    /// </summary>
    private static OpDef Convolution(string name, string layer, bool transposed)
    {
        LayerCatalog.TryGet(layer, out var def);
        return new OpDef(name, def.Category, (a, x) =>
        {
            if (x.Count < 2) return ShapeResult.Unknown(name + " needs its input and its weight");
            var w = x[1];
            long groups = a.Long("groups") ?? 1;
            if (w.Rank < 3 || w[0].Value is not long first || w[1].Value is not long second || groups < 1)
                return ShapeResult.Unknown(name + " weight shape is not known");
            var kernel = new List<ArgValue>();
            for (int i = 2; i < w.Rank; i++)
            {
                if (w[i].Value is not long k) return ShapeResult.Unknown(name + " kernel size is not known");
                kernel.Add(ArgValue.FromInt(k));
            }
            var args = new List<ArgSpec>
            {
                new("in_channels", ArgValue.FromInt(transposed ? first : second * groups)),
                new("out_channels", ArgValue.FromInt(transposed ? second * groups : first)),
                new("kernel_size", ArgValue.FromTuple(kernel)),
            };
            foreach (var p in new[] { "stride", "padding", "dilation", "groups", "output_padding" })
                if (a.Get(p) is { Kind: not ArgKind.Null } v) args.Add(new ArgSpec(p, v));
            return def.InferShape(args, new[] { x[0] });
        });
    }

    private static IReadOnlyList<ArgSpec> Rename(LayerArgs a, LayerDef def)
    {
        var list = new List<ArgSpec>();
        foreach (var p in def.Parameters)
        {
            var v = a.Get(p.Name) ?? (p.Name == "stride" ? a.Get("strides") : p.Name == "kernel_size" ? a.Get("kernelSize") : null);
            if (v is not null) list.Add(new ArgSpec(p.Name, v));
        }
        return list;
    }
}
