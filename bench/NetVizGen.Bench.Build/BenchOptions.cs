using System.Globalization;

namespace NetVizGen.Bench.Build;

/// <summary>The command line: how many pairs, which scenarios, where the package and the work folder are.</summary>
internal sealed record BenchOptions(int Pairs, string? PackageDirectory, string? WorkDirectory, bool Keep, IReadOnlyList<string> Scenarios, string RepositoryRoot, bool CompilerServer, bool Floor)
{
    public const string Usage = """
        NetVizGen.Bench.Build [-n PAIRS] [--scenarios cold,edit,unrelated,declaration,nochange,fresh] [--package-dir DIR] [--work DIR] [--keep] [--repo DIR] [--no-compiler-server] [--floor]
          -n              interleaved with/without pairs per scenario (default 5)
          --scenarios     which scenarios to run, comma-separated (default: all six, in that order)
          --package-dir   a folder holding NetVizGen.<version>.nupkg (the newest is used) instead of packing this repository
          --work          the folder for the feed, the package cache and the two consumer copies (default: a new temp folder)
          --keep          keep the work folder (build logs are in its logs/ folder)
          --repo          the repository root (default: found above the current folder)
          --no-compiler-server  builds compile in a new csc process each time (default: the compiler server, as users have it)
          --floor         also build a third copy, Without plus bench/FloorGenerator (one constant per model), in every round:
                          what any per-model source generator costs, the floor under NetVizGen's figures
        """;

    public static BenchOptions Parse(string[] args)
    {
        int pairs = 5; string? packages = null, work = null, repo = null; bool keep = false, server = true, floor = false;
        IReadOnlyList<string> scenarios = Scenario.All.Select(s => s.Name).ToArray();
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] is "-h" or "--help") continue;
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "-n": pairs = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--package-dir": packages = Path.GetFullPath(Value()); break;
                case "--work": work = Path.GetFullPath(Value()); break;
                case "--keep": keep = true; break;
                case "--no-compiler-server": server = false; break;
                case "--floor": floor = true; break;
                case "--repo": repo = Path.GetFullPath(Value()); break;
                case "--scenarios": scenarios = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries); break;
                default: throw new ArgumentException($"unknown argument {args[i]}");
            }
        }
        if (pairs < 1) throw new ArgumentException("-n must be at least 1");
        foreach (var s in scenarios)
            if (Scenario.All.All(x => x.Name != s)) throw new ArgumentException($"unknown scenario {s}");
        return new BenchOptions(pairs, packages, work, keep || work != null, scenarios, repo ?? FindRepositoryRoot(), server, floor);
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "NetVizGen.sln"))) return dir.FullName;
        throw new ArgumentException("run inside the repository or pass --repo");
    }
}
