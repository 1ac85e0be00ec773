using NetVizGen.Cli.Inputs;

namespace NetVizGen.Cli.Commands;

/// <summary>Runs a command body: input problems become one line on stderr and exit code 2.</summary>
internal static class Tool
{
    public static int Run(Func<int> body)
    {
        try { return body(); }
        catch (Exception e) when (e is ToolError or IOException or UnauthorizedAccessException or FormatException or BadImageFormatException)
        {
            Console.Error.WriteLine("netviz: " + e.Message);
            return 2;
        }
    }
}
