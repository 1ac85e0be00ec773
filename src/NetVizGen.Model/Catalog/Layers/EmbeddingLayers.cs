using NetVizGen.Model.Shapes;
using static NetVizGen.Model.Catalog.Decl;

namespace NetVizGen.Model.Catalog.Layers;

/// <summary>Embedding and EmbeddingBag.</summary>
internal static class EmbeddingLayers
{
    public static IEnumerable<LayerDef> All()
    {
        yield return new LayerDef("Embedding", LayerCategory.Embedding,
            List(Req("num_embeddings"), Req("embedding_dims"), Null("padding_idx"), Null("max_norm"), Float("norm_type", 2),
                Bool("scale_grad_by_freq", false), Bool("sparse", false)), new LayerRules
            {
                LabelArgs = new[] { "num_embeddings", "embedding_dims" },
                Label = a => Fmt.N(a.Long("num_embeddings")) + Fmt.Times + Fmt.N(a.Long("embedding_dims")),
                Params = Table,
                Shape = (a, inputs) => a.Long("embedding_dims") is long d
                    ? ShapeResult.Ok(Shape.Of(inputs[0].Dims.Concat(new[] { Dim.Of(d) })))
                    : ShapeResult.Unknown("Embedding embedding_dims is not known at compile time"),
            });
        yield return new LayerDef("EmbeddingBag", LayerCategory.Embedding,
            List(Req("num_embeddings"), Req("embedding_dims"), Null("max_norm"), Float("norm_type", 2), Bool("scale_grad_by_freq", false),
                Sym("mode", "EmbeddingBagMode.Mean"), Bool("sparse", false), Bool("include_last_offset", false), Int("padding_index", -1)), new LayerRules
            {
                LabelArgs = new[] { "num_embeddings", "embedding_dims", "mode" },
                Label = a => Fmt.N(a.Long("num_embeddings")) + Fmt.Times + Fmt.N(a.Long("embedding_dims")) + " "
                    + (a.Symbol("mode") ?? "?").Replace("EmbeddingBagMode.", "").ToLowerInvariant(),
                Params = Table,
                Shape = (a, inputs) =>
                {
                    var x = inputs[0];
                    if (a.Long("embedding_dims") is not long d) return ShapeResult.Unknown("EmbeddingBag embedding_dims is not known at compile time");
                    // 2-D input: one bag per row. 1-D input needs offsets, whose length is a runtime value.
                    return x.Rank == 2 ? ShapeResult.Ok(Shape.Of(x[0], d)) : ShapeResult.Unknown("EmbeddingBag with 1-D input and offsets has a runtime bag count");
                },
            });
    }

    private static ParamCount? Table(LayerArgs a)
        => a.Long("num_embeddings") is long n && a.Long("embedding_dims") is long d ? new ParamCount(n * d, 0) : null;
}
