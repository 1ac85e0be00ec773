using NetVizGen.Generator.Tests.TestSupport;
using NetVizGen.Model.Specs;
using static NetVizGen.Generator.Tests.TestSupport.GeneratorHarness;

namespace NetVizGen.Generator.Tests.Extraction;

public class BasicExtractionTests
{
    private const string LeNet = Usings + """
        [Diagram(Input = "N,1,28,28")]
        public sealed class LeNet5 : Module<Tensor, Tensor>
        {
            private readonly Module<Tensor, Tensor> conv1 = Conv2d(1, 6, kernel_size: 5, padding: 2);
            private readonly Module<Tensor, Tensor> pool = MaxPool2d(2);
            private readonly Module<Tensor, Tensor> conv2;
            private readonly Module<Tensor, Tensor> fc1, fc2, fc3;

            public LeNet5(int classes = 10) : base(nameof(LeNet5))
            {
                conv2 = Conv2d(6, 16, 5);
                fc1 = Linear(16 * 5 * 5, 120);
                fc2 = Linear(120, 84);
                fc3 = Linear(84, classes);
                RegisterComponents();
            }

            public override Tensor forward(Tensor x)
            {
                x = pool.forward(functional.relu(conv1.forward(x)));
                x = pool.call(functional.relu(conv2.forward(x)));
                x = x.flatten(1);
                x = functional.relu(fc1.forward(x));
                x = functional.relu(fc2.forward(x));
                return fc3.forward(x);
            }
        }
        """;

    [Fact]
    public void Field_initialisers_and_constructor_assignments_become_the_module_tree_in_declaration_order()
    {
        var model = Single(LeNet);
        Assert.Equal("LeNet5", model.Id);
        Assert.Equal("N,1,28,28", model.Input);
        Assert.Equal("conv1:Conv2d pool:MaxPool2d conv2:Conv2d fc1:Linear fc2:Linear fc3:Linear", Paths(model.Root));
    }

    [Fact]
    public void Literal_positional_named_and_default_arguments_are_bound_to_TorchSharp_parameter_names()
    {
        var model = Single(LeNet);
        var conv1 = model.Root.Children[0];
        Assert.Equal(1, conv1.Arg("in_channels")!.Int);
        Assert.Equal(6, conv1.Arg("out_channels")!.Int);
        Assert.Equal(5, conv1.Arg("kernel_size")!.Int);
        Assert.Equal(2, conv1.Arg("padding")!.Int);
        Assert.Equal(1, conv1.Arg("stride")!.Int); // default filled in from TorchSharp's signature
        Assert.Equal(400, model.Root.Children[3].Arg("inputSize")!.Int); // 16 * 5 * 5 folded
        Assert.Equal(10, model.Root.Children[5].Arg("outputSize")!.Int); // constructor default
    }

    [Fact]
    public void Forward_is_traced_as_module_calls_and_functional_ops_in_order()
    {
        var model = Single(LeNet);
        Assert.Equal("conv1 pool conv2 pool fc1 fc2 fc3", Calls(model));
        var names = string.Join(" ", model.Flow.Nodes.Select(n => n.Kind == FlowNodeKind.Module ? n.ModulePath : n.Name));
        Assert.Equal("x conv1 relu pool conv2 relu pool flatten fc1 relu fc2 relu fc3 output", names);
        var flatten = model.Flow.Nodes.Single(n => n.Name == "flatten");
        Assert.Equal(1, flatten.Args.Single(a => a.Name == "start_dim").Value.Int);
    }

    [Fact]
    public void Sequential_of_named_tuples_and_of_plain_modules_register_TorchSharp_names()
    {
        var model = Single(Usings + """
            [Diagram(Input = "N,784")]
            public sealed class Mlp : Module<Tensor, Tensor>
            {
                private readonly Module<Tensor, Tensor> body = Sequential(("fc1", Linear(784, 256)), ("act", ReLU()), ("fc2", Linear(256, 10)));
                private readonly Module<Tensor, Tensor> head = Sequential(Dropout(0.5), Linear(10, 2));
                public Mlp() : base("Mlp") { RegisterComponents(); }
                public override Tensor forward(Tensor x) => head.forward(body.forward(x));
            }
            """);
        Assert.Equal("body:Sequential body.fc1:Linear body.act:ReLU body.fc2:Linear head:Sequential head.0:Dropout head.1:Linear", Paths(model.Root));
        Assert.Equal("body.fc1 body.act body.fc2 head.0 head.1", Calls(model));
        Assert.Equal("body", model.Flow.Nodes.Single(n => n.ModulePath == "body.fc1").Scope);
    }

    [Fact]
    public void Custom_blocks_are_evaluated_recursively_and_their_forward_is_inlined_with_residual_add()
    {
        var model = Single(Usings + """
            public sealed class Block : Module<Tensor, Tensor>
            {
                private readonly Module<Tensor, Tensor> conv;
                private readonly Module<Tensor, Tensor> bn;
                public Block(long channels) : base("Block")
                {
                    conv = Conv2d(channels, channels, 3, padding: 1);
                    bn = BatchNorm2d(channels);
                    RegisterComponents();
                }
                public override Tensor forward(Tensor x) => functional.relu(bn.forward(conv.forward(x)) + x);
            }

            [Diagram(Input = "N,16,32,32")]
            public sealed class Net : Module<Tensor, Tensor>
            {
                private readonly Module<Tensor, Tensor> stem = Conv2d(3, 16, 3);
                private readonly Block block1 = new Block(16);
                private readonly Block block2 = new Block(16);
                public Net() : base("Net") { RegisterComponents(); }
                public override Tensor forward(Tensor x) => block2.forward(block1.forward(stem.forward(x)));
            }
            """);
        Assert.Equal("stem:Conv2d block1:Block block1.conv:Conv2d block1.bn:BatchNorm2d block2:Block block2.conv:Conv2d block2.bn:BatchNorm2d", Paths(model.Root));
        Assert.Equal(ModuleOrigin.Custom, model.Root.Children[1].Origin);
        var add = model.Flow.Nodes.First(n => n.Kind == FlowNodeKind.Merge);
        Assert.Equal("add", add.Name);
        Assert.Equal("block1", add.Scope);
        var bn = model.Flow.Nodes.Single(n => n.ModulePath == "block1.bn");
        var stem = model.Flow.Nodes.Single(n => n.ModulePath == "stem");
        Assert.Equal(new[] { bn.Id, stem.Id }, add.Inputs.ToArray()); // the skip connection comes from the block's input
    }

    [Fact]
    public void A_custom_block_keeps_its_plain_constructor_arguments_as_its_configuration()
    {
        var model = Single(Usings + """
            public sealed class Block : Module<Tensor, Tensor>
            {
                private readonly Module<Tensor, Tensor> conv;
                public Block(long inChannels, long outChannels, int stride = 1, Func<long, Module<Tensor, Tensor>>? norm = null) : base("Block")
                {
                    conv = Conv2d(inChannels, outChannels, 3, stride: stride, padding: 1);
                    RegisterComponents();
                }
                public override Tensor forward(Tensor x) => conv.forward(x);
            }

            [Diagram(Input = "N,3,32,32")]
            public sealed class Net : Module<Tensor, Tensor>
            {
                private readonly Block block = new Block(3, 8, stride: 2, norm: c => BatchNorm2d(c));
                public Net() : base("Net") { RegisterComponents(); }
                public override Tensor forward(Tensor x) => block.forward(x);
            }
            """);
        var block = model.Root.Children.Single();
        Assert.Equal("inChannels=3 outChannels=8 stride=2", string.Join(" ", block.Args.Select(a => a.Name + "=" + a.Value)));
    }

    [Fact]
    public void A_parameter_field_read_in_forward_is_a_source_node_with_its_declared_shape()
    {
        var model = Single(Usings + """
            [Diagram(Input = "N,16,64")]
            public sealed class Embed : Module<Tensor, Tensor>
            {
                private readonly Parameter pos = Parameter(torch.zeros(1, 16, 64));
                private readonly Module<Tensor, Tensor> norm = LayerNorm(64);
                public Embed() : base("Embed") { RegisterComponents(); }
                public override Tensor forward(Tensor x) => norm.forward(x + pos);
            }
            """);
        var pos = model.Flow.Nodes.Single(n => n.Name == "parameter");
        Assert.Empty(pos.Inputs);
        Assert.Equal("1×16×64", pos.Shape);
        var add = model.Flow.Nodes.Single(n => n.Kind == FlowNodeKind.Merge);
        Assert.Contains(pos.Id, add.Inputs);
        Assert.Equal("N×16×64", add.Shape);
        Assert.Equal(64 * 16 + 128, model.Root.Parameters);
    }

    [Fact]
    public void A_factory_returning_a_Sequential_is_traced_from_its_input()
    {
        var model = Single(Usings + """
            public static class Zoo
            {
                [Diagram(Input = "N,8", Name = "Head")]
                public static Module<Tensor, Tensor> Head() => Sequential(("fc", Linear(8, 4)), ("act", ReLU()), ("out", Linear(4, 2)));
            }
            """);
        Assert.Equal("Sequential", model.Root.TypeName);
        Assert.Equal("fc act out", Calls(model));
        Assert.Equal("N×2", model.Flow.Nodes.Last().Shape);
    }
}
