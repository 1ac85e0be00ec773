using NetVizGen.Generator.Tests.TestSupport;

namespace NetVizGen.Generator.Tests.Extraction;

/// <summary>
/// Idioms of a segmentation U-Net family nobody here wrote (K1T00/DeepLearningSegmentationEditor): conditions on
/// traced sizes decided while tracing, interpolation to another tensor's traced size, and a layer without
/// parameters made inside forward.
/// </summary>
public class SegmentationUNetIdiomTests
{
    [Fact]
    public void A_residual_add_guarded_by_equal_channels_is_left_out_where_the_channels_change()
    {
        // if (outT.shape[1] == input.shape[1]) return outT + input; else return outT;
        // Before, the add was assumed, drawn, and reported as a broadcast bug in the user's model (NVG0203).
        var result = GeneratorHarness.Run(GeneratorHarness.Usings + """
            public sealed class ResidualBlock : Module<Tensor, Tensor>
            {
                private readonly Module<Tensor, Tensor> block;
                public ResidualBlock(Module<Tensor, Tensor> block) : base("ResidualBlock") { this.block = block; RegisterComponents(); }
                public override Tensor forward(Tensor input)
                {
                    using (var _ = NewDisposeScope())
                    {
                        var outT = block.call(input);
                        if (outT.shape[1] == input.shape[1])
                            return (outT + input).MoveToOuterDisposeScope();
                        else
                            return outT.MoveToOuterDisposeScope();
                    }
                }
            }
            [Diagram(Input = "N,3,16,16")]
            public sealed class Net : Module<Tensor, Tensor>
            {
                private readonly Module<Tensor, Tensor> first = new ResidualBlock(Conv2d(3, 8, 3, 1, 1));
                private readonly Module<Tensor, Tensor> second = new ResidualBlock(Conv2d(8, 8, 3, 1, 1));
                public Net() : base("Net") { RegisterComponents(); }
                public override Tensor forward(Tensor x) => second.call(first.call(x));
            }
            """);

        Assert.DoesNotContain(result.Diagnostics, d => d.Id is "NVG0203" or "NVG0102");
        var model = Assert.Single(result.Models);
        var add = Assert.Single(model.Flow.Nodes, n => n.Name == "add"); // only the second block keeps 8 channels
        Assert.Equal("N×8×16×16", add.Shape);
    }

    [Fact]
    public void A_skip_resized_only_when_sizes_differ_and_a_gate_resized_to_a_traced_size_have_known_shapes()
    {
        var model = GeneratorHarness.Single(GeneratorHarness.Usings + """
            using static TorchSharp.torch.nn.functional;
            [Diagram(Input = "N,4,32,32")]
            public sealed class Gate : Module<Tensor, Tensor>
            {
                private readonly Module<Tensor, Tensor> down = MaxPool2d(2, 2), up = ConvTranspose2d(4, 4, 2, 2);
                public Gate() : base("Gate") { RegisterComponents(); }
                public override Tensor forward(Tensor x)
                {
                    var skip = x;
                    var upSampled = up.call(down.call(x));
                    if (upSampled.shape[2] != skip.shape[2] || upSampled.shape[3] != skip.shape[3])
                        skip = interpolate(skip, new long[] { upSampled.shape[2], upSampled.shape[3] }, mode: InterpolationMode.Bilinear, align_corners: false);
                    var size = skip.shape;
                    var gate = interpolate(down.call(x), new long[] { size[2], size[3] }, mode: InterpolationMode.Bilinear, align_corners: false);
                    return cat(new[] { upSampled, skip * gate }, 1);
                }
            }
            """);

        var interpolations = model.Flow.Nodes.Where(n => n.Name == "interpolate").ToList();
        Assert.Equal("N×4×32×32", Assert.Single(interpolations).Shape); // the gate's; the skip already had the size
        Assert.Equal("N×8×32×32", Assert.Single(model.Flow.Nodes, n => n.Name == "cat").Shape);
        Assert.DoesNotContain(model.Notes, n => n.Id is "NVG0102" or "NVG0210");
    }

    [Fact]
    public void A_layer_without_parameters_made_in_forward_is_an_op_with_its_layers_shape_and_one_with_parameters_is_still_a_warning()
    {
        var result = GeneratorHarness.Run(GeneratorHarness.Usings + """
            [Diagram(Input = "N,8")]
            public sealed class Inline : Module<Tensor, Tensor>
            {
                private readonly Module<Tensor, Tensor> fc = Linear(8, 4);
                public Inline() : base("Inline") { RegisterComponents(); }
                public override Tensor forward(Tensor x) => Linear(4, 2).call(ReLU().call(fc.call(x)));
            }
            """);

        var model = Assert.Single(result.Models);
        var relu = Assert.Single(model.Flow.Nodes, n => n.Name == "ReLU");
        Assert.Equal(NetVizGen.Model.Specs.FlowNodeKind.Op, relu.Kind);
        Assert.Equal("N×4", relu.Shape);
        // A Linear made per call has new random weights every time: that stays a located warning.
        var warning = Assert.Single(result.Diagnostics, d => d.Id == "NVG0102");
        Assert.Contains("Linear that is not registered", warning.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Window_padding_computed_with_remainder_on_traced_sizes_is_followed()
    {
        // Segment Anything's window partition: padH = (window - H % window) % window; pad only when needed.
        // '%' has no symbolic form, so the sizes are taken as the numbers the traced shapes make them.
        var model = GeneratorHarness.Single(GeneratorHarness.Usings + """
            using static TorchSharp.torch.nn.functional;
            [Diagram(Input = "N,30,30,8")]
            public sealed class Windows : Module<Tensor, Tensor>
            {
                private readonly int window = 14;
                private readonly Module<Tensor, Tensor> fc = Linear(8, 8);
                public Windows() : base("Windows") { RegisterComponents(); }
                public override Tensor forward(Tensor x)
                {
                    long H = x.shape[1], W = x.shape[2];
                    long padH = (window - H % window) % window, padW = (window - W % window) % window;
                    if (padH > 0 || padW > 0) x = pad(x, new long[] { 0, 0, 0, padW, 0, padH });
                    var Hp = H + padH;
                    return fc.forward(x.view(-1, Hp / window, window, x.shape[2] / window, window, 8));
                }
            }
            """);

        Assert.Equal("N×42×42×8", Assert.Single(model.Flow.Nodes, n => n.Name == "pad").Shape);
        Assert.Equal("N×3×14×3×14×8", Assert.Single(model.Flow.Nodes, n => n.Name == "view").Shape);
        Assert.DoesNotContain(model.Notes, n => n.Id is "NVG0102" or "NVG0210");
    }

    [Fact]
    public void A_shape_kept_whole_and_given_back_to_reshape_is_followed()
    {
        // Stable Diffusion's attention: var input_shape = x.shape; ... output.reshape(input_shape).
        var model = GeneratorHarness.Single(GeneratorHarness.Usings + """
            [Diagram(Input = "N,16,8")]
            public sealed class Heads : Module<Tensor, Tensor>
            {
                private readonly Module<Tensor, Tensor> proj = Linear(8, 8);
                public Heads() : base("Heads") { RegisterComponents(); }
                public override Tensor forward(Tensor x)
                {
                    var input_shape = x.shape;
                    long[] interim = new long[] { input_shape[0], -1, 2, 4 };
                    var q = proj.forward(x).view(interim).transpose(1, 2);
                    return q.transpose(1, 2).reshape(input_shape);
                }
            }
            """);

        Assert.Equal("N×16×8", Assert.Single(model.Flow.Nodes, n => n.Name == "reshape").Shape);
        Assert.DoesNotContain(model.Notes, n => n.Id is "NVG0102" or "NVG0210");
    }
}
