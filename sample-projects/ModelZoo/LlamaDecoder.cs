using NetVizGen;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ModelZoo;

/// <summary>Hyperparameters of <see cref="LlamaDecoder"/>: a config record (the Hugging Face style).</summary>
public sealed record LlamaConfig
{
    public long VocabSize { get; init; } = 256;
    public long Hidden { get; init; } = 64;
    public long Intermediate { get; init; } = 172;
    public int Layers { get; init; } = 2;
    public long Heads { get; init; } = 4;
    public double RmsEps { get; init; } = 1e-6;
}

/// <summary>
/// A small LLaMA-style decoder-only language model (Touvron et al. 2023): token embedding, pre-norm
/// decoder layers with RMSNorm, rotary position embedding, causal self-attention from q/k/v/o
/// projections without bias, a SwiGLU MLP, a final RMSNorm and an untied <c>lm_head</c>.
/// Input: token ids (int64), N×T.
/// Style: a config record passed to every constructor; the causal mask and the position ids are
/// built in <c>forward</c> from scratch (<c>arange</c>, <c>full</c>, <c>triu</c>) and passed to every
/// layer as side inputs, the way Hugging Face's implementation does; custom <c>RMSNorm</c> with a
/// <c>Parameter</c>; layers in a <c>ModuleList</c>.
/// </summary>
[Diagram(Input = "N,16", Title = "LLaMA-style decoder")]
public sealed class LlamaDecoder : Module<Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor> embed_tokens;
    private readonly ModuleList<LlamaDecoderLayer> layers;
    private readonly Module<Tensor, Tensor> norm;
    private readonly Module<Tensor, Tensor> lm_head;

    public LlamaDecoder() : this(new LlamaConfig()) { }

    public LlamaDecoder(LlamaConfig config) : base(nameof(LlamaDecoder))
    {
        embed_tokens = Embedding(config.VocabSize, config.Hidden);
        layers = new ModuleList<LlamaDecoderLayer>();
        for (int i = 0; i < config.Layers; i++)
        {
            layers.Add(new LlamaDecoderLayer(config));
        }
        norm = new RMSNorm(config.Hidden, config.RmsEps);
        lm_head = Linear(config.Hidden, config.VocabSize, hasBias: false);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input_ids)
    {
        long seqLen = input_ids.shape[1];
        var position_ids = torch.arange(seqLen, dtype: ScalarType.Int64).unsqueeze(0);
        var attention_mask = torch.full(seqLen, seqLen, float.NegativeInfinity).triu(1);

        var hidden = embed_tokens.call(input_ids);
        foreach (var layer in layers)
        {
            hidden = layer.call(hidden, attention_mask, position_ids);
        }
        hidden = norm.call(hidden);
        return lm_head.call(hidden);
    }
}

/// <summary>x + attn(norm(x)), then x + mlp(norm(x)).</summary>
public sealed class LlamaDecoderLayer : Module<Tensor, Tensor, Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor> input_layernorm;
    private readonly LlamaAttention self_attn;
    private readonly Module<Tensor, Tensor> post_attention_layernorm;
    private readonly Module<Tensor, Tensor> mlp;

    public LlamaDecoderLayer(LlamaConfig config) : base(nameof(LlamaDecoderLayer))
    {
        input_layernorm = new RMSNorm(config.Hidden, config.RmsEps);
        self_attn = new LlamaAttention(config);
        post_attention_layernorm = new RMSNorm(config.Hidden, config.RmsEps);
        mlp = new LlamaMlp(config);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x, Tensor attention_mask, Tensor position_ids)
    {
        var h = x + self_attn.call(input_layernorm.call(x), attention_mask, position_ids);
        return h + mlp.call(post_attention_layernorm.call(h));
    }
}

/// <summary>Causal self-attention: q/k/v projections, rotary embedding on q and k, masked softmax, o projection.</summary>
public sealed class LlamaAttention : Module<Tensor, Tensor, Tensor, Tensor>
{
    private readonly long heads;
    private readonly long headDim;
    private readonly Module<Tensor, Tensor> q_proj;
    private readonly Module<Tensor, Tensor> k_proj;
    private readonly Module<Tensor, Tensor> v_proj;
    private readonly Module<Tensor, Tensor> o_proj;
    private readonly RotaryEmbedding rotary_emb;

    public LlamaAttention(LlamaConfig config) : base(nameof(LlamaAttention))
    {
        heads = config.Heads;
        headDim = config.Hidden / config.Heads;
        q_proj = Linear(config.Hidden, config.Hidden, hasBias: false);
        k_proj = Linear(config.Hidden, config.Hidden, hasBias: false);
        v_proj = Linear(config.Hidden, config.Hidden, hasBias: false);
        o_proj = Linear(config.Hidden, config.Hidden, hasBias: false);
        rotary_emb = new RotaryEmbedding(headDim);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x, Tensor attention_mask, Tensor position_ids)
    {
        long b = x.shape[0], t = x.shape[1], d = x.shape[2];
        var q = q_proj.call(x).view(b, t, heads, headDim).transpose(1, 2);
        var k = k_proj.call(x).view(b, t, heads, headDim).transpose(1, 2);
        var v = v_proj.call(x).view(b, t, heads, headDim).transpose(1, 2);
        q = rotary_emb.call(q, position_ids);
        k = rotary_emb.call(k, position_ids);

        var scores = q.matmul(k.transpose(-2, -1)) / Math.Sqrt(headDim) + attention_mask;
        var weights = functional.softmax(scores, dim: -1);
        var context = weights.matmul(v).transpose(1, 2).contiguous().view(b, t, d);
        return o_proj.call(context);
    }
}

/// <summary>Rotary position embedding: rotates pairs of channels by a position-dependent angle.</summary>
public sealed class RotaryEmbedding : Module<Tensor, Tensor, Tensor>
{
    private readonly long dim;

    public RotaryEmbedding(long dim) : base(nameof(RotaryEmbedding))
    {
        this.dim = dim;
        RegisterComponents();
    }

    public override Tensor forward(Tensor x, Tensor position_ids)
    {
        var inv_freq = torch.arange(0, dim, 2, dtype: ScalarType.Float32) / dim;
        var angles = position_ids.unsqueeze(-1) * inv_freq;
        var emb = torch.cat(new[] { angles, angles }, -1);
        var cos = emb.cos();
        var sin = emb.sin();
        var halves = x.chunk(2, -1);
        var rotated = torch.cat(new[] { -halves[1], halves[0] }, -1);
        return x * cos + rotated * sin;
    }
}

/// <summary>SwiGLU feed-forward: down(silu(gate(x)) · up(x)).</summary>
public sealed class LlamaMlp : Module<Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor> gate_proj;
    private readonly Module<Tensor, Tensor> up_proj;
    private readonly Module<Tensor, Tensor> down_proj;

    public LlamaMlp(LlamaConfig config) : base(nameof(LlamaMlp))
    {
        gate_proj = Linear(config.Hidden, config.Intermediate, hasBias: false);
        up_proj = Linear(config.Hidden, config.Intermediate, hasBias: false);
        down_proj = Linear(config.Intermediate, config.Hidden, hasBias: false);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
        => down_proj.call(functional.silu(gate_proj.call(x)) * up_proj.call(x));
}

/// <summary>Root-mean-square layer norm with a learned scale (no mean subtraction, no bias).</summary>
public sealed class RMSNorm : Module<Tensor, Tensor>
{
    private readonly Parameter weight;
    private readonly double eps;

    public RMSNorm(long dim, double eps = 1e-6) : base(nameof(RMSNorm))
    {
        weight = Parameter(torch.ones(dim));
        this.eps = eps;
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
        => x * torch.rsqrt(x.pow(2).mean(new long[] { -1 }, keepdim: true) + eps) * weight;
}
