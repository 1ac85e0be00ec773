using NetVizGen;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ModelZoo;

/// <summary>
/// A small pre-norm Transformer encoder classifier over a sequence of 16 feature vectors
/// (model width 64, 4 heads, 2 blocks), written from scratch.
/// Style: a custom multi-head self-attention built from four <c>Linear</c> layers with
/// <c>view</c>/<c>transpose</c>/<c>matmul</c>/<c>softmax</c> in forward; built-in
/// <c>LayerNorm</c>/<c>Dropout</c>/<c>GELU</c>; a learned positional embedding held in a
/// <c>Parameter</c> field (registered by <c>RegisterComponents</c>); blocks in a <c>ModuleList</c>
/// created with a collection initialiser in a loop.
/// </summary>
[Diagram(Input = "N,16,32", Title = "Transformer encoder (from scratch)")]
public sealed class TinyTransformer : Module<Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor> input_proj;
    private readonly Parameter pos_embedding;
    private readonly ModuleList<Module<Tensor, Tensor>> blocks;
    private readonly Module<Tensor, Tensor> norm;
    private readonly Module<Tensor, Tensor> head;

    public TinyTransformer(long seqLen = 16, long inFeatures = 32, long dModel = 64, long numHeads = 4,
                           int depth = 2, long mlpRatio = 2, long numClasses = 10, double dropout = 0.1)
        : base(nameof(TinyTransformer))
    {
        input_proj = Linear(inFeatures, dModel);
        pos_embedding = Parameter(torch.zeros(1, seqLen, dModel));
        blocks = new ModuleList<Module<Tensor, Tensor>>();
        for (int i = 0; i < depth; i++)
        {
            blocks.Add(new EncoderBlock(dModel, numHeads, dModel * mlpRatio, dropout));
        }
        norm = LayerNorm(dModel);
        head = Linear(dModel, numClasses);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        x = input_proj.call(x) + pos_embedding;
        foreach (var block in blocks)
        {
            x = block.call(x);
        }
        x = norm.call(x);
        x = x.mean(new long[] { 1 });
        return head.call(x);
    }
}

/// <summary>Pre-norm encoder block: x + attn(norm1(x)), then x + mlp(norm2(x)).</summary>
public sealed class EncoderBlock : Module<Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor> norm1;
    private readonly Module<Tensor, Tensor> attn;
    private readonly Module<Tensor, Tensor> norm2;
    private readonly Module<Tensor, Tensor> mlp;

    public EncoderBlock(long dModel, long numHeads, long hidden, double dropout) : base(nameof(EncoderBlock))
    {
        norm1 = LayerNorm(dModel);
        attn = new MultiHeadSelfAttention(dModel, numHeads, dropout);
        norm2 = LayerNorm(dModel);
        mlp = Sequential(
            ("fc1", Linear(dModel, hidden)),
            ("act", GELU()),
            ("drop1", Dropout(dropout)),
            ("fc2", Linear(hidden, dModel)),
            ("drop2", Dropout(dropout)));
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        x = x + attn.call(norm1.call(x));
        x = x + mlp.call(norm2.call(x));
        return x;
    }
}

/// <summary>Scaled dot-product multi-head self-attention from separate q/k/v/out projections.</summary>
public sealed class MultiHeadSelfAttention : Module<Tensor, Tensor>
{
    private readonly long numHeads;
    private readonly long headDim;

    private readonly Module<Tensor, Tensor> q_proj;
    private readonly Module<Tensor, Tensor> k_proj;
    private readonly Module<Tensor, Tensor> v_proj;
    private readonly Module<Tensor, Tensor> attn_drop;
    private readonly Module<Tensor, Tensor> out_proj;

    public MultiHeadSelfAttention(long dModel, long numHeads, double dropout = 0.0)
        : base(nameof(MultiHeadSelfAttention))
    {
        if (dModel % numHeads != 0)
        {
            throw new ArgumentException($"dModel {dModel} is not divisible by numHeads {numHeads}");
        }
        this.numHeads = numHeads;
        headDim = dModel / numHeads;

        q_proj = Linear(dModel, dModel);
        k_proj = Linear(dModel, dModel);
        v_proj = Linear(dModel, dModel);
        attn_drop = Dropout(dropout);
        out_proj = Linear(dModel, dModel);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        long b = x.shape[0], t = x.shape[1], d = x.shape[2];

        var q = q_proj.call(x).view(b, t, numHeads, headDim).transpose(1, 2);
        var k = k_proj.call(x).view(b, t, numHeads, headDim).transpose(1, 2);
        var v = v_proj.call(x).view(b, t, numHeads, headDim).transpose(1, 2);

        var scores = q.matmul(k.transpose(-2, -1)) / Math.Sqrt(headDim);
        var weights = attn_drop.call(functional.softmax(scores, dim: -1));
        var context = weights.matmul(v).transpose(1, 2).reshape(b, t, d);
        return out_proj.call(context);
    }
}
