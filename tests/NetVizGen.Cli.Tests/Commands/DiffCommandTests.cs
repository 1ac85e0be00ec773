using System.Text.Json;

namespace NetVizGen.Cli.Tests.Commands;

public sealed class DiffCommandTests
{
    [Fact]
    public void Two_files_give_the_plan_and_exit_code_only_when_asked()
    {
        var dir = Support.TempFolder();
        var a = Support.Write(Path.Combine(dir, "a"), Support.Model(classes: 10));
        var b = Support.Write(Path.Combine(dir, "b"), Support.Model(classes: 12));
        var (code, output, _) = Support.Netviz("diff", a, b);
        Assert.Equal(0, code);
        Assert.Contains("  ~ fc2  Linear  (+34 parameters)\n      outputSize: 10 → 12\n", output);
        Assert.EndsWith("Plan: 0 added, 0 removed, 1 changed in 1 of 1 model.\n", output);
        Assert.Equal(1, Support.Netviz("diff", a, b, "--exit-code").ExitCode);
        Assert.Equal(0, Support.Netviz("diff", a, a, "--exit-code").ExitCode);
    }

    [Fact]
    public void Two_folders_match_models_by_id_and_json_and_markdown_are_available()
    {
        var dir = Support.TempFolder();
        Support.Write(Path.Combine(dir, "old"), Support.Model());
        Support.Write(Path.Combine(dir, "old"), Support.Model(id: "Gone"));
        Support.Write(Path.Combine(dir, "new", "nested"), Support.Model(dropout: true));
        var (code, json, _) = Support.Netviz("diff", Path.Combine(dir, "old"), Path.Combine(dir, "new"), "--format", "json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(json);
        var models = doc.RootElement.GetProperty("models").EnumerateArray().Select(m => (m.GetProperty("id").GetString(), m.GetProperty("status").GetString())).ToList();
        Assert.Equal([("Gone", "removed"), ("Tiny", "changed")], models);
        var md = Support.Netviz("diff", Path.Combine(dir, "old"), Path.Combine(dir, "new"), "--format", "md").Out;
        Assert.Contains("✏️ **Tiny**: 1 added, 0 removed, 0 changed", md);
        Assert.Contains("```diff\n  + drop  Dropout\n```", md);
    }

    [Fact]
    public void Svg_option_writes_light_and_dark_diff_diagrams_for_changed_models_only()
    {
        var dir = Support.TempFolder();
        Support.Write(Path.Combine(dir, "old"), Support.Model());
        Support.Write(Path.Combine(dir, "old"), Support.Model(id: "Same"));
        Support.Write(Path.Combine(dir, "new"), Support.Model(classes: 3));
        Support.Write(Path.Combine(dir, "new"), Support.Model(id: "Same"));
        var svg = Path.Combine(dir, "svg");
        Assert.Equal(0, Support.Netviz("diff", Path.Combine(dir, "old"), Path.Combine(dir, "new"), "--svg", svg).ExitCode);
        Assert.Equal(["Tiny.diff.dark.svg", "Tiny.diff.svg"], Directory.GetFiles(svg).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains("outputSize 10 → 3", File.ReadAllText(Path.Combine(svg, "Tiny.diff.svg")));
    }

    [Fact]
    public void Base_revision_is_read_through_git_and_compared_with_the_working_tree()
    {
        var repo = Support.TempFolder();
        Support.Git(repo, "init", "-q");
        var docs = Path.Combine(repo, "docs");
        Support.Write(docs, Support.Model());
        Support.Git(repo, "add", "-A");
        Support.Git(repo, "commit", "-q", "-m", "docs");
        Support.Write(docs, Support.Model(dropout: true));
        var (code, output, err) = Support.Netviz("diff", "--base", "HEAD", docs);
        Assert.True(code == 0, err);
        Assert.Equal("~ Tiny: 1 added, 0 removed, 0 changed\n  + drop  Dropout\n\nPlan: 1 added, 0 removed, 0 changed in 1 of 1 model.\n", output);
        // The working tree was only read.
        Assert.Contains("Tiny.model.json", Support.Git(repo, "status", "--porcelain"));
    }

    [Fact]
    public void Bad_input_is_one_line_and_exit_code_2()
    {
        var dir = Support.TempFolder();
        File.WriteAllText(Path.Combine(dir, "x.model.json"), "{\"schema\":\"something-else\"}");
        var (code, _, err) = Support.Netviz("diff", Path.Combine(dir, "x.model.json"), Path.Combine(dir, "x.model.json"));
        Assert.Equal(2, code);
        Assert.Contains("Not a NetVizGen model description", err);
        Assert.Equal(2, Support.Netviz("diff", "--format", "xml", dir, dir).ExitCode);
        Assert.Equal(2, Support.Netviz("diff", Path.Combine(dir, "missing")).ExitCode);
        Assert.Equal(2, Support.Netviz("diff", "--base", "no-such-revision", dir).ExitCode);
    }
}
