using NetVizGen.Generator.Tests.TestSupport;
using NetVizGen.Model.Catalog;
using NetVizGen.Model.Specs;

namespace NetVizGen.Generator.Tests.Extraction;

/// <summary>
/// torch.stft / torch.istft and their Tensor methods, as a HiFT vocoder (ArnieTW/CosyVoiceNet) calls them:
/// the spectrum's shape from n_fft, hop and centring, its real and imaginary parts, and the signal istft gives back.
/// </summary>
public class SpectralOpTests
{
    private static string Shape(ModelSpec model, string name) => model.Flow.Nodes.Single(n => n.Name == name).Shape;

    private static string Output(ModelSpec model) => model.Flow.Nodes.Single(n => n.Kind == FlowNodeKind.Output).Shape;

    [Fact]
    public void A_spectrum_split_into_parts_feeds_a_convolution_and_istft_gives_the_signal_back()
    {
        // HiFT: spec = stft(x, n_fft, hop, n_fft, window, return_complex: true); cat(spec.real, spec.imag) feeds the
        // source convolutions; istft(complex(re, im), n_fft, hop, n_fft, window) is the waveform.
        var model = GeneratorHarness.Single(GeneratorHarness.Usings + """
            [Diagram(Input = "N,100")]
            public sealed class Vocoder : Module<Tensor, Tensor>
            {
                private readonly Tensor stft_window;
                private readonly Conv1d down = Conv1d(18, 8, 1);
                private readonly int _nFft = 16, _hop = 4;
                public Vocoder() : base("Vocoder")
                {
                    stft_window = torch.hann_window(16, periodic: true);
                    RegisterComponents();
                }
                public override Tensor forward(Tensor x)
                {
                    var spec = torch.stft(x, _nFft, _hop, _nFft, window: stft_window.to(x.device), return_complex: true);
                    var parts = torch.cat(new[] { spec.real, spec.imag }, dim: 1);
                    var h = down.forward(parts);
                    return torch.istft(torch.complex(spec.real, spec.imag), _nFft, _hop, _nFft, window: stft_window);
                }
            }
            """);

        Assert.DoesNotContain(model.Notes, n => n.Id is "NVG0207" or "NVG0210" || n.Id.StartsWith("NVG01", StringComparison.Ordinal));
        Assert.Equal("N×9×26", Shape(model, "stft")); // 1 + (100 + 2·8 − 16) / 4
        Assert.All(model.Flow.Nodes.Where(n => n.Name is "real" or "imag"), n => Assert.Equal("N×9×26", n.Shape));
        Assert.Equal("N×8×26", model.Flow.Nodes.Single(n => n.ModulePath == "down").Shape);
        Assert.Equal("N×100", Output(model)); // 16 + 4·25 − 2·8
        Assert.True(OpCatalog.TryGet("stft", out var stft));
        Assert.Equal("stft n_fft=16 hop=4", stft.Summary(model.Flow.Nodes.Single(n => n.Name == "stft").Args));
    }

    [Fact]
    public void Defaults_hop_a_quarter_of_n_fft_and_a_spectrum_without_return_complex_has_a_last_dim_of_two()
    {
        var model = GeneratorHarness.Single(GeneratorHarness.Usings + """
            [Diagram(Input = "a=N,100;b=100")]
            public sealed class Spectra : Module<Tensor, Tensor, Tensor>
            {
                public Spectra() : base("Spectra") { RegisterComponents(); }
                public override Tensor forward(Tensor a, Tensor b)
                {
                    var method = a.stft(16, return_complex: true);
                    var odd = torch.stft(b, 15, return_complex: true);
                    var pairs = torch.stft(a, 16, 4);
                    return method;
                }
            }
            """);

        var shapes = model.Flow.Nodes.Where(n => n.Name == "stft").Select(n => n.Shape).ToArray();
        Assert.Equal(new[] { "N×9×26", "8×34", "N×9×26×2" }, shapes); // odd: hop 15/4 = 3, 1 + (100 + 14 − 15) / 3
        Assert.DoesNotContain(model.Notes, n => n.Id is "NVG0207" or "NVG0210");
    }

    [Fact]
    public void Without_centring_the_signal_is_not_padded_and_istft_takes_the_length_given()
    {
        var model = GeneratorHarness.Single(GeneratorHarness.Usings + """
            [Diagram(Input = "N,100")]
            public sealed class Uncentred : Module<Tensor, Tensor>
            {
                public Uncentred() : base("Uncentred") { RegisterComponents(); }
                public override Tensor forward(Tensor x)
                {
                    var spec = torch.stft(x, 16, 4, center: false, return_complex: true);
                    var full = torch.istft(spec, 16, 4, center: false);
                    var cut = spec.istft(16, 4, length: 90);
                    var same = torch.istft(spec, 16, 4, length: x.size(1));
                    return full;
                }
            }
            """);

        Assert.Equal("N×9×22", Shape(model, "stft")); // 1 + (100 − 16) / 4
        var signals = model.Flow.Nodes.Where(n => n.Name == "istft").Select(n => n.Shape).ToArray();
        Assert.Equal(new[] { "N×100", "N×90", "N×100" }, signals); // 16 + 4·21; the length given; x.size(1)
        Assert.DoesNotContain(model.Notes, n => n.Id is "NVG0207" or "NVG0210");
    }

    [Fact]
    public void An_n_fft_not_known_at_compile_time_leaves_the_spectrum_unknown_with_a_located_warning()
    {
        var model = GeneratorHarness.Single(GeneratorHarness.Usings + """
            [Diagram(Input = "N,100")]
            public sealed class Configured : Module<Tensor, Tensor>
            {
                private readonly int _nFft = Environment.ProcessorCount * 8;
                public Configured() : base("Configured") { RegisterComponents(); }
                public override Tensor forward(Tensor x) => torch.stft(x, _nFft, 4, return_complex: true);
            }
            """);

        Assert.Equal("?", Shape(model, "stft"));
        Assert.Contains(model.Notes, n => n.Id == "NVG0210" && n.Message.Contains("n_fft", StringComparison.Ordinal) && n.Source is not null);
    }

    [Fact]
    public void A_spectrum_with_the_wrong_number_of_frequencies_is_a_shape_error()
    {
        var model = GeneratorHarness.Single(GeneratorHarness.Usings + """
            [Diagram(Input = "N,100")]
            public sealed class Mismatched : Module<Tensor, Tensor>
            {
                public Mismatched() : base("Mismatched") { RegisterComponents(); }
                public override Tensor forward(Tensor x) => torch.istft(torch.stft(x, 16, 4, return_complex: true), 32, 8);
            }
            """);

        // A onesided spectrum of n_fft 16 has 9 frequencies; istft with n_fft 32 expects 17.
        Assert.Contains(model.Notes, n => n.Id == "NVG0209" && n.Message.Contains("expects 17 frequencies for n_fft 32", StringComparison.Ordinal));
    }
}
