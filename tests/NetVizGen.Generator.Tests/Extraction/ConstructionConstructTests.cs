using NetVizGen.Model.Specs;
using static NetVizGen.Generator.Tests.TestSupport.GeneratorHarness;

namespace NetVizGen.Generator.Tests.Extraction;

/// <summary>One C# construct per test, as used in model constructors; each checks the module tree it yields.</summary>
public class ConstructionConstructTests
{
    private static ModelSpec Model(string members, string ctorBody, string extra = "", string forward = "return layers.call(x);") => Single(Usings + $$"""
        [Diagram(Input = "N,8")]
        public sealed class M : Module<Tensor, Tensor>
        {
            {{members}}
            public M() : base("M")
            {
                {{ctorBody}}
                RegisterComponents();
            }
            public override Tensor forward(Tensor x) { {{forward}} }
        }
        {{extra}}
        """);

    private static string Tree(ModelSpec m) => Paths(m.Root);

    /// <summary>A class deriving from Sequential that hands its layers to base(...) (Stable Diffusion's VAE
    /// decoder does): TorchSharp registers them as children "0", "1", ...; they were dropped (0 parameters).</summary>
    [Fact]
    public void Sequential_subclass_registers_the_layers_passed_to_its_base_constructor()
    {
        var m = Single(Usings + """
            [Diagram(Input = "N,8")]
            public sealed class Stack : Sequential
            {
                public Stack() : base(Linear(8, 6), ReLU(), Linear(6, 2)) { }
            }
            """);
        Assert.Equal("0:Linear 1:ReLU 2:Linear", Tree(m));
        Assert.Equal(8 * 6 + 6 + 6 * 2 + 2, m.Root.Parameters);
    }

    [Fact]
    public void Constants_arithmetic_interpolation_and_locals()
    {
        var m = Model("private const int W = 4; private readonly Module<Tensor, Tensor> layers;",
            "var w = W * 2; var name = $\"fc{w / 4}\"; layers = Sequential((name, Linear(8, w)));");
        Assert.Equal("layers:Sequential layers.fc2:Linear", Tree(m));
        Assert.Equal(8, m.Root.Children[0].Children[0].Arg("outputSize")!.Int);
    }

    [Fact]
    public void Arrays_jagged_arrays_and_list_add_addrange_indexers()
    {
        var m = Model("private readonly Module<Tensor, Tensor> layers;", """
            int[][] cfg = { new[] { 8, 6 }, new[] { 6, 4 } };
            var list = new List<Module<Tensor, Tensor>>();
            list.Add(Linear(cfg[0][0], cfg[0][1]));
            list.AddRange(new[] { Linear(cfg[1][0], cfg[1][1]) });
            list[1] = Linear(6, cfg[1][1] + 1);
            layers = Sequential(list);
            """);
        Assert.Equal("layers:Sequential layers.0:Linear layers.1:Linear", Tree(m));
        Assert.Equal(5, m.Root.Children[0].Children[1].Arg("outputSize")!.Int);
    }

    [Fact]
    public void Collection_initialisers_dictionaries_and_tuples()
    {
        var m = Model("private readonly Module<Tensor, Tensor> layers;", """
            var widths = new Dictionary<string, (long In, long Out)> { ["a"] = (8, 6), ["b"] = (6, 2) };
            var items = new List<(string, Module<Tensor, Tensor>)> { ("first", Linear(widths["a"].In, widths["a"].Item2)) };
            var (i, o) = widths["b"];
            items.Add(("second", Linear(i, o)));
            layers = Sequential(items);
            """);
        Assert.Equal("layers:Sequential layers.first:Linear layers.second:Linear", Tree(m));
        Assert.Equal("N×2", m.Flow.Nodes.Last(n => n.Kind == FlowNodeKind.Module).Shape);
    }

    [Fact]
    public void Enumerable_range_select_ternary_if_switch()
    {
        var m = Model("private readonly Module<Tensor, Tensor> layers;", """
            var mode = "relu";
            Module<Tensor, Tensor> Act() => mode switch { "gelu" => GELU(), _ => ReLU() };
            var blocks = Enumerable.Range(0, 3).Select(i => i == 2 ? (Module<Tensor, Tensor>)Linear(8, 4) : Act()).ToList();
            if (blocks.Count > 2) blocks.Insert(0, Identity()); else blocks.Clear();
            layers = Sequential(blocks);
            """);
        Assert.Equal("layers:Sequential layers.0:Identity layers.1:ReLU layers.2:ReLU layers.3:Linear", Tree(m));
    }

    [Fact]
    public void For_foreach_while_loops_with_known_bounds()
    {
        var m = Model("private readonly Module<Tensor, Tensor> layers;", """
            var seq = Sequential();
            for (int i = 0; i < 2; i++) seq.append(Linear(8, 8));
            foreach (var w in new[] { 8L }) seq.append(Linear(w, 4));
            int k = 0;
            while (k < 2) { seq.append(ReLU()); k++; }
            layers = seq;
            """);
        Assert.Equal("layers:Sequential layers.0:Linear layers.1:Linear layers.2:Linear layers.3:ReLU layers.4:ReLU", Tree(m));
    }

    [Fact]
    public void An_unbounded_loop_stops_at_the_iteration_cap_with_a_diagnostic_instead_of_hanging()
    {
        var result = Run(Usings + """
            [Diagram(Input = "N,8")]
            public sealed class M : Module<Tensor, Tensor>
            {
                private readonly Module<Tensor, Tensor> fc = Linear(8, 2);
                public M() : base("M") { int i = 0; while (true) { i++; } }
                public override Tensor forward(Tensor x) => fc.call(x);
            }
            """);
        Assert.Contains(result.Diagnostics, d => d.GetMessage().Contains("Loop stopped", StringComparison.Ordinal) || d.GetMessage().Contains("evaluation steps", StringComparison.Ordinal));
    }

    [Fact]
    public void Static_and_instance_helpers_local_functions_and_nested_classes()
    {
        var m = Model("private readonly Module<Tensor, Tensor> layers; private Module<Tensor, Tensor> Make(long i) => Linear(i, 2);", "layers = Sequential(Helpers.Block(8, 6), Make(6));",
            extra: "internal static class Helpers { public static Module<Tensor, Tensor> Block(long i, long o) => Nested.Lin(i, o); private static class Nested { public static Module<Tensor, Tensor> Lin(long i, long o) => Linear(i, o); } }",
            forward: "return layers.call(x);").Root;
        Assert.Equal("layers:Sequential layers.0:Linear layers.1:Linear", Paths(m));
    }

    private const string FactoryModel = Usings + """
        [Diagram(Input = "N,3,8,8")]
        public sealed class M : Module<Tensor, Tensor>
        {
            private readonly Module<Tensor, Tensor> block;
            public M(Func<long, Module<Tensor, Tensor>>? norm = null) : base("M")
            {
                norm ??= c => BatchNorm2d(c);
                block = new Block(3, 4, norm);
                RegisterComponents();
            }
            public override Tensor forward(Tensor x) => block.call(x);
        }
        public class BlockBase : Module<Tensor, Tensor>
        {
            protected readonly Module<Tensor, Tensor> conv;
            protected BlockBase(long i, long o) : base("Block") { conv = Conv2d(i, o, 3, padding: 1); }
            public override Tensor forward(Tensor x) => conv.call(x);
        }
        public sealed class Block : BlockBase
        {
            private readonly Module<Tensor, Tensor> bn;
            private readonly Module<Tensor, Tensor>? extra;
            public Block(long i, long o, Func<long, Module<Tensor, Tensor>> norm) : base(i, o)
            {
                bn = norm(o);
                RegisterComponents();
            }
            public override Tensor forward(Tensor x) => bn.call(conv.call(x));
        }
        """;

    [Fact]
    public void Func_factories_base_constructors_and_RegisterComponents_order_derived_first_then_base()
    {
        var m = Single(FactoryModel);
        // TorchSharp registers the run-time type's fields first, then the base class's; the null optional block is absent.
        Assert.Equal("block:Block block.bn:BatchNorm2d block.conv:Conv2d", Tree(m));
        Assert.Equal(4, m.Root.Children[0].Children[0].Arg("num_features")!.Int);
    }

    [Fact]
    public void Modules_assigned_after_RegisterComponents_are_not_registered()
    {
        var result = Run(Usings + """
            [Diagram(Input = "N,8")]
            public sealed class M : Module<Tensor, Tensor>
            {
                private readonly Module<Tensor, Tensor> a;
                private readonly Module<Tensor, Tensor> b;
                public M() : base("M") { a = Linear(8, 8); RegisterComponents(); b = Linear(8, 2); RegisterComponents(); }
                public override Tensor forward(Tensor x) => a.call(x);
            }
            """);
        Assert.Equal("a:Linear", Paths(Assert.Single(result.Models).Root));
        Assert.Contains(result.Diagnostics, d => d.GetMessage().Contains("after RegisterComponents()", StringComparison.Ordinal));
    }

    [Fact]
    public void Containers_created_with_new_and_filled_with_Add_register_module_and_ModuleDict()
    {
        var m = Model("private readonly ModuleList<Module<Tensor, Tensor>> list = new(); private readonly ModuleDict<Module<Tensor, Tensor>> dict = new ModuleDict<Module<Tensor, Tensor>>();", """
            list.Add(Linear(8, 8));
            list.append(ReLU());
            dict.Add("head", Linear(8, 2));
            register_module("extra", Linear(2, 2));
            """, forward: "foreach (var l in list) x = l.call(x); foreach (var h in dict.values()) x = h.call(x); return x;");
        Assert.Equal("list:ModuleList dict:ModuleDict extra:Linear list.0:Linear list.1:ReLU dict.head:Linear".Split(' ').OrderBy(s => s), Tree(m).Split(' ').OrderBy(s => s));
        Assert.Equal("list.0 list.1 dict.head", Calls(m));
    }

    [Fact]
    public void One_instance_appended_twice_is_one_module_with_shared_weights()
    {
        var m = Model("private readonly Module<Tensor, Tensor> layers;", "var fc = Linear(8, 8); layers = Sequential(fc, ReLU(), fc);");
        // TorchSharp registers the instance under both names; the flow calls the one module twice.
        Assert.Equal("layers:Sequential layers.0:Linear layers.1:ReLU layers.2:Linear", Tree(m));
        Assert.Equal("layers.0 layers.1 layers.0", Calls(m));
    }

    [Fact]
    public void Parameter_and_buffer_fields_are_counted()
    {
        var m = Single(Usings + """
            [Diagram(Input = "N,8")]
            public sealed class M : Module<Tensor, Tensor>
            {
                private readonly Parameter scale = Parameter(torch.ones(8));
                private readonly Tensor running = torch.zeros(8);
                public M() : base("M") { RegisterComponents(); }
                public override Tensor forward(Tensor x) => x * scale;
            }
            """);
        Assert.Equal(8, m.Root.Trainable);
        Assert.Equal(8, m.Root.Buffers);
    }

    [Fact]
    public void Factory_methods_carrying_the_attribute_are_evaluated()
    {
        var m = Single(Usings + """
            public static class Zoo
            {
                [Diagram(Input = "N,8", Name = "Small")]
                public static Module<Tensor, Tensor> Small() => Sequential(("fc", Linear(8, 2)), ("act", Softmax(1)));
            }
            """);
        Assert.Equal("Small", m.Id);
        Assert.Equal("fc:Linear act:Softmax", Tree(m));
    }
}
