namespace NetVizGen.Rendering.Tests.Markdown;

/// <summary>The static page opens a side node as a folded list of the ops it stands for.</summary>
public class SideDetailsTests
{
    private static string Page(bool named) =>
        DocumentationRenderer.Render([TestModels.Decoder.Create(named)], Support.Options()).Single(f => f.RelativePath == "Decoder.md").Content;

    [Fact]
    public void Each_side_node_of_the_overview_has_a_details_block_with_its_ops_and_shapes()
    {
        var md = Page(named: true);
        Assert.Contains("<details>\n<summary>Side computation attention_mask: full → triu</summary>\n\n| # | Op | Output shape |\n|---:|---|---|\n"
            + "| 1 | full | 16×16 |\n| 2 | triu → `attention_mask` | 16×16 |\n\n</details>\n", md, StringComparison.Ordinal);
        Assert.Contains("<summary>Side computation position_ids: arange → unsqueeze</summary>", md, StringComparison.Ordinal);
        // Before the block sections: it belongs to the overview.
        Assert.True(md.IndexOf("Side computation attention_mask", StringComparison.Ordinal) < md.IndexOf("## Blocks", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_a_bound_name_the_summary_says_what_the_ops_build()
    {
        var md = Page(named: false);
        Assert.Contains("<summary>Side computation mask: full → triu</summary>", md, StringComparison.Ordinal);
        Assert.DoesNotContain("attention_mask", md, StringComparison.Ordinal);
    }
}
