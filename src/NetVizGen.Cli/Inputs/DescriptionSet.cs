using NetVizGen.Model.Specs;
using NetVizGen.Rendering.Description;

namespace NetVizGen.Cli.Inputs;

/// <summary>Loads model descriptions from a file, a folder (searched recursively) or a git revision.</summary>
internal static class DescriptionSet
{
    /// <summary>A description file, or every <c>*.model.json</c> under a folder (bin/ and obj/ skipped).</summary>
    public static List<ModelSpec> FromPath(string path)
    {
        if (File.Exists(path)) return [Parse(File.ReadAllText(path), path)];
        if (!Directory.Exists(path)) throw new ToolError($"'{path}' is neither a description file nor a folder.");
        return Files(path).Select(f => Parse(File.ReadAllText(f), f)).ToList();
    }

    /// <summary>The descriptions committed at <paramref name="revision"/> under <paramref name="folder"/> (read through git, not checked out).</summary>
    public static List<ModelSpec> FromRevision(string folder, string revision)
    {
        var full = Path.GetFullPath(folder);
        if (File.Exists(full)) return [Parse(Git.Show(Path.GetDirectoryName(full)!, revision, Path.GetFileName(full)), revision + ":" + folder)];
        return Git.ListFiles(full, revision, DescriptionWriter.FileSuffix)
            .Where(p => !IsBuildOutput(p))
            .Select(p => Parse(Git.Show(full, revision, p), revision + ":" + p)).ToList();
    }

    private static IEnumerable<string> Files(string folder) =>
        Directory.EnumerateFiles(folder, "*" + DescriptionWriter.FileSuffix, SearchOption.AllDirectories)
            .Where(f => !IsBuildOutput(Path.GetRelativePath(folder, f)))
            .OrderBy(f => f, StringComparer.Ordinal);

    private static bool IsBuildOutput(string relative)
    {
        var parts = relative.Replace('\\', '/').Split('/');
        return parts.Any(p => p is "bin" or "obj" or ".git");
    }

    private static ModelSpec Parse(string json, string where)
    {
        try { return DescriptionReader.Read(json); }
        catch (FormatException e) { throw new ToolError($"{where}: {e.Message}"); }
    }
}
