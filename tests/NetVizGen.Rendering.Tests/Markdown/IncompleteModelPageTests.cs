using NetVizGen.Model.Specs;
using NetVizGen.Rendering.Tests.TestModels;

namespace NetVizGen.Rendering.Tests.Markdown;

/// <summary>
/// A page writes a parameter total only when it is exact: otherwise "≥ N (incomplete)" or "unknown",
/// with the reasons, in the Markdown summary and the SVG caption; a model the reader could not build at
/// all still gets a page that says why.
/// </summary>
public class IncompleteModelPageTests
{
    private static string File(IReadOnlyList<GeneratedFile> files, string path) => files.Single(f => f.RelativePath == path).Content;

    [Fact]
    public void A_lower_bound_is_written_as_such_with_its_reasons()
    {
        var mlp = Mlp.Create();
        var model = mlp with
        {
            Root = mlp.Root with { Parameters = -1, Trainable = -1 },
            KnownParameters = 200_960,
            Incomplete = new[] { "'layers.9' (Mystery) could not be resolved at compile time" }.ToEquatableArray(),
        };
        var files = DocumentationRenderer.Render([model], Support.Options());
        var page = File(files, "Mlp.md");
        Assert.Contains("≥ 200,960 parameters (incomplete)", page);
        Assert.Contains("Incomplete: 'layers.9' (Mystery) could not be resolved at compile time.", page);
        Assert.Contains("| **Total** | | | **≥ 200,960** |", page); // never an exact-looking total
        var svg = File(files, "Mlp.svg");
        Assert.True(svg.Replace("\u00A0", " ").Contains("≥ 201.0 K parameters (incomplete)"), svg.Substring(0, Math.Min(svg.Length, 3000)));
    }

    [Fact]
    public void An_exact_total_is_written_plainly()
    {
        var files = DocumentationRenderer.Render([Mlp.Create()], Support.Options());
        Assert.DoesNotContain("incomplete", File(files, "Mlp.md"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_model_that_could_not_be_built_gets_a_page_that_says_why()
    {
        var root = new ModuleSpec("", "Opaque", ModuleOrigin.Unresolved, EquatableArray<ArgSpec>.Empty, EquatableArray<ModuleSpec>.Empty);
        var note = new NoteSpec("NVG0101", NoteSeverity.Warning, "Factory method 'Opaque' does not return a module that can be evaluated at compile time", null);
        var model = new ModelSpec("Opaque", "Opaque", "Zoo.Models", FlowDirection.TopDown, "N,3,224,224", -1, root, FlowSpec.Empty,
            new[] { note }.ToEquatableArray(), null,
            Incomplete: new[] { "factory method 'Opaque' does not return a module the reader can follow at compile time" }.ToEquatableArray());
        var files = DocumentationRenderer.Render([model], Support.Options());
        var page = File(files, "Opaque.md");
        Assert.Contains("parameters unknown", page);
        Assert.Contains("Incomplete: factory method 'Opaque' does not return a module the reader can follow at compile time.", page);
        Assert.Contains("NVG0101", page);
    }
}
