using System.Collections;
using Microsoft.Build.Framework;

namespace NetVizGen.Tasks.Tests.Support;

/// <summary>
/// The smallest build engine a real MSBuild task can run in: it records what the task logs, so tests
/// read the same messages a build log shows.
/// </summary>
internal sealed class TaskHost : IBuildEngine
{
    public List<string> Messages { get; } = [];
    public List<string> Warnings { get; } = [];
    public List<string> Errors { get; } = [];

    public bool ContinueOnError => false;
    public int LineNumberOfTaskNode => 0;
    public int ColumnNumberOfTaskNode => 0;
    public string ProjectFileOfTaskNode => "Test.csproj";

    public void LogMessageEvent(BuildMessageEventArgs e) => Messages.Add(e.Message ?? "");
    public void LogWarningEvent(BuildWarningEventArgs e) => Warnings.Add(e.Code + ": " + e.Message);
    public void LogErrorEvent(BuildErrorEventArgs e) => Errors.Add(e.Code + ": " + e.Message);
    public void LogCustomEvent(CustomBuildEventArgs e) { }
    public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) => false;
}
