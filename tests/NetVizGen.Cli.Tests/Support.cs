using System.Diagnostics;
using NetVizGen.Model.Specs;
using NetVizGen.Rendering.Description;

namespace NetVizGen.Cli.Tests;

/// <summary>A tiny two-layer model with knobs, a temp folder, and netviz run in-process.</summary>
internal static class Support
{
    public static ModelSpec Model(int classes = 10, bool dropout = false, string id = "Tiny")
    {
        ArgSpec A(string n, long v) => new(n, ArgValue.FromInt(v));
        ModuleSpec Leaf(string path, string type, long p, params ArgSpec[] args) =>
            new(path, type, ModuleOrigin.Builtin, args.ToEquatableArray(), EquatableArray<ModuleSpec>.Empty, p, p, 0);
        var kids = new List<ModuleSpec> { Leaf("fc1", "Linear", 8 * 16 + 16, A("inputSize", 8), A("outputSize", 16)) };
        if (dropout) kids.Add(Leaf("drop", "Dropout", 0));
        kids.Add(Leaf("fc2", "Linear", 16 * classes + classes, A("inputSize", 16), A("outputSize", classes)));
        long total = kids.Sum(k => k.Parameters);
        var root = new ModuleSpec("", "Tiny", ModuleOrigin.Custom, EquatableArray<ArgSpec>.Empty, kids.ToEquatableArray(), total, total, 0);
        var flow = new List<FlowNodeSpec> { new(0, FlowNodeKind.Input, "x", "", EquatableArray<int>.Empty, EquatableArray<ArgSpec>.Empty, "N×8") };
        foreach (var k in kids)
            flow.Add(new(flow.Count, FlowNodeKind.Module, k.Name, k.Path, new[] { flow.Count - 1 }.ToEquatableArray(), EquatableArray<ArgSpec>.Empty,
                k.Path == "fc2" ? $"N×{classes}" : "N×16"));
        flow.Add(new(flow.Count, FlowNodeKind.Output, "output", "", new[] { flow.Count - 1 }.ToEquatableArray(), EquatableArray<ArgSpec>.Empty, $"N×{classes}"));
        return new ModelSpec(id, id, "T." + id, FlowDirection.TopDown, "N,8", -1, root, new FlowSpec(flow.ToEquatableArray()), EquatableArray<NoteSpec>.Empty, null);
    }

    public static string Write(string folder, ModelSpec model)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, model.Id + DescriptionWriter.FileSuffix);
        File.WriteAllText(path, DescriptionWriter.Write(model));
        return path;
    }

    public static string TempFolder()
    {
        var dir = Path.Combine(Path.GetTempPath(), "nvg-cli-" + Guid.NewGuid().ToString("N").Substring(0, 10));
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static readonly object ConsoleLock = new();

    /// <summary>Runs netviz's Main with stdout and stderr captured (Console is process-wide: one at a time).</summary>
    public static (int ExitCode, string Out, string Err) Netviz(params string[] args)
    {
        lock (ConsoleLock)
        {
            var (stdout, stderr) = (Console.Out, Console.Error);
            var (o, e) = (new StringWriter(), new StringWriter());
            Console.SetOut(o);
            Console.SetError(e);
            try { return (Program.Main(args), o.ToString(), e.ToString()); }
            finally { Console.SetOut(stdout); Console.SetError(stderr); }
        }
    }

    public static string Git(string dir, params string[] args)
    {
        var psi = new ProcessStartInfo("git") { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-c", "user.name=T", "-c", "user.email=t@example.invalid", "-c", "commit.gpgsign=false" }.Concat(args)) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, "git " + string.Join(" ", args) + ": " + output);
        return output;
    }
}
