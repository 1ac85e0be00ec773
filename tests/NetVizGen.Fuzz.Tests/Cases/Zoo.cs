namespace NetVizGen.Fuzz.Tests.Cases;

/// <summary>The zoo's model sources (sample-projects/ModelZoo), the seeds of the mutants.</summary>
public static class Zoo
{
    /// <summary>The repository root (the folder holding NetVizGen.sln).</summary>
    public static string RepoRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "NetVizGen.sln"))) return dir.FullName;
            throw new InvalidOperationException("NetVizGen.sln not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>(file name, source) of every zoo model, in ordinal file order (the mutants depend on it).</summary>
    public static IReadOnlyList<(string File, string Source)> Sources() =>
        Directory.GetFiles(Path.Combine(RepoRoot, "sample-projects", "ModelZoo"), "*.cs")
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => (Path.GetFileName(f), File.ReadAllText(f).Replace("\r\n", "\n")))
            .ToList();
}
