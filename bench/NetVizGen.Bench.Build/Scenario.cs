namespace NetVizGen.Bench.Build;

/// <summary>
/// One kind of build a user runs many times a day: the edit made before each build (if any) and the
/// build command. Each build of a pair edits its own copy, so every build sees a real change.
/// </summary>
internal sealed record Scenario(string Name, string Title, SourceEdit? Edit, bool NoIncremental, bool FreshOutputs = false)
{
    public static readonly IReadOnlyList<Scenario> All =
    [
        new("cold", "cold full build (`--no-incremental`)", null, NoIncremental: true),
        // A channel count inside a model's constructor body (shape-consistent: the next layers follow it).
        new("edit", "edit one model's constructor (MobileNetV2 `lastChannel` 1280 ↔ 1288)",
            new SourceEdit("sample-projects/ModelZoo/MobileNetV2.cs", "long lastChannel = 1280;", "long lastChannel = 1288;"), NoIncremental: false),
        new("unrelated", "edit a method body no model reaches (`LearningRateSchedule.At`)",
            new SourceEdit("bench/BuildCost/App/LearningRateSchedule.cs", "long warmupSteps = 500;", "long warmupSteps = 600;"), NoIncremental: false),
        // A declaration no model mentions: a new member of that class (the compiler sees a new signature).
        new("declaration", "add a member to a class no model mentions (`LearningRateSchedule.MinimumRate`)",
            new SourceEdit("bench/BuildCost/App/LearningRateSchedule.cs", "    // (declaration edit)", "    public static double MinimumRate => 0.0;"), NoIncremental: false),
        new("nochange", "no-change build", null, NoIncremental: false),
        // A fresh clone, a new worktree or `git clean -xdf`: no obj/ or bin/, so restore, the decompiled package
        // code (TorchVision) and every output are made again (the per-user caches of NuGet and NetVizGen stay).
        new("fresh", "fresh clone (no `obj/`, no `bin/`)", null, NoIncremental: false, FreshOutputs: true),
    ];

    /// <summary>The `dotnet` arguments; the performance summary gives the per-task times (both variants pay for it).</summary>
    public string[] BuildArguments() => NoIncremental
        ? ["build", "--no-incremental", "-nologo", "-tl:off", "-clp:PerformanceSummary"]
        : ["build", "-nologo", "-tl:off", "-clp:PerformanceSummary"];
}

/// <summary>Swaps one exact piece of text for another and back on each call, in a copy's file.</summary>
internal sealed record SourceEdit(string RelativePath, string A, string B)
{
    public void Apply(string copyRoot)
    {
        var path = Path.Combine(copyRoot, RelativePath);
        var text = File.ReadAllText(path);
        var (from, to) = Count(text, A) == 1 ? (A, B) : (B, A);
        if (Count(text, from) != 1) throw new InvalidOperationException($"{RelativePath}: expected '{A}' or '{B}' exactly once");
        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
    }

    private static int Count(string text, string piece)
    {
        int n = 0;
        for (int i = text.IndexOf(piece, StringComparison.Ordinal); i >= 0; i = text.IndexOf(piece, i + piece.Length, StringComparison.Ordinal)) n++;
        return n;
    }
}
