// Corpus entry point (ours, not upstream): a small LLaMA configuration (the class defaults are the 7B model).
using NetVizGen;

namespace NetVizGen.Corpus.LlamaEjhg;

internal static class Diagrams
{
    /// <summary>forward(tokens, startPos): token ids and the position of the first one.</summary>
    [Diagram(Input = "N,8", Name = "LlamaEjhg")]
    public static LLAMA.Ejhg.Transformer Llama() => new LLAMA.Ejhg.Transformer(new LLAMA.Ejhg.ConfigurationParams
    {
        dim = 64, n_layers = 2, n_heads = 4, n_kv_heads = 2, vocab_size = 256, multiple_of = 32,
        max_seq_len = 32, max_batch_size = 2, rope_theta = 10000f,
    });
}
