using NetVizGen.Generator.Tests.TestSupport;

namespace NetVizGen.Generator.Tests.Extraction;

/// <summary>
/// Idioms of a Segment Anything port nobody here wrote (dongfangzhizhu/SAM_TorchSharp), each once:
/// activation factories passed as method groups, a three-input attention called with named arguments,
/// a hand-written LayerNorm2d whose forward is only tensor ops, q/k/v split with unbind, windows padded
/// by sizes computed with %, and System.Tuple results deconstructed.
/// </summary>
public class SegmentAnythingIdiomTests
{
    [Fact]
    public void An_activation_factory_passed_as_a_method_group_is_called_for_its_module()
    {
        var result = GeneratorHarness.Run(GeneratorHarness.Usings + """
            public sealed class MlpBlock : Module<Tensor, Tensor>
            {
                private readonly Module<Tensor, Tensor> lin1, lin2, act;
                public MlpBlock(int dim, int hidden, Func<Module<Tensor, Tensor>> act = null) : base("MlpBlock")
                {
                    lin1 = Linear(dim, hidden);
                    lin2 = Linear(hidden, dim);
                    this.act = act is null ? GELU() : act();
                    RegisterComponents();
                }
                public override Tensor forward(Tensor x) => lin2.forward(act.forward(lin1.forward(x)));
            }
            public sealed class Net : Module<Tensor, Tensor>
            {
                private readonly MlpBlock a, b;
                public Net(Func<GELU> actLayer = null) : base("Net")
                {
                    if (actLayer == null) actLayer = GELU;
                    a = new MlpBlock(16, 64, actLayer);
                    b = new MlpBlock(16, 32, Tanh);
                    RegisterComponents();
                }
                public override Tensor forward(Tensor x) => b.forward(a.forward(x));
            }
            public static class Factory { [Diagram(Input = "N,16")] public static Net Make() => new Net(); }
            """);
        var model = Assert.Single(result.Models);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id.StartsWith("NVG01", StringComparison.Ordinal));
        Assert.Equal("GELU", model.Root.Children.Single(c => c.Name == "a").Children.Single(c => c.Name == "act").TypeName);
        Assert.Equal("Tanh", model.Root.Children.Single(c => c.Name == "b").Children.Single(c => c.Name == "act").TypeName);
        Assert.Equal("N×16", model.Flow.Nodes.Single(n => n.ModulePath == "b.lin2").Shape);
    }

    [Fact]
    public void Named_arguments_of_a_three_input_forward_reach_their_parameters()
    {
        var result = GeneratorHarness.Run(GeneratorHarness.Usings + """
            public sealed class Attn : Module<Tensor, Tensor, Tensor, Tensor>
            {
                private readonly Linear q_proj = Linear(32, 16), k_proj = Linear(32, 16), v_proj = Linear(32, 16);
                public Attn() : base("Attn") { RegisterComponents(); }
                public override Tensor forward(Tensor q, Tensor k, Tensor v)
                {
                    q = q_proj.forward(q);
                    k = k_proj.forward(k);
                    v = v_proj.forward(v);
                    return softmax(q.matmul(k.transpose(-2, -1)), -1).matmul(v);
                }
            }
            public sealed class Net : Module<Tensor, Tensor, Tensor>
            {
                private readonly Attn attn = new Attn();
                public Net() : base("Net") { RegisterComponents(); }
                public override Tensor forward(Tensor queries, Tensor keys) => attn.forward(v: keys, q: queries, k: keys);
            }
            public static class Factory { [Diagram(Input = "N,5,32;N,64,32")] public static Net Make() => new Net(); }
            """);
        var model = Assert.Single(result.Models);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id.StartsWith("NVG01", StringComparison.Ordinal));
        Assert.Equal("N×5×16", model.Flow.Nodes.Single(n => n.ModulePath == "attn.q_proj").Shape);
        Assert.Equal("N×64×16", model.Flow.Nodes.Single(n => n.ModulePath == "attn.v_proj").Shape);
        Assert.Equal("N×5×16", model.Flow.Nodes.Single(n => n.Kind == NetVizGen.Model.Specs.FlowNodeKind.Output).Shape);
    }

    [Fact]
    public void A_hand_written_norm_whose_forward_is_only_tensor_ops_counts_as_called()
    {
        var result = GeneratorHarness.Run(GeneratorHarness.Usings + """
            public sealed class LayerNorm2d : Module<Tensor, Tensor>
            {
                private readonly Tensor weight, bias;
                public LayerNorm2d(long c) : base("LayerNorm2d") { weight = ones(c, requires_grad: true); bias = zeros(c, requires_grad: true); RegisterComponents(); }
                public override Tensor forward(Tensor x)
                {
                    var u = x.mean(new long[] { 1 }, keepdim: true);
                    return weight[TensorIndex.Colon, TensorIndex.None, TensorIndex.None] * (x - u) + bias[TensorIndex.Colon, TensorIndex.None, TensorIndex.None];
                }
            }
            public sealed class Net : Module<Tensor, Tensor>
            {
                private readonly Sequential neck;
                public Net() : base("Net") { neck = Sequential(Conv2d(8, 4, 1), new LayerNorm2d(4)); RegisterComponents(); }
                public override Tensor forward(Tensor x) => neck.forward(x);
            }
            public static class Factory { [Diagram(Input = "N,8,6,6")] public static Net Make() => new Net(); }
            """);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "NVG0106");
        var model = Assert.Single(result.Models);
        Assert.Equal(8 * 4 + 4, model.Root.Parameters);
        Assert.Equal(8, model.Root.Buffers); // plain tensors: RegisterComponents makes them buffers
    }

    [Fact]
    public void Layer_weights_read_in_forward_are_tensors_of_the_layers_shape()
    {
        // SAM's mask decoder: output tokens are the rows of two embeddings, expanded per prompt.
        var result = GeneratorHarness.Run(GeneratorHarness.Usings + """
            public sealed class Net : Module<Tensor, Tensor>
            {
                private readonly Embedding iou_token = Embedding(1, 32), mask_tokens = Embedding(4, 32);
                private readonly Linear head = Linear(32, 8);
                public Net() : base("Net") { RegisterComponents(); }
                public override Tensor forward(Tensor sparse)
                {
                    var outputTokens = cat(new Tensor[] { iou_token.weight, mask_tokens.weight }, 0);
                    outputTokens = outputTokens.unsqueeze(0).expand(sparse.size(0), -1, -1);
                    var tokens = cat(new Tensor[] { outputTokens, sparse }, 1);
                    return tokens.matmul(head.weight.T) + head.bias;
                }
            }
            public static class Factory { [Diagram(Input = "N,2,32")] public static Net Make() => new Net(); }
            """);
        var model = Assert.Single(result.Models);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id.StartsWith("NVG01", StringComparison.Ordinal));
        Assert.Equal("N×7×8", model.Flow.Nodes.Single(n => n.Kind == NetVizGen.Model.Specs.FlowNodeKind.Output).Shape);
        Assert.Equal(32 + 4 * 32 + 32 * 8 + 8, model.Root.Parameters);
    }

    [Fact]
    public void A_system_tuple_returned_by_a_helper_is_deconstructed_and_read_by_item()
    {
        var result = GeneratorHarness.Run(GeneratorHarness.Usings + """
            public sealed class Net : Module<Tensor, Tensor, (Tensor, Tensor)>
            {
                private readonly Linear a = Linear(8, 4), b = Linear(8, 2);
                public Net() : base("Net") { RegisterComponents(); }
                public override (Tensor, Tensor) forward(Tensor x, Tensor y)
                {
                    var (masks, iou) = Predict(x, y);
                    var both = Tuple.Create(masks, iou);
                    return (both.Item1, both.Item2);
                }
                private Tuple<Tensor, Tensor> Predict(Tensor x, Tensor y) => new Tuple<Tensor, Tensor>(a.forward(x), b.forward(y));
            }
            public static class Factory { [Diagram(Input = "N,8;N,3,8")] public static Net Make() => new Net(); }
            """);
        var model = Assert.Single(result.Models);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id.StartsWith("NVG01", StringComparison.Ordinal));
        var outputs = model.Flow.Nodes.Where(n => n.Kind == NetVizGen.Model.Specs.FlowNodeKind.Output).Select(n => n.Shape).ToList();
        Assert.Equal(new[] { "N×4", "N×3×2" }, outputs);
    }

    [Fact]
    public void Repeats_read_from_another_tensor_keep_the_size_and_an_undecidable_shape_is_a_located_warning()
    {
        var result = GeneratorHarness.Run(GeneratorHarness.Usings + """
            public sealed class Net : Module<Tensor, Tensor, Tensor>
            {
                private readonly Conv2d conv = Conv2d(8, 8, 1);
                public Net() : base("Net") { RegisterComponents(); }
                public override Tensor forward(Tensor image, Tensor tokens)
                {
                    var src = repeat_interleave(image, tokens.size(0), 0);
                    return conv.forward(src).squeeze(0);
                }
            }
            public static class Factory { [Diagram(Input = "1,8,4,4;N,7,32")] public static Net Make() => new Net(); }
            """);
        var model = Assert.Single(result.Models);
        Assert.Equal("N×8×4×4", model.Flow.Nodes.Single(n => n.ModulePath == "conv").Shape);
        // squeeze(0) of N: whether the dim goes depends on N at run time.
        var unknown = Assert.Single(result.Diagnostics, d => d.Id == "NVG0210");
        Assert.Contains("'squeeze'", unknown.GetMessage());
        Assert.Contains("squeeze of a symbolic dim", unknown.GetMessage());
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, unknown.Severity);
    }

    [Fact]
    public void A_flag_or_number_forward_takes_is_given_its_value_by_name_in_the_input_declaration()
    {
        // SAM's mask decoder: forward(..., bool multimaskOutput) picks masks 1.. or mask 0.
        const string Model = """
            public sealed class Net : Module<Tensor, bool, long, Tensor>
            {
                private readonly Linear head = Linear(8, 4);
                public Net() : base("Net") { RegisterComponents(); }
                public override Tensor forward(Tensor x, bool multimaskOutput, long offset)
                {
                    var slice = multimaskOutput ? TensorIndex.Slice(1) : TensorIndex.Slice(0, 1);
                    return head.forward(x)[TensorIndex.Colon, slice].narrow(1, offset, 1);
                }
            }
            """;
        var multi = GeneratorHarness.Run(GeneratorHarness.Usings + Model + """
            public static class Factory { [Diagram(Input = "N,8; multimaskOutput=true; offset=0")] public static Net Make() => new Net(); }
            """);
        Assert.DoesNotContain(multi.Diagnostics, d => d.Id.StartsWith("NVG01", StringComparison.Ordinal) || d.Id.StartsWith("NVG02", StringComparison.Ordinal));
        var outputs = Assert.Single(multi.Models).Flow.Nodes.Where(n => n.Kind == NetVizGen.Model.Specs.FlowNodeKind.Output).Select(n => n.Shape);
        Assert.Equal(new[] { "N×1" }, outputs);
        var index = Assert.Single(multi.Models).Flow.Nodes.Single(n => n.Name == "index");
        Assert.Equal("N×3", index.Shape);

        var single = GeneratorHarness.Run(GeneratorHarness.Usings + Model + """
            public static class Factory { [Diagram(Input = "N,8; multimaskOutput=false; offset=0")] public static Net Make() => new Net(); }
            """);
        Assert.Equal("N×1", Assert.Single(single.Models).Flow.Nodes.Single(n => n.Name == "index").Shape);

        // A value for a parameter forward does not have: a located warning, and the rest still binds.
        var wrong = GeneratorHarness.Run(GeneratorHarness.Usings + Model + """
            public static class Factory { [Diagram(Input = "N,8; multimask=true; offset=0")] public static Net Make() => new Net(); }
            """);
        Assert.Contains(wrong.Diagnostics, d => d.Id == "NVG0208" && d.GetMessage().Contains("'multimask=true'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_table_indexed_by_integer_coordinates_has_the_coordinates_shape_and_a_float_index_is_still_warned()
    {
        // SAM's get_rel_pos: rel_pos[(q_coords - k_coords + (k - 1)).to_type(Int64)].
        const string Model = """
            public sealed class Net : Module<Tensor, Tensor>
            {
                private readonly Parameter rel_pos = Parameter(zeros(15, 8));
                public Net() : base("Net") { RegisterComponents(); }
                public override Tensor forward(Tensor x)
                {
                    var q = arange(8)[TensorIndex.Ellipsis, TensorIndex.None] * 1.0;
                    var k = arange(8)[TensorIndex.None, TensorIndex.Ellipsis] * 1.0;
                    var coords = q - k + 7.0;
                    var rel = rel_pos[INDEX];
                    return x.matmul(rel.transpose(-2, -1));
                }
            }
            public static class Factory { [Diagram(Input = "N,8,8")] public static Net Make() => new Net(); }
            """;
        var integral = GeneratorHarness.Run(GeneratorHarness.Usings + Model.Replace("INDEX", "coords.to_type(ScalarType.Int64)"));
        Assert.DoesNotContain(integral.Diagnostics, d => d.Id.StartsWith("NVG01", StringComparison.Ordinal));
        var node = Assert.Single(integral.Models).Flow.Nodes.Single(n => n.Name == "index_by_tensor");
        Assert.Equal("8×8×8", node.Shape);

        // Without the conversion the index could be a mask (data-dependent rows): not followed, and said so.
        var unknown = GeneratorHarness.Run(GeneratorHarness.Usings + Model.Replace("INDEX", "coords"));
        Assert.Contains(unknown.Diagnostics, d => d.Id == "NVG0102" && d.GetMessage().Contains("rel_pos[coords]", StringComparison.Ordinal));
    }

    [Fact]
    public void The_index_method_reads_its_positions_like_the_indexer()
    {
        // SAM's mask decoder: maskTokensOut.index(new[] { TensorIndex.Colon, i, TensorIndex.Colon }) per mask token.
        var result = GeneratorHarness.Run(GeneratorHarness.Usings + """
            public sealed class Net : Module<Tensor, Tensor>
            {
                private readonly ModuleList<Linear> mlps = new ModuleList<Linear>(Linear(32, 4), Linear(32, 4));
                public Net() : base("Net") { RegisterComponents(); }
                public override Tensor forward(Tensor tokens)
                {
                    var outs = new List<Tensor>();
                    for (int i = 0; i < 2; i++) outs.Add(mlps[i].forward(tokens.index(new[] { TensorIndex.Colon, i, TensorIndex.Colon })));
                    return stack(outs, 1);
                }
            }
            public static class Factory { [Diagram(Input = "N,5,32")] public static Net Make() => new Net(); }
            """);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id.StartsWith("NVG01", StringComparison.Ordinal) || d.Id.StartsWith("NVG02", StringComparison.Ordinal));
        Assert.Equal("N×2×4", Assert.Single(result.Models).Flow.Nodes.Single(n => n.Kind == NetVizGen.Model.Specs.FlowNodeKind.Output).Shape);
    }

    [Fact]
    public void An_in_place_op_as_a_statement_writes_into_its_variable()
    {
        // SAM's mask decoder: src = repeat_interleave(image, n, 0); src.add_(dense); transformer(src, ...).
        var result = GeneratorHarness.Run(GeneratorHarness.Usings + """
            public sealed class Net : Module<Tensor, Tensor, Tensor>
            {
                private readonly Conv2d conv = Conv2d(8, 4, 1);
                public Net() : base("Net") { RegisterComponents(); }
                public override Tensor forward(Tensor image, Tensor dense)
                {
                    var src = image * 2;
                    src.add_(dense);
                    return conv.forward(src);
                }
            }
            public static class Factory { [Diagram(Input = "N,8,4,4;N,8,4,4")] public static Net Make() => new Net(); }
            """);
        var flow = Assert.Single(result.Models).Flow;
        var dense = flow.Nodes.Single(n => n.Kind == NetVizGen.Model.Specs.FlowNodeKind.Input && n.Name == "dense");
        var add = flow.Nodes.Single(n => n.Name == "add");
        Assert.Contains(dense.Id, add.Inputs);
        Assert.Contains(add.Id, flow.Nodes.Single(n => n.ModulePath == "conv").Inputs);
    }

    [Fact]
    public void A_relative_position_table_resized_only_when_its_length_differs_from_a_max_of_traced_sizes_is_followed()
    {
        // The image encoder's GetRelPos: maxRelDist = 2 * Math.Max(qSize, kSize) - 1; interpolate the table when needed.
        var model = GeneratorHarness.Single(GeneratorHarness.Usings + """
            using static TorchSharp.torch.nn.functional;
            [Diagram(Input = "N,14,14,8")]
            public sealed class RelPos : Module<Tensor, Tensor>
            {
                private readonly TorchSharp.Modules.Parameter rel_pos = new TorchSharp.Modules.Parameter(zeros(27, 8));
                public RelPos() : base("RelPos") { RegisterComponents(); }
                private static Tensor GetRelPos(long qSize, long kSize, Tensor relPos)
                {
                    long maxRelDist = 2 * Math.Max(qSize, kSize) - 1;
                    if (relPos.shape[0] != maxRelDist)
                        return interpolate(relPos.reshape(1, relPos.shape[0], -1).permute(0, 2, 1), size: new long[] { maxRelDist }, mode: InterpolationMode.Linear);
                    return relPos;
                }
                public override Tensor forward(Tensor x) => x + GetRelPos(x.shape[1], x.shape[2], rel_pos).sum();
            }
            """);

        Assert.DoesNotContain(model.Flow.Nodes, n => n.Name == "interpolate"); // 27 = 2 * 14 - 1: no resize
        Assert.DoesNotContain(model.Notes, n => n.Id is "NVG0102" or "NVG0210");
    }

    [Fact]
    public void An_attention_bias_table_counted_from_anonymous_points_in_nested_loops_gets_its_size()
    {
        // MobileSAM's TinyViT Attention: one bias per distinct offset between two grid points, and an index
        // buffer of N x N, both from a SelectMany with a result selector making anonymous objects.
        var model = GeneratorHarness.Single(GeneratorHarness.Usings + """
            [Diagram(Input = "N,2,16,16")]
            public sealed class Attention : Module<Tensor, Tensor>
            {
                private readonly TorchSharp.Modules.Parameter attention_biases;
                private readonly Tensor attention_bias_idxs;
                public Attention() : base("Attention")
                {
                    var resolution = Tuple.Create(4, 4);
                    var points = Enumerable.Range(0, resolution.Item1)
                        .SelectMany(x => Enumerable.Range(0, resolution.Item2), (x, y) => new { X = x, Y = y })
                        .ToList();
                    int N = points.Count;
                    var attentionOffsets = new Dictionary<(int, int), int>();
                    var idxs = new List<int>();
                    foreach (var p1 in points)
                    {
                        foreach (var p2 in points)
                        {
                            var offset = (Math.Abs(p1.X - p2.X), Math.Abs(p1.Y - p2.Y));
                            if (!attentionOffsets.ContainsKey(offset))
                                attentionOffsets[offset] = attentionOffsets.Count;
                            idxs.Add(attentionOffsets[offset]);
                        }
                    }
                    attention_biases = Parameter(zeros(2, attentionOffsets.Count));
                    attention_bias_idxs = LongTensor(idxs.ToArray()).view(N, N);
                    register_buffer("attention_bias_idxs", attention_bias_idxs, persistent: false);
                    RegisterComponents();
                }
                public override Tensor forward(Tensor x) => x + attention_biases[TensorIndex.Slice(), TensorIndex.Tensor(attention_bias_idxs)];
            }
            """);

        Assert.DoesNotContain(model.Notes, n => n.Id.StartsWith("NVG01", StringComparison.Ordinal));
        Assert.Equal(2 * 16, model.Root.Parameters); // 4 x 4 distinct offsets
        // The table (2 heads x 16 offsets) indexed by the 16 x 16 index after a whole slice: 2 x 16 x 16 per head pair.
        Assert.Equal("2×16×16", model.Flow.Nodes.Single(n => n.Name == NetVizGen.Model.Catalog.TensorIndexing.ByTensorOpName).Shape);
        Assert.Equal("N×2×16×16", model.Flow.Nodes.Single(n => n.Kind == NetVizGen.Model.Specs.FlowNodeKind.Output).Shape);
        // The index buffer (16 x 16) is registered with persistent: false, which TorchSharp's buffers() leaves out.
        Assert.Equal(0, model.Root.Buffers);
    }

    [Fact]
    public void What_a_skipped_loop_would_have_filled_is_unknown_afterwards_not_empty()
    {
        // The same table behind a loop the reader cannot run: the dictionary it fills must not read as empty
        // (a bias table of 0 parameters, with only the loop's warning to say so).
        var model = GeneratorHarness.Single(GeneratorHarness.Usings + """
            [Diagram(Input = "N,8")]
            public sealed class Table : Module<Tensor, Tensor>
            {
                private readonly TorchSharp.Modules.Parameter biases;
                public Table() : base("Table")
                {
                    var offsets = new Dictionary<int, int>();
                    int last = 0;
                    for (int i = 0; i < Environment.ProcessorCount; i++) { offsets[i] = i; last = i; }
                    biases = Parameter(zeros(2, offsets.Count + last));
                    RegisterComponents();
                }
                public override Tensor forward(Tensor x) => x;
            }
            """);

        Assert.Contains(model.Notes, n => n.Id == "NVG0101" && n.Message.Contains("Environment.ProcessorCount", StringComparison.Ordinal));
        Assert.NotEqual(0, model.Root.Parameters);
        Assert.True(model.Root.Parameters < 0, $"parameters {model.Root.Parameters} are reported as known");
    }

    [Fact]
    public void A_drop_path_schedule_read_back_from_linspace_decides_which_blocks_drop()
    {
        // TinyViT: float[] dpr = linspace(0, rate, sum(depths)).data<float>().ToArray(); each stage takes its slice,
        // and a block gets a DropPath only where its rate is above zero (the first block's rate is 0).
        var model = GeneratorHarness.Single(GeneratorHarness.Usings + """
            public sealed class Stage : Module<Tensor, Tensor>
            {
                private readonly ModuleList<Module<Tensor, Tensor>> blocks = new ModuleList<Module<Tensor, Tensor>>();
                public Stage(int depth, List<double> dropPath = null) : base("Stage")
                {
                    if (dropPath is null) dropPath = new List<double>() { 0 };
                    for (int i = 0; i < depth; i++)
                    {
                        double dp = dropPath[0];
                        if (dropPath.Count > 1) dp = dropPath[i];
                        blocks.Add(dp > 0 ? Dropout(dp) : Identity());
                    }
                    RegisterComponents();
                }
                public override Tensor forward(Tensor x) { foreach (var b in blocks) x = b.forward(x); return x; }
            }
            [Diagram(Input = "N,8")]
            public sealed class Net : Module<Tensor, Tensor>
            {
                private readonly ModuleList<Stage> stages = new ModuleList<Stage>();
                public Net(double dropPathRate = 0.1) : base("Net")
                {
                    int[] depths = { 2, 2 };
                    float[] dpr = linspace(0, dropPathRate, depths.Sum()).data<float>().ToArray();
                    for (int s = 0; s < depths.Length; s++)
                    {
                        List<double> dropPath = (from d in dpr[depths[..s].Sum()..depths[..(s + 1)].Sum()] select (double)d).ToList();
                        stages.Add(new Stage(depths[s], dropPath));
                    }
                    RegisterComponents();
                }
                public override Tensor forward(Tensor x) { foreach (var s in stages) x = s.forward(x); return x; }
            }
            """);

        Assert.DoesNotContain(model.Notes, n => n.Id.StartsWith("NVG01", StringComparison.Ordinal));
        var kinds = model.Root.Children.Single(c => c.Name == "stages").Children
            .SelectMany(stage => stage.Children.Single(c => c.Name == "blocks").Children).Select(b => b.TypeName).ToArray();
        Assert.Equal(new[] { "Identity", "Dropout", "Dropout", "Dropout" }, kinds);
    }
}
