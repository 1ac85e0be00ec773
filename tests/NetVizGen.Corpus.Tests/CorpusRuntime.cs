using System.Reflection;
using NetVizGen.Oracle.Tests;
using TorchSharp;
using static TorchSharp.torch;

namespace NetVizGen.Corpus.Tests;

/// <summary>
/// Builds a corpus model with its <c>[Diagram]</c> factory and runs it once with the live TorchSharp
/// runtime at the declared input. Most models take float tensors of the declared shapes; the few whose
/// <c>forward</c> takes token ids, lengths or an int are listed in <see cref="Arguments"/>, with values
/// the upstream code accepts (ids below the vocabulary size, lengths equal to the sequence length).
/// </summary>
public static class CorpusRuntime
{
    /// <summary>Per-model forward arguments, built from the declared input shapes (symbols bound to 1).</summary>
    private static readonly Dictionary<string, Func<long[][], object[]>> Arguments = new(StringComparer.Ordinal)
    {
        // forward(t, mask): token ids below ntokens (1000), a float attention mask.
        ["ExamplesSeq2SeqTransformer"] = s => [Tokens(s[0], 1000), torch.zeros(s[1])],
        // forward(input, offsets): a flat token list and one offset per sample (one sample: offset 0).
        ["ExamplesTextClassification"] = s => [Tokens(s[0], 1000), torch.zeros(s[1], dtype: ScalarType.Int64)],
        // forward(tokens, token_lengths, mel_specgram, mel_specgram_lengths): 148 symbols; full lengths.
        ["AudioTacotron2"] = s => [Tokens(s[0], 148), Lengths(s[1], s[0][1]), Floats(s[2]), Lengths(s[3], s[2][2])],
        // forward(tokens, startPos): vocabulary of 256, start at position 0.
        ["LlamaLittleLittleCloud"] = s => [Tokens(s[0], 256), 0],
        ["LlamaEjhg"] = s => [Tokens(s[0], 256), 0],
        // CLIP's vocabulary.
        ["SdClip"] = s => [Tokens(s[0], 49408)],
        // forward(idx, targets, embeddings_only) and forward(idx, targets): 65 characters, no targets.
        ["PyroGpt"] = s => [Tokens(s[0], 65), null!, false],
        ["PyroBigram"] = s => [Tokens(s[0], 65), null!],
        // forward(imageEmbeddings, imagePe, sparse, dense, multimaskOutput): the three-mask output.
        ["SamMaskDecoder"] = s => [Floats(s[0]), Floats(s[1]), Floats(s[2]), Floats(s[3]), true],
        // call(tokens, positions, tokenTypes, attentionMask): RoBERTa's 50,265 tokens, positions below 512,
        // segments 0/1, and an additive mask of zeros (no padding).
        ["MlRobertaEncoder"] = s => [Tokens(s[0], 50265), Tokens(s[1], 512), Tokens(s[2], 2), torch.zeros(s[3])],
        // forward(x, edgeIndex, edgeWeight): vertex features, a 2×E edge list of vertex ids below the vertex
        // count (x's first size), and one positive weight per edge.
        ["GcnDeepMeshPrior"] = s => [Floats(s[0]), Tokens(s[1], s[0][0]), Positive(s[2])],
        ["GcnDeepMeshPriorSkip"] = s => [Floats(s[0]), Tokens(s[1], s[0][0]), Positive(s[2])],
    };

    /// <summary>Builds the model, runs it, and reports the runtime facts.</summary>
    public static RuntimeReport Run(CorpusModel model)
    {
        TorchRuntime.Ensure();
        using var scope = torch.NewDisposeScope();
        var module = (nn.Module)model.Factory.Invoke(null, null)!;
        try
        {
            var shapes = model.InputShapes;
            var args = Arguments.TryGetValue(model.Id, out var make) ? make(shapes) : shapes.Select(Floats).Cast<object>().ToArray();
            var call = FindCall(module.GetType(), args.Length);
            return OracleHarness.Run(module, shapes[0], () =>
            {
                try
                {
                    return call.Invoke(module, args);
                }
                catch (TargetInvocationException e) when (e.InnerException != null)
                {
                    throw new InvalidOperationException($"{model.Id}: forward failed at runtime: {e.InnerException.Message}", e.InnerException);
                }
            });
        }
        finally
        {
            module.Dispose();
        }
    }

    /// <summary>TorchSharp's <c>call</c> (forward with hooks) of a <c>Module&lt;T1..Tn, TResult&gt;</c> with n arguments.</summary>
    private static MethodInfo FindCall(Type type, int arity) =>
        type.GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .FirstOrDefault(m => m.Name == "call" && m.GetParameters().Length == arity)
        ?? throw new MissingMethodException(type.Name, $"call with {arity} argument(s)");

    private static Tensor Floats(long[] shape) => torch.randn(shape, generator: new Generator(0));

    private static Tensor Positive(long[] shape) => torch.rand(shape, generator: new Generator(0));

    private static Tensor Tokens(long[] shape, long vocab) =>
        torch.randint(0, vocab, shape, dtype: ScalarType.Int64, generator: new Generator(0));

    private static Tensor Lengths(long[] shape, long length) => torch.full(shape, length, dtype: ScalarType.Int32); // Tacotron2 reads them as int
}
