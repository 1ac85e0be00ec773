using NetVizGen.Generator.Tests.TestSupport;
using NetVizGen.Model.Specs;

namespace NetVizGen.Generator.Tests.Extraction;

/// <summary>
/// Runs the generator over the real model zoo (sample-projects/ModelZoo, read in place) and checks
/// that every model extracts cleanly: the zoo is the reference for "real-world" model code.
/// </summary>
public class ZooExtractionTests
{
    /// <summary>The zoo's model sources, read from the repository next to the test assembly.</summary>
    internal static string[] ZooSources()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "NetVizGen.sln"))) dir = dir.Parent;
        Assert.True(dir is not null, "NetVizGen.sln not found above " + AppContext.BaseDirectory);
        var zoo = Path.Combine(dir!.FullName, "sample-projects", "ModelZoo");
        // Models from the TorchVision package need that package and its decompiled code: the oracle's
        // TorchVision tests and the end-to-end package test cover them.
        return Directory.GetFiles(zoo, "*.cs", SearchOption.TopDirectoryOnly)
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(File.ReadAllText)
            .Where(text => !text.Contains("torchvision.", StringComparison.Ordinal))
            .ToArray();
    }

    /// <summary>The zoo files use implicit usings; the harness compiles them with these global usings.</summary>
    internal const string GlobalUsings = "global using System; global using System.Collections.Generic; global using System.Linq;\n";

    [Fact]
    public void Every_zoo_model_is_extracted_without_warnings_or_errors()
    {
        var zoo = ZooSources();
        int declared = zoo.Sum(s => System.Text.RegularExpressions.Regex.Matches(s, @"^\s*\[Diagram\(", System.Text.RegularExpressions.RegexOptions.Multiline).Count);
        var result = GeneratorHarness.Run(zoo.Append(GlobalUsings).ToArray());
        Assert.True(declared >= 13, "the zoo should hold at least 13 [Diagram] models, found " + declared);
        Assert.Equal(declared, result.Models.Count);
        var bad = result.Diagnostics
            .Where(d => d.Id.StartsWith("NVG", StringComparison.Ordinal) && d.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning)
            .Select(d => d.ToString())
            .ToList();
        Assert.True(bad.Count == 0, "NetVizGen warnings/errors on the zoo:\n" + string.Join("\n", bad));
        foreach (var model in result.Models)
        {
            Assert.NotEqual(ModuleOrigin.Unresolved, model.Root.Origin);
            Assert.True(model.Root.Parameters >= 0, model.Id + ": root parameter count is unknown");
            Assert.DoesNotContain(model.Flow.Nodes, n => n.Kind == FlowNodeKind.Unresolved);
        }
    }
}
