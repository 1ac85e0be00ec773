using NetVizGen.Model.Json;
using NetVizGen.Model.Specs;
using static NetVizGen.Generator.Tests.TestSupport.GeneratorHarness;

namespace NetVizGen.Generator.Tests.Extraction;

/// <summary>
/// The tracer records, for a custom block whose forward takes or returns several tensors, the name the block's own
/// code gives each (FlowNodeSpec.Ports): a list parameter's elements, a returned tuple's elements named by its type
/// or by the variables the return lists. A block page labels its inputs and outputs with them.
/// </summary>
public class BlockPortNameTests
{
    // ML.NET's AutoFormerV2, in small: an FPN returns a list of feature maps, a RetinaHead takes that list and returns
    // (clsOutputs, regOutputs), a list each; the detector concatenates the regressions first.
    private const string Detector = """
        public sealed class Neck : Module<Tensor, List<Tensor>>
        {
            private readonly ModuleList<Module<Tensor, Tensor>> convs = new ModuleList<Module<Tensor, Tensor>>();
            public Neck() : base("Neck") { for (int i = 0; i < 3; i++) convs.Add(Conv2d(4, 4, 1)); RegisterComponents(); }
            public override List<Tensor> forward(Tensor x)
            {
                var outs = new List<Tensor>();
                for (int i = 0; i < convs.Count; i++)
                {
                    x = convs[i].forward(x);
                    outs.Add(x);
                }
                return outs;
            }
        }

        public sealed class Head : Module<List<Tensor>, (List<Tensor>, List<Tensor>)>
        {
            private readonly Conv2d cls = Conv2d(4, 8, 1), reg = Conv2d(4, 2, 1);
            public Head() : base("Head") { RegisterComponents(); }
            public override (List<Tensor>, List<Tensor>) forward(List<Tensor> inputs)
            {
                var clsOutputs = new List<Tensor>();
                var regOutputs = new List<Tensor>();
                for (int i = 0; i < inputs.Count; i++)
                {
                    clsOutputs.Add(cls.forward(inputs[i]).flatten(1).MoveToOuterDisposeScope());
                    regOutputs.Add(reg.forward(inputs[i]).flatten(1));
                }
                return (clsOutputs, regOutputs);
            }
        }

        public sealed class Pair : Module<Tensor, Tensor, (Tensor boxes, Tensor scores)>
        {
            private readonly Linear fc = Linear(4, 4);
            public Pair() : base("Pair") { RegisterComponents(); }
            public override (Tensor boxes, Tensor scores) forward(Tensor x, Tensor y) => (fc.forward(x), (fc.forward(y) + 1).MoveToOuterDisposeScope());
        }

        public sealed class Split : Module<Tensor, (Tensor, Tensor)>
        {
            private readonly Linear fc = Linear(4, 4);
            public Split() : base("Split") { RegisterComponents(); }
            public override (Tensor, Tensor) forward(Tensor x)
            {
                var low = fc.forward(x);
                var high = low * 2;
                if (x.shape[0] == 0) return (low, high.contiguous());
                return (low.MoveToOuterDisposeScope(), (high));
            }
        }

        public sealed class Heads : Module<Tensor, Dictionary<string, Tensor>>
        {
            private readonly Linear box = Linear(4, 4), score = Linear(4, 2);
            public Heads() : base("Heads") { RegisterComponents(); }
            public override Dictionary<string, Tensor> forward(Tensor x)
            {
                var preds = new Dictionary<string, Tensor>();
                preds["boxes"] = box.forward(x);
                preds["scores"] = score.forward(x);
                return preds;
            }
        }

        [Diagram(Input = "N,4,8,8")]
        public sealed class Detector : Module<Tensor, (Tensor, Tensor)>
        {
            private readonly Neck neck = new Neck();
            private readonly Head head = new Head();
            private readonly Pair pair = new Pair();
            private readonly Split split = new Split();
            private readonly Heads heads = new Heads();
            public Detector() : base("Detector") { RegisterComponents(); }
            public override (Tensor, Tensor) forward(Tensor x)
            {
                var (cls, reg) = head.forward(neck.forward(x));
                var regression = cat(reg, 1);
                var classification = cat(cls, 1);
                var (boxes, scores) = pair.forward(classification, regression);
                var (low, high) = split.forward(boxes);
                var preds = heads.forward(low + high);
                return (preds["boxes"], scores + preds["scores"].sum());
            }
        }
        """;

    private static ModelSpec Model() => Assert.Single(Run(Usings + Detector).Models);

    private static List<(int Node, string Name, int Index)> Ports(ModelSpec m, string block, PortSide side) =>
        m.Flow.Nodes.SelectMany(n => n.Ports.Where(p => p.Block == block && p.Side == side).Select(p => (n.Id, p.Name, p.Index))).OrderBy(p => p.Index).ToList();

    [Fact]
    public void The_elements_of_a_list_parameter_are_named_by_the_parameter_and_their_index()
    {
        var m = Model();
        var inputs = Ports(m, "head", PortSide.Input);
        Assert.Equal(["inputs[0]", "inputs[1]", "inputs[2]"], inputs.Select(p => p.Name));
        // The feature maps the neck made, in the order it made them.
        var convs = m.Flow.Nodes.Where(n => n.ModulePath.StartsWith("neck.convs.", StringComparison.Ordinal)).Select(n => n.Id);
        Assert.Equal(convs, inputs.Select(p => p.Node));
    }

    [Fact]
    public void Returned_lists_are_named_by_the_variables_the_return_lists_with_their_index()
    {
        var m = Model();
        var outputs = Ports(m, "head", PortSide.Output);
        Assert.Equal(["clsOutputs[0]", "clsOutputs[1]", "clsOutputs[2]", "regOutputs[0]", "regOutputs[1]", "regOutputs[2]"], outputs.Select(p => p.Name));
        Assert.All(outputs, p => Assert.Equal("flatten", m.Flow.Nodes[p.Node].Name));
        // The neck returns one list variable: outs[0], outs[1], outs[2].
        Assert.Equal(["outs[0]", "outs[1]", "outs[2]"], Ports(m, "neck", PortSide.Output).Select(p => p.Name));
    }

    [Fact]
    public void A_returned_tuples_element_names_come_from_its_type_and_plain_parameters_by_name()
    {
        var m = Model();
        Assert.Equal(["boxes", "scores"], Ports(m, "pair", PortSide.Output).Select(p => p.Name));
        Assert.Equal(["x", "y"], Ports(m, "pair", PortSide.Input).Select(p => p.Name));
        var x = Ports(m, "pair", PortSide.Input)[0].Node;
        Assert.Equal("classification", m.Flow.Nodes[x].Variable);
    }

    [Fact]
    public void An_unnamed_tuple_is_named_by_the_variables_every_return_lists_through_calls_that_change_nothing_drawn()
    {
        var m = Model();
        Assert.Equal(["low", "high"], Ports(m, "split", PortSide.Output).Select(p => p.Name));
    }

    [Fact]
    public void A_returned_dictionarys_entries_are_named_by_their_keys()
    {
        var m = Model();
        Assert.Equal(["preds[\"boxes\"]", "preds[\"scores\"]"], Ports(m, "heads", PortSide.Output).Select(p => p.Name));
    }

    [Fact]
    public void A_side_with_one_tensor_needs_no_name_and_the_names_survive_the_manifest()
    {
        var m = Model();
        Assert.Empty(Ports(m, "neck", PortSide.Input));
        Assert.Equal(m, ManifestJson.Read(ManifestJson.Write(m)));
    }
}
