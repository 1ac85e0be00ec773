using System.Diagnostics;
using System.Text.Json;
using NetVizGen.Fuzz.Tests.Cases;

namespace NetVizGen.Fuzz.Tests.Running;

/// <summary>
/// Runs cases in a child process (this assembly's <see cref="Program.Main"/>), so a stack overflow or a
/// hang ends that child, never the test runner: a child that dies is reported as a "crash" of the case it
/// was running, one silent for <see cref="Bounds.SilenceMs"/> as a "hang" of it, and the remaining cases
/// go on in a new child.
/// </summary>
public static class ChildProcess
{
    /// <summary>Runs <paramref name="cases"/> in <paramref name="parallel"/> children; results in case order.</summary>
    public static IReadOnlyList<CaseResult> Run(IReadOnlyList<FuzzCase> cases, int parallel = 1)
    {
        var results = new CaseResult?[cases.Count];
        var slices = Enumerable.Range(0, parallel).Select(p => Enumerable.Range(0, cases.Count).Where(i => i % parallel == p).ToList()).ToList();
        Parallel.ForEach(slices, new ParallelOptions { MaxDegreeOfParallelism = parallel }, slice =>
        {
            var pending = new Queue<int>(slice);
            while (pending.Count > 0)
            {
                var batch = pending.ToList();
                pending.Clear();
                var done = RunBatch(batch.Select(i => cases[i]).ToList(), out int stoppedAt, out string stop);
                for (int k = 0; k < done.Count; k++) results[batch[k]] = done[k];
                if (stoppedAt >= 0)
                {
                    results[batch[stoppedAt]] = new CaseResult { Name = cases[batch[stoppedAt]].Name, Status = stop };
                    foreach (var rest in batch.Skip(stoppedAt + 1)) pending.Enqueue(rest);
                }
            }
        });
        return results.Select(r => r!).ToList();
    }

    private static List<CaseResult> RunBatch(List<FuzzCase> batch, out int stoppedAt, out string stop)
    {
        var file = Path.Combine(Path.GetTempPath(), "nvg-fuzz-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(file, JsonSerializer.Serialize(batch, ChildRunner.Json));
        var self = typeof(ChildProcess).Assembly.Location;
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(self);
        start.ArgumentList.Add("run");
        start.ArgumentList.Add(file);
        start.Environment["DOTNET_gcServer"] = "0";
        var results = new List<CaseResult>();
        int current = -1;
        var lines = new System.Collections.Concurrent.BlockingCollection<string?>();
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => lines.Add(e.Data);
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        stoppedAt = -1;
        stop = "";
        try
        {
            while (true)
            {
                if (!lines.TryTake(out var line, Bounds.SilenceMs))
                {
                    try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
                    stoppedAt = Math.Max(current, results.Count);
                    stop = "hang";
                    return results;
                }
                if (line is null) break; // end of output: the child exited
                if (line.StartsWith("BEGIN ", StringComparison.Ordinal)) current = int.Parse(line.AsSpan(6), System.Globalization.CultureInfo.InvariantCulture);
                else if (line.StartsWith("RESULT ", StringComparison.Ordinal)) results.Add(JsonSerializer.Deserialize<CaseResult>(line.Substring(7), ChildRunner.Json)!);
            }
            process.WaitForExit();
            if (results.Count < batch.Count)
            {
                stoppedAt = results.Count;
                stop = "crash (exit code " + process.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")";
            }
            return results;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
