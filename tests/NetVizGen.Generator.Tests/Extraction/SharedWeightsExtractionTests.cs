using NetVizGen.Extraction;
using NetVizGen.Generator.Tests.TestSupport;
using NetVizGen.Model.Specs;

namespace NetVizGen.Generator.Tests.Extraction;

/// <summary>
/// One instance appended twice is one module with shared weights: the tree lists every name (as
/// TorchSharp's named_modules() does), repeated occurrences point at the first one, calls carry the
/// first path, and parameters are counted once (oracle: SharedWeightsMlp).
/// </summary>
public class SharedWeightsExtractionTests
{
    private const string Source = GeneratorHarness.Usings + """
        namespace Samples;
        [Diagram(Input = "N,8")]
        public sealed class Tied : Module<Tensor, Tensor>
        {
            private readonly Module<Tensor, Tensor> shared;
            private readonly Module<Tensor, Tensor> body;
            private readonly Module<Tensor, Tensor> alias;
            public Tied() : base("Tied")
            {
                shared = Linear(8, 8);
                body = Sequential(shared, ReLU(), shared);
                alias = shared;
                RegisterComponents();
            }
            public override Tensor forward(Tensor x) => alias.call(body.call(x));
        }
        """;

    [Fact]
    public void Every_name_is_listed_and_points_at_the_first()
    {
        var model = GeneratorHarness.Single(Source);
        Assert.Equal("shared:Linear body:Sequential body.0:Linear body.1:ReLU body.2:Linear alias:Linear", GeneratorHarness.Paths(model.Root));
        var shared = model.Root.DescendantsAndSelf().ToDictionary(m => m.Path, m => m.SharedWith);
        Assert.Null(shared["shared"]);
        Assert.Equal("shared", shared["body.0"]);
        Assert.Equal("shared", shared["body.2"]);
        Assert.Equal("shared", shared["alias"]);
        Assert.Equal("shared body.1 shared shared", GeneratorHarness.Calls(model));
        Assert.Equal(72, model.Root.Parameters);                            // one Linear(8, 8), not four
        Assert.Equal(72, model.Root.Children[1].Parameters);
        Assert.DoesNotContain(model.Notes, n => n.Message.Contains("never called", StringComparison.Ordinal));
    }

    [Fact]
    public void Extracting_again_on_the_same_compilation_gives_the_same_model()
    {
        // The second extraction reuses the compilation's cached bindings; it must not change anything.
        var result = GeneratorHarness.Run(Source);
        var compilation = GeneratorHarness.Compile(Source);
        var targets = result.Run.Results.Single().TrackedSteps[NetVizGenerator.StepNames.Targets]
            .SelectMany(s => s.Outputs).Select(o => (DiagramTarget)o.Value).ToList();
        var first = targets.Select(t => ModelExtractor.Extract(t, compilation, default)).ToList();
        var second = targets.Select(t => ModelExtractor.Extract(t, compilation, default)).ToList();
        Assert.Equal(first, second);
        Assert.Equal(first, targets.Select(t => ModelExtractor.Extract(t, GeneratorHarness.Compile(Source), default)).ToList());
    }
}
