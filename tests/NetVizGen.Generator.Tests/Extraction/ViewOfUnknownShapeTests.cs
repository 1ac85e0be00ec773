using NetVizGen.Generator.Tests.TestSupport;
using NetVizGen.Model.Specs;

namespace NetVizGen.Generator.Tests.Extraction;

/// <summary>
/// A view, reshape or expand of a tensor whose shape is not known (here <c>torch.tensor(values)</c> over an array
/// sized at run time, the deterministic noise of CosyVoiceNet's HiFT sine generator) to sizes that are all given
/// has those sizes: the op either fails or gives them, whatever its input. A -1 needs the input, so the shape stays
/// unknown. A view of a known shape is still checked.
/// </summary>
public class ViewOfUnknownShapeTests
{
    private const string Noise = """
        internal static class Noise
        {
            public static Tensor Uniform(long[] shape)
            {
                var values = new float[Count(shape)];
                for (var i = 0; i < values.Length; i++) values[i] = i * 0.5f;
                var cpu = torch.tensor(values, dtype: ScalarType.Float32).view(shape);
                return cpu.to_type(ScalarType.Float32);
            }

            public static Tensor Like(Tensor reference)
            {
                var shape = reference.shape;
                var values = new float[Count(shape)];
                for (var i = 0; i < values.Length; i++) values[i] = i;
                return torch.tensor(values, dtype: ScalarType.Float32).view(shape);
            }

            public static Tensor Data(long[] shape) => torch.tensor(new float[Count(shape)], dtype: ScalarType.Float32);

            private static int Count(IReadOnlyList<long> shape)
            {
                long count = 1;
                foreach (var d in shape) count = checked(count * d);
                return (int)count;
            }
        }

        """;

    private static FlowNodeSpec Node(ModelSpec m, string name, int nth = 0) => m.Flow.Nodes.Where(n => n.Name == name).ElementAt(nth);

    [Fact]
    public void A_view_of_data_sized_at_run_time_to_sizes_passed_through_a_helper_has_those_sizes()
    {
        var result = GeneratorHarness.Run(GeneratorHarness.Usings + Noise + """
            [Diagram(Input = "N,1,64")]
            public sealed class Source : Module<Tensor, Tensor>
            {
                private readonly Linear merge = Linear(9, 1);
                public Source() : base("Source") { RegisterComponents(); }
                public override Tensor forward(Tensor f0)
                {
                    var phase = Noise.Uniform(new long[] { f0.shape[0], 9, 1 }) * 2 * Math.PI;
                    var waves = torch.sin(f0 * 3 + phase);
                    var noise = Noise.Like(waves);
                    var h = (waves + noise).transpose(1, 2);
                    return merge.call(h);
                }
            }
            """);
        var m = Assert.Single(result.Models);

        // The data's length is known only at run time: the tensor itself has no shape (and says so).
        Assert.Equal("?", Node(m, "tensor").Shape);
        Assert.Equal("N×9×1", Node(m, "view").Shape);
        Assert.Equal("N×9×64", Node(m, "sin").Shape);
        // view(reference.shape) of the traced sine waves, through the helper's parameter.
        Assert.Equal("?", Node(m, "tensor", 1).Shape);
        Assert.Equal("N×9×64", Node(m, "view", 1).Shape);
        Assert.Equal("N×64×9", Node(m, "transpose").Shape);
        Assert.Equal("N×64×1", m.Flow.Nodes.Single(n => n.ModulePath == "merge").Shape);
        Assert.Equal("N×64×1", m.Flow.Nodes.Single(n => n.Kind == FlowNodeKind.Output).Shape);
        // Only the two tensors of unknown data are warned about; nothing after them.
        var unknown = result.Diagnostics.Where(d => d.Id == "NVG0210").Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(2, unknown.Count);
        Assert.All(unknown, text => Assert.Contains("'tensor'", text, StringComparison.Ordinal));
    }

    [Fact]
    public void A_minus_one_or_an_unknown_size_leaves_the_view_of_an_unknown_shape_unknown()
    {
        var result = GeneratorHarness.Run(GeneratorHarness.Usings + Noise + """
            [Diagram(Input = "N,8")]
            public sealed class M : Module<Tensor, Tensor>
            {
                public long Width { get; set; }
                public M() : base("M") { RegisterComponents(); }
                public override Tensor forward(Tensor x)
                {
                    var b = Noise.Data(new long[] { x.shape[0], 8 }).view(-1, 4);
                    var c = Noise.Data(new long[] { x.shape[0], 8 }).reshape(x.shape[0], Width);
                    var d = Noise.Data(new long[] { x.shape[0], 8 }).view(x.shape[0], 2, 4).view(-1, 4);
                    return x + b.sum() + c.sum() + d.sum();
                }
            }
            """);
        var m = Assert.Single(result.Models);

        Assert.Equal("?", Node(m, "tensor").Shape);
        Assert.Equal("?", Node(m, "view").Shape);       // -1: inferred from an element count that is not known
        Assert.Equal("?", Node(m, "reshape").Shape);    // a size not known at compile time
        Assert.Equal("N×2×4", Node(m, "view", 1).Shape);
        Assert.Equal("2*N×4", Node(m, "view", 2).Shape); // -1 of a known shape
    }

    [Fact]
    public void An_expand_with_minus_one_of_an_unknown_shape_stays_unknown_and_a_view_of_a_known_shape_is_still_checked()
    {
        var result = GeneratorHarness.Run(GeneratorHarness.Usings + Noise + """
            [Diagram(Input = "N,8")]
            public sealed class M : Module<Tensor, Tensor>
            {
                public M() : base("M") { RegisterComponents(); }
                public override Tensor forward(Tensor x)
                {
                    var kept = Noise.Data(new long[] { x.shape[0], 1 }).expand(-1, 8);
                    var given = Noise.Data(new long[] { x.shape[0], 1 }).expand(x.shape[0], 8);
                    var broadcast = Noise.Data(new long[] { x.shape[0], 1 }).broadcast_to(2, 8);
                    var wrong = torch.zeros(4, 8).view(3, 8);
                    return x + kept.sum() + given.sum() + broadcast.sum() + wrong.sum();
                }
            }
            """);
        var m = Assert.Single(result.Models);

        Assert.Equal("?", Node(m, "tensor").Shape);
        Assert.Equal("?", Node(m, "expand").Shape);     // -1 keeps a size of the input, which is not known
        Assert.Equal("N×8", Node(m, "expand", 1).Shape);
        Assert.Equal("2×8", Node(m, "broadcast_to").Shape);
        Assert.Equal("?", Node(m, "view").Shape);       // an element count that does not match: reported
        var error = Assert.Single(result.Diagnostics, d => d.Id == "NVG0204");
        Assert.Contains("24", error.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Contains("32", error.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void A_loop_over_a_traced_shape_runs_once_per_dim()
    {
        // The element count of HiFT's noise helper: foreach over reference.shape, with the rank of the shapes traced so far.
        var result = GeneratorHarness.Run(GeneratorHarness.Usings + """
            [Diagram(Input = "N,3,4")]
            public sealed class M : Module<Tensor, Tensor>
            {
                public M() : base("M") { RegisterComponents(); }
                public override Tensor forward(Tensor x)
                {
                    long count = 1;
                    int dims = 0;
                    foreach (var d in x.shape) { count *= d; dims++; }
                    return x.reshape(count).unsqueeze(0).expand(dims, -1);
                }
            }
            """);
        var m = Assert.Single(result.Models);

        Assert.DoesNotContain(result.Diagnostics, d => d.Id is "NVG0102" or "NVG0103" or "NVG0210");
        Assert.Equal("12*N", Node(m, "reshape").Shape);
        Assert.Equal("3×12*N", Node(m, "expand").Shape);
    }

    [Fact]
    public void Comparing_two_traced_shapes_element_by_element_is_never_decided_by_which_tensor_they_came_from()
    {
        // LittleLittleCloud's llama: if (!input.shape.SequenceEqual(rotated.shape)) throw ...; two traced shapes are
        // equal when their sizes are, which a symbolic batch does not decide, and a concrete one does.
        const string Model = """
            public sealed class M : Module<Tensor, Tensor>
            {
                public M() : base("M") { RegisterComponents(); }
                public override Tensor forward(Tensor x)
                {
                    var y = x.reshape(x.shape[0], -1, 2).reshape(x.shape[0], -1);
                    if (!x.shape.SequenceEqual(y.shape)) throw new InvalidOperationException("shape mismatch");
                    return y.relu();
                }
            }
            """;
        foreach (var (input, expected) in new[] { ("N,8", "N×8"), ("2,8", "2×8") })
        {
            var result = GeneratorHarness.Run(GeneratorHarness.Usings + "[Diagram(Input = \"" + input + "\")]\n" + Model);
            var m = Assert.Single(result.Models);
            Assert.DoesNotContain(result.Diagnostics, d => d.Id == "NVG0101");
            Assert.Equal(expected, m.Flow.Nodes.Single(n => n.Kind == FlowNodeKind.Output).Shape);
            Assert.Equal(input == "N,8", result.Diagnostics.Any(d => d.Id == "NVG0102" && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("SequenceEqual", StringComparison.Ordinal)));
        }
    }
}
