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
