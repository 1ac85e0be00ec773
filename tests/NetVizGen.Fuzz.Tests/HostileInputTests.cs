using NetVizGen.Fuzz.Tests.Cases;
using NetVizGen.Fuzz.Tests.Running;
using Xunit.Abstractions;

namespace NetVizGen.Fuzz.Tests;

/// <summary>
/// Regression tests for the hostile inputs of issue 12. Each case runs in a child process: before the
/// fixes the nested unary minus killed the process with a stack overflow, which here fails the test as a
/// "crash" instead of taking the test runner down.
/// </summary>
public class HostileInputTests
{
    private readonly ITestOutputHelper _output;

    public HostileInputTests(ITestOutputHelper output) => _output = output;

    private CaseResult RunOne(string name, string source, int cancelAfterMs = 0, bool render = true)
    {
        var result = ChildProcess.Run(new[] { new FuzzCase("regression: " + name, source, cancelAfterMs, render) }).Single();
        _output.WriteLine($"{name}: {result.Status}, generator {result.GeneratorMs} ms ({result.GeneratorCpuMs} ms CPU), render {result.RenderMs} ms ({result.RenderCpuMs} ms CPU), cancel return {result.CancelReturnMs} ms, manifest {result.ManifestChars:N0} chars");
        foreach (var d in result.Diagnostics.Where(d => d.StartsWith("NVG", StringComparison.Ordinal) || d.StartsWith("CS878", StringComparison.Ordinal))) _output.WriteLine("  " + d);
        return result;
    }

    private static void AssertHealthy(CaseResult r)
    {
        Assert.True(r.Status == "ok", r.Name + ": " + r.Status + " " + r.Exception);
        Assert.DoesNotContain(r.Diagnostics, d => d.StartsWith("CS8785", StringComparison.Ordinal) || d.StartsWith("CS8784", StringComparison.Ordinal) || d.StartsWith("NVG0999", StringComparison.Ordinal));
        Assert.Empty(r.Problems);
        Assert.True(r.GeneratorCpuMs < Bounds.GeneratorCpuMs && r.RenderCpuMs < Bounds.RenderCpuMs, $"CPU: generator {r.GeneratorCpuMs} ms, render {r.RenderCpuMs} ms");
    }

    [Fact]
    public void Thousand_nested_unary_minus_is_refused_with_a_located_warning_not_a_stack_overflow()
    {
        var r = RunOne("1,000 nested unary minus", HostileCases.NestedUnary(1_000));
        AssertHealthy(r);
        // Located at the nested argument (line 8: usings, attribute, class, brace, field, constructor, brace, then the argument).
        var warning = Assert.Single(r.Diagnostics, d => d.StartsWith("NVG0103|Warning|", StringComparison.Ordinal));
        Assert.Contains("nested more than 1000 syntax levels", warning);
        Assert.Equal("8", warning.Split('|')[2]);
    }

    [Fact]
    public void Ten_thousand_nested_unary_minus_do_not_crash_either()
    {
        // So deep that the compiler's parser gives up on the file (its own error): no model, no crash.
        var r = RunOne("10,000 nested unary minus", HostileCases.NestedUnary(10_000));
        AssertHealthy(r);
        Assert.Empty(r.Models);
    }

    [Fact]
    public void Moderately_nested_code_is_still_read_exactly()
    {
        // 200 unary minus (400 syntax levels) is inside the guard: the value (8) is computed, Linear(4, 8) has 40 parameters.
        var r = RunOne("200 nested unary minus", HostileCases.NestedUnary(200));
        AssertHealthy(r);
        Assert.DoesNotContain(r.Diagnostics, d => d.StartsWith("NVG0103", StringComparison.Ordinal));
        Assert.Equal(40, Assert.Single(r.Models).Parameters);
    }

    [Fact]
    public void An_lstm_of_4e12_layers_is_counted_in_closed_form()
    {
        var r = RunOne("LSTM numLayers 4e12", HostileCases.HugeLstm);
        AssertHealthy(r);
        // Every layer of LSTM(4, 4): 4 gates · (4·4 + 4·4 + 2·4) = 160 parameters.
        Assert.Equal(160L * 4_000_000_000_000L, Assert.Single(r.Models).Parameters);
    }

    [Fact]
    public void Int_max_value_repeats_stop_at_the_module_budget_with_a_warning_and_a_page()
    {
        var r = RunOne("int.MaxValue repeats", HostileCases.MaxValueRepeats);
        AssertHealthy(r);
        var warning = Assert.Single(r.Diagnostics, d => d.StartsWith("NVG0103|Warning|", StringComparison.Ordinal) && d.Contains("10,000 modules", StringComparison.Ordinal));
        Assert.Equal("10", warning.Split('|')[2]); // at the Linear(4, 4) that went past the budget
        var model = Assert.Single(r.Models);
        Assert.True(model.Modules <= 10_001, "modules: " + model.Modules);
        Assert.Contains("Repeats.md", r.Files);
        Assert.Contains("incomplete", r.Markdown);
    }

    [Fact]
    public void A_cancelled_run_returns_at_once()
    {
        var r = RunOne("int.MaxValue repeats, cancelled", HostileCases.MaxValueRepeats, cancelAfterMs: 300);
        Assert.Equal("cancelled", r.Status);
        Assert.InRange(r.CancelReturnMs, 0, Bounds.CancelReturnMs);
    }

    [Fact]
    public void A_dense_block_of_128_layers_is_extracted_whole()
    {
        // Extraction only: drawing a 128-layer dense block is the layout's scaling work (issue 12, layout part).
        var r = RunOne("dense block 128", HostileCases.DenseBlock(128), render: false);
        AssertHealthy(r);
        Assert.DoesNotContain(r.Diagnostics, d => d.StartsWith("NVG0103", StringComparison.Ordinal));
        var model = Assert.Single(r.Models);
        Assert.Equal(130, model.Modules); // the model, its ModuleList and the 128 convolutions
    }

    [Fact]
    public void A_dense_block_of_2000_layers_stops_at_the_edge_budget_with_a_bounded_manifest()
    {
        var r = RunOne("dense block 2,000", HostileCases.DenseBlock(2_000));
        AssertHealthy(r);
        Assert.Contains(r.Diagnostics, d => d.StartsWith("NVG0103|Warning|", StringComparison.Ordinal) && d.Contains("25,000 data-flow edges", StringComparison.Ordinal));
        Assert.InRange(r.ManifestChars, 1, 8_000_000);
    }

    [Fact]
    public void A_dense_block_of_10000_layers_stops_at_the_module_budget_with_a_bounded_manifest()
    {
        var r = RunOne("dense block 10,000", HostileCases.DenseBlock(10_000));
        AssertHealthy(r);
        Assert.Contains(r.Diagnostics, d => d.StartsWith("NVG0103|Warning|", StringComparison.Ordinal));
        // The model as built up to the 10,000-module budget is kept (about 1 KB of manifest per module).
        Assert.InRange(r.ManifestChars, 1, 12_000_000);
    }

    [Fact]
    public void Counts_past_long_saturate_and_say_at_least()
    {
        var r = RunOne("overflowing counts", HostileCases.Overflow);
        AssertHealthy(r);
        var model = Assert.Single(r.Models);
        Assert.Equal(long.MaxValue, model.Parameters);
        Assert.Equal(long.MaxValue, model.MultiplyAdds);
        Assert.Contains("≥ 9,223,372,036,854,775,807 parameters", r.Markdown);
    }

    [Theory]
    [InlineData("``<script>alert(1)</script>``", "fc")]
    [InlineData("[x](javascript:alert(1))", "``<script>alert(1)</script>``")]
    [InlineData("<img src=x onerror=alert(1)>", "[y](https://evil.example)")]
    [InlineData("![i](https://evil.example/i.png) www.evil.example", "` `` ``` <b>")]
    public void User_strings_stay_text_in_every_output(string title, string moduleName)
    {
        var r = RunOne("injection " + title + " / " + moduleName, HostileCases.Injection(title, moduleName));
        AssertHealthy(r);
        // Markdig renders the pages; InertOutput held every tag, attribute and link to what NetVizGen writes.
        Assert.Empty(r.Problems);
        var html = InertOutput.ToHtml(r.Markdown!);
        // The title is the heading's text, character for character.
        var heading = System.Text.RegularExpressions.Regex.Match(html, "<h1[^>]*>(.*?)</h1>").Groups[1].Value;
        Assert.Equal(title, System.Net.WebUtility.HtmlDecode(heading));
        // The module name is one code span, whole.
        Assert.Contains("<code>" + System.Net.WebUtility.HtmlEncode(moduleName).Replace("&#39;", "'") + "</code>", html.Replace("&quot;", "\""));
    }

    [Fact]
    public void A_class_without_a_name_gets_a_located_warning_and_no_files()
    {
        // A warning, not an error: documentation problems never fail the build by default.
        var r = RunOne("empty class name", HostileCases.EmptyClassName);
        Assert.Equal("ok", r.Status);
        var error = Assert.Single(r.Diagnostics, d => d.StartsWith("NVG0002|Warning|", StringComparison.Ordinal));
        Assert.Equal("2", error.Split('|')[2]);
        Assert.Empty(r.Models);
        Assert.Equal(new[] { "README.md" }, r.Files);
    }
    [Fact]
    public void Campaign_mutant_780_a_transformer_with_a_deleted_token_infers_shapes_without_an_internal_error()
    {
        // Found by the campaign (seed 12, StdTransformer.cs, delete-token): shape analysis threw
        // ArgumentOutOfRangeException (NVG0999) instead of leaving the shape it could not infer unknown.
        var mutant = Mutator.Make(12, 780, Zoo.Sources());
        _output.WriteLine(mutant.Source);
        AssertHealthy(RunOne("campaign mutant 780", mutant.Source));
    }
}
