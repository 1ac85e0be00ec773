namespace NetVizGen.Rendering.Tests.Baselines;

/// <summary>
/// Golden files under tests/NetVizGen.Rendering.Tests/Baselines. Set NETVIZGEN_UPDATE_BASELINES=1
/// to rewrite them from the current output (then review the diff like any other change).
/// </summary>
internal static class BaselineAssert
{
    public static void Matches(string name, string actual)
    {
        var path = Path.Combine(SourceFolder(), name);
        if (Environment.GetEnvironmentVariable("NETVIZGEN_UPDATE_BASELINES") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"Baseline {path} is missing; run the tests with NETVIZGEN_UPDATE_BASELINES=1 to create it.");
        var expected = File.ReadAllText(path).Replace("\r\n", "\n");
        Assert.True(expected == actual, $"Output differs from baseline {path}; run with NETVIZGEN_UPDATE_BASELINES=1 and review the diff.\nFirst difference at index {FirstDifference(expected, actual)}.");
    }

    private static int FirstDifference(string a, string b)
    {
        int i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i]) i++;
        return i;
    }

    private static string SourceFolder([System.Runtime.CompilerServices.CallerFilePath] string file = "") => Path.GetDirectoryName(file)!;
}
