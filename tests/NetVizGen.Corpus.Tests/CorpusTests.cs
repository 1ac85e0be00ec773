using System.Text;
using NetVizGen.Oracle.Tests;
using Xunit.Abstractions;

namespace NetVizGen.Corpus.Tests;

/// <summary>
/// Issue 9 on code nobody here wrote: every [Diagram] of the corpus is built and run with the live
/// TorchSharp runtime and compared with what the generator extracted.
/// </summary>
[Collection(TorchCollection.Name)]
public sealed class CorpusTests(ITestOutputHelper output)
{
    /// <summary>
    /// The models whose page must match the runtime completely today: totals, module tree, per-module
    /// counts, leaf call order and per-call output shapes. Grow it as the reader learns more; a model
    /// leaving it is a regression.
    /// </summary>
    public static readonly IReadOnlyList<string> ExpectedExact =
    [
        "CosyHiftGenerator",
        "CosyHiftGenerator2",
        "ExamplesAlexNet",
        "ExamplesMnist",
        "ExamplesResNet18",
        "ExamplesResNet34",
        "ExamplesResNet50",
        "ExamplesResNet101",
        "ExamplesResNet152",
        "ExamplesVgg11",
        "ExamplesVgg13",
        "ExamplesVgg16",
        "ExamplesVgg19",
        "GcnDeepMeshPrior",
        "GcnDeepMeshPriorSkip",
        "LlamaEjhg",
        "MlAutoFormerV2",
        "MlRobertaEncoder",
        "SamTinyViT",
        "SdTimeEmbedding",
        "SdUNetAttentionBlock",
        "SdUNetResidualBlock",
        "SdVaeDecoder",
        "SegUNetL0",
        "SegUNetL2",
        "SegResUNetL3",
        "SegUNetPlusPlusL4",
        "SegAttentionUNet",
    ];

    public static TheoryData<string> ExpectedExactIds()
    {
        var data = new TheoryData<string>();
        foreach (var id in ExpectedExact) data.Add(id);
        return data;
    }

    /// <summary>The rule that must hold for every model: exact, or a located warning and a total marked
    /// unknown/incomplete. A wrong number without a warning, or no page at all, fails.</summary>
    [Theory]
    [MemberData(nameof(CorpusCatalog.Ids), MemberType = typeof(CorpusCatalog))]
    public void Page_is_exact_or_says_what_it_does_not_know(string id)
    {
        var result = CorpusJudge.Judge(id);
        output.WriteLine(result.Describe());
        Assert.True(result.Verdict is Verdict.Exact or Verdict.IncompleteWithWarning, result.Describe());
    }

    [Theory]
    [MemberData(nameof(ExpectedExactIds))]
    public void Expected_exact_model_matches_the_runtime_completely(string id)
    {
        var result = CorpusJudge.Judge(id);
        Assert.True(result.Verdict == Verdict.Exact && result.FullMatch, result.Describe());
    }

    /// <summary>
    /// The HiFT vocoders call their modules with <c>forward</c>, which no hook sees, so their waveform is checked
    /// as the model's output: its length comes through the sine source (noise made by <c>tensor(values).view(shape)</c>
    /// over data sized at run time), the source's stft, the upsampling and the istft. 32 mel frames × 256 (8·8·4)
    /// and × 480 (8·5·3·4) samples.
    /// </summary>
    [Theory]
    [InlineData("CosyHiftGenerator", "N×8192")]
    [InlineData("CosyHiftGenerator2", "N×15360")]
    public void Vocoder_output_is_known_and_matches_the_runtime(string id, string expected)
    {
        var result = CorpusJudge.Judge(id);
        var output = result.Spec!.Flow.Nodes.First(n => n.Kind == NetVizGen.Model.Specs.FlowNodeKind.Output);
        Assert.Equal(expected, output.Shape);
        Assert.Equal(expected.Replace("N", "1", StringComparison.Ordinal), result.Runtime.OutputShapeText);
        Assert.True(result.FullMatch, result.Describe());
    }

    [Fact]
    public void Expected_exact_list_names_corpus_models()
    {
        var unknown = ExpectedExact.Where(id => CorpusCatalog.Models.All(m => m.Id != id)).ToList();
        Assert.True(unknown.Count == 0, $"not in the corpus: {string.Join(", ", unknown)}");
    }

    [Fact]
    public void Every_manifest_belongs_to_a_corpus_diagram()
    {
        var manifests = ManifestCatalog.ReadAll(CorpusCatalog.Assembly);
        Assert.True(manifests.Count > 0, ManifestCatalog.NoManifestMessage(CorpusCatalog.Assembly));
        var orphans = manifests.Keys.Where(k => CorpusCatalog.Models.All(m => m.Id != k)).ToList();
        Assert.True(orphans.Count == 0, $"manifests with no [Diagram] factory: {string.Join(", ", orphans)}");
        Assert.InRange(CorpusCatalog.Models.Count, 20, 60);
    }

    /// <summary>
    /// Judges every model and writes the scoreboard (exact / incomplete-with-warning / silently-wrong /
    /// no-page) to <c>corpus-scoreboard.md</c> next to the test assembly; docs/real-world-corpus.md quotes it.
    /// </summary>
    [Fact]
    public void Scoreboard()
    {
        var results = CorpusCatalog.Models.Select(m => CorpusJudge.Judge(m.Id)).ToList();
        var text = CorpusScoreboard.Format(results);
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "corpus-scoreboard.md"), text);
        output.WriteLine(text);
        Assert.Equal(CorpusCatalog.Models.Count, results.Count);
        Assert.Equal(results.Count, Enum.GetValues<Verdict>().Sum(v => results.Count(r => r.Verdict == v)));
    }
}

/// <summary>The scoreboard table.</summary>
public static class CorpusScoreboard
{
    public static string Format(IReadOnlyList<CorpusResult> results)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"| Verdict | Models |");
        sb.AppendLine("|---|---:|");
        foreach (var v in Enum.GetValues<Verdict>())
            sb.AppendLine($"| {Name(v)} | {results.Count(r => r.Verdict == v)} |");
        sb.AppendLine($"| **total** | {results.Count} |");
        sb.AppendLine($"| of which full match (tree, counts, observed calls and shapes) | {results.Count(r => r.FullMatch)} |");
        sb.AppendLine();
        sb.AppendLine("| Model | Repository | Verdict | Parameters (static / runtime) | Buffers (static / runtime) | Located warnings | Mismatches (tree, counts, calls, shapes) | Calls checked / not observable |");
        sb.AppendLine("|---|---|---|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            sb.AppendLine($"| {r.Model.Id} | {r.Model.Repository} | {Name(r.Verdict)} | " +
                          $"{N(r.Spec?.Root.Parameters)} / {r.Runtime.TotalParameters:N0} | {N(r.Spec?.Root.Buffers)} / {r.Runtime.TotalBuffers:N0} | " +
                          $"{r.LocatedWarnings.Count} | {(r.Comparison?.Result.Mismatches.Count.ToString() ?? "-")} | " +
                          $"{(r.Comparison is { } c ? $"{c.ShapesChecked} / {c.UnobservedCalls}" : "-")} |");
        }
        return sb.ToString();
    }

    private static string Name(Verdict v) => v switch
    {
        Verdict.Exact => "exact",
        Verdict.IncompleteWithWarning => "incomplete, with warning",
        Verdict.SilentlyWrong => "silently wrong",
        _ => "no page",
    };

    private static string N(long? n) => n is null ? "-" : n < 0 ? "unknown" : n.Value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
}
