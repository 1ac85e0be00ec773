using Xunit.Abstractions;

namespace NetVizGen.Generator.Tests.Extraction.Differential;

/// <summary>
/// The .NET runtime is the oracle for the evaluator: every case must evaluate to exactly what the
/// compiled code returns, or to "unknown". A different value is a silently wrong diagram.
/// </summary>
public class DifferentialTests
{
    private readonly ITestOutputHelper _output;

    public DifferentialTests(ITestOutputHelper output) => _output = output;

    public static TheoryData<string> Categories() => new(DifferentialCases.Categories.Keys);

    [Theory]
    [MemberData(nameof(Categories))]
    public void Evaluator_agrees_with_the_runtime_or_says_unknown(string category)
    {
        var results = DifferentialRunner.Run(DifferentialCases.Of(category));
        _output.WriteLine($"{category}: {DifferentialRunner.Summary(results)}");
        foreach (var r in results.Where(r => r.Outcome != Outcome.Equal)) _output.WriteLine(r.ToString());
        var different = results.Where(r => r.Outcome == Outcome.Different).ToList();
        Assert.True(different.Count == 0, "evaluator differs from the runtime:\n" + string.Join("\n", different));
        // Unknown is honest but must stay the exception: most cases of every category are computed.
        Assert.True(results.Count(r => r.Outcome == Outcome.Equal) * 4 >= results.Count * 3,
            $"{category}: too many unknowns ({DifferentialRunner.Summary(results)})");
    }
}
