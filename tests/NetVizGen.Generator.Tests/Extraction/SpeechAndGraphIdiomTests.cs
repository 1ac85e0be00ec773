using NetVizGen.Generator.Tests.TestSupport;
using NetVizGen.Model.Specs;

namespace NetVizGen.Generator.Tests.Extraction;

/// <summary>
/// Idioms of a CosyVoice HiFT vocoder port (ArnieTW/CosyVoiceNet) and a mesh graph network (mattemangia/Deep3DStudio),
/// each once: an stft window kept as a plain tensor field, a tensor field the reader cannot follow, and a sparse
/// adjacency matrix multiplied with node features.
/// </summary>
public class SpeechAndGraphIdiomTests
{
    [Fact]
    public void A_window_kept_as_a_tensor_field_is_a_buffer_of_its_length()
    {
        var model = GeneratorHarness.Single(GeneratorHarness.Usings + """
            [Diagram(Input = "N,8")]
            public sealed class Vocoder : Module<Tensor, Tensor>
            {
                private readonly Tensor stft_window;
                public Vocoder(int nFft = 16) : base("Vocoder")
                {
                    stft_window = torch.hann_window(nFft, periodic: true);
                    RegisterComponents();
                }
                public override Tensor forward(Tensor x) => x;
            }
            """);

        Assert.DoesNotContain(model.Notes, n => n.Id.StartsWith("NVG01", StringComparison.Ordinal));
        Assert.Equal(16, model.Root.Buffers);
        Assert.Equal(0, model.Root.Parameters);
    }

    [Fact]
    public void A_tensor_field_the_reader_cannot_follow_leaves_both_totals_unknown()
    {
        // A Tensor-typed field may hold a Parameter or a plain tensor: neither total can be stated, not even 0 buffers.
        var model = GeneratorHarness.Single(GeneratorHarness.Usings + """
            [Diagram(Input = "N,8")]
            public sealed class Loaded : Module<Tensor, Tensor>
            {
                private readonly Tensor table;
                private readonly Linear fc = Linear(8, 8);
                public Loaded() : base("Loaded")
                {
                    table = torch.load(Environment.GetEnvironmentVariable("TABLE"));
                    RegisterComponents();
                }
                public override Tensor forward(Tensor x) => fc.forward(x);
            }
            """);

        Assert.Contains(model.Notes, n => n.Id == "NVG0101" && n.Message.Contains("table", StringComparison.Ordinal));
        Assert.True(model.Root.Parameters < 0, "parameters");
        Assert.True(model.Root.Buffers < 0, "buffers");
    }

    [Fact]
    public void A_sparse_adjacency_times_node_features_keeps_the_features_shape_with_unknown_multiply_adds()
    {
        // DeepMeshPrior's GCNConv: adj = sparse_coo_tensor(edgeIndex, edgeWeight, [n, n]); out = matmul(adj, xW).
        var model = GeneratorHarness.Single(GeneratorHarness.Usings + """
            [Diagram(Input = "x=642,16;edgeIndex=2,4482;edgeWeight=4482")]
            public sealed class GCNConv : Module<Tensor, Tensor, Tensor, Tensor>
            {
                private readonly Linear _linear = Linear(16, 32);
                public GCNConv() : base("GCNConv") { RegisterComponents(); }
                public override Tensor forward(Tensor x, Tensor edgeIndex, Tensor edgeWeight)
                {
                    var xTransformed = _linear.forward(x);
                    long numNodes = x.size(0);
                    var adj = torch.sparse_coo_tensor(edgeIndex, edgeWeight, new long[] { numNodes, numNodes }, device: x.device, dtype: x.dtype);
                    return torch.matmul(adj, xTransformed);
                }
            }
            """);

        Assert.DoesNotContain(model.Notes, n => n.Id.StartsWith("NVG02", StringComparison.Ordinal));
        Assert.Equal("642×642", model.Flow.Nodes.Single(n => n.Name == "sparse_coo_tensor").Shape);
        Assert.Equal("642×32", model.Flow.Nodes.Single(n => n.Kind == FlowNodeKind.Output).Shape);
        Assert.True(model.Flow.Nodes.Any(n => n.Name == "sparse_matmul"), "the product is a sparse one");
    }

    [Fact]
    public void Functional_convolutions_with_a_weight_made_in_forward_take_their_channels_from_the_weight()
    {
        // HiFT's weight-normed convolutions: conv1d(x, g * v / ||v||, bias, stride, padding, dilation, groups), and the transposed form.
        var model = GeneratorHarness.Single(GeneratorHarness.Usings + """
            [Diagram(Input = "N,80,50")]
            public sealed class WeightNormed : Module<Tensor, Tensor>
            {
                private readonly TorchSharp.Modules.Parameter v = new TorchSharp.Modules.Parameter(torch.randn(128, 80, 7));
                private readonly TorchSharp.Modules.Parameter g = new TorchSharp.Modules.Parameter(torch.ones(128, 1, 1));
                private readonly TorchSharp.Modules.Parameter vUp = new TorchSharp.Modules.Parameter(torch.randn(128, 64, 16));
                public WeightNormed() : base("WeightNormed") { RegisterComponents(); }
                public override Tensor forward(Tensor x)
                {
                    var h = nn.functional.conv1d(x, g * v, null, 1L, 3L, 1L, 1L);
                    return nn.functional.conv_transpose1d(h, vUp, null, 8L, 4L, 0L, 1L, 1L);
                }
            }
            """);

        Assert.Equal("N×128×50", model.Flow.Nodes.Single(n => n.Name == "conv1d").Shape);
        Assert.Equal("N×64×400", model.Flow.Nodes.Single(n => n.Kind == FlowNodeKind.Output).Shape); // (50 - 1) * 8 - 2 * 4 + 16
        Assert.DoesNotContain(model.Notes, n => n.Id == "NVG0210");
    }

    [Fact]
    public void Phase_arithmetic_and_complex_parts_keep_their_shapes()
    {
        // HiFT's sine source: rad = (f0 / sr) % 1; phases copied into a buffer; a complex spectrum from real and imaginary parts.
        var model = GeneratorHarness.Single(GeneratorHarness.Usings + """
            [Diagram(Input = "N,9,100")]
            public sealed class Source : Module<Tensor, Tensor>
            {
                public Source() : base("Source") { RegisterComponents(); }
                public override Tensor forward(Tensor f0)
                {
                    var rad = torch.remainder(f0 / 22050, 1);
                    var phase = torch.zeros_like(rad);
                    phase.copy_(rad);
                    return torch.complex(phase, rad);
                }
            }
            """);

        Assert.DoesNotContain(model.Notes, n => n.Id is "NVG0207" or "NVG0210");
        Assert.Equal("N×9×100", model.Flow.Nodes.Single(n => n.Kind == FlowNodeKind.Output).Shape);
    }

    [Fact]
    public void A_buffer_whose_persistence_is_not_known_leaves_the_buffer_total_unknown_with_a_warning()
    {
        // buffers() lists only persistent buffers, so an unknown flag decides whether these 8 elements count.
        var model = GeneratorHarness.Single(GeneratorHarness.Usings + """
            [Diagram(Input = "N,8")]
            public sealed class Window : Module<Tensor, Tensor>
            {
                public Window() : base("Window")
                {
                    register_buffer("window", torch.ones(8), persistent: Environment.ProcessorCount > 1);
                }
                public override Tensor forward(Tensor x) => x;
            }
            """);

        Assert.Contains(model.Notes, n => n.Id == "NVG0101" && n.Message.Contains("persistent", StringComparison.Ordinal));
        Assert.True(model.Root.Buffers < 0, "buffers");
    }
}
