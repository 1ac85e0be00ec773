using Microsoft.CodeAnalysis;
using NetVizGen.Model.Specs;

namespace NetVizGen.Extraction.Evaluation;

/// <summary>Collects findings with their source spans, once per (id, place).</summary>
/// <remarks>
/// A note with a shape guard (a condition in forward, decided after shape analysis) may be reached once per
/// module instance (a block used ten times): the one note then carries every occurrence's guard, and stands
/// unless all of them hold as assumed. An occurrence without a guard keeps the note whatever the others say.
/// </remarks>
internal sealed class NoteCollector
{
    private readonly List<NoteSpec> _notes = new();
    private readonly Dictionary<(string, int, string), int> _seen = new();

    public IReadOnlyList<NoteSpec> Notes => _notes;

    public void Add(string id, NoteSeverity severity, string message, SyntaxNode? where) =>
        Add(id, severity, message, where is null ? null : Spans.Of(where));

    public void Add(string id, NoteSeverity severity, string message, SourceSpan? where, string? guard = null)
    {
        var key = (id, where?.Start ?? -1, where?.Path ?? "");
        if (_seen.TryGetValue(key, out var at))
        {
            var first = _notes[at];
            if (first.Guard is not null)
                _notes[at] = first with { Guard = guard is null ? null : first.Guard + NetVizGen.Model.Analysis.ShapeGuards.Separator + guard };
            return;
        }
        _seen[key] = _notes.Count;
        _notes.Add(new NoteSpec(id, severity, message, where, guard));
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
