using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NetVizGen.Generator.Tests.TestSupport;

namespace NetVizGen.Generator.Tests.Generator;

/// <summary>The generator does no downstream work when an edit cannot change a model.</summary>
public class IncrementalityTests
{
    private const string Model = GeneratorHarness.Usings + """
        [Diagram(Input = "N,784")]
        public sealed class Mlp : Module<Tensor, Tensor>
        {
            private readonly Module<Tensor, Tensor> fc1;
            private readonly Module<Tensor, Tensor> fc2;
            public Mlp() : base("Mlp")
            {
                fc1 = Linear(784, 128);
                fc2 = Linear(128, 10);
                RegisterComponents();
            }
            public override Tensor forward(Tensor x) => fc2.forward(functional.relu(fc1.forward(x)));
        }
        """;

    private const string Unrelated = "namespace Other { public static class Util { public static int Twice(int x) => 2 * x; } }";

    private static (GeneratorDriver Driver, Compilation Compilation) FirstRun()
    {
        var compilation = GeneratorHarness.Compile(Model, Unrelated);
        var driver = GeneratorHarness.Driver().RunGenerators(compilation);
        return (driver, compilation);
    }

    private static IEnumerable<IncrementalStepRunReason> Reasons(GeneratorDriver driver, string step) =>
        driver.GetRunResult().Results.Single().TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason);

    [Fact]
    public void An_unrelated_edit_leaves_the_model_step_unchanged()
    {
        var (driver, compilation) = FirstRun();
        var old = compilation.SyntaxTrees.Single(t => t.ToString().Contains("namespace Other"));
        var edited = compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(Unrelated.Replace("2 * x", "x + x"), (CSharpParseOptions)old.Options, old.FilePath));
        driver = driver.RunGenerators(edited);
        Assert.All(Reasons(driver, NetVizGenerator.StepNames.Models), r => Assert.Equal(IncrementalStepRunReason.Unchanged, r));
        Assert.All(Reasons(driver, NetVizGenerator.StepNames.Targets), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));
    }

    [Fact]
    public void A_comment_in_the_model_file_leaves_the_emitted_manifest_unchanged()
    {
        var (driver, compilation) = FirstRun();
        var old = compilation.SyntaxTrees.Single(t => t.ToString().Contains("class Mlp"));
        var edited = compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(Model.Replace("fc1 = Linear(784, 128);", "/* hidden */ fc1 = Linear(784, 128);"), (CSharpParseOptions)old.Options, old.FilePath));
        driver = driver.RunGenerators(edited);
        // The model step sees new character offsets (diagnostics must point at the right column),
        // but what is embedded (line-level locations) is equal, so no source is re-emitted.
        Assert.All(Reasons(driver, NetVizGenerator.StepNames.Manifests), r => Assert.Equal(IncrementalStepRunReason.Unchanged, r));
    }

    [Fact]
    public void A_constructor_edit_modifies_the_model_step()
    {
        var (driver, compilation) = FirstRun();
        var old = compilation.SyntaxTrees.Single(t => t.ToString().Contains("class Mlp"));
        var edited = compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(Model.Replace("Linear(128, 10)", "Linear(128, 12)"), (CSharpParseOptions)old.Options, old.FilePath));
        driver = driver.RunGenerators(edited);
        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(driver, NetVizGenerator.StepNames.Models));
        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(driver, NetVizGenerator.StepNames.Manifests));
    }
}
