using NetVizGen.Model.Specs;
using static NetVizGen.Generator.Tests.TestSupport.GeneratorHarness;

namespace NetVizGen.Generator.Tests.Extraction;

/// <summary>
/// C# found in public TorchSharp models that the evaluator once got wrong or gave up on, run through
/// the real generator: each must now give the exact layer arguments and parameter counts.
/// </summary>
public class EvaluatorRealWorldTests
{
    [Fact]
    public void Nullable_value_tuple_with_a_default_keeps_the_non_throwing_branch()
    {
        // torchvision's ResNet: replace_stride_with_dilation is a nullable tuple defaulting to (false, false, false);
        // an unknown Item1 used to make 'if (dilation > 1) throw' look taken and lose the block.
        var model = Single(Usings + """
            public sealed class Block : Module<Tensor, Tensor>
            {
                private readonly Module<Tensor, Tensor> conv;
                public Block(long inplanes, long planes, long dilation) : base("Block")
                {
                    if (dilation > 1) throw new NotImplementedException("Dilation > 1 not supported in BasicBlock");
                    conv = Conv2d(inplanes, planes, 3, padding: 1, bias: false);
                    RegisterComponents();
                }
                public override Tensor forward(Tensor x) => conv.forward(x);
            }

            [Diagram(Input = "N,3,8,8")]
            public sealed class Net : Module<Tensor, Tensor>
            {
                private readonly Module<Tensor, Tensor> layer1;
                private readonly Module<Tensor, Tensor> fc;
                public Net((bool, bool, bool)? replace_stride_with_dilation = null) : base("Net")
                {
                    var rswd = replace_stride_with_dilation.HasValue ? replace_stride_with_dilation.Value : (false, false, false);
                    long dilation = 1;
                    if (rswd.Item1) dilation *= 2;
                    bool? flag = null;
                    var extra = (flag ?? false) ? 1 : 0;
                    layer1 = new Block(3, 8 + extra, dilation);
                    fc = Linear(8, 10);
                    RegisterComponents();
                }
                public override Tensor forward(Tensor x) => fc.forward(layer1.forward(x).mean(new long[] { 2, 3 }));
            }
            """);
        Assert.DoesNotContain(model.Notes, n => n.Message.Contains("throw", StringComparison.Ordinal));
        Assert.Equal(new[] { "fc:Linear", "layer1.conv:Conv2d", "layer1:Block" }, Paths(model.Root).Split(' ').OrderBy(p => p, StringComparer.Ordinal));
        Assert.Equal(3 * 8 * 9 + 8 * 10 + 10, model.Root.Parameters);
    }

    [Fact]
    public void Index_from_end_ranges_and_an_appended_list_read_in_a_Select_lambda_give_exact_sizes()
    {
        var model = Single(Usings + """
            [Diagram(Input = "N,16")]
            public sealed class Net : Module<Tensor, Tensor>
            {
                private readonly Module<Tensor, Tensor> body;
                private readonly Module<Tensor, Tensor> head;
                public Net() : base("Net")
                {
                    int[] planes = { 16, 32, 64 };
                    var widths = planes.ToList();
                    var ext = widths.Append(widths[^1]).ToList();          // 16 32 64 64
                    var inner = ext[1..^1];                                 // 32 64
                    body = Sequential(Enumerable.Range(0, 3).Select(i => (Module<Tensor, Tensor>)Linear(ext[i], ext[i + 1])).ToArray());
                    head = Linear(planes[^1] + inner.Count, inner[^2]);
                    RegisterComponents();
                }
                public override Tensor forward(Tensor x) => head.forward(torch.cat(new[] { body.forward(x), x[.., ..2] }, 1));
            }
            """);
        var linears = model.Root.DescendantsAndSelf().Where(m => m.TypeName == "Linear").ToList();
        Assert.Equal(new long?[] { 16, 32, 64, 66 }, linears.Select(l => l.Arg("inputSize")?.AsLong).ToArray());
        Assert.Equal(new long?[] { 32, 64, 64, 32 }, linears.Select(l => l.Arg("outputSize")?.AsLong).ToArray());
        Assert.Equal(16 * 32 + 32 + 32 * 64 + 64 + 64 * 64 + 64 + 66 * 32 + 32, model.Root.Parameters);
    }

    [Fact]
    public void A_lookup_table_filled_in_nested_loops_with_tuple_keys_fits_the_budget()
    {
        // Relative-position tables in window attention: tens of thousands of scalar steps in a constructor.
        var model = Single(Usings + """
            [Diagram(Input = "N,4")]
            public sealed class Net : Module<Tensor, Tensor>
            {
                private readonly Module<Tensor, Tensor> fc;
                public Net(int window = 14) : base("Net")
                {
                    var index = new Dictionary<(int, int), int>();
                    var table = new int[window * window * window * window];
                    int n = 0;
                    for (int i = 0; i < window * window; i++)
                    {
                        for (int j = 0; j < window * window; j++)
                        {
                            var key = (i / window - j / window + window - 1, i % window - j % window + window - 1);
                            if (!index.TryGetValue(key, out var id)) { id = index.Count; index[key] = id; }
                            table[n++] = id;
                        }
                    }
                    fc = Linear(4, index.Count + table[^1]);
                    RegisterComponents();
                }
                public override Tensor forward(Tensor x) => fc.forward(x);
            }
            """);
        Assert.DoesNotContain(model.Notes, n => n.Id == "NVG0103");
        // (2w-1)^2 distinct offsets; the last pair (i = j = w*w-1) has offset (w-1, w-1), the first one seen (id 0, at i = j = 0).
        Assert.Equal(27 * 27 + 0, model.Root.Children[0].Arg("outputSize")!.AsLong);
    }

    [Fact]
    public void A_loop_that_exhausts_the_budget_is_reported_not_silent()
    {
        var model = Single(Usings + """
            [Diagram(Input = "N,4")]
            public sealed class Net : Module<Tensor, Tensor>
            {
                private readonly Module<Tensor, Tensor> fc;
                public Net() : base("Net")
                {
                    long x = 0;
                    while (x >= 0) x = (x + 1) % 7;
                    fc = Linear(4, 4);
                    RegisterComponents();
                }
                public override Tensor forward(Tensor x) => fc.forward(x);
            }
            """);
        Assert.Contains(model.Notes, n => n.Id == "NVG0103" && n.Severity == NoteSeverity.Warning);
    }
}
