namespace NetVizGen.Fuzz.Tests.Running;

/// <summary>What one case produced, as the child reports it (one JSON line).</summary>
public sealed class CaseResult
{
    /// <summary>The case's name.</summary>
    public string Name { get; set; } = "";

    /// <summary>"ok", "cancelled" (cancelled on purpose), "timeout" (needed the generator bound), "generator-exception", "render-exception", "crash", "hang".</summary>
    public string Status { get; set; } = "";

    /// <summary>Milliseconds in the generator.</summary>
    public long GeneratorMs { get; set; }

    /// <summary>CPU milliseconds of the child (all threads) in the generator: on a loaded machine a fairer figure than wall time.</summary>
    public long GeneratorCpuMs { get; set; }

    /// <summary>CPU milliseconds of the child (all threads) rendering.</summary>
    public long RenderCpuMs { get; set; }

    /// <summary>Milliseconds rendering.</summary>
    public long RenderMs { get; set; }

    /// <summary>Milliseconds from cancellation to the generator's return (-1 when not cancelled).</summary>
    public long CancelReturnMs { get; set; } = -1;

    /// <summary>Exception text, when one escaped.</summary>
    public string? Exception { get; set; }

    /// <summary>Generator and NetVizGen diagnostics: "ID|severity|line|message".</summary>
    public List<string> Diagnostics { get; set; } = new();

    /// <summary>Characters of manifest source emitted.</summary>
    public long ManifestChars { get; set; }

    /// <summary>Per model: id, parameters, multiply-adds, modules, flow nodes.</summary>
    public List<ModelFacts> Models { get; set; } = new();

    /// <summary>The files rendered (relative paths).</summary>
    public List<string> Files { get; set; } = new();

    /// <summary>Live markup or unsafe links found in the output (must stay empty).</summary>
    public List<string> Problems { get; set; } = new();

    /// <summary>The Markdown of the first model page (for the regression tests' own checks).</summary>
    public string? Markdown { get; set; }
}

/// <summary>Facts about one extracted model.</summary>
public sealed class ModelFacts
{
    /// <summary>The model's id.</summary>
    public string Id { get; set; } = "";
    /// <summary>Parameter elements (-1 unknown, long.MaxValue saturated).</summary>
    public long Parameters { get; set; }
    /// <summary>Multiply-adds (-1 unknown, long.MaxValue saturated).</summary>
    public long MultiplyAdds { get; set; }
    /// <summary>Modules in the tree.</summary>
    public int Modules { get; set; }
    /// <summary>Nodes of the forward flow.</summary>
    public int FlowNodes { get; set; }
}
