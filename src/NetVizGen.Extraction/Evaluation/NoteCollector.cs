using Microsoft.CodeAnalysis;
using NetVizGen.Model.Specs;

namespace NetVizGen.Extraction.Evaluation;

/// <summary>Collects findings with their source spans, once per (id, place).</summary>
internal sealed class NoteCollector
{
    private readonly List<NoteSpec> _notes = new();
    private readonly HashSet<(string, int, string)> _seen = new();

    public IReadOnlyList<NoteSpec> Notes => _notes;

    public void Add(string id, NoteSeverity severity, string message, SyntaxNode? where) =>
        Add(id, severity, message, where is null ? null : Spans.Of(where));

    public void Add(string id, NoteSeverity severity, string message, SourceSpan? where)
    {
        if (!_seen.Add((id, where?.Start ?? -1, where?.Path ?? ""))) return;
        _notes.Add(new NoteSpec(id, severity, message, where));
    }
}

/// <summary>Turns Roslyn locations into plain <see cref="SourceSpan"/> data.</summary>
public static class Spans
{
    /// <summary>The span of a syntax node, or null outside source.</summary>
    public static SourceSpan? Of(SyntaxNode node) => Of(node.GetLocation());

    /// <summary>The span of a location, or null outside source.</summary>
    public static SourceSpan? Of(Location location)
    {
        if (!location.IsInSource) return null;
        var line = location.GetLineSpan();
        return new SourceSpan(
            line.Path, location.SourceSpan.Start, location.SourceSpan.Length,
            line.StartLinePosition.Line, line.StartLinePosition.Character,
            line.EndLinePosition.Line, line.EndLinePosition.Character);
    }
}
