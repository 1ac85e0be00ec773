using NetVizGen.Model.Specs;

namespace NetVizGen.Corpus.Tests;

/// <summary>The incompleteness check itself, on hand-written manifest fragments.</summary>
public sealed class CorpusJudgeTests
{
    private static ModuleSpec Root(long parameters) => new("", "M", ModuleOrigin.Custom, default, default, parameters, parameters, 0);

    [Fact]
    public void Unknown_root_total_is_marked()
        => Assert.True(CorpusJudge.MarksTotalIncomplete(Root(-1), "{}"));

    [Fact]
    public void A_known_total_without_a_mark_is_not()
        => Assert.False(CorpusJudge.MarksTotalIncomplete(Root(10), """{"root":{"parameters":10,"incomplete":false,"incompleteReasons":[]}}"""));

    [Theory]
    [InlineData("""{"root":{"parameters":10,"incomplete":true}}""")]
    [InlineData("""{"root":{"parametersIncomplete":"budget ran out"}}""")]
    [InlineData("""{"root":{"children":[{"incompleteReasons":["unknown argument"]}]}}""")]
    public void An_incomplete_mark_anywhere_is_found(string json)
        => Assert.True(CorpusJudge.MarksTotalIncomplete(Root(10), json));
}
