using NetVizGen.Model.Specs;
using static NetVizGen.Rendering.Tests.TestModels.SpecBuilder;

namespace NetVizGen.Rendering.Tests.TestModels;

/// <summary>
/// A decoder-only transformer with <paramref name="layers"/> pre-norm blocks, each holding an
/// attention block and an MLP block (blocks inside blocks): 12 modules per layer, so 167 layers make
/// a 2,000-module model. Every 8 layers differ (a wider MLP), so the overview has several folded
/// cards; with <paramref name="distinct"/> neighbouring layers differ and nothing folds (the worst case).
/// </summary>
internal static class DeepTransformer
{
    public static ModelSpec Create(int layers, int width = 64, bool distinct = false)
    {
        var f = new SpecBuilder();
        var blocks = new List<ModuleSpec>();
        int x = f.Input("tokens", "N×T");
        x = f.Module("embed", $"N×T×{width}", "", x);
        for (int i = 0; i < layers; i++)
        {
            string p = "layers." + i;
            int hidden = ((distinct ? i : i / 8) % 2 == 0) ? 4 * width : 2 * width;
            var attn = Node(p + ".attn", "Attention", ModuleOrigin.Custom, [A("dim", width)],
                Leaf(p + ".attn.q_proj", "Linear", width * width, A("inputSize", width), A("outputSize", width)),
                Leaf(p + ".attn.k_proj", "Linear", width * width, A("inputSize", width), A("outputSize", width)),
                Leaf(p + ".attn.v_proj", "Linear", width * width, A("inputSize", width), A("outputSize", width)),
                Leaf(p + ".attn.o_proj", "Linear", width * width, A("inputSize", width), A("outputSize", width)));
            var mlp = Node(p + ".mlp", "FeedForward", ModuleOrigin.Custom, [A("dim", width), A("hidden", hidden)],
                Leaf(p + ".mlp.fc1", "Linear", width * hidden, A("inputSize", width), A("outputSize", hidden)),
                Leaf(p + ".mlp.act", "GELU", 0),
                Leaf(p + ".mlp.fc2", "Linear", width * hidden, A("inputSize", hidden), A("outputSize", width)));
            blocks.Add(Node(p, "DecoderLayer", ModuleOrigin.Custom, [A("dim", width), A("hidden", hidden)],
                Leaf(p + ".norm1", "LayerNorm", 2 * width, T("normalized_shape", width)), attn,
                Leaf(p + ".norm2", "LayerNorm", 2 * width, T("normalized_shape", width)), mlp));
            string s = $"N×T×{width}";
            int h = f.Module(p + ".norm1", s, p, x);
            int q = f.Module(p + ".attn.q_proj", s, p + ".attn", h);
            int k = f.Module(p + ".attn.k_proj", s, p + ".attn", h);
            int v = f.Module(p + ".attn.v_proj", s, p + ".attn", h);
            int att = f.Op("scaled_dot_product_attention", s, p + ".attn", q, k, v);
            int o = f.Module(p + ".attn.o_proj", s, p + ".attn", att);
            x = f.Merge("add", s, p, x, o);
            h = f.Module(p + ".norm2", s, p, x);
            h = f.Module(p + ".mlp.fc1", $"N×T×{hidden}", p + ".mlp", h);
            h = f.Module(p + ".mlp.act", $"N×T×{hidden}", p + ".mlp", h);
            h = f.Module(p + ".mlp.fc2", s, p + ".mlp", h);
            x = f.Merge("add", s, p, x, h);
        }
        var children = new List<ModuleSpec>
        {
            Leaf("embed", "Embedding", 1000L * width, A("num_embeddings", 1000), A("embedding_dims", width)),
            Node("layers", "ModuleList", ModuleOrigin.Container, [], [.. blocks]),
            Leaf("lm_head", "Linear", 1000L * width, A("inputSize", width), A("outputSize", 1000)),
        };
        x = f.Module("lm_head", "N×T×1000", "", x);
        f.Output("N×T×1000", x);
        var root = Node("", "Decoder", ModuleOrigin.Custom, [A("layers", layers)], [.. children]);
        return new ModelSpec("Decoder" + layers + (distinct ? "Distinct" : ""), "Decoder (" + layers + " layers)", "Zoo.Decoder", FlowDirection.TopDown, "N×T", -1, root, f.Flow,
            EquatableArray<NoteSpec>.Empty, null);
    }

    /// <summary>Module and title names that are markup and script: they must stay text.</summary>
    public static ModelSpec Hostile()
    {
        const string evil = "</script><script>alert(1)</script><img src=x onerror=alert(2)>";
        var f = new SpecBuilder();
        int x = f.Input("x", "N×8");
        x = f.Module("layers." + evil, "N×8", "layers", x);
        f.Output("N×8", x);
        var seq = Node("layers", "Sequential", ModuleOrigin.Container, [], Leaf("layers." + evil, "Linear", 72, A("inputSize", 8), A("outputSize", 8)));
        var root = Node("", "Evil", ModuleOrigin.Custom, [], seq);
        return new ModelSpec("Evil", evil, "Zoo.Evil", FlowDirection.TopDown, "N×8", -1, root, f.Flow,
            new[] { new NoteSpec("NVG0101", NoteSeverity.Warning, "'" + evil + "' is " + evil, null) }.ToEquatableArray(), null);
    }
}
