using Microsoft.CodeAnalysis.Diagnostics;

namespace NetVizGen.Generator;

/// <summary>MSBuild properties the generator reads (made visible by build/NetVizGen.props).</summary>
/// <param name="ProjectDirectory">The consuming project's folder; manifest source paths are made relative to it.</param>
/// <param name="CacheReport">
/// <c>NetVizGenCacheReport=true</c>: report how many models this compilation re-used from an earlier one
/// (NVG0090, Info), to check that builds in the compiler server hit the extraction cache. Off by default.
/// </param>
internal sealed record GeneratorOptions(string ProjectDirectory, bool CacheReport = false)
{
    public static GeneratorOptions From(AnalyzerConfigOptionsProvider provider)
    {
        provider.GlobalOptions.TryGetValue("build_property.projectdir", out var dir);
        provider.GlobalOptions.TryGetValue("build_property.netvizgencachereport", out var report);
        return new GeneratorOptions(dir ?? "", string.Equals(report?.Trim(), "true", StringComparison.OrdinalIgnoreCase));
    }
}
