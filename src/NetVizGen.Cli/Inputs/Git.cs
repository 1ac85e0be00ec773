using System.Diagnostics;
using System.Text;

namespace NetVizGen.Cli.Inputs;

/// <summary>Runs the user's git to read files at a revision (<c>git ls-tree</c>, <c>git show</c>).</summary>
internal static class Git
{
    /// <summary>Paths (relative to <paramref name="directory"/>) of files at <paramref name="revision"/> under it that end with <paramref name="suffix"/>.</summary>
    public static IReadOnlyList<string> ListFiles(string directory, string revision, string suffix) =>
        Run(directory, "ls-tree", "-r", "--name-only", revision, "--", ".")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => p.EndsWith(suffix, StringComparison.Ordinal))
            .ToList();

    /// <summary>The content of <paramref name="relativePath"/> (relative to <paramref name="directory"/>) at <paramref name="revision"/>.</summary>
    public static string Show(string directory, string revision, string relativePath) =>
        Run(directory, "show", revision + ":./" + relativePath.Replace('\\', '/'));

    private static string Run(string directory, params string[] args)
    {
        var psi = new ProcessStartInfo("git")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = new UTF8Encoding(false),
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        // git quotes non-ASCII paths unless told not to.
        psi.ArgumentList.Insert(0, "core.quotePath=false");
        psi.ArgumentList.Insert(0, "-c");
        Process process;
        try { process = Process.Start(psi)!; }
        catch (System.ComponentModel.Win32Exception e) { throw new ToolError("git could not be started: " + e.Message); }
        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0) throw new ToolError("git " + string.Join(" ", args) + " failed: " + stderr.Result.Trim());
            return output;
        }
    }
}
