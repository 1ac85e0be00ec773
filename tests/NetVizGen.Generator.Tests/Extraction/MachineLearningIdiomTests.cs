using NetVizGen.Generator.Tests.TestSupport;
using NetVizGen.Model.Specs;

namespace NetVizGen.Generator.Tests.Extraction;

/// <summary>
/// Idioms of ML.NET's TorchSharp models (dotnet/machinelearning, RoBERTa and AutoFormerV2), each once: a helper of
/// the model's own that turns a C# range into a TensorIndex, an index tensor kept as a TensorIndex field, and a
/// model that is an IModule with a call method instead of a Module with forward.
/// </summary>
public class MachineLearningIdiomTests
{
    private const string RangeUtil = """
        internal static class RangeUtil
        {
            public static TensorIndex ToTensorIndex(this Range range)
            {
                long? start = !range.Start.IsFromEnd ? range.Start.Value : -1 * range.Start.Value;
                var stop = !range.End.IsFromEnd ? new long?(range.End.Value) : range.End.Value == 0 ? null : new long?(-1 * range.End.Value);
                return TensorIndex.Slice(start, stop);
            }
        }
        """;

    [Fact]
    public void A_crop_through_a_helper_that_makes_the_tensor_index_is_followed()
    {
        // AutoFormerV2Block: pad to a multiple of the window, attend, then crop back with x[..(..), ..(..h), ..(..w)].
        var model = GeneratorHarness.Single(GeneratorHarness.Usings + RangeUtil + """
            [Diagram(Input = "N,5,5,8")]
            public sealed class Crop : Module<Tensor, Tensor>
            {
                public Crop() : base("Crop") { RegisterComponents(); }
                public override Tensor forward(Tensor x)
                {
                    long h = x.shape[1], w = x.shape[2];
                    var padded = nn.functional.pad(x, new long[] { 0, 0, 0, 2, 0, 2 });
                    return padded[RangeUtil.ToTensorIndex(..), RangeUtil.ToTensorIndex(..(int)h), RangeUtil.ToTensorIndex(..(int)w)].contiguous() + x;
                }
            }
            """);

        Assert.DoesNotContain(model.Notes, n => n.Id.StartsWith("NVG01", StringComparison.Ordinal) || n.Id.StartsWith("NVG02", StringComparison.Ordinal));
        Assert.Equal("N×5×5×8", model.Flow.Nodes.Single(n => n.Kind == FlowNodeKind.Output).Shape);
        var add = model.Flow.Nodes.Single(n => n.Name == "add");
        Assert.Equal(2, add.Inputs.Count); // the cropped branch reaches the add
    }

    [Fact]
    public void An_index_tensor_kept_as_a_TensorIndex_field_gathers_the_bias_table()
    {
        // AutoFormerV2's Attention: idxsTensor = zeros(n, n, dtype: torch.int64) filled in nested loops, kept as
        // TensorIndex.Tensor(idxsTensor); forward adds attention_biases[ToTensorIndex(..), attention_bias_idxs].
        var model = GeneratorHarness.Single(GeneratorHarness.Usings + RangeUtil + """
            [Diagram(Input = "N,2,4,4")]
            public sealed class Attention : Module<Tensor, Tensor>
            {
                private readonly TorchSharp.Modules.Parameter attention_biases;
                private readonly TensorIndex attention_bias_idxs;
                public Attention() : base("Attention")
                {
                    var points = new List<List<int>>();
                    for (int i = 0; i < 2; i++) for (int j = 0; j < 2; j++) points.Add(new List<int>() { i, j });
                    int n = points.Count;
                    var attentionOffsets = new Dictionary<Tuple<int, int>, int>();
                    var idxsTensor = torch.zeros(new long[] { n, n }, dtype: torch.int64);
                    for (int i = 0; i < n; i++)
                    {
                        for (int j = 0; j < n; j++)
                        {
                            var offset = new Tuple<int, int>(Math.Abs(points[i][0] - points[j][0]), Math.Abs(points[i][1] - points[j][1]));
                            if (!attentionOffsets.ContainsKey(offset)) attentionOffsets.Add(offset, attentionOffsets.Count);
                            idxsTensor[i][j] = attentionOffsets[offset];
                        }
                    }
                    attention_biases = nn.Parameter(torch.zeros(2, attentionOffsets.Count));
                    attention_bias_idxs = TensorIndex.Tensor(idxsTensor);
                    RegisterComponents();
                }
                public override Tensor forward(Tensor x) => x + attention_biases[RangeUtil.ToTensorIndex(..), attention_bias_idxs];
            }
            """);

        Assert.DoesNotContain(model.Notes, n => n.Id.StartsWith("NVG01", StringComparison.Ordinal) || n.Id.StartsWith("NVG02", StringComparison.Ordinal));
        Assert.Equal(2 * 4, model.Root.Parameters); // 2 heads x 4 distinct offsets of a 2 x 2 window
        Assert.Equal("2×4×4", model.Flow.Nodes.Single(n => n.Name == NetVizGen.Model.Catalog.TensorIndexing.ByTensorOpName).Shape);
        Assert.Equal(2, model.Flow.Nodes.Single(n => n.Name == "add").Inputs.Count);
    }

    [Fact]
    public void A_plain_module_implementing_IModule_is_traced_from_its_call_method()
    {
        // RobertaEncoder : TransformerEncoder (a plain torch.nn.Module), IModule<Tensor, Tensor, Tensor>: no forward,
        // call(tokens, mask) is the entry point, and calls its children with forward.
        var model = GeneratorHarness.Single(GeneratorHarness.Usings + """
            public abstract class TransformerEncoder : torch.nn.Module
            {
                protected TransformerEncoder() : base(nameof(TransformerEncoder)) { }
            }
            [Diagram(Input = "tokens=N,16;mask=N,16,32")]
            public sealed class Encoder : TransformerEncoder, torch.nn.IModule<Tensor, Tensor, Tensor>
            {
                private readonly Embedding embed = Embedding(100, 32);
                private readonly Linear proj = Linear(32, 8);
                public Encoder() { RegisterComponents(); }
                public Tensor call(Tensor tokens, Tensor mask)
                {
                    var x = embed.forward(tokens) * mask;
                    return proj.forward(x);
                }
            }
            """);

        Assert.DoesNotContain(model.Notes, n => n.Id.StartsWith("NVG01", StringComparison.Ordinal));
        Assert.Empty(model.Incomplete);
        Assert.Equal("N×16×8", model.Flow.Nodes.Single(n => n.Kind == FlowNodeKind.Output).Shape);
        Assert.Equal(2, model.Flow.Nodes.Count(n => n.Kind == FlowNodeKind.Input));
    }

    [Fact]
    public void A_view_shape_assembled_through_spans_of_x_shape_is_followed()
    {
        // RoBERTa's TransposeForScores: Concat<long>(x.shape.AsSpan(0, x.shape.Length - 1), heads, headSize), where
        // Concat copies into a new array through spans (s1.CopyTo(array); array.AsSpan(s1.Length)[0] = s2).
        var model = GeneratorHarness.Single(GeneratorHarness.Usings + """
            internal static class DataUtils
            {
                public static T[] Concat<T>(ReadOnlySpan<T> s1, T s2, T s3)
                {
                    var array = new T[s1.Length + 2];
                    s1.CopyTo(array);
                    array.AsSpan(s1.Length)[0] = s2;
                    array.AsSpan(s1.Length + 1)[0] = s3;
                    return array;
                }
            }
            internal static class TensorExtensions
            {
                public static bool IsNull(this Tensor? tensor) => tensor is null || tensor.IsInvalid;
                public static bool IsNotNull(this Tensor? tensor) => !tensor.IsNull();
            }
            [Diagram(Input = "x=N,16,32;mask=N,1,1,16")]
            public sealed class SelfAttention : Module<Tensor, Tensor, Tensor>
            {
                private readonly Linear query = Linear(32, 32);
                public SelfAttention() : base("SelfAttention") { RegisterComponents(); }
                public override Tensor forward(Tensor x, Tensor mask)
                {
                    var newShape = DataUtils.Concat<long>(x.shape.AsSpan(0, x.shape.Length - 1), 4, 8);
                    var q = query.forward(x).view(newShape).permute(0, 2, 1, 3);
                    var scores = q.matmul(q.transpose(-1, -2));
                    if (mask.IsNotNull()) scores.add_(mask);
                    return scores;
                }
            }
            """);

        Assert.DoesNotContain(model.Notes, n => n.Id.StartsWith("NVG01", StringComparison.Ordinal) || n.Id.StartsWith("NVG02", StringComparison.Ordinal));
        Assert.Equal("N×16×4×8", model.Flow.Nodes.Single(n => n.Name == "view").Shape);
        Assert.Equal("N×4×16×16", model.Flow.Nodes.Single(n => n.Kind == FlowNodeKind.Output).Shape);
        Assert.Contains(model.Flow.Nodes, n => n.Name is "add" or "add_");
    }

    [Fact]
    public void Layer_types_from_named_modules_and_the_device_given_are_known_in_the_constructor()
    {
        // AutoFormerV2: InitializeWeight and FreezeBN walk named_modules() comparing layer.GetType() with typeof(...),
        // then `if (device != null) this.to(device)` for the device the factory passed (torch.CPU).
        var model = GeneratorHarness.Single(GeneratorHarness.Usings + """
            public sealed class Net : Module<Tensor, Tensor>
            {
                private readonly Linear fc = Linear(8, 4);
                private readonly BatchNorm1d bn = BatchNorm1d(4);
                private readonly Device device;
                public Net(Device device = null) : base("Net")
                {
                    this.device = device;
                    RegisterComponents();
                    int linears = 0;
                    foreach (var (name, layer) in named_modules())
                    {
                        if (layer.GetType() == typeof(Linear)) linears++;
                        else if (layer.GetType() == typeof(BatchNorm1d)) layer.eval();
                    }
                    if (linears != 1) throw new InvalidOperationException("one Linear");
                    if (device != null && device.type != DeviceType.CPU) this.to(device);
                }
                public override Tensor forward(Tensor x) => bn.forward(fc.forward(x.to(device)));
            }
            public static class Factory { [Diagram(Input = "N,8")] public static Net Make() => new Net(CPU); }
            """);

        Assert.DoesNotContain(model.Notes, n => n.Id.StartsWith("NVG01", StringComparison.Ordinal));
        Assert.Equal(8 * 4 + 4 + 4 + 4, model.Root.Parameters);
    }

    [Fact]
    public void A_mask_filled_element_by_element_in_nested_loops_is_one_write_node()
    {
        // AutoFormerV2's BasicLayer (and Swin's shifted windows): imgMask[0, h, w, 0] = cnt over every element.
        var model = GeneratorHarness.Single(GeneratorHarness.Usings + """
            [Diagram(Input = "N,6,6,4")]
            public sealed class Masked : Module<Tensor, Tensor>
            {
                public Masked() : base("Masked") { RegisterComponents(); }
                public override Tensor forward(Tensor x)
                {
                    var imgMask = torch.zeros(new long[] { 1, 6, 6, 1 });
                    int cnt = 0;
                    for (int h = 0; h < 6; h++)
                        for (int w = 0; w < 6; w++)
                        {
                            imgMask[0, h, w, 0] = cnt;
                            cnt += 1;
                        }
                    imgMask[0, 0, 0, 0] = 7;
                    return x + imgMask;
                }
            }
            """);

        var writes = model.Flow.Nodes.Where(n => n.Name == NetVizGen.Model.Catalog.TensorIndexing.WriteOpName).ToList();
        Assert.Equal(2, writes.Count); // the loop's 36 writes, then the statement after it
        Assert.Equal(36, writes[0].Args.Single(a => a.Name == "writes").Value.AsLong);
        Assert.Equal(writes[0].Id, Assert.Single(writes[1].Inputs));
        Assert.Equal("N×6×6×4", model.Flow.Nodes.Single(n => n.Kind == FlowNodeKind.Output).Shape);
    }
}
