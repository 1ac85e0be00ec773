namespace NetVizGen.Oracle.Tests;

/// <summary>One entry of <c>named_modules()</c> with its parameter and buffer element counts (recursive).</summary>
/// <param name="Path">Dotted path; empty for the root.</param>
/// <param name="TypeName">The runtime class name (<c>GetType().Name</c>, generic arity suffix removed:
/// <c>ModuleList`1</c> is reported as <c>ModuleList</c>).</param>
/// <param name="IsLeaf">True when the module has no registered children.</param>
/// <param name="Parameters">Parameter elements in this module and below.</param>
/// <param name="Trainable">Of those, elements with <c>requires_grad</c>.</param>
/// <param name="Buffers">Buffer elements in this module and below (BatchNorm running stats etc.).</param>
/// <param name="SharedWith">When this entry is the same object as an earlier entry of <c>named_modules()</c>
/// (shared weights), that entry's path; null for an instance's first occurrence.</param>
public sealed record RuntimeModule(string Path, string TypeName, bool IsLeaf, long Parameters, long Trainable, long Buffers,
    string? SharedWith = null)
{
    /// <summary>The path that identifies the instance: its first occurrence in <c>named_modules()</c>.</summary>
    public string InstancePath => SharedWith ?? Path;
}

/// <summary>One call of a leaf module during the forward pass, as seen by its forward hook.</summary>
/// <param name="Path">The leaf's path.</param>
/// <param name="Shapes">Shapes of the tensors it returned (one for most layers; LSTM returns output, h, c).</param>
public sealed record LeafCall(string Path, IReadOnlyList<long[]> Shapes)
{
    /// <summary>The first (main) output's shape, formatted like <c>1×64×56×56</c>.</summary>
    public string Shape => Shapes.Count == 0 ? "" : RuntimeReport.FormatShape(Shapes[0]);

    public override string ToString() => $"{Path} -> {Shape}";
}

/// <summary>What the real TorchSharp runtime says about one model and one input.</summary>
public sealed record RuntimeReport(
    string ModelType,
    IReadOnlyList<RuntimeModule> Modules,
    IReadOnlyList<LeafCall> Calls,
    long TotalParameters,
    long TotalTrainable,
    long TotalBuffers,
    long[] InputShape,
    long[] OutputShape,
    TimeSpan ForwardTime)
{
    /// <summary>The separator NetVizGen uses in displayed shapes (U+00D7 MULTIPLICATION SIGN).</summary>
    public const char Times = '\u00D7';

    /// <summary>Formats dimensions the way manifests show them: <c>1×64×56×56</c>.</summary>
    public static string FormatShape(IEnumerable<long> dims) => string.Join(Times, dims);

    /// <summary>The module at <paramref name="path"/>; throws when there is none.</summary>
    public RuntimeModule Module(string path) =>
        Modules.FirstOrDefault(m => m.Path == path)
        ?? throw new KeyNotFoundException($"no module '{path}' in {ModelType}");

    /// <summary>Paths in <c>named_modules()</c> order, root (empty path) first.</summary>
    public IEnumerable<string> Paths => Modules.Select(m => m.Path);

    /// <summary>The leaf call order (paths).</summary>
    public IEnumerable<string> CallOrder => Calls.Select(c => c.Path);

    public string OutputShapeText => FormatShape(OutputShape);
}
