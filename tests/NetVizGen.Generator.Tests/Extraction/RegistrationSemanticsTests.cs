using Microsoft.CodeAnalysis;
using NetVizGen.Generator.Tests.TestSupport;
using NetVizGen.Model.Specs;

namespace NetVizGen.Generator.Tests.Extraction;

/// <summary>
/// TorchSharp's registration as the runtime does it (oracle: RegistrationSemantics in the zoo):
/// register_module runs the child's RegisterComponents(), plain tensors are buffers, a Parameter made
/// from ops has the ops' shape.
/// </summary>
public class RegistrationSemanticsTests
{
    [Fact]
    public void A_block_that_never_calls_RegisterComponents_is_registered_by_its_parent()
    {
        var result = GeneratorHarness.Run(GeneratorHarness.Usings + """
            public sealed class Quiet : Module<Tensor, Tensor>
            {
                private readonly Module<Tensor, Tensor> fc;
                public Quiet(int n) : base("Quiet") { fc = Linear(n, n); } // no RegisterComponents()
                public override Tensor forward(Tensor x) => fc.call(x);
            }
            [Diagram(Input = "N,4")]
            public sealed class Parent : Module<Tensor, Tensor>
            {
                private readonly Module<Tensor, Tensor> head = new Quiet(4);
                private readonly ModuleList<Module<Tensor, Tensor>> blocks = new ModuleList<Module<Tensor, Tensor>>(new Quiet(4), new Quiet(4));
                public Parent() : base("Parent") { RegisterComponents(); }
                public override Tensor forward(Tensor x) { foreach (var b in blocks) x = b.call(x); return head.call(x); }
            }
            """);
        var model = Assert.Single(result.Models);
        Assert.Equal("head:Quiet head.fc:Linear blocks:ModuleList blocks.0:Quiet blocks.0.fc:Linear blocks.1:Quiet blocks.1.fc:Linear", GeneratorHarness.Paths(model.Root));
        Assert.Equal(3 * (4 * 4 + 4), model.Root.Parameters);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "NVG0104");
    }

    [Fact]
    public void A_root_that_never_calls_RegisterComponents_still_has_no_children()
    {
        var result = GeneratorHarness.Run(GeneratorHarness.Usings + """
            [Diagram(Input = "N,4")]
            public sealed class Forgot : Module<Tensor, Tensor>
            {
                private readonly Module<Tensor, Tensor> fc;
                public Forgot() : base("Forgot") { fc = Linear(4, 2); }
                public override Tensor forward(Tensor x) => fc.forward(x);
            }
            """);
        Assert.Single(result.Diagnostics, d => d.Id == "NVG0104");
        Assert.Empty(Assert.Single(result.Models).Root.Children);
    }

    [Fact]
    public void Plain_tensor_fields_are_buffers_and_leave_the_parameter_total_exact()
    {
        var model = GeneratorHarness.Single(GeneratorHarness.Usings + """
            [Diagram(Input = "N,4")]
            public sealed class WithBuffer : Module<Tensor, Tensor>
            {
                private readonly Module<Tensor, Tensor> fc = Linear(4, 4);
                private readonly Tensor mask;
                private readonly Tensor table;
                public WithBuffer() : base("WithBuffer")
                {
                    mask = torch.ones(4, 4).triu(1);
                    table = torch.arange(0, 8, 2).unsqueeze(1) * torch.arange(3).unsqueeze(0);
                    RegisterComponents();
                }
                public override Tensor forward(Tensor x) => fc.call(x);
            }
            """);
        Assert.Equal(20, model.Root.Parameters);
        Assert.Equal(20, model.Root.Trainable);
        Assert.Equal(16 + 4 * 3, model.Root.Buffers);
        Assert.Contains(model.Root.Tensors, t => t.Name == "table" && !t.IsParameter && t.Shape.SequenceEqual(new long[] { 4, 3 }));
        Assert.True(model.Incomplete.IsEmpty, string.Join("; ", model.Incomplete));
    }

    [Fact]
    public void A_Parameter_from_a_static_helper_of_ops_has_their_shape()
    {
        var model = GeneratorHarness.Single(GeneratorHarness.Usings + """
            [Diagram(Input = "N,10,16")]
            public sealed class Positional : Module<Tensor, Tensor>
            {
                private readonly Parameter pos;
                private readonly Parameter scale = new Parameter(torch.ones(16), requires_grad: false);
                public Positional() : base("Positional") { pos = Table(10, 16); RegisterComponents(); }
                private static Parameter Table(int length, int dim)
                {
                    var position = torch.arange(length).unsqueeze(1).to(ScalarType.Float32);
                    var freq = torch.exp(torch.arange(0, dim, 2) * (-Math.Log(10000.0) / dim));
                    var table = torch.cat(new[] { torch.sin(position * freq), torch.cos(position * freq) }, dim: 1);
                    return new Parameter(table);
                }
                public override Tensor forward(Tensor x) => x + pos;
            }
            """);
        Assert.Equal(10 * 16 + 16, model.Root.Parameters);
        Assert.Equal(10 * 16, model.Root.Trainable);
        Assert.Contains(model.Root.Tensors, t => t.Name == "pos" && t.IsParameter && t.Shape.SequenceEqual(new long[] { 10, 16 }));
    }

    [Fact]
    public void A_registered_tensor_of_unknown_shape_is_a_located_warning_and_the_total_a_lower_bound()
    {
        var result = GeneratorHarness.Run(GeneratorHarness.Usings + """
            [Diagram(Input = "N,4")]
            public sealed class Loaded : Module<Tensor, Tensor>
            {
                private readonly Module<Tensor, Tensor> fc = Linear(4, 4);
                private readonly Parameter w;
                public Loaded() : base("Loaded") { w = new Parameter(torch.randn(Environment.ProcessorCount)); RegisterComponents(); }
                public override Tensor forward(Tensor x) => fc.call(x) * w;
            }
            """);
        var model = Assert.Single(result.Models);
        Assert.Equal(-1, model.Root.Parameters);
        Assert.Equal(20, model.KnownParameters);
        Assert.Contains(model.Incomplete, r => r.Contains("'w'"));
        var warning = Assert.Single(result.Diagnostics, d => d.Id == "NVG0101" && d.GetMessage().Contains("'w'"));
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal(6, warning.Location.GetLineSpan().StartLinePosition.Line); // the assignment in the constructor
    }
    [Fact]
    public void Named_modules_lists_what_is_registered_in_TorchSharp_order_so_an_init_loop_is_read()
    {
        // TorchSharp: every direct child, then each child's named_modules prefixed; the module itself is not
        // listed. Here: body, body.a, body.inner, body.inner.b, body.inner.c.
        var result = GeneratorHarness.Run(GeneratorHarness.Usings + """
            [Diagram(Input = "N,4")]
            public sealed class M : Module<Tensor, Tensor>
            {
                private readonly Sequential body = Sequential(("a", Linear(4, 4)), ("inner", Sequential(("b", Linear(4, 4)), ("c", ReLU()))));
                private Linear head;
                public M() : base("M")
                {
                    RegisterComponents();
                    var names = new List<string>();
                    foreach (var (name, m) in named_modules()) names.Add(name);
                    int linears = 0;
                    foreach (var m in body.modules()) if (m is Linear) linears++;
                    head = Linear(4, names.Count * 10 + (names[2] == "body.inner" && names[4] == "body.inner.c" ? 1 : 0) + linears * 100);
                    register_module("head", head);
                }
                public override Tensor forward(Tensor x) => head.call(body.call(x));
            }
            """);
        var m = Assert.Single(result.Models);
        Assert.Equal("N×251", m.Flow.Nodes.Single(n => n.Kind == FlowNodeKind.Output).Shape);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "NVG0101");
    }
    /// <summary>
    /// A conv without bias and one with, then <paramref name="counting"/> (constructor code that counts into
    /// ints) and a head whose width is <paramref name="headWidth"/>: the output shape shows what the count read.
    /// </summary>
    private static GeneratorHarness.Result TwoConvsCountedBy(string counting, string headWidth) => GeneratorHarness.Run(GeneratorHarness.Usings + $$"""
        [Diagram(Input = "N,3,8,8")]
        public sealed class M : Module<Tensor, Tensor>
        {
            private readonly Conv2d a = Conv2d(3, 4, 3, bias: false);
            private readonly Conv2d b = Conv2d(4, 4, 3);
            private readonly Flatten flat = Flatten();
            private Linear head;
            public M() : base("M")
            {
                RegisterComponents();
                {{counting}}
                head = Linear(64, {{headWidth}});
                register_module("head", head);
            }
            public override Tensor forward(Tensor x) => head.call(flat.call(b.call(a.call(x))));
        }
        """);

    [Fact]
    public void A_conv_or_linear_bias_exists_exactly_when_built_with_bias_so_init_code_that_tests_it_is_read()
    {
        var result = TwoConvsCountedBy("""
            int biased = 0, weighted = 0;
            foreach (var (_, m) in named_modules())
            {
                if (m is Conv2d conv)
                {
                    if ((object)conv.bias != null) biased++;
                    if (conv.weight is not null) weighted++;
                }
            }
            """, "10 * weighted + biased");
        var m = Assert.Single(result.Models);
        Assert.Equal("N×21", m.Flow.Nodes.Single(n => n.Kind == FlowNodeKind.Output).Shape);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id is "NVG0101" or "NVG0102");
    }

    [Fact]
    public void A_layer_tensor_in_the_constructor_is_valid_so_torchvision_vgg_init_is_read()
    {
        // The decompiled shape of torchvision's VGG weight initialisation.
        var result = TwoConvsCountedBy("""
            int initialised = 0;
            foreach (var m in modules())
                if (m is Conv2d conv2d && (object)conv2d.bias != null && !conv2d.bias.IsInvalid) initialised++;
            """, "10 + initialised");
        var m = Assert.Single(result.Models);
        Assert.Equal("N×11", m.Flow.Nodes.Single(n => n.Kind == FlowNodeKind.Output).Shape);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id is "NVG0101" or "NVG0102");
    }
}
