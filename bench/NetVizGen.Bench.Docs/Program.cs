using NetVizGen.Bench.Docs;

// task <assembly>... [--reps N]   the real task: before/after, all/one/none changed
// models <assembly>... [--reps N] per-model parse and render times, largest first
if (args.Length < 2 || args[0] is not ("task" or "models"))
{
    Console.Error.WriteLine("usage: NetVizGen.Bench.Docs task|models <assembly>... [--reps N]");
    return 2;
}
int reps = 5;
var assemblies = new List<string>();
for (int i = 1; i < args.Length; i++)
{
    if (args[i] == "--reps") reps = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
    else assemblies.Add(Path.GetFullPath(args[i]));
}
Console.WriteLine($"{Environment.ProcessorCount} processors, {reps} repetitions, .NET {Environment.Version}");
foreach (var a in assemblies)
{
    if (args[0] == "task") TaskScenarios.Run(a, reps);
    else ModelTimes.Run(a, reps);
}
return 0;
