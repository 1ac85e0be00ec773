namespace NetVizGen.EndToEnd.Tests;

/// <summary>The ShapeBugs sample shows every compile-time check as a user sees it in `dotnet build`.</summary>
public sealed class ShapeBugsSampleTests
{
    [Fact]
    public void Building_the_ShapeBugs_sample_reports_each_diagnostic_with_its_location()
    {
        var repo = DotNet.RepositoryRoot();
        var project = Path.Combine(repo, "sample-projects", "ShapeBugs", "ShapeBugs.csproj");
        var result = DotNet.Run(repo, "build", project, "-nologo");
        var expected = new[]
        {
            ("NVG0201", "warning", "num_features 64 but receives 128"),
            ("NVG0202", "warning", "9216 but receives 12544"),
            ("NVG0203", "warning", "cat along dim 1"),
            ("NVG0204", "warning", "needs 1000 elements, the input has 3072"),
            ("NVG0205", "warning", "not positive"),
            ("NVG0104", "warning", "never registered"),
            ("NVG0105", "warning", "after RegisterComponents()"),
            ("NVG0208", "warning", "not a valid input shape"), // documentation problems never fail the build
        };
        foreach (var (id, severity, text) in expected)
        {
            var line = result.Output.Split('\n').FirstOrDefault(l => l.Contains($"{severity} {id}:", StringComparison.Ordinal));
            Assert.True(line is not null, $"{id} was not reported:\n{result.Output}");
            Assert.Matches(@"ShapeBugs\.cs\(\d+,\d+\)", line);
            Assert.Contains(text, line);
        }
        Assert.DoesNotContain("CS8785", result.Output);
    }
}
