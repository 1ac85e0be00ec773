// Corpus entry points (ours, not upstream): the torchaudio.models factories' configurations.
using NetVizGen;
using TorchSharp.Modules;

namespace NetVizGen.Corpus.TorchAudio;

internal static class Diagrams
{
    /// <summary>forward(waveform, specgram): (n_time - kernel_size + 1) * hop_length samples, n_freq x n_time spectrogram.</summary>
    [Diagram(Input = "N,1,1200;N,1,128,10", Name = "AudioWaveRNN")]
    public static WaveRNN WaveRNN() => new WaveRNN("wavernn", new long[] { 5, 5, 8 }, 512, 200);

    /// <summary>forward(tokens, token_lengths, mel_specgram, mel_specgram_lengths), torchaudio's defaults.</summary>
    [Diagram(Input = "N,16;N;N,80,20;N", Name = "AudioTacotron2")]
    public static Tacotron2 Tacotron2() => new Tacotron2(
        "tacotron2", false, 80, 148, 1, 512, 512, 3, 5, 1024, 2000, 0.1, true,
        1024, 128, 32, 31, 0.1, 256, 5, 5, 512, 0.5);
}
