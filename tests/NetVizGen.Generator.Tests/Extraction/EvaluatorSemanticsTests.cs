using NetVizGen.Model.Specs;
using static NetVizGen.Generator.Tests.TestSupport.GeneratorHarness;

namespace NetVizGen.Generator.Tests.Extraction;

/// <summary>C# semantics the evaluator must follow exactly, or it would draw a wrong model silently.</summary>
public class EvaluatorSemanticsTests
{
    [Fact]
    public void base_forward_and_base_helpers_run_the_base_body_not_the_override_again()
    {
        var model = Single(Usings + """
            public class Base : Module<Tensor, Tensor>
            {
                protected readonly Module<Tensor, Tensor> fc;
                public Base() : base("Base") { fc = Make(4); }
                protected virtual Module<Tensor, Tensor> Make(long n) => Linear(n, 8);
                public override Tensor forward(Tensor x) => fc.forward(x);
            }

            [Diagram(Input = "N,4")]
            public sealed class Derived : Base
            {
                private readonly Module<Tensor, Tensor> act = ReLU();
                public Derived() { RegisterComponents(); }
                protected override Module<Tensor, Tensor> Make(long n) => Sequential(base.Make(n), Dropout(0.1));
                public override Tensor forward(Tensor x) => act.forward(base.forward(x));
            }
            """);
        Assert.DoesNotContain(model.Notes, n => n.Id is "NVG0103" or "NVG0999");
        Assert.Equal("act:ReLU fc:Sequential fc.0:Linear fc.1:Dropout", Paths(model.Root));
        Assert.Equal("fc.0 fc.1 act", Calls(model));
    }

    [Fact]
    public void Enum_defaults_and_enum_attribute_arguments_select_the_right_branch()
    {
        var source = Usings + """
            public enum Size { Small, Large }

            public sealed class Net : Module<Tensor, Tensor>
            {
                private readonly Module<Tensor, Tensor> fc;
                public Net(Size size = Size.Large) : base("Net")
                {
                    fc = size == Size.Large ? Linear(4, 64) : Linear(4, 8);
                    RegisterComponents();
                }
                public override Tensor forward(Tensor x) => fc.forward(x);
            }

            public static class Models
            {
                [Diagram(Input = "N,4", Name = "Default")]
                public static Net Default() => new Net();
            }

            [Diagram(Input = "N,4", Name = "SmallOne", Arguments = new object[] { Size.Small })]
            public sealed class SmallNet : Module<Tensor, Tensor>
            {
                private readonly Module<Tensor, Tensor> fc;
                public SmallNet(Size size) : base("SmallNet")
                {
                    fc = size switch { Size.Small => Linear(4, 2), _ => Linear(4, 128) };
                    RegisterComponents();
                }
                public override Tensor forward(Tensor x) => fc.forward(x);
            }
            """;
        var models = Run(source).Models.ToDictionary(m => m.Id);
        Assert.Equal(64, models["Default"].Root.Children[0].Arg("outputSize")!.Int);
        Assert.Equal(2, models["SmallOne"].Root.Children[0].Arg("outputSize")!.Int);
    }

    [Fact]
    public void Virtual_and_abstract_properties_dispatch_on_the_run_time_type()
    {
        var model = Single(Usings + """
            public abstract class Head : Module<Tensor, Tensor>
            {
                protected abstract long Hidden { get; }
                protected virtual long Width => 64;
                protected readonly Module<Tensor, Tensor> fc1, fc2;
                protected Head() : base("Head") { fc1 = Linear(Width, Hidden); fc2 = Linear(Hidden, 2); }
                public override Tensor forward(Tensor x) => fc2.forward(fc1.forward(x));
            }

            [Diagram(Input = "N,256")]
            public sealed class BigHead : Head
            {
                protected override long Hidden { get; } = 32;
                protected override long Width => 256;
                public BigHead() { RegisterComponents(); }
            }
            """);
        Assert.Equal(256, model.Root.Children.Single(c => c.Path == "fc1").Arg("inputSize")!.Int);
        Assert.Equal(32, model.Root.Children.Single(c => c.Path == "fc1").Arg("outputSize")!.Int);
    }

    [Fact]
    public void A_class_without_a_constructor_runs_its_base_constructor()
    {
        var model = Single(Usings + """
            public abstract class Backbone : Module<Tensor, Tensor>
            {
                protected readonly Module<Tensor, Tensor> layers;
                protected Backbone() : base("Backbone") { layers = Sequential(Linear(4, 4), ReLU()); RegisterComponents(); }
            }

            [Diagram(Input = "N,4")]
            public sealed class Net : Backbone
            {
                public override Tensor forward(Tensor x) => layers.forward(x);
            }
            """);
        Assert.Equal("layers:Sequential layers.0:Linear layers.1:ReLU", Paths(model.Root));
    }

    [Fact]
    public void Ref_and_out_arguments_are_written_back()
    {
        var model = Single(Usings + """
            [Diagram(Input = "N,3,32,32")]
            public sealed class Net : Module<Tensor, Tensor>
            {
                private readonly Module<Tensor, Tensor> body;
                public Net() : base("Net")
                {
                    var layers = new List<Module<Tensor, Tensor>>();
                    long channels = 3;
                    Stage(layers, ref channels);
                    Stage(layers, ref channels);
                    Last(out var width);
                    layers.Add(Conv2d(channels, width, 1));
                    body = Sequential(layers);
                    RegisterComponents();
                }
                private static void Stage(List<Module<Tensor, Tensor>> layers, ref long c) { layers.Add(Conv2d(c, c * 2, 3, padding: 1)); c *= 2; }
                private static void Last(out long w) { w = 5; }
                public override Tensor forward(Tensor x) => body.forward(x);
            }
            """);
        var convs = model.Root.Children[0].Children;
        Assert.Equal(new long[] { 3, 6, 12 }, convs.Select(c => c.Arg("in_channels")!.Int));
        Assert.Equal(5, convs[2].Arg("out_channels")!.Int);
        Assert.DoesNotContain(model.Notes, n => n.Id.StartsWith("NVG02", StringComparison.Ordinal));
    }

    [Fact]
    public void Validation_that_throws_on_an_unknown_condition_does_not_end_the_constructor()
    {
        var model = Single(Usings + """
            [Diagram(Input = "N,16")]
            public sealed class Attn : Module<Tensor, Tensor>
            {
                private readonly Module<Tensor, Tensor> qkv;
                public Attn() : this(int.Parse(Environment.GetEnvironmentVariable("DIM") ?? "16")) { }
                private Attn(int dim) : base("Attn")
                {
                    if (dim % 4 != 0) throw new ArgumentException("dim must divide by the head count");
                    qkv = Linear(16, 48);
                    RegisterComponents();
                }
                public override Tensor forward(Tensor x) => qkv.forward(x);
            }
            """);
        Assert.Equal("qkv:Linear", Paths(model.Root));
    }

    [Fact]
    public void A_float_in_an_interpolated_name_prints_as_dotnet_prints_it()
    {
        var model = Single(Usings + """
            [Diagram(Input = "N,4")]
            public sealed class Drop : Module<Tensor, Tensor>
            {
                private readonly Module<Tensor, Tensor> drop = Dropout(0.1f);
                private readonly Module<Tensor, Tensor> named;
                public Drop() : base("Drop") { named = Sequential(($"drop{0.1f}", Dropout(0.2))); RegisterComponents(); }
                public override Tensor forward(Tensor x) => named.forward(drop.forward(x));
            }
            """);
        Assert.Equal("named.drop0.1", model.Root.Children[1].Children[0].Path);
    }
}
