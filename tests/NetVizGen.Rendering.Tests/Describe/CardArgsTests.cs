using NetVizGen.Model.Specs;
using NetVizGen.Rendering.Describe;

namespace NetVizGen.Rendering.Tests.Describe;

/// <summary>A block card's arguments: short lists stay on one line, long ones wrap and are counted, repeats of the name go.</summary>
public class CardArgsTests
{
    private static ArgSpec Int(string name, long value) => new(name, ArgValue.FromInt(value));

    [Fact]
    public void A_short_list_is_one_line_as_the_layer_table_writes_it()
    {
        ArgSpec[] args = [Int("in_channels", 64), Int("out_channels", 128), new("bias", ArgValue.FromBool(false))];

        Assert.Equal(NodeDescriber.ArgsText(args), NodeDescriber.CardArgs(args, "block", "Block"));
        Assert.DoesNotContain('\n', NodeDescriber.CardArgs(args, "block", "Block"));
    }

    [Fact]
    public void Tacotron2s_decoder_wraps_into_three_lines_and_counts_the_rest_without_its_name()
    {
        // Decoder("decoder", n_mels: 80, ...): twenty arguments, the first only the name it is registered under.
        var args = new List<ArgSpec> { new("name", ArgValue.FromString("decoder")) };
        string[] names = ["n_mels", "n_frames_per_step", "encoder_embedding_dim", "decoder_rnn_dim", "decoder_max_step", "decoder_dropout",
            "attention_rnn_dim", "attention_hidden_dim", "attention_location_n_filter", "attention_location_kernel_size",
            "attention_dropout", "prenet_dim", "gate_threshold", "decoder_early_stopping", "p_attention_dropout",
            "p_decoder_dropout", "decoder_step_limit", "extra_a", "extra_b"];
        args.AddRange(names.Select((n, i) => Int(n, 100 + i)));

        var lines = NodeDescriber.CardArgs(args, "decoder", "Decoder").Split('\n');

        Assert.Equal(NodeDescriber.CardLines, lines.Length);
        Assert.All(lines[..^1], l => Assert.True(l.Length <= NodeDescriber.CardLineLength + 1, l));
        Assert.Matches(@", \+\d+ more$", lines[^1]);
        Assert.DoesNotContain("name=", string.Join("\n", lines));
        Assert.StartsWith("n_mels=100, n_frames_per_step=101,", lines[0]);
        // Shown plus counted is every argument but the name.
        int shown = string.Join(" ", lines).Split('=').Length - 1;
        int counted = int.Parse(System.Text.RegularExpressions.Regex.Match(lines[^1], @"\+(\d+) more").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(names.Length, shown + counted);
    }

    [Fact]
    public void A_card_whose_only_argument_is_its_name_has_no_detail_line()
    {
        Assert.Equal("", NodeDescriber.CardArgs([new("name", ArgValue.FromString("decoder"))], "decoder", "Decoder"));
        Assert.Equal("", NodeDescriber.CardArgs([], "decoder", "Decoder"));
    }

    [Fact]
    public void Wrapped_lines_are_about_as_long_as_each_other()
    {
        // GoogLeNet's BasicConv2d: five arguments, 61 characters on one line; two lines, not four and one.
        ArgSpec[] args = [Int("inChannels", 3), Int("outChannels", 64), Int("kernelSize", 7), Int("stride", 2), Int("padding", 3)];

        var lines = NodeDescriber.CardArgs(args, "conv1", "BasicConv2d").Split('\n');

        Assert.Equal(2, lines.Length);
        Assert.True(Math.Abs(lines[0].Length - lines[1].Length) <= 16, string.Join(" | ", lines));
    }

    [Fact]
    public void A_name_that_differs_from_the_registration_is_kept()
    {
        ArgSpec[] args = [new("name", ArgValue.FromString("encoder_block")), Int("dim", 8)];

        Assert.Equal("name=encoder_block, dim=8", NodeDescriber.CardArgs(args, "blocks", "Block"));
    }

    [Fact]
    public void Arguments_that_fill_exactly_the_lines_are_all_shown()
    {
        // Six items of 18 characters ("argument_xx=10000,"): three per line, two lines, nothing counted.
        var args = Enumerable.Range(10, 6).Select(i => Int("argument_" + i, 10000)).ToArray();

        var text = NodeDescriber.CardArgs(args, "b", "B");

        Assert.DoesNotContain("more", text);
        Assert.Equal(6, text.Split('=').Length - 1);
    }
}
