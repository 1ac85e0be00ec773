using System.Text.Json;

namespace NetVizGen.Bench.Build;

/// <summary>
/// The builds compared: the same sources with NetVizGen's package, without it, and (with --floor)
/// without it but with the do-nothing per-model generator of bench/FloorGenerator.
/// </summary>
internal enum Variant { With, Without, Floor }

/// <summary>
/// The work folder: a private package cache (the user's cache as a read-only fallback, so TorchSharp
/// is not downloaded again), a nuget.config that adds the NetVizGen feed, the repository's global.json
/// (same SDK), and one copy of bench/BuildCost per variant with every file it links laid out at the
/// same repository-relative path, so the edits of the scenarios never touch the repository.
/// </summary>
internal sealed class ConsumerCopies
{
    private const string TemplateFolder = "bench/BuildCost";

    private ConsumerCopies(string root) => Root = root;

    public string Root { get; }

    /// <summary>The folder of a variant's copy of the project (where `dotnet build` runs).</summary>
    public string ProjectDirectory(Variant variant) => Path.Combine(CopyRoot(variant), TemplateFolder);

    /// <summary>The root of a variant's copy; paths in it are relative to the repository root.</summary>
    public string CopyRoot(Variant variant) => Path.Combine(Root, variant.ToString().ToLowerInvariant());

    /// <param name="floorGenerator">The built FloorGenerator.dll when the Floor variant is laid out, else null.</param>
    public static ConsumerCopies Create(string root, string repositoryRoot, NetVizGenPackage package, IReadOnlyList<Variant> variants, string? floorGenerator)
    {
        var copies = new ConsumerCopies(root);
        File.Copy(Path.Combine(repositoryRoot, "global.json"), Path.Combine(root, "global.json"), overwrite: true);
        File.WriteAllText(Path.Combine(root, "nuget.config"), NuGetConfig(Path.Combine(root, "packages"), UserPackagesFolder(repositoryRoot), package.FeedDirectory));
        var files = ProjectFiles(repositoryRoot);
        foreach (var variant in variants)
        {
            var copyRoot = copies.CopyRoot(variant);
            if (Directory.Exists(copyRoot)) Directory.Delete(copyRoot, recursive: true);
            foreach (var relative in files)
            {
                var target = Path.Combine(copyRoot, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(Path.Combine(repositoryRoot, relative), target);
            }
            // The Floor copy compiles as Without does (the do-nothing attribute) plus the floor generator.
            var floorItems = variant == Variant.Floor
                ? $"""
                    <ItemGroup>
                      <Analyzer Include="{floorGenerator ?? throw new ArgumentNullException(nameof(floorGenerator))}" />
                    </ItemGroup>
                  """
                : "";
            File.WriteAllText(Path.Combine(copies.ProjectDirectory(variant), "BuildCost.Variant.props"), $"""
                <Project>
                  <PropertyGroup>
                    <BuildCostVariant>{(variant == Variant.Floor ? Variant.Without : variant)}</BuildCostVariant>
                    <NetVizGenVersion>{package.Version}</NetVizGenVersion>
                  </PropertyGroup>
                {floorItems}
                </Project>
                """);
        }
        return copies;
    }

    /// <summary>
    /// The template's own files and every file its project links (as MSBuild evaluates them, so the
    /// project file stays the one list), relative to the repository root.
    /// </summary>
    private static SortedSet<string> ProjectFiles(string repositoryRoot)
    {
        var template = Path.Combine(repositoryRoot, TemplateFolder);
        var files = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(template, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(template, path).Replace('\\', '/');
            if (relative.StartsWith("bin/", StringComparison.Ordinal) || relative.StartsWith("obj/", StringComparison.Ordinal)
                || relative.StartsWith("docs/", StringComparison.Ordinal) || relative == "BuildCost.Variant.props") continue;
            files.Add(Path.GetRelativePath(repositoryRoot, path));
        }
        var items = DotNetCli.RunOrThrow(template, "msbuild", "BuildCost.csproj", "-getItem:Compile", "-getItem:None").Output;
        using var json = JsonDocument.Parse(items[items.IndexOf('{')..]);
        foreach (var kind in new[] { "Compile", "None" })
            foreach (var item in json.RootElement.GetProperty("Items").GetProperty(kind).EnumerateArray())
            {
                var relative = Path.GetRelativePath(repositoryRoot, item.GetProperty("FullPath").GetString()!);
                if (relative.StartsWith("..", StringComparison.Ordinal)) throw new InvalidOperationException($"{relative} is outside the repository");
                files.Add(relative);
            }
        return files;
    }

    private static string UserPackagesFolder(string repositoryRoot)
    {
        var listing = DotNetCli.RunOrThrow(repositoryRoot, "nuget", "locals", "global-packages", "--list").Output;
        const string prefix = "global-packages:";
        var line = listing.Split('\n').Select(l => l.Trim()).First(l => l.StartsWith(prefix, StringComparison.Ordinal));
        return line[prefix.Length..].Trim();
    }

    private static string NuGetConfig(string packages, string fallback, string feed) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <config><add key="globalPackagesFolder" value="{packages}" /></config>
          <fallbackPackageFolders><add key="user-cache" value="{fallback}" /></fallbackPackageFolders>
          <packageSources><add key="netvizgen-bench" value="{feed}" /></packageSources>
        </configuration>
        """;
}
