using System.CommandLine;
using NetVizGen.Tasks;

namespace NetVizGen.Cli.Commands;

/// <summary>
/// <c>netviz check ASSEMBLY</c>: renders the docs in memory and compares them with the docs folder.
/// Writes nothing; exit code 1 with one error listing every stale file and the fixing command, like
/// <c>dotnet format --verify-no-changes</c>. Same renderer and comparison as <c>NetVizGenMode=Verify</c>.
/// </summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var o = new AssemblyOptions();
        var command = new Command("check", "Fail when the committed docs are not what the code renders (writes nothing).");
        o.AddTo(command);
        command.SetAction(parse => Tool.Run(() =>
        {
            var (assembly, settings) = o.Read(parse);
            var (models, files) = DocsJob.Render(assembly, settings.ToRenderOptions());
            var stale = new OwnedFileWriter(settings.OutputDirectory).Verify(files);
            if (stale.Count == 0)
            {
                Console.Out.WriteLine($"netviz: {models.Count} model(s); docs in {settings.OutputDirectory} are up to date.");
                return 0;
            }
            Console.Error.WriteLine("error NVG1010: " + DocsJob.StaleMessage(settings.OutputDirectory, stale, "dotnet build"));
            return 1;
        }));
        return command;
    }
}
