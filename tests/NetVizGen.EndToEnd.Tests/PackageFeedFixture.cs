namespace NetVizGen.EndToEnd.Tests;

/// <summary>
/// Packs NetVizGen once per test run with a unique version into a local folder feed, and holds a
/// temp root (with a private NuGet package cache) for the consumer projects.
/// </summary>
public sealed class PackageFeedFixture : IDisposable
{
    public PackageFeedFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), "netvizgen-e2e-" + Guid.NewGuid().ToString("N").Substring(0, 10));
        Feed = Path.Combine(Root, "feed");
        Packages = Path.Combine(Root, "packages");
        Directory.CreateDirectory(Feed);
        Version = "0.0.0-e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
        var repo = DotNet.RepositoryRoot();
        DotNet.Run(repo, "pack", Path.Combine(repo, "src", "NetVizGen", "NetVizGen.csproj"), "-c", "Release", "-o", Feed, "-p:Version=" + Version)
            .ShouldSucceed("dotnet pack");
        Assert.True(File.Exists(Path.Combine(Feed, $"NetVizGen.{Version}.nupkg")), "the package was not produced");
    }

    public string Root { get; }
    public string Feed { get; }
    public string Packages { get; }
    public string Version { get; }

    /// <summary>Creates an empty consumer project folder with a nuget.config that adds the local feed.</summary>
    public string NewConsumer(string name, string targetFrameworks = "net10.0")
    {
        var dir = Path.Combine(Root, name);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config><add key="globalPackagesFolder" value="{Packages}" /></config>
              <packageSources><add key="netvizgen-local" value="{Feed}" /></packageSources>
            </configuration>
            """);
        var tfm = targetFrameworks.Contains(';') ? $"<TargetFrameworks>{targetFrameworks}</TargetFrameworks>" : $"<TargetFramework>{targetFrameworks}</TargetFramework>";
        File.WriteAllText(Path.Combine(dir, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                {tfm}
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
            </Project>
            """);
        return dir;
    }

    public void AddPackages(string dir)
    {
        DotNet.Run(dir, "add", "package", "TorchSharp", "--version", "0.107.0").ShouldSucceed("dotnet add package TorchSharp");
        DotNet.Run(dir, "add", "package", "NetVizGen", "--version", Version).ShouldSucceed("dotnet add package NetVizGen");
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class PackageFeedCollection : ICollectionFixture<PackageFeedFixture>
{
    public const string Name = "package feed";
}
