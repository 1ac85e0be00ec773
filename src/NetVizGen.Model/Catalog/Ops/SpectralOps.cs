using NetVizGen.Model.Shapes;
using NetVizGen.Model.Specs;
using static NetVizGen.Model.Catalog.Decl;

namespace NetVizGen.Model.Catalog.Ops;

/// <summary>
/// The short-time Fourier transform and its inverse (<c>torch.stft</c>/<c>istft</c>, a vocoder's source and output),
/// with TorchSharp 0.107's parameters: <c>hop_length</c>, <c>win_length</c> and istft's <c>length</c> are -1 when
/// left to their defaults (n_fft / 4, n_fft, the full signal). The window is a tensor input and does not change the
/// shape. And the discrete Fourier transforms of <c>torch.fft</c> (<c>fft</c>, spelled <c>fft_</c> in C#, <c>rfft</c>,
/// <c>rfftn</c>, <c>irfft2</c>, ...: a Fast Fourier Convolution's spectral branch). Their multiply-adds are unknown:
/// the project counts products (matmul, conv), and an FFT's cost depends on the algorithm libtorch picks, so no
/// number is given rather than a wrong one.
/// </summary>
internal static class SpectralOps
{
    public static IEnumerable<OpDef> All()
    {
        yield return new OpDef("stft", LayerCategory.Other, (a, x) => x.Count == 0 ? ShapeResult.Unknown("stft has no input") : Stft(a, x[0]),
            Label, List(Int("hop_length", -1), Int("win_length", -1), Bool("center", true), Sym("pad_mode", "PaddingModes.Reflect"),
                Null("onesided"), Null("return_complex")), Unknown);
        yield return new OpDef("istft", LayerCategory.Other, (a, x) => x.Count == 0 ? ShapeResult.Unknown("istft has no input") : Istft(a, x[0]),
            Label, List(Int("hop_length", -1), Int("win_length", -1), Bool("center", true), Null("onesided"), Int("length", -1),
                Bool("return_complex", false)), Unknown);

        // One dim (n and dim: -1 when not given), two dims (dim (-2, -1) when neither s nor dim is given) and n dims
        // (every dim, or the last len(s) when only s is given).
        foreach (var (name, kind) in new[] { ("fft", Fft.Complex), ("ifft", Fft.Complex), ("rfft", Fft.RealToComplex), ("irfft", Fft.ComplexToReal),
                                             ("hfft", Fft.ComplexToReal), ("ihfft", Fft.RealToComplex) })
        {
            yield return new OpDef(name, LayerCategory.Other, (a, x) => x.Count == 0 ? ShapeResult.Unknown(name + " has no input") : Fft1(name, kind, a, x[0]),
                a => (a.Long("n") == -1 ? "" : "n=" + a.Show("n") + " ") + (a.Long("dim") == -1 ? "" : "dim=" + a.Show("dim")),
                List(Int("n", -1), Int("dim", -1), Sym("norm", "FFTNormType.Backward")), Unknown);
            foreach (var (suffix, defaultDims) in new[] { ("2", new long[] { -2, -1 }), ("n", null) })
            {
                var nd = name + suffix;
                yield return new OpDef(nd, LayerCategory.Other, (a, x) => x.Count == 0 ? ShapeResult.Unknown(nd + " has no input") : FftN(nd, kind, defaultDims, a, x[0]),
                    a => a.IsNull("dim") ? null : "dim=" + a.Show("dim"), List(Null("s"), Null("dim"), Sym("norm", "FFTNormType.Backward")), Unknown);
            }
        }
        foreach (var name in new[] { "fftshift", "ifftshift" })
            yield return new OpDef(name, LayerCategory.Other, (a, x) => x.Count == 0 ? ShapeResult.Unknown(name + " has no input") : ShapeResult.Ok(x[0]),
                a => a.IsNull("dim") ? null : "dim=" + a.Show("dim"), List(Null("dim")), Unknown);
    }

    /// <summary>What an FFT does to the size of its last transformed dim; the others keep their signal size.</summary>
    private enum Fft
    {
        /// <summary>fft, ifft: n complex values in, n out.</summary>
        Complex,
        /// <summary>rfft, ihfft: n real values give n / 2 + 1 (the non-negative frequencies).</summary>
        RealToComplex,
        /// <summary>irfft, hfft: a one-sided spectrum gives n real values, n = 2 (m − 1) when not given.</summary>
        ComplexToReal,
    }

    /// <summary>The size along the last transformed dim, given the signal size n along it (the size given, or the input's).</summary>
    private static Dim LastOut(Fft kind, Dim n) => kind switch
    {
        Fft.RealToComplex => n.FloorDiv(2) + 1,
        _ => n,
    };

    // A size left to its default (-1): the input's, or for a one-sided spectrum made real, 2 (m − 1).
    private static Dim DefaultSignal(Fft kind, Dim input, bool last) => kind == Fft.ComplexToReal && last ? (input - 1) * 2 : input;

    /// <summary><c>fft.rfft(x, n, dim)</c>: the transformed dim becomes n (n / 2 + 1 for a real input), the others stay.</summary>
    private static ShapeResult Fft1(string name, Fft kind, LayerArgs a, Shape x)
    {
        if (a.Long("dim") is not long d) return ShapeResult.Unknown(name + " dim is not known at compile time");
        if (x.NormalizeAxis(d) is not int axis) return ShapeResult.Fail(ShapeOps.Axis(name, x, d));
        Dim n;
        if (a.Long("n") == -1) n = DefaultSignal(kind, x[axis], last: true);
        else if (a.Dims("n") is { Length: 1 } given) n = given[0];
        else return ShapeResult.Unknown(name + " n is not known at compile time");
        if (n.Value is long v && v < 1) return ShapeResult.Fail(Rules.Invalid(name + " needs at least one data point, got n=" + Rules.Str(v), "n"));
        return Rules.Checked(name, x.With(axis, LastOut(kind, n)));
    }

    /// <summary>
    /// <c>fft.rfftn(x, s, dim)</c>: each transformed dim becomes its size in s (the input's when s is not given or the
    /// size is -1); the last one follows the transform's kind. Which dims: dim, else the last len(s), else
    /// <paramref name="defaultDims"/> (fft2's (-2, -1)), else all of them.
    /// </summary>
    private static ShapeResult FftN(string name, Fft kind, long[]? defaultDims, LayerArgs a, Shape x)
    {
        Dim[]? sizes = null;
        if (!a.IsNull("s") && (sizes = a.Dims("s")) is null) return ShapeResult.Unknown(name + " s is not known at compile time");
        long[] dims;
        if (!a.IsNull("dim"))
        {
            if (a.List("dim") is not { } given) return ShapeResult.Unknown(name + " dim is not known at compile time");
            dims = given;
        }
        else if (sizes is not null) dims = Enumerable.Range(0, sizes.Length).Select(i => (long)(i - sizes.Length)).ToArray();
        else dims = defaultDims ?? Enumerable.Range(0, x.Rank).Select(i => (long)i).ToArray();
        if (sizes is not null && sizes.Length != dims.Length)
            return ShapeResult.Fail(Rules.Invalid(name + " was given " + Rules.Str(sizes.Length) + " sizes (s) for " + Rules.Str(dims.Length) + " dims", "s"));
        if (dims.Length == 0) return ShapeResult.Fail(Rules.Invalid(name + " has no dim to transform", "dim"));
        var axes = new int[dims.Length];
        for (int i = 0; i < dims.Length; i++)
        {
            if (x.NormalizeAxis(dims[i]) is not int axis) return ShapeResult.Fail(ShapeOps.Axis(name, x, dims[i]));
            if (Array.IndexOf(axes, axis, 0, i) >= 0) return ShapeResult.Fail(Rules.Invalid(name + " dims must be unique, got " + a.Show("dim"), "dim"));
            axes[i] = axis;
        }
        var result = x;
        for (int i = 0; i < axes.Length; i++)
        {
            bool last = i == axes.Length - 1;
            var n = sizes is not null && sizes[i].Value != -1 ? sizes[i] : DefaultSignal(kind, x[axes[i]], last);
            if (n.Value is long v && v < 1) return ShapeResult.Fail(Rules.Invalid(name + " needs at least one data point per dim, got " + Rules.Str(v), "s"));
            result = result.With(axes[i], last ? LastOut(kind, n) : n);
        }
        return Rules.Checked(name, result);
    }

    private static long? Unknown(LayerArgs a, IReadOnlyList<Shape> inputs, Shape output) => null;

    private static string? Label(LayerArgs a) => a.Long("n_fft") is long n && Hop(a, n) is long hop ? "n_fft=" + Rules.Str(n) + " hop=" + Rules.Str(hop) : null;

    // -1 (TorchSharp's "not given") is n_fft / 4, floored as libtorch does.
    private static long? Hop(LayerArgs a, long nFft) => a.Long("hop_length") is long h ? h == -1 ? nFft / 4 : h : null;

    private static long? Window(LayerArgs a, long nFft) => a.Long("win_length") is long w ? w == -1 ? nFft : w : null;

    /// <summary>
    /// A signal [L] or [B, L] gives [B?, freqs, frames], with a last dim of 2 (real, imaginary) when return_complex is
    /// false or not given (libtorch 2.10 still returns that deprecated form then). freqs is n_fft / 2 + 1 when onesided,
    /// else n_fft; frames = 1 + (L' − n_fft) / hop, with L' = L + 2 (n_fft / 2) when centred.
    /// </summary>
    private static ShapeResult Stft(LayerArgs a, Shape x)
    {
        if (x.Rank is not (1 or 2))
            return ShapeResult.Fail(new ShapeError(ShapeErrorKind.RankMismatch, "stft expects a 1-D or 2-D signal, got " + x));
        if (a.Long("n_fft") is not long n) return ShapeResult.Unknown("stft n_fft is not known at compile time");
        if (Hop(a, n) is not long hop || Window(a, n) is not long win) return ShapeResult.Unknown("stft hop_length or win_length is not known at compile time");
        if (a.Bool("center") is not bool center) return ShapeResult.Unknown("stft center is not known at compile time");
        // The reader does not follow dtypes: onesided left to its default is taken as true, which holds for the real
        // signals stft is called on (a complex signal's default is two-sided).
        if (Flag(a, "onesided", true) is not bool onesided) return ShapeResult.Unknown("stft onesided is not known at compile time");
        if (Flag(a, "return_complex", false) is not bool complex) return ShapeResult.Unknown("stft return_complex is not known at compile time");
        if (n <= 0 || hop <= 0 || win <= 0 || win > n)
            return ShapeResult.Fail(Rules.Invalid("stft needs n_fft > 0, hop_length > 0 and 0 < win_length <= n_fft, got n_fft=" + Rules.Str(n)
                + " hop_length=" + Rules.Str(hop) + " win_length=" + Rules.Str(win)));
        var length = x[-1];
        if (center && a.Symbol("pad_mode") is { } mode && mode.EndsWith("Reflect", StringComparison.Ordinal) && length.Value is long l && n / 2 >= l)
            return ShapeResult.Fail(Rules.Invalid("stft reflect-pads " + Rules.Str(n / 2) + " on each side, which needs a longer signal than " + Rules.Str(l)));
        var padded = center ? length + 2 * (n / 2) : length;
        if (padded.Value is long p && n > p)
            return ShapeResult.Fail(Rules.Invalid("stft n_fft " + Rules.Str(n) + " is longer than the " + (center ? "padded " : "") + "signal (" + Rules.Str(p) + ")", "n_fft"));
        var frames = (padded - n).FloorDiv(hop) + 1;
        var dims = x.Dims.Take(x.Rank - 1).Append((Dim)(onesided ? n / 2 + 1 : n)).Append(frames);
        if (!complex) dims = dims.Append((Dim)2);
        return Rules.Checked("stft", Shape.Of(dims));
    }

    /// <summary>
    /// A complex spectrum [B?, freqs, frames] gives a signal [B?, length]: the length given, else
    /// n_fft + hop (frames − 1), less the 2 (n_fft / 2) padding when centred. freqs must be n_fft / 2 + 1 when
    /// onesided (its default when freqs is not n_fft), else n_fft.
    /// </summary>
    private static ShapeResult Istft(LayerArgs a, Shape x)
    {
        if (x.Rank is not (2 or 3))
            return ShapeResult.Fail(new ShapeError(ShapeErrorKind.RankMismatch, "istft expects a 2-D or 3-D complex spectrum, got " + x));
        if (a.Long("n_fft") is not long n) return ShapeResult.Unknown("istft n_fft is not known at compile time");
        if (Hop(a, n) is not long hop || Window(a, n) is not long win) return ShapeResult.Unknown("istft hop_length or win_length is not known at compile time");
        if (a.Bool("center") is not bool center) return ShapeResult.Unknown("istft center is not known at compile time");
        if (n <= 0 || hop <= 0 || win <= 0 || win > n)
            return ShapeResult.Fail(Rules.Invalid("istft needs n_fft > 0, hop_length > 0 and 0 < win_length <= n_fft, got n_fft=" + Rules.Str(n)
                + " hop_length=" + Rules.Str(hop) + " win_length=" + Rules.Str(win)));
        var freqs = x[-2];
        bool? onesided = a.IsNull("onesided") ? freqs.Value is long f ? f != n : null : a.Bool("onesided");
        if (onesided is not bool one) return ShapeResult.Unknown("istft onesided is not known at compile time");
        long expected = one ? n / 2 + 1 : n;
        if (Rules.Differs(freqs, expected))
            return ShapeResult.Fail(new ShapeError(ShapeErrorKind.InvalidArgument,
                "istft expects " + Rules.Str(expected) + " frequencies for n_fft " + Rules.Str(n) + (one ? " (onesided)" : "") + ", got " + x,
                "n_fft", expected, freqs.Value, 0, x.Rank - 2));
        Dim length;
        if (a.Long("length") == -1) length = (x[-1] - 1) * hop + n - (center ? 2 * (n / 2) : 0);
        else if (a.Dims("length") is { Length: 1 } given) length = given[0];
        else return ShapeResult.Unknown("istft length is not known at compile time");
        return Rules.Checked("istft", Shape.Of(x.Dims.Take(x.Rank - 2).Append(length)));
    }

    // A nullable flag: its value, the default when null; null when not known.
    private static bool? Flag(LayerArgs a, string name, bool whenNull) => a.IsNull(name) ? whenNull : a.Bool(name);
}
