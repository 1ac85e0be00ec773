using System.Collections;
using Microsoft.Build.Framework;

namespace NetVizGen.Bench.Docs;

/// <summary>A build engine that keeps the task's messages (the summary line) and fails loudly on errors.</summary>
internal sealed class QuietEngine : IBuildEngine
{
    public List<string> Messages { get; } = [];
    public bool ContinueOnError => false;
    public int LineNumberOfTaskNode => 0;
    public int ColumnNumberOfTaskNode => 0;
    public string ProjectFileOfTaskNode => "Bench.csproj";
    public void LogMessageEvent(BuildMessageEventArgs e) => Messages.Add(e.Message ?? "");
    public void LogWarningEvent(BuildWarningEventArgs e) => Console.Error.WriteLine("warning " + e.Code + ": " + e.Message);
    public void LogErrorEvent(BuildErrorEventArgs e) => throw new InvalidOperationException(e.Code + ": " + e.Message);
    public void LogCustomEvent(CustomBuildEventArgs e) { }
    public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) => false;
}
