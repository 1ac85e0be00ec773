using NetVizGen.Model.Json;
using NetVizGen.Model.Specs;
using static NetVizGen.Generator.Tests.TestSupport.GeneratorHarness;

namespace NetVizGen.Generator.Tests.Extraction;

/// <summary>
/// The tracer records the C# name a value is bound to (FlowNodeSpec.Variable): the last local or
/// parameter of its own scope, else the parameter it is passed to by name or into user code; never a guess.
/// </summary>
public class ForwardVariableNameTests
{
    private const string Decoder = """
        public sealed class Layer : Module<Tensor, Tensor, Tensor, Tensor>
        {
            private readonly Linear proj = Linear(16, 16);
            public Layer() : base("Layer") { RegisterComponents(); }
            public override Tensor forward(Tensor x, Tensor mask, Tensor positions)
            {
                var scores = proj.call(x) + mask;
                return scores * positions.unsqueeze(-1);
            }
        }

        [Diagram(Input = "N,8,16")]
        public sealed class Net : Module<Tensor, Tensor>
        {
            private readonly Layer layer = new Layer();
            private readonly Layer other = new Layer();
            private readonly Layer third = new Layer();
            public Net() : base("Net") { RegisterComponents(); }
            public override Tensor forward(Tensor x)
            {
                long T = x.shape[1];
                var position_ids = torch.arange(T).unsqueeze(0);
                var attn_mask = torch.full(new long[] { T, T }, float.NegativeInfinity);
                attn_mask = attn_mask.triu(1);
                var h = layer.call(x, attn_mask, position_ids);
                h = other.forward(h, mask: torch.zeros(T, T), positions: position_ids);
                return third.call(h, torch.ones(T, T), position_ids);
            }
        }
        """;

    private static FlowNodeSpec Op(ModelSpec m, string name, int nth = 0) => m.Flow.Nodes.Where(n => n.Name == name).ElementAt(nth);

    [Fact]
    public void Values_are_named_by_the_last_local_they_are_assigned_in_their_own_scope()
    {
        var m = Assert.Single(Run(Usings + Decoder).Models);
        Assert.Equal("position_ids", Op(m, "unsqueeze").Variable);
        // attn_mask = attn_mask.triu(1): the full and the triu are both bound to attn_mask.
        Assert.Equal("attn_mask", Op(m, "full").Variable);
        Assert.Equal("attn_mask", Op(m, "triu").Variable);
        // Bound to no name: arange is only an intermediate of the unsqueeze chain.
        Assert.Equal("", Op(m, "arange").Variable);
        // Inside the layer, its own locals: scores is the add of the layer's forward.
        Assert.Equal("scores", m.Flow.Nodes.First(n => n.Name == "add" && n.Scope == "layer").Variable);
        Assert.Equal("scores", m.Flow.Nodes.First(n => n.Name == "add" && n.Scope == "other").Variable);
        // A layer's output assigned in the caller: h (the last assignment, in the root's forward).
        Assert.Equal("h", m.Flow.Nodes.Last(n => n.Name == "mul" && n.Scope == "layer").Variable);
    }

    [Fact]
    public void A_value_bound_to_no_local_takes_the_parameter_it_is_passed_to_by_name()
    {
        var m = Assert.Single(Run(Usings + Decoder).Models);
        // other.forward(h, mask: torch.zeros(T, T), ...): the named argument gives the name.
        Assert.Equal("mask", Op(m, "zeros").Variable);
        // third.call(h, torch.ones(T, T), ...): positional, into user code: the forward's parameter names it.
        Assert.Equal("mask", Op(m, "ones").Variable);
    }

    [Fact]
    public void The_name_is_in_the_manifest_only_when_there_is_one_and_reads_back()
    {
        var m = Assert.Single(Run(Usings + Decoder).Models);
        var json = ManifestJson.Write(m);
        Assert.Contains("\"variable\":\"position_ids\"", json.Replace(" ", ""), StringComparison.Ordinal);
        var back = ManifestJson.Read(json);
        Assert.Equal(m.Flow, back.Flow);
        Assert.Equal(m.Flow.Nodes.Count(n => n.Variable.Length > 0), json.Split("\"variable\"").Length - 1);
    }

    [Fact]
    public void Names_are_deterministic_across_runs()
    {
        var a = Assert.Single(Run(Usings + Decoder).Models);
        var b = Assert.Single(Run(Usings + Decoder).Models);
        Assert.Equal(a.Flow.Nodes.Select(n => n.Variable), b.Flow.Nodes.Select(n => n.Variable));
    }
}
