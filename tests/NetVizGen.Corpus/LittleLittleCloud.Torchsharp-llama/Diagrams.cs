// Corpus entry point (ours, not upstream): a small LLaMA configuration (the class defaults are the 7B model).
using NetVizGen;

namespace NetVizGen.Corpus.LlamaLittleLittleCloud;

internal static class Diagrams
{
    /// <summary>forward(tokens, startPos): token ids and the position of the first one.</summary>
    [Diagram(Input = "N,8", Name = "LlamaLittleLittleCloud")]
    public static LLAMA.Transformer Llama() => new LLAMA.Transformer(new LLAMA.ModelArgs
    {
        Dim = 64, NLayers = 2, NHeads = 4, VocabSize = 256, MultipleOf = 32, MaxSeqLen = 32,
    });
}
