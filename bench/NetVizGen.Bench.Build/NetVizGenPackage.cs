using System.Globalization;
using System.Text.RegularExpressions;

namespace NetVizGen.Bench.Build;

/// <summary>The NetVizGen package the With variant references: a folder feed and the version in it.</summary>
internal sealed record NetVizGenPackage(string FeedDirectory, string Version)
{
    /// <summary>
    /// Packs the repository's NetVizGen into <paramref name="feed"/> with a version of its own, so no
    /// package cache can hand back an older build under the same version.
    /// </summary>
    public static NetVizGenPackage Pack(string repositoryRoot, string feed)
    {
        Directory.CreateDirectory(feed);
        var version = "0.0.0-bench." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        DotNetCli.RunOrThrow(repositoryRoot, "pack", Path.Combine("src", "NetVizGen", "NetVizGen.csproj"), "-c", "Release", "-o", feed, "-p:Version=" + version);
        return new NetVizGenPackage(feed, version);
    }

    /// <summary>Takes the highest NetVizGen version found in a folder of .nupkg files.</summary>
    public static NetVizGenPackage Find(string feed)
    {
        var versions = Directory.GetFiles(feed, "NetVizGen.*.nupkg")
            .Select(p => Regex.Match(Path.GetFileName(p), @"^NetVizGen\.(\d.*)\.nupkg$"))
            .Where(m => m.Success)
            .Select(m => m.Groups[1].Value)
            .OrderBy(v => v, Comparer<string>.Create(CompareVersions))
            .ToArray();
        if (versions.Length == 0) throw new ArgumentException($"no NetVizGen.<version>.nupkg in {feed}");
        return new NetVizGenPackage(feed, versions[^1]);
    }

    private static int CompareVersions(string a, string b)
    {
        static (System.Version, string) Split(string v)
        {
            int dash = v.IndexOf('-');
            return dash < 0 ? (System.Version.Parse(v), "\uffff") : (System.Version.Parse(v[..dash]), v[(dash + 1)..]);
        }
        var (va, pa) = Split(a);
        var (vb, pb) = Split(b);
        int c = va.CompareTo(vb);
        return c != 0 ? c : string.CompareOrdinal(pa, pb);
    }
}
