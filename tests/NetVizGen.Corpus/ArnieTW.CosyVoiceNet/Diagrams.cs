// Corpus entry points (ours, not upstream): CosyVoiceNet's HiFT vocoder (HiFTGenerator with its
// ConvRNNF0Predictor), built with the arguments the app's YAML loader passes from the published model
// configurations (the `hift:` section of each model's cosyvoice.yaml, downloaded with the weights, not in the
// repository): CosyVoice-300M (22.05 kHz, upsampling 8×8, which are also the constructor's defaults) and
// CosyVoice2-0.5B (24 kHz, upsampling 8×5×3, SineGen2 source; the repository's CausalHiFTGenerator recognises the
// same 24 kHz / 8×5×3 settings as CosyVoice3's).
// The input is a mel spectrogram of 80 bins and 32 frames. The discriminators (hifigan/Discriminator.cs)
// are compiled but not documented: DiscriminatorR's spectrogram function and band convolutions are never
// assigned anywhere upstream (its forward throws), nothing in that file calls RegisterComponents(), and the
// multi-resolution discriminator's forward takes a tuple.
using System.Collections.Generic;
using CosyVoiceNet.hifigan;
using NetVizGen;

namespace NetVizGen.Corpus.CosyVoice;

internal static class Diagrams
{
    /// <summary>CosyVoice-300M's vocoder: base 512 channels, 8 harmonics, upsampling 8×8 (kernels 16/16),
    /// iSTFT n_fft 16 hop 4, resblocks 3/7/11 with dilations 1/3/5, source resblocks 7/11.</summary>
    [Diagram(Input = "N,80,32", Name = "CosyHiftGenerator")]
    public static HiFTGenerator HiftGenerator300M() => new HiFTGenerator(
        in_channels: 80,
        base_channels: 512,
        nb_harmonics: 8,
        sampling_rate: 22050,
        nsf_alpha: 0.1f,
        nsf_sigma: 0.003f,
        nsf_voiced_threshold: 10f,
        upsample_rates: new[] { 8, 8 },
        upsample_kernel_sizes: new[] { 16, 16 },
        istft_params: new Dictionary<string, object> { ["n_fft"] = 16, ["hop_len"] = 4 },
        resblock_kernel_sizes: new[] { 3, 7, 11 },
        resblock_dilation_sizes: new[] { new[] { 1, 3, 5 }, new[] { 1, 3, 5 }, new[] { 1, 3, 5 } },
        source_resblock_kernel_sizes: new[] { 7, 11 },
        source_resblock_dilation_sizes: new[] { new[] { 1, 3, 5 }, new[] { 1, 3, 5 } },
        lrelu_slope: 0.1f,
        audio_limit: 0.99f,
        f0_predictor: new ConvRNNF0Predictor(numClass: 1, inChannels: 80, condChannels: 512));

    /// <summary>CosyVoice2-0.5B's vocoder: as above at 24 kHz (SineGen2 source), upsampling 8×5×3 (kernels
    /// 16/11/7), source resblocks 7/7/11.</summary>
    [Diagram(Input = "N,80,32", Name = "CosyHiftGenerator2")]
    public static HiFTGenerator HiftGenerator2() => new HiFTGenerator(
        in_channels: 80,
        base_channels: 512,
        nb_harmonics: 8,
        sampling_rate: 24000,
        nsf_alpha: 0.1f,
        nsf_sigma: 0.003f,
        nsf_voiced_threshold: 10f,
        upsample_rates: new[] { 8, 5, 3 },
        upsample_kernel_sizes: new[] { 16, 11, 7 },
        istft_params: new Dictionary<string, object> { ["n_fft"] = 16, ["hop_len"] = 4 },
        resblock_kernel_sizes: new[] { 3, 7, 11 },
        resblock_dilation_sizes: new[] { new[] { 1, 3, 5 }, new[] { 1, 3, 5 }, new[] { 1, 3, 5 } },
        source_resblock_kernel_sizes: new[] { 7, 7, 11 },
        source_resblock_dilation_sizes: new[] { new[] { 1, 3, 5 }, new[] { 1, 3, 5 }, new[] { 1, 3, 5 } },
        lrelu_slope: 0.1f,
        audio_limit: 0.99f,
        f0_predictor: new ConvRNNF0Predictor(numClass: 1, inChannels: 80, condChannels: 512));
}
