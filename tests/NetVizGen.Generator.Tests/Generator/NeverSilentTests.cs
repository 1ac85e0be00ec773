using Microsoft.CodeAnalysis;
using NetVizGen.Generator.Tests.TestSupport;
using NetVizGen.Model.Specs;

namespace NetVizGen.Generator.Tests.Generator;

/// <summary>
/// Never silent, never silently wrong: every [Diagram] yields a manifest (so a page) or a located
/// warning, whatever the reader could not determine is a warning, and nothing fails the build.
/// </summary>
public class NeverSilentTests
{
    private const string Project = GeneratorHarness.Usings + """
        namespace Samples;
        [Diagram(Input = "N,4")]
        public sealed class Fine : Module<Tensor, Tensor>
        {
            private readonly Module<Tensor, Tensor> fc = Linear(4, 2);
            public Fine() : base("Fine") { RegisterComponents(); }
            public override Tensor forward(Tensor x) => fc.call(x);
        }
        public static class Models
        {
            // The reader cannot follow this at all: the module is made by reflection.
            [Diagram(Input = "N,3,224,224")]
            public static Module<Tensor, Tensor> Opaque() => (Module<Tensor, Tensor>)Activator.CreateInstance(Type.GetType("Somewhere.Resnet")!)!;
        }
        [Diagram(Input = "N,4")]
        public sealed class NoCtor : Module<Tensor, Tensor>
        {
            public NoCtor(int width, int depth) : base("NoCtor") { RegisterComponents(); }
            public override Tensor forward(Tensor x) => x;
        }
        [Diagram(Input = "N,4")]
        public sealed class Thrower : Module<Tensor, Tensor>
        {
            private readonly Module<Tensor, Tensor> fc;
            public Thrower(int dilation = 2) : base("Thrower")
            {
                if (dilation > 1) throw new NotSupportedException("dilation > 1");
                fc = Linear(4, 4);
                RegisterComponents();
            }
            public override Tensor forward(Tensor x) => fc.call(x);
        }
        [Diagram]
        public sealed class NotAModel { }
        """;

    [Fact]
    public void Every_Diagram_yields_a_manifest_or_a_located_warning_and_nothing_is_an_error()
    {
        var result = GeneratorHarness.Run(Project);
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);

        var ids = result.Models.Select(m => m.Id).Order().ToList();
        Assert.Equal(new[] { "Fine", "NoCtor", "Opaque", "Thrower" }, ids);

        // Each [Diagram] attribute without a manifest has a located warning on its own line.
        var tree = result.Output.SyntaxTrees.First(t => t.FilePath == "/src/Model0.cs");
        var attributes = tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.AttributeSyntax>()
            .Where(a => a.Name.ToString() == "Diagram").ToList();
        Assert.Equal(5, attributes.Count);
        foreach (var attribute in attributes)
        {
            var owner = attribute.Parent!.Parent!;
            var name = owner is Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax c ? c.Identifier.Text : ((Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax)owner).Identifier.Text;
            if (ids.Contains(name)) continue;
            var line = attribute.GetLocation().GetLineSpan().StartLinePosition.Line;
            Assert.Contains(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Warning && d.Location.GetLineSpan().StartLinePosition.Line == line);
        }
    }

    [Fact]
    public void A_model_the_reader_cannot_follow_still_gets_a_manifest_that_says_why()
    {
        var result = GeneratorHarness.Run(Project);
        var opaque = result.Models.Single(m => m.Id == "Opaque");
        Assert.Equal(ModuleOrigin.Unresolved, opaque.Root.Origin);
        Assert.Contains(opaque.Incomplete, r => r.Contains("Opaque"));
        var warning = Assert.Single(result.Diagnostics, d => d.Id == "NVG0101" && d.GetMessage().Contains("'Opaque'"));
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);

        var noCtor = result.Models.Single(m => m.Id == "NoCtor");
        Assert.Contains(noCtor.Incomplete, r => r.Contains("constructor"));
        Assert.Equal(DiagnosticSeverity.Warning, Assert.Single(result.Diagnostics, d => d.Id == "NVG0004").Severity);
    }

    [Fact]
    public void Reaching_a_throw_is_a_warning_at_the_throw()
    {
        var result = GeneratorHarness.Run(Project);
        var warning = Assert.Single(result.Diagnostics, d => d.Id == "NVG0101" && d.GetMessage().Contains("throw"));
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Contains("throw new NotSupportedException", warning.Location.SourceTree!.GetText().ToString(warning.Location.SourceSpan));
    }

    [Fact]
    public void An_unknown_condition_is_a_warning_naming_the_condition()
    {
        var result = GeneratorHarness.Run(GeneratorHarness.Usings + """
            [Diagram(Input = "N,4")]
            public sealed class Guarded : Module<Tensor, Tensor>
            {
                private readonly Module<Tensor, Tensor> fc;
                public Guarded() : base("Guarded")
                {
                    if (Environment.ProcessorCount > 512) throw new InvalidOperationException();
                    fc = Linear(4, 4);
                    RegisterComponents();
                }
                public override Tensor forward(Tensor x) => fc.call(x);
            }
            """);
        var warning = Assert.Single(result.Diagnostics, d => d.GetMessage().Contains("Environment.ProcessorCount > 512"));
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Contains("does not throw", warning.GetMessage());
        Assert.Equal(20, Assert.Single(result.Models).Root.Parameters);
    }

    [Fact]
    public void An_unknown_layer_input_never_lets_the_next_tensor_take_its_place()
    {
        // WaveRNN (TorchAudio): rnn2.call(x, h2) where x could not be followed. Before, h2 slid into the input's
        // place: a false NVG0202 ("expects inputSize 12 but receives 8 features from 'zeros'") and the
        // hidden state's shape drawn as the GRU's output.
        var result = GeneratorHarness.Run(GeneratorHarness.Usings + """
            [Diagram(Input = "N,5,4")]
            public sealed class Rnn : Module<Tensor, Tensor>
            {
                private readonly GRU rnn = GRU(12, 8, batchFirst: true);
                public Rnn() : base("Rnn") { RegisterComponents(); }
                public override Tensor forward(Tensor x)
                {
                    var h = torch.zeros(1, x.size(0), 8);
                    var y = Opaque.Widen(x);
                    (var output, _) = rnn.call(y, h);
                    return output;
                }
            }
            public static class Opaque { public static extern Tensor Widen(Tensor t); }
            """);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "NVG0202");
        var warning = Assert.Single(result.Diagnostics, d => d.GetMessage().Contains("Argument 1 'y' of 'rnn' (GRU)", StringComparison.Ordinal));
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        var gru = Assert.Single(Assert.Single(result.Models).Flow.Nodes, n => n.Name == "GRU");
        Assert.Empty(gru.Inputs);
        Assert.DoesNotContain("8", gru.Shape ?? "");
    }

    [Fact]
    public void Tensor_slices_are_followed_and_a_bound_known_only_at_run_time_is_a_warning_at_the_index()
    {
        // A KV cache read as the LLaMA ports do: ranges on a constructor tensor, once with compile-time bounds
        // (followed: 1×6×4) and once up to a length known only at run time (the flow goes on, the size is unknown).
        var result = GeneratorHarness.Run(GeneratorHarness.Usings + """
            [Diagram(Input = "N,6,4")]
            public sealed class Cached : Module<Tensor, Tensor>
            {
                private readonly Linear fc = Linear(4, 4);
                private readonly Tensor cache = torch.zeros(2, 16, 4);
                public Cached() : base("Cached") { RegisterComponents(); }
                public override Tensor forward(Tensor x)
                {
                    var past = cache[..1, ..6];
                    var all = cache[TensorIndex.Colon, TensorIndex.Slice(0, Environment.ProcessorCount)];
                    return fc.call(x + past) + fc.call(all)[..1, 2..^1];
                }
            }
            """);
        var model = Assert.Single(result.Models);
        var slices = model.Flow.Nodes.Where(n => n.Name == "index").ToList();
        Assert.Equal(3, slices.Count);
        Assert.Equal("1×6×4", slices[0].Shape);
        Assert.DoesNotContain(result.Diagnostics, d => d.GetMessage().Contains("cache[..1, ..6]", StringComparison.Ordinal));
        var warning = Assert.Single(result.Diagnostics, d => d.GetMessage().StartsWith("Slice [0:?] in 'cache[TensorIndex.Colon, TensorIndex.Slice(0, Environment.ProcessorCount)]' has a bound", StringComparison.Ordinal));
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Contains("TensorIndex.Slice(0, Environment.ProcessorCount)", warning.Location.SourceTree!.GetText().ToString(warning.Location.SourceSpan));
    }

    [Fact]
    public void A_slice_up_to_a_size_read_from_another_tensor_takes_that_size()
    {
        // The positional encoding of TorchSharpExamples' SequenceToSequence and of most transformer ports:
        // a table of max_len rows cut to the input's length, in each of the ways C# can write it.
        var result = GeneratorHarness.Run(GeneratorHarness.Usings + """
            [Diagram(Input = "S,N,8")]
            public sealed class Positional : Module<Tensor, Tensor>
            {
                private readonly Tensor pe = torch.zeros(5000, 1, 8);
                public Positional() : base("Positional") { RegisterComponents(); }
                public override Tensor forward(Tensor t)
                {
                    var a = t + pe[TensorIndex.Slice(null, t.shape[0]), TensorIndex.Slice()];
                    var b = a + pe[..(int)t.size(0)];
                    return b + pe.narrow(0, 0, t.shape[0]);
                }
            }
            """);
        var flow = Assert.Single(result.Models).Flow;
        var cuts = flow.Nodes.Where(n => n.Name is "index" or "narrow").ToList();
        Assert.Equal(new[] { "S×1×8", "S×1×8", "S×1×8" }, cuts.Select(n => n.Shape));
        Assert.Equal("S×N×8", flow.Nodes.Last(n => n.Name == "add").Shape);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "NVG0102");
    }

    [Fact]
    public void A_cache_read_up_to_start_pos_plus_the_length_has_a_symbolic_size()
    {
        // The LLaMA ports: forward(x, startPos) writes keys at startPos..startPos+seqLen and reads the cache up
        // to startPos+seqLen; a rotary table is cut from startPos. The integer startPos, which no declaration
        // gives, is a symbol of its own name, so the sizes stay exact instead of unknown.
        var result = GeneratorHarness.Run(GeneratorHarness.Usings + """
            public sealed class Attention : Module<Tensor, int, Tensor>
            {
                private readonly Linear wk = Linear(4, 4);
                private readonly Tensor cache_k = torch.zeros(2, 64, 4);
                private readonly Tensor freqs = torch.zeros(128, 2);
                public Attention() : base("Attention") { RegisterComponents(); }
                public override Tensor forward(Tensor x, int startPos)
                {
                    var batchSize = (int)x.shape[0];
                    var seqLen = (int)x.shape[1];
                    var rotary = freqs[startPos..(startPos + seqLen)];
                    cache_k[..batchSize, startPos..(startPos + seqLen)] = wk.call(x);
                    var keys = cache_k[..batchSize, ..(startPos + seqLen)];
                    var mask = torch.hstack(torch.zeros(seqLen, startPos), torch.ones(seqLen, seqLen));
                    return torch.matmul(wk.call(x), keys.transpose(1, 2)) + mask;
                }
            }
            public static class Factory { [Diagram(Input = "x=N,S,4")] public static Module<Tensor, int, Tensor> Make() => new Attention(); }
            """);
        var flow = Assert.Single(result.Models).Flow;
        var reads = flow.Nodes.Where(n => n.Name == "index").ToList();
        Assert.Equal(new[] { "S×2", "N×S+startPos×4" }, reads.Select(n => n.Shape));
        Assert.Equal("N×S×S+startPos", flow.Nodes.Last(n => n.Name == "add").Shape);
        Assert.DoesNotContain(result.Diagnostics, d => d.GetMessage().Contains("not known at compile time", StringComparison.Ordinal));
    }

    [Fact]
    public void A_write_into_a_cache_reaches_what_reads_the_cache_afterwards()
    {
        // The LLaMA ports' KV cache: keys are written into a buffer, then read back from it. The flow must
        // run from the written keys to the attention that reads the cache, not start at the empty buffer.
        var result = GeneratorHarness.Run(GeneratorHarness.Usings + """
            [Diagram(Input = "N,6,4")]
            public sealed class Cached : Module<Tensor, Tensor>
            {
                private readonly Linear wk = Linear(4, 4);
                private readonly Linear fc = Linear(4, 4);
                private readonly Tensor cache_k = torch.zeros(2, 16, 4);
                public Cached() : base("Cached") { RegisterComponents(); }
                public override Tensor forward(Tensor x)
                {
                    var xk = wk.call(x);
                    cache_k[..2, 0..6] = xk;
                    var keys = cache_k[..2, ..6];
                    var local = torch.zeros(2, 6, 4);
                    local[TensorIndex.Colon, 0] = 1;
                    return fc.call(keys + local);
                }
            }
            """);
        var flow = Assert.Single(result.Models).Flow;
        var writes = flow.Nodes.Where(n => n.Name == "index_put").ToList();
        Assert.Equal(2, writes.Count);
        var wk = Assert.Single(flow.Nodes, n => n.ModulePath == "wk");
        Assert.Contains(wk.Id, writes[0].Inputs);
        var read = Assert.Single(flow.Nodes, n => n.Name == "index");
        Assert.Equal(new[] { writes[0].Id }, read.Inputs.ToArray());
        Assert.Equal("2×6×4", read.Shape);
        Assert.Equal("2×16×4", writes[0].Shape);
        Assert.DoesNotContain(result.Diagnostics, d => d.GetMessage().Contains("Writing into", StringComparison.Ordinal));
    }

    private const string Checked = """
        public sealed class Checked : Module<Tensor, Tensor>
        {
            private readonly Linear fc;
            private readonly long width;
            public Checked(long width) : base("Checked") { this.width = width; fc = Linear(width, width); RegisterComponents(); }
            public override Tensor forward(Tensor x)
            {
                if (x.ndim != 2 || x.shape[1] != width) throw new ArgumentException("expected N x width");
                return fc.call(x);
            }
        }
        """;

    // Two checked blocks in a row, built for the given widths, fed N×8.
    private static GeneratorHarness.Result TwoChecked(long first, long second) => GeneratorHarness.Run(GeneratorHarness.Usings + Checked + $$"""
        public sealed class Twice : Module<Tensor, Tensor>
        {
            private readonly Module<Tensor, Tensor> a = new Checked({{first}}), b = new Checked({{second}});
            public Twice() : base("Twice") { RegisterComponents(); }
            public override Tensor forward(Tensor x) => b.call(a.call(x));
        }
        public static class Factory { [Diagram(Input = "N,8")] public static Module<Tensor, Tensor> Make() => new Twice(); }
        """);

    [Fact]
    public void A_shape_check_in_forward_that_the_traced_shapes_pass_is_no_warning()
    {
        // torchvision's SqueezeExcitation checks input.ndim and input.shape[1]: sizes are symbolic while tracing,
        // so the check is assumed to pass and decided once shapes are known.
        var result = TwoChecked(8, 8);
        Assert.DoesNotContain(result.Diagnostics, d => d.GetMessage().Contains("x.ndim != 2", StringComparison.Ordinal));
        Assert.DoesNotContain(Assert.Single(result.Models).Notes, n => n.Message.Contains("x.ndim", StringComparison.Ordinal) || n.Guard is not null);
    }

    [Fact]
    public void A_shape_check_in_forward_that_the_traced_shapes_fail_says_forward_throws()
    {
        // The second block is built for 16 features but receives 8: its check fails, and the one warning at
        // the check says forward throws there (the first block's check alone would pass).
        var result = TwoChecked(8, 16);
        var warning = Assert.Single(result.Diagnostics, d => d.GetMessage().StartsWith("Condition 'x.ndim != 2 || x.shape[1] != width'", StringComparison.Ordinal));
        Assert.Equal("Condition 'x.ndim != 2 || x.shape[1] != width' is true for the traced shapes: forward throws here", warning.GetMessage());
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
    }

    [Fact]
    public void A_shape_check_without_declared_shapes_stays_a_warning()
    {
        var result = GeneratorHarness.Run(GeneratorHarness.Usings + Checked + """
            public static class Factory { [Diagram] public static Module<Tensor, Tensor> Make() => new Checked(8); }
            """);
        var warning = Assert.Single(result.Diagnostics, d => d.GetMessage().StartsWith("Condition 'x.ndim != 2", StringComparison.Ordinal));
        Assert.Contains("is not known at compile time; assumed false (the branch that does not throw)", warning.GetMessage());
    }

    [Fact]
    public void Tensor_indexing_the_reader_does_not_follow_is_a_warning_at_the_index()
    {
        // Advanced indexing (by a tensor of positions) is not basic indexing: not followed, and said so.
        var result = GeneratorHarness.Run(GeneratorHarness.Usings + """
            [Diagram(Input = "N,6,4")]
            public sealed class Gathered : Module<Tensor, Tensor>
            {
                private readonly Linear fc = Linear(4, 4);
                public Gathered() : base("Gathered") { RegisterComponents(); }
                public override Tensor forward(Tensor x)
                {
                    var picked = x[TensorIndex.Colon, TensorIndex.Tensor(torch.tensor(new long[] { 0, 2 }))];
                    return fc.call(picked);
                }
            }
            """);
        var warning = Assert.Single(result.Diagnostics, d => d.GetMessage().StartsWith("Indexing 'x[TensorIndex.Colon, TensorIndex.Tensor(", StringComparison.Ordinal));
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
    }

    [Fact]
    public void A_budget_running_out_keeps_the_model_with_what_was_built_and_says_so()
    {
        var result = GeneratorHarness.Run(GeneratorHarness.Usings + """
            [Diagram(Input = "N,4")]
            public sealed class Costly : Module<Tensor, Tensor>
            {
                private readonly Module<Tensor, Tensor> fc = Linear(4, 4);
                private readonly long sum;
                public Costly() : base("Costly")
                {
                    for (int i = 0; i < 5000; i++)
                        for (int j = 0; j < 5000; j++)
                            sum += i ^ j;
                    RegisterComponents();
                }
                public override Tensor forward(Tensor x) => fc.call(x);
            }
            """);
        var model = Assert.Single(result.Models);
        Assert.Equal("fc:Linear", GeneratorHarness.Paths(model.Root));
        Assert.Contains(result.Diagnostics, d => d.Id == "NVG0103" && d.Severity == DiagnosticSeverity.Warning);
        Assert.Contains(model.Incomplete, r => r.StartsWith("construction stopped", StringComparison.Ordinal));
        Assert.Equal(20, model.KnownParameters); // a lower bound: what was built
        Assert.NotEmpty(model.Flow.Nodes);
    }
}
