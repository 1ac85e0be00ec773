using NetVizGen;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ModelZoo;

/// <summary>
/// A character-level language model: Embedding → 2-layer batch-first LSTM → Linear over the
/// vocabulary at every step. Input: token ids (int64), N×T.
/// Style: concrete TorchSharp module types as field types (<c>Embedding</c>, <c>LSTM</c>,
/// <c>Linear</c>), a multi-output module deconstructed into a tuple in forward.
/// </summary>
[Diagram(Input = "N,64", Title = "Char-LSTM")]
public sealed class CharLstm : Module<Tensor, Tensor>
{
    private readonly Embedding embedding;
    private readonly LSTM lstm;
    private readonly Linear head;

    public CharLstm(long vocabSize = 65, long embedDim = 32, long hiddenSize = 128, long numLayers = 2,
                    double dropout = 0.1)
        : base(nameof(CharLstm))
    {
        embedding = Embedding(vocabSize, embedDim);
        lstm = LSTM(embedDim, hiddenSize, numLayers: numLayers, batchFirst: true, dropout: dropout);
        head = Linear(hiddenSize, vocabSize);
        RegisterComponents();
    }

    public override Tensor forward(Tensor tokens)
    {
        var x = embedding.call(tokens);
        var (output, _, _) = lstm.call(x, null);
        return head.call(output);
    }
}
