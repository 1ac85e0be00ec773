using NetVizGen.Model.Specs;
using NetVizGen.Rendering.Markdown;

namespace NetVizGen.Rendering.Tests.Markdown;

public class SourceLinkTests
{
    private static readonly RenderOptions Options = new() { ProjectDirectory = "/src/proj", OutputDirectory = "/src/proj/docs" };

    [Fact]
    public void Links_are_relative_to_the_docs_folder_with_a_line_anchor()
        => Assert.Equal("../Models/ResNet.cs#L42", SourceLinks.Link(new SourceSpan("/src/proj/Models/ResNet.cs", 0, 1, 41, 0, 41, 1), Options));

    [Fact]
    public void Files_outside_the_project_get_no_link()
    {
        Assert.Null(SourceLinks.Link(new SourceSpan("/other/Lib.cs", 0, 1, 1, 0, 1, 1), Options));
        Assert.Null(SourceLinks.Link(new SourceSpan("/src/project2/A.cs", 0, 1, 1, 0, 1, 1), Options));
        Assert.Null(SourceLinks.Link(new SourceSpan("/src/proj/A.cs", 0, 1, 1, 0, 1, 1), new RenderOptions()));
    }

    [Fact]
    public void Project_relative_paths_from_the_manifest_resolve_against_the_project_not_the_current_folder()
    {
        // Manifests hold project-relative paths; the test process runs in its bin folder, not /src/proj.
        Assert.NotEqual("/src/proj", Environment.CurrentDirectory);
        Assert.Equal("../Models/ResNet.cs#L42", SourceLinks.Link(new SourceSpan("Models/ResNet.cs", 0, 1, 41, 0, 41, 1), Options));
        Assert.Null(SourceLinks.Link(new SourceSpan("../Elsewhere.cs", 0, 1, 1, 0, 1, 1), Options));
    }
}
