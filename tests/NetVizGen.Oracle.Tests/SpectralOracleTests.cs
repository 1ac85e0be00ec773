using NetVizGen.Model.Catalog;
using NetVizGen.Model.Shapes;
using NetVizGen.Model.Specs;
using TorchSharp;
using static TorchSharp.torch;

namespace NetVizGen.Oracle.Tests;

/// <summary>
/// The stft/istft rules against libtorch: for each argument combination, the catalog's shape for the signal (or
/// spectrum) and window must be the runtime's. Arguments are given as the tracer binds them, by TorchSharp
/// parameter name, with TorchSharp's -1 for "not given".
/// </summary>
// In the torch collection: libtorch is called from one test at a time. The test host crashed once, under load,
// without a dump, after FFT tests were added beside other classes calling libtorch from their own threads.
[Collection(TorchCollection.Name)]
public class SpectralOracleTests
{
    private static ArgSpec A(string name, long value) => new(name, ArgValue.FromInt(value));

    private static ArgSpec B(string name, bool value) => new(name, ArgValue.FromBool(value));

    private static Shape ShapeOf(Tensor t) => Shape.Of(t.shape.Select(d => (Dim)d));

    private static void Same(Tensor actual, string op, ArgSpec[] args, params Tensor[] inputs)
    {
        Assert.True(OpCatalog.TryGet(op, out var def), op);
        var result = def.InferShape(args, inputs.Select(ShapeOf).ToArray());
        Assert.True(result.Status == ShapeStatus.Ok, op + ": " + (result.Error?.Message ?? result.Reason));
        Assert.Equal(actual.shape, result.Output!.Dims.Select(d => d.Value!.Value).ToArray());
    }

    [Fact]
    public void Stft_shapes_match_the_runtime()
    {
        TorchRuntime.Ensure();
        var x = torch.randn(2, 100);
        var mono = torch.randn(100);
        var w16 = torch.hann_window(16);
        // HiFT's call: stft(x, n_fft, hop, n_fft, window, return_complex: true).
        Same(torch.stft(x, 16, 4, 16, w16, return_complex: true), "stft",
            new[] { A("n_fft", 16), A("hop_length", 4), A("win_length", 16), B("return_complex", true) }, x, w16);
        Same(torch.stft(mono, 16, 4, 16, w16, return_complex: true), "stft",
            new[] { A("n_fft", 16), A("hop_length", 4), A("win_length", 16), B("return_complex", true) }, mono, w16);
        // Defaults: hop n_fft / 4 (15 / 4 = 3), win_length n_fft, centred, onesided (n_fft / 2 + 1 = 8 for an odd n_fft).
        Same(torch.stft(x, 16, return_complex: true), "stft", new[] { A("n_fft", 16), A("hop_length", -1), A("win_length", -1), B("return_complex", true) }, x);
        Same(torch.stft(x, 15, return_complex: true), "stft", new[] { A("n_fft", 15), B("return_complex", true) }, x);
        Same(x.stft(64, 10, return_complex: true), "stft", new[] { A("n_fft", 64), A("hop_length", 10), B("return_complex", true) }, x);
        // Not centred, a shorter window, two-sided.
        Same(torch.stft(x, 16, 4, 16, w16, center: false, return_complex: true), "stft",
            new[] { A("n_fft", 16), A("hop_length", 4), B("center", false), B("return_complex", true) }, x, w16);
        var w8 = torch.hann_window(8);
        Same(torch.stft(x, 16, 5, 8, w8, return_complex: true), "stft",
            new[] { A("n_fft", 16), A("hop_length", 5), A("win_length", 8), B("return_complex", true) }, x, w8);
        Same(torch.stft(x, 16, 4, onesided: false, return_complex: true), "stft",
            new[] { A("n_fft", 16), A("hop_length", 4), B("onesided", false), B("return_complex", true) }, x);
        // return_complex false, or not given: the (real, imaginary) pairs in a last dim of 2.
        Same(torch.stft(x, 16, 4, return_complex: false), "stft", new[] { A("n_fft", 16), A("hop_length", 4), B("return_complex", false) }, x);
        Same(torch.stft(x, 16, 4), "stft", new[] { A("n_fft", 16), A("hop_length", 4) }, x);
    }

    [Fact]
    public void Istft_shapes_match_the_runtime()
    {
        TorchRuntime.Ensure();
        var x = torch.randn(2, 100);
        var w16 = torch.hann_window(16);
        var spec = torch.stft(x, 16, 4, 16, w16, return_complex: true);
        Same(torch.istft(spec, 16, 4, 16, w16), "istft", new[] { A("n_fft", 16), A("hop_length", 4), A("win_length", 16) }, spec, w16);
        Same(spec.istft(16, 4, 16, w16), "istft", new[] { A("n_fft", 16), A("hop_length", 4), A("win_length", 16) }, spec, w16);
        Same(torch.istft(spec[0], 16, 4, 16, w16), "istft", new[] { A("n_fft", 16), A("hop_length", 4), A("win_length", 16) }, spec[0], w16);
        Same(torch.istft(spec, 16), "istft", new[] { A("n_fft", 16), A("hop_length", -1), A("length", -1) }, spec);
        // A length given: the signal is cut or padded to it.
        Same(torch.istft(spec, 16, 4, 16, w16, length: 90), "istft", new[] { A("n_fft", 16), A("hop_length", 4), A("length", 90) }, spec, w16);
        Same(torch.istft(spec, 16, 4, 16, w16, length: 130), "istft", new[] { A("n_fft", 16), A("hop_length", 4), A("length", 130) }, spec, w16);
        // Not centred (a rectangular window, which overlaps-adds without zeros at the ends).
        Same(torch.istft(spec, 16, 4, center: false), "istft", new[] { A("n_fft", 16), A("hop_length", 4), B("center", false) }, spec);
        // Two-sided, detected from the n_fft frequencies; an odd n_fft.
        var full = torch.stft(x, 16, 4, onesided: false, return_complex: true);
        Same(torch.istft(full, 16, 4), "istft", new[] { A("n_fft", 16), A("hop_length", 4) }, full);
        Same(torch.istft(full, 16, 4, return_complex: true), "istft", new[] { A("n_fft", 16), A("hop_length", 4), B("return_complex", true) }, full);
        var odd = torch.stft(x, 15, 4, return_complex: true);
        Same(torch.istft(odd, 15, 4), "istft", new[] { A("n_fft", 15), A("hop_length", 4) }, odd);
    }

    [Fact]
    public void Arguments_the_runtime_rejects_are_shape_errors()
    {
        TorchRuntime.Ensure();
        var x = torch.randn(2, 100);
        var spec = torch.stft(x, 16, 4, return_complex: true);
        Assert.True(OpCatalog.TryGet("stft", out var stft));
        Assert.True(OpCatalog.TryGet("istft", out var istft));
        // A spectrum of 9 frequencies is not one of n_fft 32 (17 expected).
        Assert.ThrowsAny<Exception>(() => torch.istft(spec, 32, 8));
        Assert.Equal(ShapeStatus.Error, istft.InferShape(new[] { A("n_fft", 32), A("hop_length", 8) }, new[] { ShapeOf(spec) }).Status);
        // A 3-D signal.
        var batched = torch.randn(2, 3, 100);
        Assert.ThrowsAny<Exception>(() => torch.stft(batched, 16, return_complex: true));
        Assert.Equal(ShapeStatus.Error, stft.InferShape(new[] { A("n_fft", 16), B("return_complex", true) }, new[] { ShapeOf(batched) }).Status);
        // Reflect padding of n_fft / 2 = 8 on a signal of 8, and an uncentred n_fft longer than the signal.
        var shortSignal = torch.randn(2, 8);
        Assert.ThrowsAny<Exception>(() => torch.stft(shortSignal, 16, 4, return_complex: true));
        Assert.Equal(ShapeStatus.Error, stft.InferShape(new[] { A("n_fft", 16), A("hop_length", 4), B("return_complex", true) }, new[] { ShapeOf(shortSignal) }).Status);
        Assert.ThrowsAny<Exception>(() => torch.stft(shortSignal, 16, 4, center: false, return_complex: true));
        Assert.Equal(ShapeStatus.Error, stft.InferShape(new[] { A("n_fft", 16), A("hop_length", 4), B("center", false), B("return_complex", true) }, new[] { ShapeOf(shortSignal) }).Status);
    }
}
