using Microsoft.CodeAnalysis.Diagnostics;

namespace NetVizGen.Generator;

/// <summary>MSBuild properties the generator reads (made visible by build/NetVizGen.props).</summary>
/// <param name="ProjectDirectory">The consuming project's folder; manifest source paths are made relative to it.</param>
internal sealed record GeneratorOptions(string ProjectDirectory)
{
    public static GeneratorOptions From(AnalyzerConfigOptionsProvider provider)
    {
        provider.GlobalOptions.TryGetValue("build_property.projectdir", out var dir);
        return new GeneratorOptions(dir ?? "");
    }
}
