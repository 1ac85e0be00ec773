namespace NetVizGen.EndToEnd.Tests;

/// <summary>Model sources the consumer projects are given.</summary>
internal static class Models
{
    public const string LeNet5 = """
        using TorchSharp;
        using static TorchSharp.torch;
        using static TorchSharp.torch.nn;
        using NetVizGen;

        namespace Consumer;

        [Diagram(Input = "N,1,28,28")]
        public sealed class LeNet5 : Module<Tensor, Tensor>
        {
            private readonly Module<Tensor, Tensor> conv1 = Conv2d(1, 6, kernel_size: 5, padding: 2);
            private readonly Module<Tensor, Tensor> conv2 = Conv2d(6, 16, 5);
            private readonly Module<Tensor, Tensor> pool = MaxPool2d(2, 2);
            private readonly Module<Tensor, Tensor> fc1 = Linear(16 * 5 * 5, 120);
            private readonly Module<Tensor, Tensor> fc2 = Linear(120, 84);
            private readonly Module<Tensor, Tensor> fc3 = Linear(84, NumClasses);

            public LeNet5() : base(nameof(LeNet5)) => RegisterComponents();

            public override Tensor forward(Tensor x)
            {
                x = pool.forward(functional.relu(conv1.forward(x)));
                x = pool.forward(functional.relu(conv2.forward(x)));
                x = x.flatten(1);
                x = functional.relu(fc1.forward(x));
                x = functional.relu(fc2.forward(x));
                return fc3.forward(x);
            }
        }
        """;

    public const string Mlp = """
        using TorchSharp;
        using static TorchSharp.torch;
        using static TorchSharp.torch.nn;
        using NetVizGen;

        namespace Consumer;

        public sealed class Mlp : Module<Tensor, Tensor>
        {
            private readonly Module<Tensor, Tensor> layers;

            public Mlp(long inputs, long hidden, long outputs) : base(nameof(Mlp))
            {
                layers = Sequential(("fc1", Linear(inputs, hidden)), ("act", ReLU()), ("fc2", Linear(hidden, outputs)));
                RegisterComponents();
            }

            [Diagram(Input = "N,784", Name = "MnistMlp", Title = "MLP for MNIST")]
            public static Mlp ForMnist() => new Mlp(784, 256, 10);

            public override Tensor forward(Tensor x) => layers.forward(x);
        }
        """;

    public const string BadInput = """
        using TorchSharp;
        using static TorchSharp.torch;
        using static TorchSharp.torch.nn;
        using NetVizGen;

        namespace Consumer;

        [Diagram(Input = "N,,28")]
        public sealed class Broken : Module<Tensor, Tensor>
        {
            private readonly Module<Tensor, Tensor> fc = Linear(28, 2);
            public Broken() : base(nameof(Broken)) => RegisterComponents();
            public override Tensor forward(Tensor x) => fc.forward(x);
        }
        """;

    public static string WithClasses(string source, int classes) =>
        source.Replace("NumClasses)", classes.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")");
}
