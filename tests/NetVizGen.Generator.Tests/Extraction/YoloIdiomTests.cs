using NetVizGen.Generator.Tests.TestSupport;

namespace NetVizGen.Generator.Tests.Extraction;

/// <summary>
/// Idioms of a YOLO port nobody here wrote (IntptrMax/YoloSharp): a subclass that replaces its base's block
/// through <c>_internal_submodules.Remove</c> and <c>register_module</c>, and a head that branches on
/// <c>training</c>.
/// </summary>
public class YoloIdiomTests
{
    private const string Blocks = """
        public class C3 : Module<Tensor, Tensor>
        {
            protected Module<Tensor, Tensor> m;
            public C3(int c) : base("C3") { m = Sequential(Conv2d(c, c, 1)); RegisterComponents(); }
            public override Tensor forward(Tensor x) => m.forward(x);
        }
        """;

    [Fact]
    public void A_block_replaced_through_internal_submodules_is_the_one_counted_and_drawn()
    {
        var result = GeneratorHarness.Run(GeneratorHarness.Usings + Blocks + """
            public sealed class C3k : C3
            {
                public C3k(int c) : base(c)
                {
                    base._internal_submodules.Remove("m");
                    m = Sequential(Conv2d(c, c, 3, padding: 1), Conv2d(c, c, 3, padding: 1));
                    register_module("m", m);
                }
            }
            public static class Factory { [Diagram(Input = "N,8,16,16")] public static C3k Make() => new C3k(8); }
            """);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id is "NVG0105" or "NVG0104");
        var model = Assert.Single(result.Models);
        Assert.Equal(2 * (8 * 8 * 9 + 8), model.Root.Parameters);
        Assert.Equal(2, model.Flow.Nodes.Count(n => n.ModulePath.StartsWith("m.", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_block_assigned_after_registration_and_never_registered_still_warns_where_it_is_assigned()
    {
        var result = GeneratorHarness.Run(GeneratorHarness.Usings + Blocks + """
            public sealed class C3x : C3
            {
                public C3x(int c) : base(c) { m = Sequential(Conv2d(c, c, 3, padding: 1)); }
            }
            public static class Factory { [Diagram(Input = "N,8,16,16")] public static C3x Make() => new C3x(8); }
            """);
        var late = Assert.Single(result.Diagnostics, d => d.Id == "NVG0105");
        Assert.Contains("'m' is assigned after RegisterComponents()", late.GetMessage());
        var text = late.Location.SourceTree!.GetText();
        Assert.Contains("m = Sequential(Conv2d(c, c, 3, padding: 1))", text.Lines[late.Location.GetLineSpan().StartLinePosition.Line].ToString());
    }

    [Fact]
    public void Forward_reads_training_as_true_unless_the_factory_called_eval()
    {
        const string Head = """
            public sealed class Head : Module<Tensor, Tensor>
            {
                private readonly Conv2d cv = Conv2d(8, 4, 1);
                public Head() : base("Head") { RegisterComponents(); }
                public override Tensor forward(Tensor x)
                {
                    var y = cv.forward(x);
                    if (this.training) return y;
                    return y.flatten(1);
                }
            }
            """;
        var training = GeneratorHarness.Run(GeneratorHarness.Usings + Head + """
            public static class Factory { [Diagram(Input = "N,8,4,4")] public static Head Make() => new Head(); }
            """);
        Assert.DoesNotContain(training.Diagnostics, d => d.Id.StartsWith("NVG01", StringComparison.Ordinal));
        Assert.Equal("N×4×4×4", Assert.Single(training.Models).Flow.Nodes.Single(n => n.Kind == NetVizGen.Model.Specs.FlowNodeKind.Output).Shape);

        var evaluation = GeneratorHarness.Run(GeneratorHarness.Usings + Head + """
            public static class Factory { [Diagram(Input = "N,8,4,4")] public static Module<Tensor, Tensor> Make() { var h = new Head(); h.eval(); return h; } }
            """);
        Assert.DoesNotContain(evaluation.Diagnostics, d => d.Id.StartsWith("NVG01", StringComparison.Ordinal));
        Assert.Equal("N×64", Assert.Single(evaluation.Models).Flow.Nodes.Single(n => n.Kind == NetVizGen.Model.Specs.FlowNodeKind.Output).Shape);
    }

    [Fact]
    public void A_layer_list_walked_by_type_with_outputs_kept_by_a_virtual_index_list_is_followed()
    {
        // YoloSharp's Yolov8.forward: switch on each item's type, keep the outputs whose index a virtual
        // property lists (overridden per model), concatenate with a kept output.
        var result = GeneratorHarness.Run(GeneratorHarness.Usings + """
            public sealed class Concat : Module<IList<Tensor>, Tensor>
            {
                public Concat() : base("Concat") { }
                public override Tensor forward(IList<Tensor> x) => cat(x, 1);
            }
            public class Net : Module<Tensor, Tensor>
            {
                private readonly ModuleList<Module> model;
                protected virtual int[] outputIndexs => new int[] { 0 };
                public Net() : base("Net")
                {
                    model = new ModuleList<Module>(Conv2d(3, 4, 1), Conv2d(4, 4, 1), new Concat(), Conv2d(8, 2, 1));
                    RegisterComponents();
                }
                public override Tensor forward(Tensor x)
                {
                    var outputs = new List<Tensor>();
                    for (int i = 0; i < model.Count; i++)
                    {
                        switch (model[i])
                        {
                            case Module<Tensor, Tensor> mod:
                                x = mod.forward(x);
                                break;
                            case Concat c:
                                x = c.forward(new Tensor[] { x, outputs[0] });
                                break;
                            default:
                                throw new Exception();
                        }
                        if (outputIndexs.Contains(i)) outputs.Add(x);
                    }
                    return x;
                }
            }
            public sealed class Net1 : Net { protected override int[] outputIndexs => new int[] { 1 }; }
            public static class Factory
            {
                [Diagram(Input = "N,3,8,8")] public static Net Make() => new Net();
                [Diagram(Input = "N,3,8,8")] public static Net Make1() => new Net1();
            }
            """);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id.StartsWith("NVG01", StringComparison.Ordinal) || d.Id.StartsWith("NVG02", StringComparison.Ordinal));
        var net = result.Models.Single(m => m.Id == "Make");
        Assert.Equal("N×2×8×8", net.Flow.Nodes.Single(n => n.ModulePath == "model.3").Shape);
        // Net1 keeps output 1 instead of 0: the cat takes model.1's output (the override is the one read).
        var net1 = result.Models.Single(m => m.Id == "Make1");
        var concat = net1.Flow.Nodes.Single(n => n.Name == "cat");
        Assert.Contains(net1.Flow.Nodes.Single(n => n.ModulePath == "model.1").Id, concat.Inputs);
        Assert.Equal(2, concat.Inputs.Count(id => id == net1.Flow.Nodes.Single(n => n.ModulePath == "model.1").Id));
    }

    [Fact]
    public void A_subclass_that_trims_its_base_list_and_adds_a_head_is_counted_as_built()
    {
        // YoloSharp's classifiers: the base class keeps its layers in a private field, built by a virtual method
        // the subclass overrides to drop the detection head and add a classifier (TorchSharp registers the base's
        // private field on the subclass too; the oracle's run of YoloSharp confirms it).
        var result = GeneratorHarness.Run(GeneratorHarness.Usings + """
            public class Detector : Module<Tensor, Tensor>
            {
                private readonly ModuleList<Module<Tensor, Tensor>> model;
                public Detector() : base("Detector") { model = BuildModel(); RegisterComponents(); }
                protected virtual ModuleList<Module<Tensor, Tensor>> BuildModel() =>
                    new ModuleList<Module<Tensor, Tensor>>(Linear(8, 8), Linear(8, 8), Linear(8, 100), Linear(100, 4));
                public override Tensor forward(Tensor x) { foreach (var m in model) x = m.forward(x); return x; }
            }
            public sealed class Classifier : Detector
            {
                protected override ModuleList<Module<Tensor, Tensor>> BuildModel()
                {
                    var mod = base.BuildModel();
                    for (int i = 0; i < 2; i++) mod.RemoveAt(mod.Count - 1);
                    mod.Add(Linear(8, 3));
                    return mod;
                }
            }
            public static class Factory { [Diagram(Input = "N,8")] public static Detector Make() => new Classifier(); }
            """);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id.StartsWith("NVG01", StringComparison.Ordinal) || d.Id.StartsWith("NVG02", StringComparison.Ordinal));
        var model = Assert.Single(result.Models);
        Assert.Equal(2 * (8 * 8 + 8) + 8 * 3 + 3, model.Root.Parameters);
        var list = Assert.Single(model.Root.Children);
        Assert.Equal("model", list.Name);
        Assert.Equal(new[] { "0", "1", "2" }, list.Children.Select(c => c.Name));
        Assert.Equal("N×3", model.Flow.Nodes.Single(n => n.ModulePath == "model.2").Shape);
    }

    [Fact]
    public void A_change_to_a_layer_list_that_is_not_followed_is_a_located_warning()
    {
        var result = GeneratorHarness.Run(GeneratorHarness.Usings + """
            public sealed class Net : Module<Tensor, Tensor>
            {
                private readonly ModuleList<Module<Tensor, Tensor>> model;
                public Net() : base("Net")
                {
                    var first = Linear(8, 8);
                    model = new ModuleList<Module<Tensor, Tensor>>(first, Linear(8, 8));
                    model.Remove(first);
                    RegisterComponents();
                }
                public override Tensor forward(Tensor x) { foreach (var m in model) x = m.forward(x); return x; }
            }
            public static class Factory { [Diagram(Input = "N,8")] public static Net Make() => new Net(); }
            """);
        var warning = Assert.Single(result.Diagnostics, d => d.Id == "NVG0101" && d.GetMessage().Contains("model.Remove(first)", StringComparison.Ordinal));
        Assert.Contains("does not follow", warning.GetMessage());
    }

    [Fact]
    public void Chunks_listed_and_extended_and_outputs_returned_in_dictionaries_are_followed()
    {
        // C2f: y = cv1(x).chunk(2, 1).ToList(); y.Add(m(y.Last())); cv2(cat(y)). The head returns a nullable
        // tuple of dictionaries of tensors.
        var result = GeneratorHarness.Run(GeneratorHarness.Usings + """
            public sealed class Net : Module<Tensor, (Dictionary<string, Tensor> inference, Dictionary<string, object> preds)?>
            {
                private readonly Conv2d cv1 = Conv2d(8, 16, 1), m = Conv2d(8, 8, 3, padding: 1), cv2 = Conv2d(24, 8, 1);
                public Net() : base("Net") { RegisterComponents(); }
                public override (Dictionary<string, Tensor> inference, Dictionary<string, object> preds)? forward(Tensor x)
                {
                    List<Tensor> y = cv1.forward(x).chunk(2, 1).ToList();
                    y.Add(m.forward(y.Last()));
                    var boxes = cv2.forward(cat(y.ToArray(), 1));
                    var preds = new Dictionary<string, object> { ["boxes"] = boxes, ["scores"] = boxes.sigmoid() };
                    return (null, preds);
                }
            }
            public static class Factory { [Diagram(Input = "N,8,4,4")] public static Net Make() => new Net(); }
            """);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id.StartsWith("NVG01", StringComparison.Ordinal) || d.Id.StartsWith("NVG02", StringComparison.Ordinal));
        var model = Assert.Single(result.Models);
        Assert.Equal("N×8×4×4", model.Flow.Nodes.Single(n => n.ModulePath == "m").Shape);
        var outputs = model.Flow.Nodes.Where(n => n.Kind == NetVizGen.Model.Specs.FlowNodeKind.Output).Select(n => (n.Name, n.Shape)).ToList();
        Assert.Equal(new[] { ("output.preds.boxes", "N×8×4×4"), ("output.preds.scores", "N×8×4×4") }, outputs);
    }

    [Fact]
    public void Depthwise_groups_computed_with_big_integer_gcd_are_known()
    {
        var result = GeneratorHarness.Run(GeneratorHarness.Usings + """
            public sealed class DWConv : Module<Tensor, Tensor>
            {
                private readonly Conv2d conv;
                public DWConv(int c1, int c2) : base("DWConv")
                {
                    conv = Conv2d(c1, c2, 3, padding: 1, groups: (int)System.Numerics.BigInteger.GreatestCommonDivisor(c1, c2));
                    RegisterComponents();
                }
                public override Tensor forward(Tensor x) => conv.forward(x);
            }
            public static class Factory { [Diagram(Input = "N,24,8,8")] public static DWConv Make() => new DWConv(24, 36); }
            """);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id.StartsWith("NVG01", StringComparison.Ordinal));
        // gcd(24, 36) = 12 groups: 36 filters of 24/12 = 2 channels, 3x3.
        Assert.Equal(36 * 2 * 9 + 36, Assert.Single(result.Models).Root.Parameters);
    }

    [Fact]
    public void An_array_searched_through_its_span_is_read_like_the_array()
    {
        // C# 14 binds `indexes.Contains(i)` on an int[] to MemoryExtensions.Contains(ReadOnlySpan<int>, int); the
        // explicit span form binds there in every language version.
        var result = GeneratorHarness.Run(GeneratorHarness.Usings + """
            public sealed class Net : Module<Tensor, Tensor>
            {
                private readonly ModuleList<Module<Tensor, Tensor>> model = new ModuleList<Module<Tensor, Tensor>>(Linear(4, 4), Linear(4, 4), Linear(8, 2));
                private static readonly int[] Keep = { 0 };
                public Net() : base("Net") { RegisterComponents(); }
                public override Tensor forward(Tensor x)
                {
                    var kept = new List<Tensor>();
                    for (int i = 0; i < 2; i++)
                    {
                        x = model[i].forward(x);
                        if (((ReadOnlySpan<int>)Keep).Contains(i)) kept.Add(x);
                    }
                    return model[2].forward(cat(new[] { x, kept[0] }, 1));
                }
            }
            public static class Factory { [Diagram(Input = "N,4")] public static Net Make() => new Net(); }
            """);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id.StartsWith("NVG01", StringComparison.Ordinal) || d.Id.StartsWith("NVG02", StringComparison.Ordinal));
        Assert.Equal("N×2", Assert.Single(result.Models).Flow.Nodes.Single(n => n.ModulePath == "model.2").Shape);
    }

    [Fact]
    public void An_is_test_against_the_static_type_is_a_null_test()
    {
        var result = GeneratorHarness.Run(GeneratorHarness.Usings + """
            public sealed class Net : Module<Tensor, Tensor>
            {
                private readonly Linear a = Linear(4, 4), b = Linear(4, 2);
                public Net() : base("Net") { RegisterComponents(); }
                public override Tensor forward(Tensor x)
                {
                    var preds = new Dictionary<string, object> { ["x"] = a.forward(x) };
                    if (preds is Dictionary<string, object>) return b.forward((Tensor)preds["x"]);
                    return x;
                }
            }
            public static class Factory { [Diagram(Input = "N,4")] public static Net Make() => new Net(); }
            """);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id.StartsWith("NVG01", StringComparison.Ordinal));
        Assert.Equal("N×2", Assert.Single(result.Models).Flow.Nodes.Single(n => n.Kind == NetVizGen.Model.Specs.FlowNodeKind.Output).Shape);
    }
}
