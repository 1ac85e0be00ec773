using Microsoft.CodeAnalysis;
using NetVizGen.Generator.Tests.TestSupport;
using NetVizGen.Model.Specs;

namespace NetVizGen.Generator.Tests.Extraction;

/// <summary>
/// forward of any shape: several tensors (typed or on a non-generic Module), optional tensors, input
/// records, tuple and record results; inputs declared by position or name.
/// </summary>
public class ForwardSignatureTests
{
    private static FlowNodeSpec[] Inputs(ModelSpec m) => m.Flow.Nodes.Where(n => n.Kind == FlowNodeKind.Input).ToArray();
    private static FlowNodeSpec[] Outputs(ModelSpec m) => m.Flow.Nodes.Where(n => n.Kind == FlowNodeKind.Output).ToArray();

    private const string TwoTensors = """
        public sealed class Seq2Seq : Module<Tensor, Tensor, Tensor>
        {
            private readonly Module<Tensor, Tensor> enc = Linear(512, 256);
            private readonly Module<Tensor, Tensor> dec = Linear(512, 256);
            public Seq2Seq() : base("Seq2Seq") { RegisterComponents(); }
            public override Tensor forward(Tensor src, Tensor tgt) => torch.cat(new[] { enc.call(src), dec.call(tgt) }, 1);
        }
        """;

    [Theory]
    [InlineData("N,10,512; N,7,512")]
    [InlineData("src=N,10,512; tgt=N,7,512")]
    [InlineData("tgt=N,7,512; src=N,10,512")]
    [InlineData("tgt=N,7,512; N,10,512")]
    public void Two_tensor_inputs_are_declared_by_position_or_name(string input)
    {
        var result = GeneratorHarness.Run(GeneratorHarness.Usings + $"[Diagram(Input = \"{input}\")]\n" + TwoTensors);
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        var model = Assert.Single(result.Models);
        Assert.Equal(new[] { "src:N×10×512", "tgt:N×7×512" }, Inputs(model).Select(n => n.Name + ":" + n.Shape));
        Assert.Equal("N×17×256", Assert.Single(Outputs(model)).Shape);
    }

    [Fact]
    public void An_undeclared_required_input_is_drawn_with_unknown_shape_and_a_warning()
    {
        var result = GeneratorHarness.Run(GeneratorHarness.Usings + "[Diagram(Input = \"N,10,512\")]\n" + TwoTensors);
        var warning = Assert.Single(result.Diagnostics, d => d.Id == "NVG0208");
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Contains("'tgt'", warning.GetMessage());
        var model = Assert.Single(result.Models);
        Assert.Equal(new[] { "src:N×10×512", "tgt:?" }, Inputs(model).Select(n => n.Name + ":" + n.Shape));
    }

    [Fact]
    public void A_name_that_matches_no_input_is_a_warning()
    {
        var result = GeneratorHarness.Run(GeneratorHarness.Usings + "[Diagram(Input = \"src=N,10,512; target=N,7,512\")]\n" + TwoTensors);
        Assert.Contains(result.Diagnostics, d => d.Id == "NVG0208" && d.Severity == DiagnosticSeverity.Warning && d.GetMessage().Contains("'target'"));
        Assert.Single(result.Models);
    }

    [Fact]
    public void An_optional_tensor_is_optional_on_a_non_generic_module()
    {
        var result = GeneratorHarness.Run(GeneratorHarness.Usings + """
            [Diagram(Input = "N,S,64")]
            public sealed class Encoder : Module
            {
                private readonly Module<Tensor, Tensor> proj = Linear(64, 32);
                public Encoder() : base("Encoder") { RegisterComponents(); }
                public Tensor forward(Tensor src, Tensor? mask = null)
                {
                    var x = proj.call(src);
                    if (mask is not null) x = x.masked_fill(mask, 0);
                    return x;
                }
            }
            """);
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        var model = Assert.Single(result.Models);
        Assert.Equal("src", Assert.Single(Inputs(model)).Name);
        Assert.Equal("N×S×32", Assert.Single(Outputs(model)).Shape);
    }

    [Fact]
    public void An_input_record_binds_its_tensor_members_and_a_tuple_result_is_stated_per_element()
    {
        var result = GeneratorHarness.Run(GeneratorHarness.Usings + """
            public sealed record Batch(Tensor Tokens, Tensor Features);
            [Diagram(Input = "Tokens=N,16; Features=N,8")]
            public sealed class TwoHeads : Module<Batch, (Tensor logits, Tensor score)>
            {
                private readonly Module<Tensor, Tensor> a = Linear(16, 4);
                private readonly Module<Tensor, Tensor> b = Linear(8, 1);
                public TwoHeads() : base("TwoHeads") { RegisterComponents(); }
                public override (Tensor logits, Tensor score) forward(Batch batch) => (a.call(batch.Tokens), b.call(batch.Features));
            }
            """);
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        var model = Assert.Single(result.Models);
        Assert.Equal(new[] { "batch.Tokens:N×16", "batch.Features:N×8" }, Inputs(model).Select(n => n.Name + ":" + n.Shape));
        Assert.Equal(new[] { "output.logits:N×4", "output.score:N×1" }, Outputs(model).Select(n => n.Name + ":" + n.Shape));
    }

    [Fact]
    public void A_record_result_is_stated_per_member()
    {
        var model = GeneratorHarness.Single(GeneratorHarness.Usings + """
            public sealed record Result(Tensor Hidden, Tensor Logits);
            [Diagram(Input = "N,16")]
            public sealed class Net : Module<Tensor, Result>
            {
                private readonly Module<Tensor, Tensor> body = Linear(16, 8);
                private readonly Module<Tensor, Tensor> head = Linear(8, 3);
                public Net() : base("Net") { RegisterComponents(); }
                public override Result forward(Tensor x) { var h = body.call(x); return new Result(h, head.call(h)); }
            }
            """);
        Assert.Equal(new[] { "output.Hidden:N×8", "output.Logits:N×3" }, Outputs(model).Select(n => n.Name + ":" + n.Shape));
    }

    [Fact]
    public void A_result_the_reader_cannot_follow_is_a_warning()
    {
        var result = GeneratorHarness.Run(GeneratorHarness.Usings + """
            [Diagram(Input = "N,16")]
            public sealed class Opaque : Module<Tensor, Tensor>
            {
                private readonly Module<Tensor, Tensor> body = Linear(16, 8);
                public Opaque() : base("Opaque") { RegisterComponents(); }
                public override Tensor forward(Tensor x) => (Tensor)Activator.CreateInstance(typeof(Tensor), body.call(x))!;
            }
            """);
        Assert.Contains(result.Diagnostics, d => d.Id == "NVG0102" && d.Severity == DiagnosticSeverity.Warning && d.GetMessage().Contains("forward returns"));
        Assert.Contains(Assert.Single(result.Models).Incomplete, r => r.Contains("forward returns"));
    }
}
