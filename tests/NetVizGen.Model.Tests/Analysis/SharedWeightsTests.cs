using NetVizGen.Model.Analysis;
using NetVizGen.Model.Json;
using NetVizGen.Model.Specs;

namespace NetVizGen.Model.Tests.Analysis;

/// <summary>
/// One module instance registered under several names (shared weights): TorchSharp's named_modules()
/// lists every occurrence with the instance's full count, and parameters() counts it once in every
/// ancestor (checked against the runtime by the oracle's SharedWeightsMlp).
/// </summary>
public class SharedWeightsTests
{
    private static readonly EquatableArray<ArgSpec> NoArgs = EquatableArray<ArgSpec>.Empty;

    private static ModuleSpec Linear(string path, long i, long o, string? sharedWith = null) =>
        new(path, "Linear", ModuleOrigin.Builtin, Catalog.Args.Of(("inputSize", i), ("outputSize", o)).ToEquatableArray(),
            EquatableArray<ModuleSpec>.Empty, SharedWith: sharedWith);

    private static ModuleSpec Node(string path, string type, ModuleOrigin origin, string? sharedWith, params ModuleSpec[] children) =>
        new(path, type, origin, NoArgs, children.ToEquatableArray(), SharedWith: sharedWith);

    private static ModelSpec Model(ModuleSpec root) =>
        new("Net", "Net", "Net", FlowDirection.TopDown, "", -1, root, FlowSpec.Empty, EquatableArray<NoteSpec>.Empty, null);

    /// <summary>The zoo's SharedWeightsMlp: shared = Linear(32,32); body = Sequential(shared, ReLU, shared, ReLU); tied = shared.</summary>
    internal static ModuleSpec SharedWeightsMlp() => Node("", "SharedWeightsMlp", ModuleOrigin.Custom, null,
        Linear("shared", 32, 32),
        Node("body", "Sequential", ModuleOrigin.Container, null,
            Linear("body.0", 32, 32, "shared"),
            Node("body.1", "ReLU", ModuleOrigin.Builtin, null),
            Linear("body.2", 32, 32, "shared"),
            Node("body.3", "ReLU", ModuleOrigin.Builtin, null)),
        Linear("tied", 32, 32, "shared"),
        Linear("head", 32, 10));

    [Fact]
    public void A_shared_instance_is_counted_once_in_every_ancestor()
    {
        var result = ShapeAnalysis.Run(Model(SharedWeightsMlp()));
        var root = result.Model.Root;
        Assert.Equal(1056 + 330, result.Parameters);              // not 4 × 1056 + 330
        Assert.Equal(1056 + 330, result.Trainable);
        Assert.Equal(1056, root.Children[1].Parameters);          // body: body.0 and body.2 are one Linear
        Assert.All(root.DescendantsAndSelf().Where(m => m.TypeName == "Linear" && m.Path != "head"),
            m => Assert.Equal(1056, m.Parameters));               // each occurrence reports the instance's count
    }

    [Fact]
    public void A_shared_block_counts_its_shared_children_once_too()
    {
        // block = Custom(conv = Linear(4,4), own tensor 3); root: a = block, seq = Sequential(block, Linear(4,2)).
        var tensors = new[] { new TensorSpec("scale", new EquatableArray<long>(new long[] { 3 }), true, true) }.ToEquatableArray();
        var a = new ModuleSpec("a", "Block", ModuleOrigin.Custom, NoArgs, new[] { Linear("a.fc", 4, 4) }.ToEquatableArray(), Tensors: tensors);
        var seq0 = new ModuleSpec("seq.0", "Block", ModuleOrigin.Custom, NoArgs,
            new[] { Linear("seq.0.fc", 4, 4, "a.fc") }.ToEquatableArray(), Tensors: tensors, SharedWith: "a");
        var root = Node("", "Net", ModuleOrigin.Custom, null,
            a, Node("seq", "Sequential", ModuleOrigin.Container, null, seq0, Linear("seq.1", 4, 2)));
        var filled = ShapeAnalysis.Run(Model(root)).Model.Root;
        Assert.Equal(20 + 3, filled.Children[0].Parameters);
        Assert.Equal(20 + 3, filled.Children[1].Children[0].Parameters);
        Assert.Equal(23 + 10, filled.Children[1].Parameters);
        Assert.Equal(23 + 10, filled.Parameters);
    }

    [Fact]
    public void A_shared_instance_first_met_deep_is_still_counted_once()
    {
        // named_modules() order makes b.0 the first occurrence, but the depth-first walk meets a.0.0 first.
        var root = Node("", "Net", ModuleOrigin.Custom, null,
            Node("a", "Sequential", ModuleOrigin.Container, null,
                Node("a.0", "Sequential", ModuleOrigin.Container, null, Linear("a.0.0", 8, 8, "b.0"))),
            Node("b", "Sequential", ModuleOrigin.Container, null, Linear("b.0", 8, 8), Linear("b.1", 8, 1)));
        var filled = ShapeAnalysis.Run(Model(root)).Model.Root;
        Assert.Equal(72, filled.Children[0].Parameters);
        Assert.Equal(72 + 9, filled.Children[1].Parameters);
        Assert.Equal(72 + 9, filled.Parameters);
    }

    [Fact]
    public void Unknown_stays_unknown_with_sharing()
    {
        var root = Node("", "Net", ModuleOrigin.Custom, null,
            Linear("fc", 4, 4), Node("odd", "Mystery", ModuleOrigin.Unresolved, null), Linear("again", 4, 4, "fc"));
        Assert.Equal(-1, ShapeAnalysis.Run(Model(root)).Parameters);
    }

    [Fact]
    public void SharedWith_round_trips_through_the_manifest_and_is_absent_when_unshared()
    {
        var model = Model(ShapeAnalysis.Run(Model(SharedWeightsMlp())).Model.Root);
        var json = ManifestJson.Write(model);
        var back = ManifestJson.Read(json);
        Assert.Equal(model, back);
        Assert.Equal("shared", back.Root.Children[2].SharedWith);
        Assert.Null(back.Root.Children[0].SharedWith);
        Assert.Equal(3, json.Split("\"sharedWith\"").Length - 1); // only the repeated occurrences carry it

        var unshared = Model(Node("", "Net", ModuleOrigin.Custom, null, Linear("fc", 4, 4)));
        Assert.DoesNotContain("sharedWith", ManifestJson.Write(unshared), StringComparison.Ordinal);
    }
}
