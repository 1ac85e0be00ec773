using NetVizGen.Model.Shapes;
using NetVizGen.Model.Specs;
using static NetVizGen.Model.Catalog.Decl;

namespace NetVizGen.Model.Catalog.Ops;

/// <summary>
/// The short-time Fourier transform and its inverse (<c>torch.stft</c>/<c>istft</c>, a vocoder's source and output),
/// with TorchSharp 0.107's parameters: <c>hop_length</c>, <c>win_length</c> and istft's <c>length</c> are -1 when
/// left to their defaults (n_fft / 4, n_fft, the full signal). The window is a tensor input and does not change the
/// shape. Their multiply-adds are unknown: the project counts products (matmul, conv), and an FFT's cost depends
/// on the algorithm libtorch picks, so no number is given rather than a wrong one.
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
