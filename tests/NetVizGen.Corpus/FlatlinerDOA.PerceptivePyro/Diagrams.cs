// Corpus entry points (ours, not upstream): the GPT-2 port at a small configuration (the upstream defaults
// are GPT-2 124M: 1024 / 50304 / 12 / 12 / 768), and its character-level bigram model.
using NetVizGen;
using PerceptivePyro.GPT;

namespace NetVizGen.Corpus.PerceptivePyro;

internal static class Diagrams
{
    [Diagram(Input = "idx=N,16", Name = "PyroGpt")]
    public static GPTModel Gpt() => new GPTModel(new GPTConfig { block_size = 64, vocab_size = 65, n_layer = 2, n_head = 4, n_embd = 64, dropout = 0.0, has_bias = true });

    [Diagram(Input = "idx=N,32", Name = "PyroBigram")]
    public static BigramLanguageModel Bigram() => new BigramLanguageModel(65, 64, 32, 2, 4, 0.0, "cpu");
}
