using System.CommandLine;
using NetVizGen.Cli.Commands;

namespace NetVizGen.Cli;

/// <summary>Entry point of the <c>netviz</c> tool.</summary>
public static class Program
{
    /// <summary>Runs one command; the exit code is 0 on success, 1 for differences or stale docs, 2 for usage or input errors.</summary>
    public static int Main(string[] args)
    {
        var root = new RootCommand("netviz: review NetVizGen architecture docs. Diff model descriptions, check that committed docs are current, render docs from a built assembly.")
        {
            DiffCommand.Create(),
            CheckCommand.Create(),
            RenderCommand.Create(),
        };
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0 && !args.Any(a => a is "-h" or "--help" or "-?"))
        {
            // Usage errors exit with 2, so 1 keeps meaning "differences found" / "docs are stale".
            foreach (var e in parse.Errors) Console.Error.WriteLine("netviz: " + e.Message);
            return 2;
        }
        return parse.Invoke();
    }
}
