using NetVizGen.Generator.Tests.TestSupport;
using NetVizGen.Model.Catalog;
using NetVizGen.Model.Shapes;
using NetVizGen.Model.Specs;

namespace NetVizGen.Generator.Tests.Extraction;

/// <summary>
/// The discrete Fourier transforms of <c>torch.fft</c> as a Fast Fourier Convolution (LaMa's FFC) uses them: the
/// channels split by a ratio into a local and a global branch, the global one taken to the frequency domain
/// (<c>rfftn</c>), its real and imaginary parts stacked as channels for a 1×1 convolution, and brought back
/// (<c>complex</c>, <c>irfftn</c> to the input's size).
/// </summary>
public class FourierTransformTests
{
    private const string Ffc = GeneratorHarness.Usings + """
        namespace Samples;
        public sealed class SpectralUnit : Module<Tensor, Tensor>
        {
            private readonly Module<Tensor, Tensor> conv;
            private readonly Module<Tensor, Tensor> bn;
            public SpectralUnit(int channels) : base("SpectralUnit")
            {
                conv = Conv2d(channels * 2, channels * 2, 1, bias: false);
                bn = BatchNorm2d(channels * 2);
                RegisterComponents();
            }
            public override Tensor forward(Tensor x)
            {
                var batch = x.shape[0];
                var ffted = fft.rfftn(x, dim: new long[] { -2, -1 }, norm: FFTNormType.Ortho);
                ffted = torch.stack(new[] { ffted.real, ffted.imag }, dim: -1);
                ffted = ffted.permute(0, 1, 4, 2, 3).contiguous();
                ffted = ffted.view(batch, -1, ffted.shape[3], ffted.shape[4]);
                ffted = functional.relu(bn.call(conv.call(ffted)));
                ffted = ffted.view(batch, -1, 2, ffted.shape[2], ffted.shape[3]).permute(0, 1, 3, 4, 2).contiguous();
                var spectrum = torch.complex(ffted[TensorIndex.Ellipsis, 0], ffted[TensorIndex.Ellipsis, 1]);
                return fft.irfftn(spectrum, s: new long[] { x.shape[2], x.shape[3] }, dim: new long[] { -2, -1 }, norm: FFTNormType.Ortho);
            }
        }
        [Diagram(Input = "N,64,32,48")]
        public sealed class FastFourierConv : Module<Tensor, Tensor>
        {
            private readonly int localChannels;
            private readonly Module<Tensor, Tensor> l2l, g2l, l2g;
            private readonly SpectralUnit g2g;
            public FastFourierConv(int channels = 64, double ratio = 0.75) : base("FastFourierConv")
            {
                int global = (int)(channels * ratio);
                localChannels = channels - global;
                l2l = Conv2d(localChannels, localChannels, 3, padding: 1, bias: false);
                g2l = Conv2d(global, localChannels, 3, padding: 1, bias: false);
                l2g = Conv2d(localChannels, global, 3, padding: 1, bias: false);
                g2g = new SpectralUnit(global);
                RegisterComponents();
            }
            public override Tensor forward(Tensor x)
            {
                var xl = x[.., ..localChannels];
                var xg = x[.., localChannels..];
                var outL = l2l.call(xl) + g2l.call(xg);
                var outG = l2g.call(xl) + g2g.call(xg);
                return torch.cat(new[] { outL, outG }, dim: 1);
            }
        }
        """;

    private static FlowNodeSpec Node(ModelSpec model, string name) => model.Flow.Nodes.Single(n => n.Name == name);

    [Fact]
    public void A_fast_Fourier_convolution_has_every_shape_and_no_warning()
    {
        var model = GeneratorHarness.Single(Ffc);

        Assert.DoesNotContain(model.Notes, n => n.Severity != NoteSeverity.Info);
        Assert.Empty(model.Incomplete);
        // 16 local and 48 global channels: 16·16·9 + 48·16·9 + 16·48·9 + (96·96 + 2·96) = 25,536.
        Assert.Equal(25_536, model.Root.Parameters);
        Assert.Equal("N×48×32×25", Node(model, "rfftn").Shape);     // the last dim: 48 / 2 + 1 frequencies
        Assert.Equal("N×48×32×25×2", Node(model, "stack").Shape);
        Assert.Equal("N×96×32×25", model.Flow.Nodes.Single(n => n.ModulePath == "g2g.conv").Shape);
        Assert.Equal("N×48×32×25", Node(model, "complex").Shape);
        Assert.Equal("N×48×32×48", Node(model, "irfftn").Shape);    // s: back to the input's size
        Assert.Equal("N×64×32×48", model.Flow.Nodes.Single(n => n.Kind == FlowNodeKind.Output).Shape);
    }

    [Fact]
    public void Without_sizes_a_one_sided_spectrum_made_real_has_twice_its_frequencies_less_two()
    {
        var model = GeneratorHarness.Single(GeneratorHarness.Usings + """
            namespace Samples;
            [Diagram(Input = "N,8,32,45")]
            public sealed class RoundTrip : Module<Tensor, Tensor>
            {
                public RoundTrip() : base("RoundTrip") { RegisterComponents(); }
                public override Tensor forward(Tensor x)
                {
                    var half = view_as_real(fft.rfft2(x));
                    var back = fft.irfft2(view_as_complex(half));
                    var line = fft.fft_(x, n: 64, dim: 1).abs();
                    return back + fft.ifftshift(fft.fftn(x, s: new long[] { -1, 44 })).real + line.sum();
                }
            }
            """);

        Assert.DoesNotContain(model.Notes, n => n.Severity != NoteSeverity.Info);
        Assert.Equal("N×8×32×23×2", Node(model, "view_as_real").Shape);
        Assert.Equal("N×8×32×44", Node(model, "irfft2").Shape);      // 2 (23 − 1): the odd 45 is not recovered
        Assert.Equal("N×64×32×45", Node(model, "fft").Shape);
        Assert.Equal("N×8×32×44", Node(model, "fftn").Shape);        // s of 2 sizes: the last two dims, -1 keeps one
        Assert.Equal("N×8×32×44", model.Flow.Nodes.Single(n => n.Kind == FlowNodeKind.Output).Shape);
    }

    [Fact]
    public void Sizes_and_dims_that_do_not_agree_are_shape_errors()
    {
        Assert.True(OpCatalog.TryGet("rfftn", out var rfftn));
        var x = Shape.Of(new Dim[] { 2, 3, 8 });
        static ArgSpec Tuple(string name, params long[] items) => new(name, ArgValue.FromTuple(items.Select(ArgValue.FromInt)));
        Assert.Equal(ShapeStatus.Error, rfftn.InferShape(new[] { Tuple("s", 4, 4), Tuple("dim", -1) }, new[] { x }).Status);
        Assert.Equal(ShapeStatus.Error, rfftn.InferShape(new[] { Tuple("dim", -1, 2) }, new[] { x }).Status);
        Assert.Equal(ShapeStatus.Error, rfftn.InferShape(new[] { Tuple("dim", 3) }, new[] { x }).Status);
        Assert.True(OpCatalog.TryGet("irfft", out var irfft));
        Assert.Equal(ShapeStatus.Error, irfft.InferShape(Array.Empty<ArgSpec>(), new[] { Shape.Of(new Dim[] { 2, 1 }) }).Status); // 2 (1 − 1) = 0 points
        Assert.Equal("rfftn dim=(-2, -1)", rfftn.Summary(new[] { Tuple("dim", -2, -1) }));
    }
}
