using NetVizGen.Model.Specs;
using NetVizGen.Rendering.Tests.TestModels;

namespace NetVizGen.Rendering.Tests;

/// <summary>Shared fixtures: the sample models rendered with the options the goldens use.</summary>
internal static class Support
{
    public static RenderOptions Options() => new() { ProjectDirectory = "/src/proj", OutputDirectory = "/src/proj/docs", Mermaid = true };

    /// <summary>The sample models whose docs the golden and page tests look at.</summary>
    public static ModelSpec[] Samples() => [ResNetLike.Create(), Mlp.Create(), Decoder.Create(named: true), FlatEncoder.Create()];

    public static IReadOnlyList<GeneratedFile> RenderSamples() => DocumentationRenderer.Render(Samples(), Options());

    /// <summary>Writes the sample output to a folder (used by the visual test and for looking at it).</summary>
    public static string WriteSamples(string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var f in RenderSamples()) File.WriteAllText(Path.Combine(folder, f.RelativePath), f.Content);
        return folder;
    }
}
