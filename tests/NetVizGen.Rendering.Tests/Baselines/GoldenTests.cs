namespace NetVizGen.Rendering.Tests.Baselines;

public class GoldenTests
{
    private static string Content(string path) => Support.RenderSamples().Single(f => f.RelativePath == path).Content;

    [Fact]
    public void Overview_svg_matches_baseline() => BaselineAssert.Matches("ResNet18.svg", Content("ResNet18.svg"));

    [Fact]
    public void Block_svg_matches_baseline() => BaselineAssert.Matches("ResNet18.BasicBlock-downsample.svg", Content("ResNet18.BasicBlock-downsample.svg"));

    [Fact]
    public void Markdown_page_matches_baseline() => BaselineAssert.Matches("ResNet18.md", Content("ResNet18.md"));

    [Fact]
    public void Side_inputs_svg_matches_baseline() => BaselineAssert.Matches("Decoder.svg", Content("Decoder.svg"));

    [Fact]
    public void Flat_code_groups_svg_matches_baseline() => BaselineAssert.Matches("FlatEncoder.svg", Content("FlatEncoder.svg"));

    [Fact]
    public void Index_page_matches_baseline() => BaselineAssert.Matches("Index.README.md", Content("README.md"));
}
