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

    private static ArgSpec L(string name, params long[] items) => new(name, ArgValue.FromTuple(items.Select(ArgValue.FromInt)));

    [Fact]
    public void Fft_shapes_match_the_runtime()
    {
        TorchRuntime.Ensure();
        var x = torch.randn(2, 6, 10, 15);
        var none = Array.Empty<ArgSpec>();
        // One dim: n and dim left to their defaults (-1), given, longer and shorter than the signal.
        Same(torch.fft.fft_(x), "fft", none, x);
        Same(torch.fft.fft_(x, 20, 1), "fft", new[] { A("n", 20), A("dim", 1) }, x);
        Same(torch.fft.ifft(x, 7, 2), "ifft", new[] { A("n", 7), A("dim", 2) }, x);
        Same(torch.fft.rfft(x), "rfft", none, x);                                   // 15 / 2 + 1 = 8
        Same(torch.fft.rfft(x, 12, 2), "rfft", new[] { A("n", 12), A("dim", 2) }, x);
        Same(torch.fft.ihfft(x, dim: 1), "ihfft", new[] { A("dim", 1) }, x);
        var half = torch.fft.rfft(x);
        Same(torch.fft.irfft(half), "irfft", none, half);                          // 2 (8 − 1) = 14
        Same(torch.fft.irfft(half, 15), "irfft", new[] { A("n", 15) }, half);
        Same(torch.fft.hfft(half), "hfft", none, half);
        Same(torch.fft.hfft(half, 9, 1), "hfft", new[] { A("n", 9), A("dim", 1) }, half);
        // Two dims: (-2, -1) unless dim says otherwise; s resizes them.
        Same(torch.fft.fft2(x), "fft2", none, x);
        Same(torch.fft.rfft2(x), "rfft2", none, x);
        Same(torch.fft.rfft2(x, new long[] { 8, 20 }), "rfft2", new[] { L("s", 8, 20) }, x);
        Same(torch.fft.rfft2(x, dim: new long[] { 1, 2 }), "rfft2", new[] { L("dim", 1, 2) }, x);
        var half2 = torch.fft.rfft2(x);
        Same(torch.fft.irfft2(half2), "irfft2", none, half2);
        Same(torch.fft.irfft2(half2, new long[] { 10, 15 }), "irfft2", new[] { L("s", 10, 15) }, half2);
        Same(torch.fft.ifft2(x, dim: new long[] { 0, 3 }), "ifft2", new[] { L("dim", 0, 3) }, x);
        Same(torch.fft.hfft2(half2), "hfft2", none, half2);
        Same(torch.fft.ihfft2(x), "ihfft2", none, x);
        // N dims: all of them, the last len(s) when only s is given (-1 keeps a size), or dim.
        Same(torch.fft.fftn(x), "fftn", none, x);
        Same(torch.fft.rfftn(x), "rfftn", none, x);
        Same(torch.fft.rfftn(x, dim: new long[] { -2, -1 }), "rfftn", new[] { L("dim", -2, -1) }, x);
        Same(torch.fft.fftn(x, new long[] { -1, 16 }), "fftn", new[] { L("s", -1, 16) }, x);
        Same(torch.fft.rfftn(x, new long[] { 4, 5, 6 }), "rfftn", new[] { L("s", 4, 5, 6) }, x);
        Same(torch.fft.ifftn(x, dim: new long[] { 1 }), "ifftn", new[] { L("dim", 1) }, x);
        var halfN = torch.fft.rfftn(x, dim: new long[] { -2, -1 });
        // LaMa's spectral transform: back to the input's size with s.
        Same(torch.fft.irfftn(halfN, new long[] { 10, 15 }, new long[] { -2, -1 }), "irfftn", new[] { L("s", 10, 15), L("dim", -2, -1) }, halfN);
        Same(torch.fft.irfftn(halfN, dim: new long[] { -2, -1 }), "irfftn", new[] { L("dim", -2, -1) }, halfN);
        Same(torch.fft.irfftn(torch.fft.rfftn(x)), "irfftn", none, torch.fft.rfftn(x));
        Same(torch.fft.hfftn(halfN, dim: new long[] { -2, -1 }), "hfftn", new[] { L("dim", -2, -1) }, halfN);
        Same(torch.fft.ihfftn(x), "ihfftn", none, x);
        Same(torch.fft.fftshift(x), "fftshift", none, x);
        Same(torch.fft.ifftshift(x, new long[] { 1 }), "ifftshift", new[] { L("dim", 1) }, x);
        // The real and imaginary parts as a last dim of 2, and back.
        Same(torch.view_as_real(half2), "view_as_real", none, half2);
    }

    [Fact]
    public void Fft_arguments_the_runtime_rejects_are_shape_errors()
    {
        TorchRuntime.Ensure();
        var x = torch.randn(2, 6, 10);
        void Rejected(Action run, string op, params ArgSpec[] args)
        {
            Assert.ThrowsAny<Exception>(run);
            Assert.True(OpCatalog.TryGet(op, out var def));
            Assert.Equal(ShapeStatus.Error, def.InferShape(args, new[] { ShapeOf(x) }).Status);
        }
        Rejected(() => torch.fft.rfftn(x, new long[] { 4, 4 }, new long[] { -1 }), "rfftn", L("s", 4, 4), L("dim", -1));
        Rejected(() => torch.fft.fftn(x, dim: new long[] { 1, 1 }), "fftn", L("dim", 1, 1));
        Rejected(() => torch.fft.fft2(x, dim: new long[] { 0, 3 }), "fft2", L("dim", 0, 3));
        Rejected(() => torch.fft.rfft(x, 0), "rfft", A("n", 0));
        Rejected(() => torch.fft.fft_(x, dim: 3), "fft", A("dim", 3));
        var single = torch.randn(2, 1);
        Assert.ThrowsAny<Exception>(() => torch.fft.irfft(single));                 // 2 (1 − 1) = 0 points
        Assert.True(OpCatalog.TryGet("irfft", out var irfft));
        Assert.Equal(ShapeStatus.Error, irfft.InferShape(Array.Empty<ArgSpec>(), new[] { ShapeOf(single) }).Status);
    }
}
