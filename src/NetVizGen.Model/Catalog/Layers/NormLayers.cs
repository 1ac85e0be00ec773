using NetVizGen.Model.Shapes;
using static NetVizGen.Model.Catalog.Decl;

namespace NetVizGen.Model.Catalog.Layers;

/// <summary>BatchNorm, InstanceNorm, LayerNorm, GroupNorm, LocalResponseNorm.</summary>
internal static class NormLayers
{
    public static IEnumerable<LayerDef> All()
    {
        for (int n = 1; n <= 3; n++)
        {
            yield return Running("BatchNorm" + Rules.Str(n) + "d", n, affine: true, batchOnly: true);
            yield return Running("InstanceNorm" + Rules.Str(n) + "d", n, affine: false, batchOnly: false);
        }
        yield return new LayerDef("LayerNorm", LayerCategory.Norm,
            List(Req("normalized_shape"), Float("eps", 1e-5), Bool("elementwise_affine", true), Bool("bias", true)), new LayerRules
            {
                LabelArgs = new[] { "normalized_shape" },
                Label = a => Fmt.Size(a.List("normalized_shape")),
                Params = a =>
                {
                    var ns = a.List("normalized_shape");
                    if (ns is null || a.Bool("elementwise_affine") is not bool affine || a.Bool("bias") is not bool bias) return null;
                    return new ParamCount(affine ? Rules.Prod(ns) * (bias ? 2 : 1) : 0, 0);
                },
                Shape = (a, inputs) =>
                {
                    var x = inputs[0];
                    var ns = a.List("normalized_shape");
                    if (ns is null) return ShapeResult.Unknown("LayerNorm normalized_shape is not known at compile time");
                    if (x.Rank < ns.Length)
                        return ShapeResult.Fail(new ShapeError(ShapeErrorKind.RankMismatch, "LayerNorm over " + Fmt.Size(ns) + " needs at least "
                            + Rules.Str(ns.Length) + " dims, got " + x));
                    for (int i = 0; i < ns.Length; i++)
                    {
                        int axis = x.Rank - ns.Length + i;
                        if (Rules.Differs(x[axis], ns[i]))
                            return ShapeResult.Fail(Rules.Mismatch(ShapeErrorKind.FeatureMismatch, "LayerNorm", "normalized_shape", ns[i], x[axis], axis), x);
                    }
                    return ShapeResult.Ok(x);
                },
            });
        yield return new LayerDef("GroupNorm", LayerCategory.Norm,
            List(Req("num_groups"), Req("num_channels"), Float("eps", 1e-5), Bool("affine", true)), new LayerRules
            {
                LabelArgs = new[] { "num_groups", "num_channels" },
                Label = a => "g" + Fmt.N(a.Long("num_groups")) + Fmt.Dot + Fmt.N(a.Long("num_channels")),
                Params = a => a.Long("num_channels") is long c && a.Bool("affine") is bool af ? new ParamCount(af ? 2 * c : 0, 0) : null,
                Shape = (a, inputs) =>
                {
                    var x = inputs[0];
                    if (x.Rank < 2) return ShapeResult.Fail(new ShapeError(ShapeErrorKind.RankMismatch, "GroupNorm expects (N, C, *), got " + x));
                    long? c = a.Long("num_channels"), g = a.Long("num_groups");
                    if (c is long cc && g is long gg && (gg <= 0 || cc % gg != 0))
                        return ShapeResult.Fail(Rules.Invalid("GroupNorm num_channels " + Rules.Str(cc) + " is not divisible by num_groups " + Rules.Str(gg), "num_groups"), x);
                    if (Rules.Differs(x[1], c))
                        return ShapeResult.Fail(Rules.Mismatch(ShapeErrorKind.ChannelMismatch, "GroupNorm", "num_channels", c!.Value, x[1], 1), x);
                    return ShapeResult.Ok(x);
                },
            });
        yield return new LayerDef("LocalResponseNorm", LayerCategory.Norm,
            List(Req("size"), Float("alpha", 0.0001), Float("beta", 0.75), Float("k", 1)), new LayerRules
            {
                LabelArgs = new[] { "size" },
                Label = a => Fmt.N(a.Long("size")),
            });
    }

    private static LayerDef Running(string name, int n, bool affine, bool batchOnly) =>
        new(name, LayerCategory.Norm, List(Req("num_features"), Float("eps", 1e-5), Float("momentum", 0.1), Bool("affine", affine),
            Bool("track_running_stats", affine)), new LayerRules
        {
            LabelArgs = new[] { "num_features" },
            Label = a => Fmt.N(a.Long("num_features")),
            Params = a =>
            {
                if (a.Long("num_features") is not long c || a.Bool("affine") is not bool af || a.Bool("track_running_stats") is not bool tr) return null;
                // running_mean + running_var (C each) + num_batches_tracked (1 element).
                return new ParamCount(af ? 2 * c : 0, tr ? 2 * c + 1 : 0);
            },
            Shape = (a, inputs) =>
            {
                var x = inputs[0];
                // BatchNorm1d: (N, C) or (N, C, L); BatchNorm2d/3d: (N, C, *spatial); InstanceNorm also takes unbatched (C, *spatial).
                bool ok = name == "BatchNorm1d" ? x.Rank == 2 || x.Rank == 3 : x.Rank == n + 2 || (!batchOnly && x.Rank == n + 1);
                if (!ok) return ShapeResult.Fail(Rules.SpatialRank(name, x, n) ?? new ShapeError(ShapeErrorKind.RankMismatch, name + " got " + x));
                int axis = x.Rank == n + 1 && !batchOnly ? 0 : 1;
                long? c = a.Long("num_features");
                // InstanceNorm without affine or running stats only warns about a mismatch.
                bool checks = batchOnly || a.Bool("affine") != false || a.Bool("track_running_stats") != false;
                if (checks && Rules.Differs(x[axis], c))
                    return ShapeResult.Fail(Rules.Mismatch(ShapeErrorKind.ChannelMismatch, name, "num_features", c!.Value, x[axis], axis), x);
                return ShapeResult.Ok(x);
            },
        });
}
