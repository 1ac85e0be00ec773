using NetVizGen.Model.Json;
using NetVizGen.Model.Specs;

namespace NetVizGen.Oracle.Tests;

/// <summary>
/// Tests of the comparer itself, with manifests synthesised from runtime reports (so they pass without
/// the generator): a faithful spec matches, and each kind of error gives a readable first difference.
/// </summary>
[Collection(TorchCollection.Name)]
public sealed class OracleComparerTests
{
    private const string X = "\u00D7";

    /// <summary>Builds the ModelSpec a perfect generator would emit for <paramref name="report"/>.</summary>
    internal static ModelSpec SpecFrom(RuntimeReport report, string id, bool symbolicBatch = false)
    {
        ModuleSpec Build(string path)
        {
            var m = report.Module(path);
            var prefix = path.Length == 0 ? "" : path + ".";
            // Children in registration order: TorchSharp lists a module's direct children consecutively.
            var children = report.Modules
                .Where(c => c.Path.Length > prefix.Length && c.Path.StartsWith(prefix, StringComparison.Ordinal)
                            && !c.Path[prefix.Length..].Contains('.') && c.Path != path)
                .Select(c => Build(c.Path))
                .ToEquatableArray();
            return new ModuleSpec(path, m.TypeName, m.IsLeaf ? ModuleOrigin.Builtin : ModuleOrigin.Custom,
                EquatableArray<ArgSpec>.Empty, children, m.Parameters, m.Trainable, m.Buffers, SharedWith: m.SharedWith);
        }

        var nodes = new List<FlowNodeSpec>
        {
            new(0, FlowNodeKind.Input, "x", "", EquatableArray<int>.Empty, EquatableArray<ArgSpec>.Empty,
                Shape(report.InputShape)),
        };
        foreach (var call in report.Calls)
        {
            nodes.Add(new FlowNodeSpec(nodes.Count, FlowNodeKind.Module, call.Path, call.Path,
                new[] { nodes.Count - 1 }.ToEquatableArray(), EquatableArray<ArgSpec>.Empty, Shape(call.Shapes[0])));
            // Interleave an op now and then, as a real trace has: the comparer must skip non-module nodes.
            if (nodes.Count % 5 == 0)
                nodes.Add(new FlowNodeSpec(nodes.Count, FlowNodeKind.Op, "relu", "",
                    new[] { nodes.Count - 1 }.ToEquatableArray(), EquatableArray<ArgSpec>.Empty, Shape(call.Shapes[0])));
        }
        nodes.Add(new FlowNodeSpec(nodes.Count, FlowNodeKind.Output, "output", "",
            new[] { nodes.Count - 1 }.ToEquatableArray(), EquatableArray<ArgSpec>.Empty, Shape(report.OutputShape)));

        return new ModelSpec(id, id, "ModelZoo." + report.ModelType, FlowDirection.TopDown, "N,1,28,28", -1,
            Build(""), new FlowSpec(nodes.ToEquatableArray()), EquatableArray<NoteSpec>.Empty, null);

        string Shape(long[] dims) =>
            symbolicBatch && dims.Length > 0 && dims[0] == report.InputShape[0]
                ? string.Join(X, new[] { "N" }.Concat(dims.Skip(1).Select(d => d.ToString())))
                : RuntimeReport.FormatShape(dims);
    }

    [Theory]
    [MemberData(nameof(ZooTable.Ids), MemberType = typeof(ZooTable))]
    public void A_faithful_manifest_matches_for_every_zoo_model(string id)
    {
        var report = Reports.Small(id);
        // Round-trip through the real manifest JSON format, as the generator would embed it.
        var spec = ManifestJson.Read(ManifestJson.Write(SpecFrom(report, id)));
        var result = OracleComparer.Compare(spec, report);
        Assert.True(result.IsMatch, result.Describe());
    }

    [Fact]
    public void Shared_weights_lost_or_counted_twice_are_reported()
    {
        var report = Reports.Small("SharedWeightsMlp");
        var faithful = SpecFrom(report, "SharedWeightsMlp");

        // Identity lost: every occurrence looks like its own module.
        static ModuleSpec Forget(ModuleSpec m) => m with { SharedWith = null, Children = m.Children.Select(Forget).ToEquatableArray() };
        var lost = OracleComparer.Compare(faithful with { Root = Forget(faithful.Root) }, report);
        Assert.Contains(lost.Mismatches, m => m.Aspect == "shared with" && m.Where == "'tied'" && m.Runtime == "shared");

        // Counted twice: the root sums its children's counts.
        var twice = faithful with { Root = faithful.Root with { Parameters = faithful.Root.Children.Sum(c => c.Parameters) } };
        Assert.Contains(OracleComparer.Compare(twice, report).Mismatches, m => m.Aspect == "parameters" && m.Where == "<root>");
    }

    [Fact]
    public void Static_tree_is_flattened_in_TorchSharp_named_modules_order()
    {
        var report = Reports.Small("ResNet18");
        var spec = SpecFrom(report, "ResNet18");
        Assert.Equal(report.Paths, OracleComparer.NamedModulesOrder(spec.Root).Select(m => m.Path));
        // ... which is not the depth-first pre-order of ModuleSpec.DescendantsAndSelf().
        Assert.NotEqual(report.Paths, spec.Root.DescendantsAndSelf().Select(m => m.Path));
    }

    [Fact]
    public void Symbolic_batch_binds_to_the_runtime_value()
    {
        var report = Reports.Small("LeNet5");
        var spec = SpecFrom(report, "LeNet5", symbolicBatch: true);
        Assert.StartsWith("N" + X, spec.Flow.Nodes.First(n => n.Kind == FlowNodeKind.Module).Shape);
        Assert.True(OracleComparer.Compare(spec, report).IsMatch);

        var bindings = new Dictionary<string, long>();
        Assert.Null(OracleComparer.ShapeError($"N{X}6", [1, 6], bindings));
        Assert.NotNull(OracleComparer.ShapeError($"N{X}6", [2, 6], bindings));   // N is already 1
        Assert.NotNull(OracleComparer.ShapeError($"H/2{X}6", [2, 6], bindings));
    }

    [Fact]
    public void Several_outputs_are_compared_one_by_one()
    {
        long[][] lstm = [[1, 64, 128], [2, 1, 128], [2, 1, 128]];
        Assert.Null(OracleComparer.OutputsError($"(N{X}64{X}128, 2{X}N{X}128, 2{X}N{X}128)", lstm, new()));
        Assert.NotNull(OracleComparer.OutputsError($"(N{X}64{X}128, 2{X}N{X}64)", lstm, new()));      // output count
        Assert.NotNull(OracleComparer.OutputsError($"(N{X}64{X}128, 2{X}N{X}128, 3{X}N{X}128)", lstm, new())); // output 2
        Assert.Null(OracleComparer.OutputsError($"N{X}64{X}128", [[1, 64, 128]], new()));
    }

    [Fact]
    public void Wrong_tree_order_reports_the_first_differing_path()
    {
        var report = Reports.Small("LeNet5");
        var spec = SpecFrom(report, "LeNet5");
        var kids = spec.Root.Children.ToArray();
        (kids[0], kids[1]) = (kids[1], kids[0]);
        var bad = spec with { Root = spec.Root with { Children = kids.ToEquatableArray() } };

        var result = OracleComparer.Compare(bad, report);
        Assert.False(result.IsMatch);
        Assert.Contains("module tree at #1: static 'conv2' (Conv2d) | runtime 'conv1' (Conv2d)", result.Describe());
    }

    [Fact]
    public void Wrong_counts_type_names_and_missing_modules_are_reported_with_both_values()
    {
        var report = Reports.Small("ResNet18");
        var spec = SpecFrom(report, "ResNet18");
        var bad = spec with { Root = Rewrite(spec.Root) };
        var text = OracleComparer.Compare(bad, report).Describe();

        Assert.Contains("parameters at 'layer1.0.conv1': static 36,863 | runtime 36,864", text);
        Assert.Contains("buffers at 'bn1': static unknown (-1) | runtime 129", text);
        Assert.Contains("type at 'fc': static Dense | runtime Linear", text);
        Assert.Contains("module tree at 'layer2.0.downsample.1': static missing | runtime BatchNorm2d", text);

        static ModuleSpec Rewrite(ModuleSpec m) => (m.Path switch
        {
            "layer1.0.conv1" => m with { Parameters = m.Parameters - 1, Trainable = m.Trainable - 1 },
            "bn1" => m with { Buffers = -1 },
            "fc" => m with { TypeName = "Dense" },
            "layer2.0.downsample" => m with { Children = m.Children.Take(1).ToEquatableArray() },
            _ => m,
        }) is var r ? r with { Children = r.Children.Select(Rewrite).ToEquatableArray() } : m;
    }

    [Fact]
    public void Wrong_call_order_and_shapes_are_reported()
    {
        var report = Reports.Small("LeNet5");
        var spec = SpecFrom(report, "LeNet5");
        var nodes = spec.Flow.Nodes.ToArray();
        int conv2 = Array.FindIndex(nodes, n => n.ModulePath == "conv2");
        nodes[conv2] = nodes[conv2] with { Shape = $"1{X}16{X}11{X}11" };
        var shapeOnly = OracleComparer.Compare(spec with { Flow = new FlowSpec(nodes.ToEquatableArray()) }, report);
        Assert.Contains($"shape at call #3 'conv2': static 1{X}16{X}11{X}11 (dim 2) | runtime 1{X}16{X}10{X}10", shapeOnly.Describe());

        var dropped = spec.Flow.Nodes.Where(n => !(n.Kind == FlowNodeKind.Module && n.ModulePath == "pool")).ToEquatableArray();
        var text = OracleComparer.Compare(spec with { Flow = new FlowSpec(dropped) }, report).Describe();
        Assert.Contains("call order at call #2: static 'conv2'", text);
        Assert.Contains("| runtime 'pool'", text);
        Assert.Contains("call order at count: static 9 module calls | runtime 11 leaf calls", text);
    }
}
