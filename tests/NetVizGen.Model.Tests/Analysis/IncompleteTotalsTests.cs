using NetVizGen.Model.Analysis;
using NetVizGen.Model.Json;
using NetVizGen.Model.Shapes;
using NetVizGen.Model.Specs;

namespace NetVizGen.Model.Tests.Analysis;

/// <summary>
/// A total is written only when exact: otherwise the model carries the known lower bound and the
/// reasons, and a buffer of unknown size does not make the parameter count unknown.
/// </summary>
public class IncompleteTotalsTests
{
    private static readonly EquatableArray<ArgSpec> NoArgs = EquatableArray<ArgSpec>.Empty;

    private static ModuleSpec Linear(string path, long i, long o) =>
        new(path, "Linear", ModuleOrigin.Builtin, Catalog.Args.Of(("inputSize", i), ("outputSize", o)).ToEquatableArray(), EquatableArray<ModuleSpec>.Empty);

    private static TensorSpec Tensor(string name, bool parameter, params long[] shape) =>
        new(name, new EquatableArray<long>(shape), parameter, parameter);

    private static ModelSpec Model(ModuleSpec root, params string[] incomplete) =>
        new("Net", "Net", "Net", FlowDirection.TopDown, "", -1, root, FlowSpec.Empty, EquatableArray<NoteSpec>.Empty, null,
            Incomplete: incomplete.ToEquatableArray());

    [Fact]
    public void A_buffer_of_unknown_size_leaves_the_parameter_total_exact()
    {
        var root = new ModuleSpec("", "Net", ModuleOrigin.Custom, NoArgs, new[] { Linear("fc", 4, 4) }.ToEquatableArray(),
            Tensors: new[] { Tensor("table", false), Tensor("scale", true, 4) }.ToEquatableArray());
        var result = ShapeAnalysis.Run(Model(root)).Model;
        Assert.Equal(24, result.Root.Parameters);
        Assert.Equal(-1, result.Root.Buffers);
        Assert.Equal(-1, result.KnownParameters);
        Assert.True(result.Incomplete.IsEmpty);
    }

    [Fact]
    public void An_unknown_part_gives_a_lower_bound_and_says_which_part()
    {
        var root = new ModuleSpec("", "Net", ModuleOrigin.Custom, NoArgs, new[]
        {
            Linear("fc", 4, 4),
            new ModuleSpec("mystery", "Mystery", ModuleOrigin.Unresolved, NoArgs, EquatableArray<ModuleSpec>.Empty),
            new ModuleSpec("block", "Block", ModuleOrigin.Custom, NoArgs, new[] { Linear("block.fc", 2, 2) }.ToEquatableArray(),
                Tensors: new[] { Tensor("w", true) }.ToEquatableArray()),
        }.ToEquatableArray());
        var result = ShapeAnalysis.Run(Model(root)).Model;
        Assert.Equal(-1, result.Root.Parameters);
        Assert.Equal(20 + 6, result.KnownParameters);
        Assert.Contains(result.Incomplete, r => r.Contains("'mystery' (Mystery) could not be resolved"));
        Assert.Contains(result.Incomplete, r => r.Contains("'block.w'"));
    }

    [Fact]
    public void A_TorchScript_module_says_its_layers_are_in_a_file()
    {
        // LaMa in LamaCleaner_TorchSharp: inpaint = jit.load<Tensor, Tensor, Tensor>("big-lama.pt").
        var root = new ModuleSpec("", "LaMa", ModuleOrigin.Custom, NoArgs, new[]
        {
            new ModuleSpec("inpaint", "ScriptModule", ModuleOrigin.Unresolved, NoArgs, EquatableArray<ModuleSpec>.Empty),
        }.ToEquatableArray());
        var result = ShapeAnalysis.Run(Model(root)).Model;
        Assert.Equal(-1, result.Root.Parameters);
        var reason = Assert.Single(result.Incomplete);
        Assert.StartsWith("'inpaint' (ScriptModule) is a TorchScript module loaded from a file at run time", reason);
    }

    [Fact]
    public void A_construction_cut_short_makes_even_a_known_total_a_lower_bound()
    {
        var root = new ModuleSpec("", "Net", ModuleOrigin.Custom, NoArgs, new[] { Linear("fc", 4, 4) }.ToEquatableArray());
        var result = ShapeAnalysis.Run(Model(root, IncompleteReasons.ConstructionStopped + " (more than 10 steps)")).Model;
        Assert.Equal(20, result.Root.Parameters);
        Assert.Equal(20, result.KnownParameters);
    }

    [Fact]
    public void Incomplete_models_round_trip_through_the_manifest_and_complete_ones_are_unchanged()
    {
        var root = new ModuleSpec("", "Net", ModuleOrigin.Unresolved, NoArgs, EquatableArray<ModuleSpec>.Empty);
        var model = Model(root, "the model could not be built") with { KnownParameters = 0 };
        var back = ManifestJson.Read(ManifestJson.Write(model));
        Assert.Equal(model.Incomplete, back.Incomplete);
        Assert.Equal(0, back.KnownParameters);
        Assert.DoesNotContain("incomplete", ManifestJson.Write(Model(root)));
    }

    [Theory]
    [InlineData("N,3,224,224", null, "N,3,224,224")]
    [InlineData("src=N,S,512; tgt=N,T,512", "src|tgt", "N,S,512|N,T,512")]
    [InlineData("batch.tokens=N,T; N,4", "batch.tokens|", "N,T|N,4")]
    public void Inputs_are_declared_by_position_or_name(string text, string? names, string shapes)
    {
        Assert.True(Shape.TryParseInputs(text, out var inputs, out var error), error);
        Assert.Equal(shapes.Split('|'), inputs.Select(i => i.Text));
        Assert.Equal((names ?? "").Split('|'), inputs.Select(i => i.Name ?? ""));
    }

    [Theory]
    [InlineData("=N,4")]
    [InlineData("a b=N,4")]
    [InlineData("src=N,,4")]
    public void A_malformed_input_declaration_is_rejected(string text) =>
        Assert.False(Shape.TryParseInputs(text, out _, out _));

    [Fact]
    public void Input_nodes_take_the_shape_the_extractor_bound_to_them()
    {
        var flow = new FlowSpec(new[]
        {
            new FlowNodeSpec(0, FlowNodeKind.Input, "src", "", EquatableArray<int>.Empty,
                new[] { new ArgSpec(ShapeAnalysis.DeclaredArg, ArgValue.FromString("N,7,4")) }.ToEquatableArray(), "", null, "", -1),
            new FlowNodeSpec(1, FlowNodeKind.Input, "tgt", "", EquatableArray<int>.Empty, EquatableArray<ArgSpec>.Empty, "", null, "", -1),
        }.ToEquatableArray());
        var root = new ModuleSpec("", "Net", ModuleOrigin.Custom, NoArgs, EquatableArray<ModuleSpec>.Empty);
        var model = Model(root) with { Input = "src=N,7,4", Flow = flow };
        var result = ShapeAnalysis.Run(model);
        Assert.Equal(new[] { "N×7×4", "?" }, result.Model.Flow.Nodes.Select(n => n.Shape));
        Assert.DoesNotContain(result.Notes, n => n.Severity == NoteSeverity.Error);
    }
}
