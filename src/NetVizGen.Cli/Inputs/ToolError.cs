namespace NetVizGen.Cli.Inputs;

/// <summary>A problem with the command's inputs, reported as one line on stderr with exit code 2 (never a stack trace).</summary>
public sealed class ToolError(string message) : Exception(message);
