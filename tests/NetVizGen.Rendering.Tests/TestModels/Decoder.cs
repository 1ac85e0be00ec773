using NetVizGen.Model.Specs;
using static NetVizGen.Rendering.Tests.TestModels.SpecBuilder;

namespace NetVizGen.Rendering.Tests.TestModels;

/// <summary>A two-layer attention decoder with a causal mask and position ids built in forward (side inputs).</summary>
internal static class Decoder
{
    // A decoder in the Hugging Face style: a causal mask (full → triu) and position ids
    // (arange → unsqueeze) built in forward from scratch and fed to every layer. With
    // <paramref name="named"/>, the flow records the variables they are assigned to, as the tracer does
    // for `var position_ids = ...`; without, the code bound them to no name.
    public static ModelSpec Create(bool named = false)
    {
        var b = new SpecBuilder();
        int ids = b.Input("input_ids", "N×16");
        int pos = b.Op("unsqueeze", "1×16", "", b.Op("arange", "16", ""));
        int mask = b.Op("triu", "16×16", "", b.Op("full", "16×16", ""));
        if (named)
        {
            b.Bind(pos, "position_ids");
            b.Bind(mask, "attention_mask");
        }
        int x = b.Module("embed_tokens", "N×16×64", "", ids);
        for (int i = 0; i < 2; i++)
        {
            string s = "layers." + i;
            int q = b.Module(s + ".q_proj", "N×16×64", s, x);
            int k = b.Module(s + ".k_proj", "N×16×64", s, x);
            int rq = b.Merge("mul", "N×16×64", s, q, pos);
            int scores = b.Merge("matmul", "N×16×16", s, rq, k);
            int masked = b.Merge("add", "N×16×16", s, scores, mask);
            x = b.Merge("add", "N×16×64", s, x, b.Module(s + ".o_proj", "N×16×64", s, masked));
        }
        b.Output("N×16×256", b.Module("lm_head", "N×16×256", "", x));
        ModuleSpec Layer(int i) => Node("layers." + i, "DecoderLayer", ModuleOrigin.Custom, [],
            Leaf($"layers.{i}.q_proj", "Linear", 4160, A("inputSize", 64), A("outputSize", 64)),
            Leaf($"layers.{i}.k_proj", "Linear", 4160, A("inputSize", 64), A("outputSize", 64)),
            Leaf($"layers.{i}.o_proj", "Linear", 4160, A("inputSize", 64), A("outputSize", 64)));
        var root = Node("", "Decoder", ModuleOrigin.Custom, [],
            Leaf("embed_tokens", "Embedding", 16384, A("num_embeddings", 256), A("embedding_dims", 64)),
            Node("layers", "ModuleList", ModuleOrigin.Container, [], Layer(0), Layer(1)),
            Leaf("lm_head", "Linear", 16384, A("inputSize", 64), A("outputSize", 256)));
        return new ModelSpec("Decoder", "Decoder", "Decoder", FlowDirection.TopDown, "N,16", -1, root, b.Flow, EquatableArray<NoteSpec>.Empty, null);
    }
}
