using NetVizGen.Fuzz.Tests.Running;

namespace NetVizGen.Fuzz.Tests;

/// <summary>
/// The child process's entry point: <c>dotnet NetVizGen.Fuzz.Tests.dll run cases.json</c> runs each case
/// of the file through the generator and the renderer and prints one result line per case (see
/// <see cref="ChildRunner"/>). The tests start it through <see cref="ChildProcess"/>.
/// </summary>
public static class Program
{
    /// <summary>Runs the cases of a file; exit code 0 when every case ran (whatever its outcome).</summary>
    public static int Main(string[] args)
    {
        if (args.Length == 2 && args[0] == "run") return ChildRunner.RunFile(args[1]);
        Console.Error.WriteLine("usage: NetVizGen.Fuzz.Tests run <cases.json>");
        return 2;
    }
}
