namespace NetVizGen.Fuzz.Tests.Cases;

/// <summary>The hostile inputs of issue 12, one model each, as sources the tests run in a child process.</summary>
public static class HostileCases
{
    private const string Usings = "using System; using System.Collections.Generic; using System.Linq; using TorchSharp; using TorchSharp.Modules; using static TorchSharp.torch; using static TorchSharp.torch.nn; using NetVizGen;\n";

    /// <summary>A model whose Linear takes an argument nested <paramref name="depth"/> unary minus deep (even depth: the value is 8).</summary>
    public static string NestedUnary(int depth) => Usings + $$"""
        [Diagram(Input = "N,4")]
        public sealed class Deep : Module<Tensor, Tensor>
        {
            private readonly Module<Tensor, Tensor> fc;
            public Deep() : base("Deep")
            {
                fc = Linear(4, 2 * {{Mutator.Nest("4", depth, 0)}});
                RegisterComponents();
            }
            public override Tensor forward(Tensor x) => fc.forward(x);
        }
        """;

    /// <summary>An LSTM with 4·10¹² layers (the parameter count looped once per layer).</summary>
    public static string HugeLstm => Usings + """
        [Diagram(Input = "N,8,4")]
        public sealed class HugeLstm : Module<Tensor, Tensor>
        {
            private readonly LSTM lstm = LSTM(4, 4, numLayers: 4_000_000_000_000, batchFirst: true);
            public HugeLstm() : base("HugeLstm") { RegisterComponents(); }
            public override Tensor forward(Tensor x) { var (y, _, _) = lstm.forward(x); return y; }
        }
        """;

    /// <summary>Nested loops of int.MaxValue repeats adding layers (120,177 modules before the budget).</summary>
    public static string MaxValueRepeats => Usings + """
        [Diagram(Input = "N,4")]
        public sealed class Repeats : Module<Tensor, Tensor>
        {
            private readonly ModuleList<Module<Tensor, Tensor>> layers = new();
            public Repeats() : base("Repeats")
            {
                for (int i = 0; i < int.MaxValue; i++)
                    for (int j = 0; j < int.MaxValue; j++)
                        layers.Add(Linear(4, 4));
                RegisterComponents();
            }
            public override Tensor forward(Tensor x)
            {
                foreach (var l in layers) x = l.forward(x);
                return x;
            }
        }
        """;

    /// <summary>A DenseNet-style block of <paramref name="n"/> layers: every layer reads the concatenation of all earlier outputs.</summary>
    public static string DenseBlock(int n) => Usings + $$"""
        [Diagram(Input = "N,16,8,8")]
        public sealed class Dense : Module<Tensor, Tensor>
        {
            private readonly ModuleList<Module<Tensor, Tensor>> layers = new();
            public Dense() : base("Dense")
            {
                for (int i = 0; i < {{n}}; i++)
                    layers.Add(Conv2d(16 + 4 * i, 4, 3, padding: 1));
                RegisterComponents();
            }
            public override Tensor forward(Tensor x)
            {
                var features = new List<Tensor> { x };
                foreach (var layer in layers) features.Add(layer.forward(torch.cat(features.ToArray(), 1)));
                return torch.cat(features.ToArray(), 1);
            }
        }
        """;

    /// <summary>Layers whose parameter and multiply-add counts pass long.MaxValue.</summary>
    public static string Overflow => Usings + """
        [Diagram(Input = "N,4000000000")]
        public sealed class Huge : Module<Tensor, Tensor>
        {
            private readonly Module<Tensor, Tensor> a = Linear(4_000_000_000, 4_000_000_000);
            private readonly Module<Tensor, Tensor> b = Linear(4_000_000_000, 4_000_000_000);
            private readonly Module<Tensor, Tensor> c = Linear(4_000_000_000, 4_000_000_000);
            public Huge() : base("Huge") { RegisterComponents(); }
            public override Tensor forward(Tensor x) => c.forward(b.forward(a.forward(x)));
        }
        """;

    /// <summary>A model with a hostile title and a submodule registered under a hostile name.</summary>
    public static string Injection(string title, string moduleName) => Usings + $$"""
        [Diagram(Input = "N,4", Title = {{Mutator.Literal(title)}})]
        public sealed class Injected : Module<Tensor, Tensor>
        {
            private readonly Module<Tensor, Tensor> fc = Linear(4, 4);
            public Injected() : base("Injected") { register_module({{Mutator.Literal(moduleName)}}, fc); }
            public override Tensor forward(Tensor x) => fc.forward(x);
        }
        """;

    /// <summary>Half-typed code: a [Diagram] class with no name yet.</summary>
    public static string EmptyClassName => Usings + """
        [Diagram(Input = "N,4")]
        public sealed class : Module<Tensor, Tensor>
        {
            private readonly Module<Tensor, Tensor> fc = Linear(4, 4);
            public override Tensor forward(Tensor x) => fc.forward(x);
        }
        """;
}
