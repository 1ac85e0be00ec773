using NetVizGen.Model.Specs;
using static NetVizGen.Generator.Tests.TestSupport.GeneratorHarness;

namespace NetVizGen.Generator.Tests.Extraction;

/// <summary>One forward construct per test: the traced flow (calls, ops) and the shapes analysis gives it.</summary>
public class ForwardConstructTests
{
    private static ModelSpec Model(string input, string members, string forward, string extra = "") => Single(Usings + $$"""
        [Diagram(Input = "{{input}}")]
        public sealed class M : Module<Tensor, Tensor>
        {
            {{members}}
            public M() : base("M") { RegisterComponents(); }
            public override Tensor forward(Tensor x)
            {
                {{forward}}
            }
        }
        {{extra}}
        """);

    private static string Ops(ModelSpec m) =>
        string.Join(" ", m.Flow.Nodes.Select(n => n.Kind == FlowNodeKind.Module ? n.ModulePath : n.Name));

    private static string ShapeOf(ModelSpec m, string name) => m.Flow.Nodes.Last(n => n.Name == name || n.ModulePath == name).Shape;

    [Fact]
    public void Forward_and_call_functional_ops_and_residual_add_forms()
    {
        var m = Model("N,8", "private readonly Module<Tensor, Tensor> fc = Linear(8, 8);",
            "var y = fc.forward(x); y = y + x; y = y.add(x); y.add_(x); return functional.relu(fc.call(y));");
        Assert.Equal("x fc add add add fc relu output", Ops(m));
        Assert.Equal("N×8", ShapeOf(m, "relu"));
    }

    [Fact]
    public void Cat_stack_chunk_and_split_with_several_outputs()
    {
        var m = Model("N,8", "", """
            var parts = x.chunk(2, 1);
            var (a, b) = (parts[0], parts[1]);
            var s = torch.stack(new[] { a, b }, 1);
            var halves = x.split(4, 1);
            return torch.cat(new[] { s.flatten(1), halves[1] }, 1);
            """);
        Assert.Equal("N×2×4", ShapeOf(m, "stack"));
        Assert.Equal("N×12", ShapeOf(m, "cat"));
    }

    [Fact]
    public void View_with_sizes_read_from_tensors_reshape_permute_transpose()
    {
        var m = Model("N,4,6,6", "private readonly Module<Tensor, Tensor> fc = Linear(144, 2);", """
            long c = x.shape[1];
            var y = x.permute(0, 2, 3, 1).transpose(1, 2);
            y = y.reshape(x.size(0), 6 * 6, c);
            return fc.call(y.view(y.size(0), -1));
            """);
        Assert.Equal("N×36×4", ShapeOf(m, "reshape"));
        Assert.Equal("N×144", ShapeOf(m, "view"));
        Assert.Equal("N×2", ShapeOf(m, "fc"));
    }

    [Fact]
    public void Loops_over_ModuleList_and_Sequential_children_and_helpers_called_from_forward()
    {
        var m = Model("N,8", """
            private readonly ModuleList<Module<Tensor, Tensor>> blocks = ModuleList<Module<Tensor, Tensor>>(Linear(8, 8), Linear(8, 8));
            private readonly Sequential tail = Sequential(ReLU(), Linear(8, 2));
            private Tensor Body(Tensor t) { for (int i = 0; i < blocks.Count; i++) t = blocks[i].call(t); return t; }
            """, "x = Body(x); foreach (var layer in tail.children()) x = ((Module<Tensor, Tensor>)layer).call(x); return x;");
        Assert.Equal("blocks.0 blocks.1 tail.0 tail.1", Calls(m));
    }

    [Fact]
    public void Optional_blocks_are_checked_per_instance()
    {
        var m = Single(Usings + """
            [Diagram(Input = "N,4")]
            public sealed class M : Module<Tensor, Tensor>
            {
                private readonly Module<Tensor, Tensor> a = new Block(4, 4), b = new Block(4, 8);
                public M() : base("M") { RegisterComponents(); }
                public override Tensor forward(Tensor x) => b.call(a.call(x));
            }
            public sealed class Block : Module<Tensor, Tensor>
            {
                private readonly Module<Tensor, Tensor> fc;
                private readonly Module<Tensor, Tensor>? downsample;
                public Block(long i, long o) : base("Block")
                {
                    fc = Linear(i, o);
                    if (i != o) downsample = Linear(i, o);
                    RegisterComponents();
                }
                public override Tensor forward(Tensor x)
                {
                    var identity = x;
                    if (downsample is not null) identity = downsample.call(x);
                    return fc.call(x) + identity;
                }
            }
            """);
        Assert.Equal("a.fc b.fc b.downsample", Calls(m).Replace("b.downsample b.fc", "b.fc b.downsample"));
        Assert.Equal("a:Block b:Block a.fc:Linear b.fc:Linear b.downsample:Linear", Paths(m.Root).Replace("a.fc:Linear b:Block", "b:Block a.fc:Linear"));
    }

    [Fact]
    public void Several_inputs_tuple_outputs_and_using_scopes()
    {
        var m = Model("N,8", """
            private readonly Module<Tensor, Tensor, Tensor> mix = new Mix();
            private readonly LSTM lstm = LSTM(8, 16, batchFirst: true);
            """, """
            using var scope = torch.NewDisposeScope();
            var (y, h, c) = lstm.call(x.unsqueeze(1));
            return mix.call(y.squeeze(1), h[0]).MoveToOuterDisposeScope();
            """, extra: """
            public sealed class Mix : Module<Tensor, Tensor, Tensor>
            {
                private readonly Module<Tensor, Tensor> fc = Linear(32, 2);
                public Mix() : base("Mix") { RegisterComponents(); }
                public override Tensor forward(Tensor a, Tensor b) => fc.call(torch.cat(new[] { a, b }, 1));
            }
            """);
        Assert.Equal("lstm mix.fc", Calls(m));
        Assert.Equal("N×2", ShapeOf(m, "mix.fc"));
    }

    [Fact]
    public void What_cannot_be_resolved_becomes_an_unresolved_node_with_a_note_at_the_source_never_a_crash()
    {
        var result = Run(Usings + """
            [Diagram(Input = "N,8")]
            public sealed class M : Module<Tensor, Tensor>
            {
                private readonly Module<Tensor, Tensor> fc = Linear(8, 8);
                private readonly Module<Tensor, Tensor> dynamicBlock = Load();
                public M() : base("M") { RegisterComponents(); }
                private static Module<Tensor, Tensor> Load() => (Module<Tensor, Tensor>)Activator.CreateInstance(Type.GetType("X")!)!;
                public override Tensor forward(Tensor x) => dynamicBlock.call(fc.call(x));
            }
            """);
        var m = Assert.Single(result.Models);
        Assert.Contains(m.Flow.Nodes, n => n.Kind == FlowNodeKind.Unresolved);
        Assert.Contains(m.Notes, n => n.Source is { Line: > 0 });
    }
}
