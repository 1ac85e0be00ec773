using NetVizGen.Generator.Tests.TestSupport;
using NetVizGen.Model.Catalog;
using NetVizGen.Model.Specs;

namespace NetVizGen.Generator.Tests.Extraction;

/// <summary>
/// Idioms of a reinforcement-learning library's networks (asieradzk/RL_Matrix), each once: a noisy layer that
/// adds its noise buffers to a wrapped layer's weights and calls <c>functional.linear</c>, and a branch on a
/// constructor flag and the input's rank together.
/// </summary>
public class ReinforcementLearningIdiomTests
{
    // RLMatrix's NoisyLinear: no RegisterComponents of its own (the owner's registration registers it), noise
    // kept in plain tensor fields (buffers), and in training mode a linear with the noisy weight and bias.
    private const string NoisyLinear = """
        public sealed class NoisyLinear : Module<Tensor, Tensor>
        {
            private Linear _linear;
            private Tensor _weight_epsilon;
            private Tensor _bias_epsilon;
            private float _std_init;
            public NoisyLinear(long in_features, long out_features, float std_init = 0.0001f) : base(nameof(NoisyLinear))
            {
                _std_init = std_init;
                _linear = nn.Linear(in_features, out_features, true);
                var factorizedNoiseShape = new long[] { out_features, 1 };
                _weight_epsilon = torch.randn(factorizedNoiseShape) * _std_init;
                _bias_epsilon = torch.randn(out_features) * _std_init;
            }
            public override Tensor forward(Tensor input)
            {
                if (this.training)
                {
                    var noisy_weight = _linear.weight + _weight_epsilon.expand(_linear.weight.shape);
                    var noisy_bias = _linear.bias + _bias_epsilon;
                    return nn.functional.linear(input, noisy_weight, noisy_bias);
                }
                return _linear.forward(input);
            }
        }
        """;

    [Fact]
    public void A_noisy_layer_counts_its_wrapped_weights_and_noise_buffers_and_keeps_the_linear_shape()
    {
        var model = GeneratorHarness.Single(GeneratorHarness.Usings + NoisyLinear + """
            [Diagram(Input = "N,8")]
            public sealed class NoisyNet : Module<Tensor, Tensor>
            {
                private readonly ModuleList<Module<Tensor, Tensor>> layers = new();
                public NoisyNet() : base("NoisyNet")
                {
                    layers.Add(new NoisyLinear(8, 16));
                    layers.Add(new NoisyLinear(16, 4));
                    RegisterComponents();
                }
                public override Tensor forward(Tensor x)
                {
                    foreach (var layer in layers) x = functional.relu(layer.forward(x));
                    return x;
                }
            }
            """);

        Assert.DoesNotContain(model.Notes, n => n.Severity != NoteSeverity.Info);
        Assert.Equal(8 * 16 + 16 + 16 * 4 + 4, model.Root.Parameters);
        Assert.Equal(16 + 16 + 4 + 4, model.Root.Buffers); // out × 1 weight noise and out bias noise, per layer
        Assert.Equal(new[] { "N×16", "N×4" }, model.Flow.Nodes.Where(n => n.Name == "linear").Select(n => n.Shape));
        Assert.Equal("N×4", model.Flow.Nodes.Single(n => n.Kind == FlowNodeKind.Output).Shape);
        // The wrapped layer's weights are drawn as parameters, the noise as buffers (it has no gradient).
        Assert.True(OpCatalog.TryGet("parameter", out var source));
        var labels = model.Flow.Nodes.Where(n => n.Name == "parameter").Select(n => source.Summary(n.Args)).Take(4);
        Assert.Equal(new[] { "parameter layers.0._linear.weight", "buffer layers.0._weight_epsilon", "parameter layers.0._linear.bias", "buffer layers.0._bias_epsilon" }, labels);
    }

    [Fact]
    public void Functional_linear_with_a_one_dimensional_weight_drops_the_last_dim_and_wrong_features_are_a_located_warning()
    {
        var model = GeneratorHarness.Single(GeneratorHarness.Usings + """
            [Diagram(Input = "N,8")]
            public sealed class Probe : Module<Tensor, Tensor>
            {
                private readonly TorchSharp.Modules.Parameter w = new TorchSharp.Modules.Parameter(torch.randn(8));
                private readonly TorchSharp.Modules.Parameter wide = new TorchSharp.Modules.Parameter(torch.randn(4, 9));
                public Probe() : base("Probe") { RegisterComponents(); }
                public override Tensor forward(Tensor x)
                {
                    var score = nn.functional.linear(x, w);
                    return nn.functional.linear(x, wide);
                }
            }
            """);

        var linears = model.Flow.Nodes.Where(n => n.Name == "linear").ToList();
        Assert.Equal("N", linears[0].Shape);
        var mismatch = Assert.Single(model.Notes, n => n.Id == "NVG0202");
        Assert.Equal("'linear' expects in_features 9 but receives 8 features from input 'x'.", mismatch.Message);
    }

    [Theory]
    [InlineData(true, "N×1×16")]
    [InlineData(false, "N×16")]
    public void A_flag_and_a_rank_check_together_are_decided_by_the_traced_shapes(bool useRnn, string output)
    {
        // PPOActorNet1D: if (useRnn && x.dim() == 2) x = x.unsqueeze(0); a flag known at compile time and a rank
        // known once traced. The flag used to make the whole condition unknown (an "assumed true" warning).
        var model = GeneratorHarness.Single(GeneratorHarness.Usings + $$"""
            [Diagram(Input = "N,8")]
            public sealed class Actor : Module<Tensor, Tensor>
            {
                private readonly Linear fc = Linear(8, 16);
                private readonly bool useRnn;
                public Actor() : base("Actor") { useRnn = {{(useRnn ? "true" : "false")}}; RegisterComponents(); }
                public override Tensor forward(Tensor x)
                {
                    if (useRnn && x.dim() == 2)
                    {
                        x = x.unsqueeze(1);
                    }
                    if (!useRnn || x.dim() != 3)
                    {
                        x = x.unsqueeze(1).squeeze(1);
                    }
                    return fc.forward(x);
                }
            }
            """);

        Assert.DoesNotContain(model.Notes, n => n.Id == "NVG0102");
        Assert.Equal(output, model.Flow.Nodes.Single(n => n.Kind == FlowNodeKind.Output).Shape);
    }

    [Fact]
    public void A_flag_read_through_an_auto_property_decides_the_condition_too_but_a_getter_with_a_body_is_not_run_again()
    {
        string Actor(string flag) => GeneratorHarness.Usings + $$"""
            [Diagram(Input = "N,8")]
            public sealed class Actor : Module<Tensor, Tensor>
            {
                private readonly Linear fc = Linear(8, 16);
                {{flag}}
                public Actor() : base("Actor") { RegisterComponents(); }
                public override Tensor forward(Tensor x)
                {
                    if (UseRnn && x.dim() == 2)
                    {
                        x = x.unsqueeze(1);
                    }
                    return fc.forward(x);
                }
            }
            """;

        var auto = GeneratorHarness.Single(Actor("private bool UseRnn { get; } = true;"));
        Assert.DoesNotContain(auto.Notes, n => n.Id == "NVG0102");
        Assert.Equal("N×1×16", auto.Flow.Nodes.Single(n => n.Kind == FlowNodeKind.Output).Shape);

        // A getter with a body is code of the model's: the guard does not run it a second time, so the condition
        // stays undecided and says so (the branch is still taken as the evaluator found it).
        var computed = GeneratorHarness.Single(Actor("private bool UseRnn => fc is not null;"));
        Assert.Contains(computed.Notes, n => n.Id == "NVG0102");
    }
}
