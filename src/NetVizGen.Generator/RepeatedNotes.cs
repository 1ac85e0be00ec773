using NetVizGen.Model.Specs;

namespace NetVizGen.Generator;

/// <summary>
/// One compiler warning per construct: notes of the same id at the same source span become one diagnostic.
/// </summary>
/// <remarks>
/// A block used by several models, or several times in one (SAM's image encoder repeats one attention block
/// in every layer), makes the same finding at the same line once per model and per instance. The compiler
/// would list each, so a line with one unknown <c>arange</c> showed up four times in the build output. The
/// first note is kept; when the others say something else (another instance's path), the message says how
/// many more places share it. Each model's page still lists its own notes in full. Fewer located diagnostics
/// also cost the compiler less on every build: each one is checked against <c>[SuppressMessage]</c>, which
/// binds the method around it.
/// </remarks>
internal static class RepeatedNotes
{
    /// <summary><paramref name="notes"/> in order, each (id, span) once.</summary>
    public static IEnumerable<NoteSpec> Merge(IEnumerable<NoteSpec> notes)
    {
        var order = new List<(string Id, SourceSpan? Source, string? Message)>();
        var groups = new Dictionary<(string Id, SourceSpan? Source, string? Message), (NoteSpec First, HashSet<string> Others)>();
        foreach (var note in notes)
        {
            // Without a location only the very same message is a repeat (two models' input warnings are not).
            var key = (note.Id, note.Source, note.Source is null ? note.Message : null);
            if (groups.TryGetValue(key, out var group))
            {
                if (!string.Equals(note.Message, group.First.Message, StringComparison.Ordinal)) group.Others.Add(note.Message);
                continue;
            }
            groups.Add(key, (note, new HashSet<string>(StringComparer.Ordinal)));
            order.Add(key);
        }
        foreach (var key in order)
        {
            var (first, others) = groups[key];
            yield return others.Count == 0
                ? first
                : first with { Message = first.Message + " (The same at this location in " + others.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + " more place" + (others.Count == 1 ? "" : "s") + ".)" };
        }
    }
}
