using System.CommandLine;
using NetVizGen.Cli.Inputs;

namespace NetVizGen.Cli.Commands;

/// <summary>The options <c>check</c> and <c>render</c> share: which assembly, which docs folder, how to render.</summary>
internal sealed class AssemblyOptions
{
    public Argument<string> Assembly { get; } = new("assembly") { Description = "The built assembly (bin/Debug/net10.0/App.dll) whose [Diagram] models are documented." };
    public Option<string?> Docs { get; } = new("--docs") { Description = "The docs folder. Default: the build's NetVizGenOutputPath, or PROJECT/docs." };
    public Option<string?> Project { get; } = new("--project-dir") { Description = "The project folder (for source links). Default: the nearest folder above the assembly with a project file." };
    public Option<int?> Depth { get; } = new("--depth") { Description = "Overview depth (NetVizGenDepth). Default: as the build used, else 1." };
    public Option<string?> Direction { get; } = new("--direction") { Description = "TopDown or LeftRight (NetVizGenDirection). Default: as the build used." };
    public Option<bool?> Mermaid { get; } = new("--mermaid") { Description = "Embed Mermaid overviews (NetVizGenMermaid). Default: as the build used." };
    public Option<bool?> Dark { get; } = new("--dark") { Description = "Write dark twins (NetVizGenDarkMode). Default: as the build used, else true." };

    public void AddTo(Command c)
    {
        c.Add(Assembly);
        c.Add(Docs);
        c.Add(Project);
        c.Add(Depth);
        c.Add(Direction);
        c.Add(Mermaid);
        c.Add(Dark);
    }

    public (string Assembly, BuildSettings Settings) Read(ParseResult p)
    {
        var assembly = p.GetValue(Assembly)!;
        if (!File.Exists(assembly)) throw new ToolError($"Assembly '{assembly}' not found; build the project first.");
        return (assembly, BuildSettings.For(assembly, p.GetValue(Docs), p.GetValue(Project), p.GetValue(Depth), p.GetValue(Direction), p.GetValue(Mermaid), p.GetValue(Dark)));
    }
}
