using System.Globalization;
using NetVizGen.Tasks.Server;

// NetVizGen.DocsServer --pipe NAME [--idle-timeout SECONDS] [--warm-up ASSEMBLY]
// Started by the docs task (DocsServerClient.Launch); exits after the idle timeout.
string? pipe = null, warmUp = null;
int idleSeconds = 600;
for (int i = 0; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--pipe": pipe = args[i + 1]; break;
        case "--warm-up": warmUp = args[i + 1]; break;
        case "--idle-timeout" when int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s > 0: idleSeconds = s; break;
    }
}
if (string.IsNullOrEmpty(pipe))
{
    Console.Error.WriteLine("usage: NetVizGen.DocsServer --pipe NAME [--idle-timeout SECONDS] [--warm-up ASSEMBLY] (started by the NetVizGen build task)");
    return 2;
}
// The files never depend on the culture (the renderer formats invariantly; its tests run under de-DE and
// tr-TR); the server's own messages are invariant too.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
return DocsServerHost.Run(pipe, TimeSpan.FromSeconds(idleSeconds), warmUp, CancellationToken.None);
