using NetVizGen.Model.Specs;
using static NetVizGen.Generator.Tests.TestSupport.GeneratorHarness;

namespace NetVizGen.Generator.Tests.Extraction;

/// <summary>
/// Tensors made in forward (a causal mask from full + triu, position ids from arange) and the mask ops
/// of decoder models: traced with their shapes, no unknown-op warning.
/// </summary>
public class ForwardMaskAndCreationTests
{
    private const string Decoder = """
        [Diagram(Input = "N,T,16")]
        public sealed class CausalBlock : Module<Tensor, Tensor>
        {
            private readonly Embedding pos_emb = Embedding(64, 16);
            private readonly Linear qk = Linear(16, 16);
            public CausalBlock() : base("CausalBlock") { RegisterComponents(); }
            public override Tensor forward(Tensor x)
            {
                long T = x.shape[1];
                var positions = torch.arange(T);
                var h = x + pos_emb.call(positions);
                var q = qk.call(h);
                var scores = torch.matmul(q, h.transpose(1, 2));
                var causal = torch.full(new long[] { T, T }, float.NegativeInfinity).triu(1);
                scores = scores + causal;
                var blocked = torch.ones(T, T).triu(1).gt(0);
                scores = scores.masked_fill(blocked, float.NegativeInfinity);
                var ids = torch.arange(0, T, 1);
                var keep = torch.zeros_like(scores).eq(0);
                var steps = torch.arange(0, 10, 3);
                return functional.softmax(scores, -1).matmul(h);
            }
        }
        """;

    private static string ShapeOf(ModelSpec m, string name, int nth = 0) => m.Flow.Nodes.Where(n => n.Name == name || n.ModulePath == name).ElementAt(nth).Shape;

    [Fact]
    public void Causal_mask_position_ids_and_masked_fill_have_their_traced_shapes()
    {
        var result = Run(Usings + Decoder);
        var m = Assert.Single(result.Models);
        Assert.Equal("T", ShapeOf(m, "arange"));
        Assert.Equal("T×16", ShapeOf(m, "pos_emb"));
        Assert.Equal("N×T×16", ShapeOf(m, "add"));
        Assert.Equal("N×T×T", ShapeOf(m, "matmul"));
        Assert.Equal("T×T", ShapeOf(m, "full"));
        Assert.Equal("T×T", ShapeOf(m, "triu"));
        Assert.Equal("N×T×T", ShapeOf(m, "add", 1));
        Assert.Equal("T×T", ShapeOf(m, "ones"));
        Assert.Equal("T×T", ShapeOf(m, "gt"));
        Assert.Equal("N×T×T", ShapeOf(m, "masked_fill"));
        Assert.Equal("T", ShapeOf(m, "arange", 1));
        Assert.Equal("N×T×T", ShapeOf(m, "eq"));
        Assert.Equal("4", ShapeOf(m, "arange", 2));
        Assert.Equal("N×T×16", ShapeOf(m, "output"));
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "NVG0207");
    }

    [Fact]
    public void An_arange_bound_not_known_at_compile_time_leaves_the_shape_unknown()
    {
        var result = Run(Usings + """
            [Diagram(Input = "N,8")]
            public sealed class M : Module<Tensor, Tensor>
            {
                public long Limit { get; set; }
                public M() : base("M") { RegisterComponents(); }
                public override Tensor forward(Tensor x) => x + torch.arange(Limit).sum();
            }
            """);
        var m = Assert.Single(result.Models);
        Assert.Equal("?", ShapeOf(m, "arange"));
    }
    [Fact]
    public void A_tensor_made_by_a_factory_the_catalog_does_not_know_stays_in_the_flow_with_a_warning()
    {
        var result = Run(Usings + """
            [Diagram(Input = "N,8")]
            public sealed class M : Module<Tensor, Tensor>
            {
                private readonly Linear proj = Linear(8, 8);
                public M() : base("M") { RegisterComponents(); }
                public override Tensor forward(Tensor x) => proj.call(x) + torch.randperm(8);
            }
            """);
        var m = Assert.Single(result.Models);
        var source = Assert.Single(m.Flow.Nodes, n => n.Name == "randperm");
        Assert.Contains(m.Flow.Nodes, n => n.Name == "add" && n.Inputs.Contains(source.Id));
        Assert.Contains(result.Diagnostics, d => d.Id == "NVG0207" && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("randperm"));
    }

    [Fact]
    public void Linspace_randint_new_zeros_and_tensor_in_forward_have_their_shapes()
    {
        var result = Run(Usings + """
            [Diagram(Input = "N,T,16")]
            public sealed class M : Module<Tensor, Tensor>
            {
                private readonly Linear proj = Linear(16, 16);
                public M() : base("M") { RegisterComponents(); }
                public override Tensor forward(Tensor x)
                {
                    long T = x.shape[1];
                    var ramp = torch.linspace(0.0, 1.0, T);
                    var noise = torch.randint(10, new long[] { 2, 3 });
                    var pad = x.new_zeros(4, 16);
                    var table = torch.tensor(new float[,] { { 1, 2, 3 }, { 4, 5, 6 } });
                    var ids = torch.tensor(new long[] { 1, 2, 3, 4 });
                    var scale = torch.tensor(2.0f);
                    return proj.call(x) * scale + ramp.unsqueeze(-1) + noise.sum() + pad.sum() + table.sum() + ids.sum();
                }
            }
            """);
        var m = Assert.Single(result.Models);
        Assert.Equal("T", ShapeOf(m, "linspace"));
        Assert.Equal("2×3", ShapeOf(m, "randint"));
        Assert.Equal("4×16", ShapeOf(m, "new_zeros"));
        Assert.Equal("2×3", ShapeOf(m, "tensor"));
        Assert.Equal("4", ShapeOf(m, "tensor", 1));
        Assert.Equal("scalar", ShapeOf(m, "tensor", 2));
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "NVG0207");
    }
}
