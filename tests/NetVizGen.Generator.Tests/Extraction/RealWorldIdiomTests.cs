using NetVizGen.Generator.Tests.TestSupport;

namespace NetVizGen.Generator.Tests.Extraction;

/// <summary>
/// Idioms met in third-party ports nobody here wrote (a GPT-2 port, a U-Net taking an interface-typed
/// config, a CMT with einsum over "..."), each once: before, each left a model with unknown sizes, and
/// some with no warning.
/// </summary>
public class RealWorldIdiomTests
{
    [Fact]
    public void A_config_read_through_an_interface_gives_the_implementing_objects_values()
    {
        var result = GeneratorHarness.Run(GeneratorHarness.Usings + """
            public interface IModelParameter { int FirstFilterSize { get; set; } bool Greyscale { get; set; } int Width(); }
            public sealed class UNetParameter : IModelParameter
            {
                public int FirstFilterSize { get; set; } = 64;
                public bool Greyscale { get; set; } = true;
                public int Width() => FirstFilterSize * 2;
            }
            public sealed class Net : Module<Tensor, Tensor>
            {
                private readonly Module<Tensor, Tensor> a, b;
                public Net(IModelParameter p) : base("Net")
                {
                    a = Conv2d(p.Greyscale ? 1 : 3, p.FirstFilterSize, 3, padding: 1);
                    b = Conv2d(p.FirstFilterSize, p.Width(), 3, padding: 1);
                    RegisterComponents();
                }
                public override Tensor forward(Tensor x) => b.call(a.call(x));
            }
            public static class Factory { [Diagram(Input = "N,1,32,32")] public static Module<Tensor, Tensor> Make() => new Net(new UNetParameter { FirstFilterSize = 16 }); }
            """);
        var model = Assert.Single(result.Models);
        Assert.Equal(1 * 16 * 9 + 16 + 16 * 32 * 9 + 32, model.Root.Parameters);
        Assert.Equal("N×32×32×32", model.Flow.Nodes.Single(n => n.ModulePath == "b").Shape);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id.StartsWith("NVG01", StringComparison.Ordinal));
    }

    [Fact]
    public void A_gpt_port_with_query_syntax_reflection_feature_checks_and_integer_head_sizes_is_read_whole()
    {
        // PerceptivePyro's GPT-2: the blocks made by a LINQ query, attention chosen by
        // typeof(F).GetMember("scaled_dot_product_attention"), sizes from idx.size()[1] and C / n_head,
        // and a causal mask fetched with get_buffer in forward.
        var result = GeneratorHarness.Run(GeneratorHarness.Usings + """
            using F = TorchSharp.torch.nn.functional;
            public sealed class Attention : Module<Tensor, Tensor>
            {
                private readonly Linear c_attn = Linear(64, 192);
                private readonly bool hasFlash;
                private readonly long n_head = 4;
                public Attention(bool reflect) : base("Attention")
                {
                    hasFlash = typeof(F).GetMember("scaled_dot_product_attention").Length != 0;
                    if (!hasFlash) register_buffer("bias", tril(ones(64, 64)).view(1, 1, 64, 64));
                    register_buffer("tril", tril(ones(64, 64)));
                    RegisterComponents();
                }
                public override Tensor forward(Tensor x)
                {
                    var (B, T, C) = (x.size()[0], x.size()[1], x.size()[2]);
                    var qkv = c_attn.call(x).split(64, dim: 2);
                    var q = qkv[0].view(B, T, n_head, C / n_head).transpose(1, 2);
                    var k = qkv[1].view(B, T, n_head, C / n_head).transpose(1, 2);
                    var v = qkv[2].view(B, T, n_head, C / n_head).transpose(1, 2);
                    var y = hasFlash ? F.scaled_dot_product_attention(q, k, v, is_casual: true) : q;
                    var mask = this.get_buffer("tril")[..(int)T, ..(int)T];
                    return y.transpose(1, 2).contiguous().view(B, T, C) + mask.sum();
                }
            }
            public sealed class Gpt : Module<Tensor, Tensor>
            {
                private readonly ModuleList<Module<Tensor, Tensor>> h;
                public Gpt() : base("Gpt")
                {
                    h = nn.ModuleList((from _ in Enumerable.Range(0, 3) select (Module<Tensor, Tensor>)new Attention(true)).ToArray());
                    RegisterComponents();
                }
                public override Tensor forward(Tensor x)
                {
                    foreach (var block in h) x = block.call(x);
                    return x;
                }
            }
            public static class Factory { [Diagram(Input = "N,16,64")] public static Module<Tensor, Tensor> Make() => new Gpt(); }
            """);
        var model = Assert.Single(result.Models);
        Assert.Equal(3 * (64 * 192 + 192), model.Root.Parameters);
        Assert.Equal(3 * 64 * 64, model.Root.Buffers); // the "tril" buffers only: TorchSharp has scaled_dot_product_attention
        Assert.Equal(3, model.Flow.Nodes.Count(n => n.Name == "scaled_dot_product_attention" && n.Shape == "N×4×16×16"));
        Assert.Equal("N×16×64", model.Flow.Nodes.Last(n => n.Name == "add").Shape);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id.StartsWith("NVG01", StringComparison.Ordinal));
    }

    [Fact]
    public void A_tensor_operand_the_reader_lost_is_a_warning_naming_the_operand()
    {
        var result = GeneratorHarness.Run(GeneratorHarness.Usings + """
            [Diagram(Input = "N,8,8")]
            public sealed class Masked : Module<Tensor, Tensor>
            {
                public Masked() : base("Masked") { RegisterComponents(); }
                public override Tensor forward(Tensor x) => x.masked_fill(Opaque.Mask(), 0);
            }
            public static class Opaque { public static extern Tensor Mask(); }
            """);
        var warning = Assert.Single(result.Diagnostics, d => d.GetMessage().StartsWith("Tensor argument 'mask' of 'masked_fill' is not known", StringComparison.Ordinal));
        Assert.Equal("NVG0102", warning.Id);
    }

    [Fact]
    public void A_tied_weight_is_counted_once_where_both_layers_meet()
    {
        // GPT-2's weight tying: the token embedding's weight is the output layer's. TorchSharp counts the tensor
        // in each layer but once in the model: 65×64 (wte) + 64×64 (wpe) + 64×65 (lm_head, no bias) - 65×64.
        var result = GeneratorHarness.Run(GeneratorHarness.Usings + """
            public sealed class Lm : Module<Tensor, Tensor>
            {
                private readonly Embedding wte = Embedding(65, 64);
                private readonly Embedding wpe = Embedding(64, 64);
                private readonly Linear lm_head = Linear(64, 65, hasBias: false);
                public Lm() : base("Lm")
                {
                    wte.weight = lm_head.weight;
                    RegisterComponents();
                }
                public override Tensor forward(Tensor idx) => lm_head.call(wte.call(idx) + wpe.call(idx));
            }
            public static class Factory { [Diagram(Input = "N,16")] public static Module<Tensor, Tensor> Make() => new Lm(); }
            """);
        var model = Assert.Single(result.Models);
        Assert.Equal(65 * 64 + 64 * 64, model.Root.Parameters);
        Assert.Equal(65 * 64 + 64 * 64, model.Root.Trainable);
        var wte = Assert.Single(model.Root.Children, c => c.Path == "wte");
        Assert.Equal("lm_head", wte.TiedWeight);
        Assert.Equal(65 * 64, wte.Parameters); // each layer still reports the tensor, as named_parameters() does
        Assert.DoesNotContain(result.Diagnostics, d => d.Id.StartsWith("NVG01", StringComparison.Ordinal));
    }

    [Fact]
    public void An_initialisation_loop_over_unknown_parameters_is_skipped_quietly_and_any_other_loop_is_not()
    {
        // nanoGPT's scaled init changes values only; the second loop stores into a field, which could change
        // what the model is, so it keeps its warning.
        var result = GeneratorHarness.Run(GeneratorHarness.Usings + """
            public sealed class Net : Module<Tensor, Tensor>
            {
                private readonly Linear c_proj = Linear(8, 8);
                private long counted;
                public Net(bool count) : base("Net")
                {
                    RegisterComponents();
                    foreach (var (pn, p) in named_parameters())
                    {
                        if (pn.EndsWith("c_proj.weight")) nn.init.normal_(p, mean: 0.0, std: 0.02 / Math.Sqrt(2 * 12));
                        else p.zero_();
                    }
                    if (count) foreach (var p in parameters()) counted += p.numel();
                }
                public override Tensor forward(Tensor x) => c_proj.call(x);
            }
            public static class Factory { [Diagram(Input = "N,8")] public static Module<Tensor, Tensor> Make() => new Net(true); }
            """);
        var warning = Assert.Single(result.Diagnostics, d => d.GetMessage().StartsWith("Loop bound", StringComparison.Ordinal));
        Assert.Contains("parameters()", warning.GetMessage());
        Assert.DoesNotContain("named_parameters", warning.GetMessage());
    }

    [Fact]
    public void Options_for_dependency_injection_and_a_reshape_of_helper_built_data_are_read()
    {
        // TaggedDev's text-to-motion models: sizes from IOptions<T>.Value, and an adjacency buffer made by
        // reshaping an array a helper computes.
        var result = GeneratorHarness.Run(GeneratorHarness.Usings + """
            using Microsoft.Extensions.Options;
            public sealed class Config { public int Hidden { get; set; } = 8; }
            public sealed class Motion : Module<Tensor, Tensor>
            {
                private readonly Linear fc;
                private readonly Tensor adj;
                public Motion(IOptions<Config> config) : base("Motion")
                {
                    var cfg = config.Value;
                    fc = Linear(16, cfg.Hidden);
                    adj = from_array(Adjacency()).reshape(22, 22);
                    RegisterComponents();
                }
                private static float[] Adjacency() { var a = new float[22 * 22]; for (int i = 0; i < 22; i++) a[i * 23] = 1; return a; }
                public override Tensor forward(Tensor x) => fc.call(x);
            }
            public static class Factory { [Diagram(Input = "N,16")] public static Module<Tensor, Tensor> Make() => new Motion(Options.Create(new Config { Hidden = 32 })); }
            """);
        var model = Assert.Single(result.Models);
        Assert.Equal(16 * 32 + 32, model.Root.Parameters);
        Assert.Equal(22 * 22, model.Root.Buffers);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id.StartsWith("NVG01", StringComparison.Ordinal));
    }
}
