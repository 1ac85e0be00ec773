using NetVizGen.Model.Catalog.Ops;
using NetVizGen.Model.Shapes;
using static NetVizGen.Model.Catalog.Decl;

namespace NetVizGen.Model.Catalog.Layers;

/// <summary>Flatten, Unflatten, padding layers, Upsample and pixel shuffles.</summary>
internal static class ReshapeLayers
{
    public static IEnumerable<LayerDef> All()
    {
        yield return new LayerDef("Flatten", LayerCategory.Reshape, List(Int("start_dim", 1), Int("end_dim", -1)), new LayerRules
        {
            Shape = (a, inputs) => ShapeOps.Flatten("Flatten", inputs[0], a.Long("start_dim"), a.Long("end_dim")),
        });
        yield return new LayerDef("Unflatten", LayerCategory.Reshape, List(Req("dim"), Req("unflattened_size")), new LayerRules
        {
            LabelArgs = new[] { "unflattened_size" },
            Label = a => Fmt.Size(a.List("unflattened_size")),
            Shape = (a, inputs) => ShapeOps.Unflatten("Unflatten", inputs[0], a.Long("dim"), a.List("unflattened_size")),
        });

        yield return Pad("ZeroPad2d", 2);
        for (int n = 1; n <= 3; n++)
        {
            yield return Pad("ReflectionPad" + Rules.Str(n) + "d", n);
            yield return Pad("ReplicationPad" + Rules.Str(n) + "d", n);
            yield return Pad("ConstantPad" + Rules.Str(n) + "d", n, Req("value"));
        }

        yield return new LayerDef("Upsample", LayerCategory.Upsample,
            List(Null("size"), Null("scale_factor"), Sym("mode", "UpsampleMode.Nearest"), Null("align_corners"), Null("recompute_scale_factor")), new LayerRules
            {
                LabelArgs = new[] { "size", "scale_factor", "mode" },
                Label = a => Fmt.Join(a.IsNull("size") ? Fmt.Times + a.Show("scale_factor").Trim('(', ')').Replace(", ", Fmt.Times) : Fmt.Arrow + Fmt.Size(a.List("size")),
                    (a.Symbol("mode") ?? "?").Replace("UpsampleMode.", "").ToLowerInvariant()),
                Shape = (a, inputs) => Resize("Upsample", a, inputs[0], "size", "scale_factor"),
            });
        yield return new LayerDef("PixelShuffle", LayerCategory.Upsample, List(Req("upscale_factor")), new LayerRules
        {
            LabelArgs = new[] { "upscale_factor" },
            Label = a => Fmt.Times + Fmt.N(a.Long("upscale_factor")),
            Shape = (a, inputs) => PixelShuffle("PixelShuffle", inputs[0], a.Long("upscale_factor"), up: true),
        });
        yield return new LayerDef("PixelUnshuffle", LayerCategory.Upsample, List(Req("downscale_factor")), new LayerRules
        {
            LabelArgs = new[] { "downscale_factor" },
            Label = a => "/" + Fmt.N(a.Long("downscale_factor")),
            Shape = (a, inputs) => PixelShuffle("PixelUnshuffle", inputs[0], a.Long("downscale_factor"), up: false),
        });
    }

    private static LayerDef Pad(string name, int n, params LayerParam[] extra) =>
        new(name, LayerCategory.Padding, new[] { Req("padding") }.Concat(extra).ToArray(), new LayerRules
        {
            LabelArgs = new[] { "padding" },
            Label = a => Fmt.Compact(a.Ints("padding", 2 * n)),
            Shape = (a, inputs) => Padded(name, inputs[0], a.Ints("padding", 2 * n)),
        });

    /// <summary>Pads the last dims: (left, right, top, bottom, front, back) as torch.nn.functional.pad.</summary>
    internal static ShapeResult Padded(string name, Shape x, long[]? pad)
    {
        if (pad is null) return ShapeResult.Unknown(name + " padding is not known at compile time");
        if (pad.Length % 2 != 0 || pad.Length / 2 > x.Rank)
            return ShapeResult.Fail(new ShapeError(ShapeErrorKind.RankMismatch, name + " pads " + Rules.Str(pad.Length / 2) + " dims of " + x));
        var result = x;
        for (int i = 0; i < pad.Length / 2; i++)
        {
            int axis = x.Rank - 1 - i;
            result = result.With(axis, x[axis] + (pad[2 * i] + pad[2 * i + 1]));
        }
        return Rules.Checked(name, result);
    }

    /// <summary>Upsample/interpolate: a size or a scale factor on the spatial dims (all dims after N, C).</summary>
    internal static ShapeResult Resize(string name, LayerArgs a, Shape x, string sizeArg, string scaleArg)
    {
        int spatial = x.Rank - 2;
        if (spatial < 1) return ShapeResult.Fail(new ShapeError(ShapeErrorKind.RankMismatch, name + " expects (N, C, *spatial), got " + x));
        var dims = x.Dims.ToArray();
        if (!a.IsNull(sizeArg))
        {
            // Sizes may be read from traced tensors (interpolate(g, new[] { x.shape[2], x.shape[3] })).
            var size = a.Dims(sizeArg);
            if (size is { Length: 1 } && spatial > 1) size = Enumerable.Repeat(size[0], spatial).ToArray();
            if (size is null || size.Length != spatial) return ShapeResult.Unknown(name + " size is not known at compile time");
            for (int i = 0; i < spatial; i++) dims[2 + i] = size[i];
            return Rules.Checked(name, Shape.Of(dims));
        }
        var v = a.Get(scaleArg);
        if (v is null || v.IsUnknown || v.Kind == Specs.ArgKind.Null) return ShapeResult.Unknown(name + " needs a known size or scale_factor");
        var items = v.Kind == Specs.ArgKind.Tuple ? v.Items.Select(i => i.AsDouble).ToArray() : new[] { v.AsDouble };
        if (items.Length == 1 && spatial > 1) items = Enumerable.Repeat(items[0], spatial).ToArray();
        if (items.Length != spatial || items.Any(i => i is null)) return ShapeResult.Unknown(name + " scale_factor does not match the input");
        for (int i = 0; i < spatial; i++)
        {
            double s = items[i]!.Value;
            var d = dims[2 + i];
            if (Math.Floor(s) == s) dims[2 + i] = d * (long)s;
            else if (d.Value is long l) dims[2 + i] = (long)Math.Floor(l * s);
            else return ShapeResult.Unknown(name + " non-integer scale of a symbolic size");
        }
        return Rules.Checked(name, Shape.Of(dims));
    }

    internal static ShapeResult PixelShuffle(string name, Shape x, long? factor, bool up)
    {
        if (factor is not long r) return ShapeResult.Unknown(name + " factor is not known at compile time");
        if (r <= 0) return ShapeResult.Fail(Rules.Invalid(name + " factor must be positive"));
        if (x.Rank < 3) return ShapeResult.Fail(new ShapeError(ShapeErrorKind.RankMismatch, name + " expects (*, C, H, W), got " + x));
        var c = x[-3];
        if (up)
        {
            if (c.Value is long cv && cv % (r * r) != 0)
                return ShapeResult.Fail(Rules.Invalid(name + " channels " + Rules.Str(cv) + " are not divisible by " + Rules.Str(r * r), "upscale_factor"));
            var cOut = c.FloorDiv(r * r);
            if (cOut * (r * r) != c) return ShapeResult.Unknown(name + " cannot divide symbolic channels " + c);
            return ShapeResult.Ok(x.With(x.Rank - 3, cOut).With(x.Rank - 2, x[-2] * r).With(x.Rank - 1, x[-1] * r));
        }
        foreach (int axis in new[] { x.Rank - 2, x.Rank - 1 })
        {
            if (x[axis].Value is long v && v % r != 0)
                return ShapeResult.Fail(Rules.Invalid(name + " size " + Rules.Str(v) + " is not divisible by " + Rules.Str(r), "downscale_factor"));
        }
        var h = x[-2].FloorDiv(r);
        var w = x[-1].FloorDiv(r);
        if (h * r != x[-2] || w * r != x[-1]) return ShapeResult.Unknown(name + " cannot divide symbolic sizes");
        return ShapeResult.Ok(x.With(x.Rank - 3, c * (r * r)).With(x.Rank - 2, h).With(x.Rank - 1, w));
    }
}
