using NetVizGen.Model.Specs;
using NetVizGen.Rendering.Tests.TestModels;

namespace NetVizGen.Rendering.Tests;

/// <summary>
/// Models render one at a time (what the build's render cache and parallel rendering rely on): pieced
/// together in any order they give the bytes of a whole render, and the options' fingerprint sees every option.
/// </summary>
public class ModelDocsTests
{
    private static ModelSpec[] Samples() => Support.Samples();

    [Fact]
    public void Models_rendered_one_by_one_in_any_order_assemble_to_the_whole_render()
    {
        var whole = Support.RenderSamples();
        var pieces = Samples().Reverse().Select(m => DocumentationRenderer.RenderModel(m, Support.Options())).ToList();
        Assert.Equal(whole, DocumentationRenderer.Assemble(pieces, Support.Options()));
    }

    [Fact]
    public void The_index_is_built_from_the_rows_alone()
    {
        var rows = Samples().OrderBy(m => m.Id, StringComparer.Ordinal).Select(m => DocumentationRenderer.RenderModel(m, Support.Options()).IndexRow);
        Assert.Equal(Support.RenderSamples()[^1], DocumentationRenderer.RenderIndex(rows, Support.Options()));
        Assert.Contains("No models", DocumentationRenderer.RenderIndex([], Support.Options()).Content);
    }

    [Fact]
    public void Duplicate_ids_are_refused_however_the_models_arrive()
    {
        var docs = DocumentationRenderer.RenderModel(Mlp.Create(), Support.Options());
        Assert.Throws<ArgumentException>(() => DocumentationRenderer.Assemble([docs, docs], Support.Options()));
        Assert.Throws<ArgumentException>(() => DocumentationRenderer.Render([Mlp.Create(), Mlp.Create()], Support.Options()));
    }

    [Fact]
    public void Every_option_changes_the_fingerprint()
    {
        var baseline = new RenderOptions().Fingerprint();
        Assert.Equal(baseline, new RenderOptions().Fingerprint());
        foreach (var property in typeof(RenderOptions).GetProperties())
        {
            var options = new RenderOptions();
            object changed = property.PropertyType == typeof(bool) ? !(bool)property.GetValue(options)!
                : property.PropertyType == typeof(int) ? (int)property.GetValue(options)! + 1
                : property.PropertyType == typeof(double) ? (double)property.GetValue(options)! + 0.5
                : property.PropertyType == typeof(string) ? property.GetValue(options) + "x"
                : property.PropertyType == typeof(FlowDirection?) ? FlowDirection.LeftRight
                : throw new InvalidOperationException("Teach this test the option type " + property.PropertyType + " (" + property.Name + ")");
            property.SetValue(options, changed);
            Assert.NotEqual(baseline, options.Fingerprint());
        }
        // Values cannot run into the next option.
        Assert.NotEqual(new RenderOptions { ProjectDirectory = "a;RepositoryRoot=0:" }.Fingerprint(), new RenderOptions { ProjectDirectory = "a" }.Fingerprint());
    }
}
