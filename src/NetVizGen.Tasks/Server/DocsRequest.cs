namespace NetVizGen.Tasks.Server;

/// <summary>
/// Everything one run of the docs task needs, as plain values: what the MSBuild task was given. The same
/// request runs in the MSBuild process or in the docs server (<see cref="DocsRun"/>), so the two cannot
/// produce different files.
/// </summary>
internal sealed record DocsRequest
{
    public string AssemblyPath { get; init; } = "";
    public string OutputDirectory { get; init; } = "";
    public string ProjectDirectory { get; init; } = "";
    public int Depth { get; init; } = 1;
    public string Direction { get; init; } = "";
    public bool Mermaid { get; init; }
    public bool DarkMode { get; init; } = true;
    public bool PaperShapes { get; init; } = true;
    public bool Html { get; init; } = true;
    public string RepositoryUrl { get; init; } = "";
    public string SourceRevision { get; init; } = "";
    public bool RepositoryLinks { get; init; }
    public string Mode { get; init; } = "Write";
    public string CacheFile { get; init; } = "";
    public int MaxParallelism { get; init; }

    /// <summary>Writes the request in the server protocol's field order.</summary>
    public void WriteTo(BinaryWriter w)
    {
        w.Write(AssemblyPath);
        w.Write(OutputDirectory);
        w.Write(ProjectDirectory);
        w.Write(Depth);
        w.Write(Direction);
        w.Write(Mermaid);
        w.Write(DarkMode);
        w.Write(PaperShapes);
        w.Write(Html);
        w.Write(RepositoryUrl);
        w.Write(SourceRevision);
        w.Write(RepositoryLinks);
        w.Write(Mode);
        w.Write(CacheFile);
        w.Write(MaxParallelism);
    }

    /// <summary>Reads a request written by <see cref="WriteTo"/>.</summary>
    public static DocsRequest ReadFrom(BinaryReader r) => new()
    {
        AssemblyPath = r.ReadString(),
        OutputDirectory = r.ReadString(),
        ProjectDirectory = r.ReadString(),
        Depth = r.ReadInt32(),
        Direction = r.ReadString(),
        Mermaid = r.ReadBoolean(),
        DarkMode = r.ReadBoolean(),
        PaperShapes = r.ReadBoolean(),
        Html = r.ReadBoolean(),
        RepositoryUrl = r.ReadString(),
        SourceRevision = r.ReadString(),
        RepositoryLinks = r.ReadBoolean(),
        Mode = r.ReadString(),
        CacheFile = r.ReadString(),
        MaxParallelism = r.ReadInt32(),
    };
}
