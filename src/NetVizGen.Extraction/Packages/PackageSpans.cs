using NetVizGen.Model.Specs;

namespace NetVizGen.Extraction.Packages;

/// <summary>
/// Replaces locations in decompiled files (paths under the user's <c>obj/</c>, meaningless to a reader
/// and different per machine) with the package and type they come from, and moves findings located in
/// decompiled code to the <c>[Diagram]</c> that led there (the compiler can only show diagnostics in the
/// project's own files), naming the package, the type and the decompiled line.
/// </summary>
public static class PackageSpans
{
    /// <summary>The model with every location in <paramref name="sources"/> rewritten (see the class remarks).</summary>
    public static ModelSpec Rewrite(ModelSpec model, DecompiledSources sources)
    {
        if (sources.Files.IsEmpty) return model;

        SourceSpan? Fix(SourceSpan? s)
        {
            if (s is null || sources.FileAt(s.Path) is not { } file) return s;
            return new SourceSpan(PackageSource.PathOf(file.Package, file.TypeName), 0, 0, s.Line, 0, s.EndLine, 0);
        }
        ModuleSpec FixModule(ModuleSpec m) => m with
        {
            Source = Fix(m.Source),
            Children = m.Children.Select(FixModule).ToEquatableArray(),
        };
        NoteSpec FixNote(NoteSpec n)
        {
            if (n.Source is null || sources.FileAt(n.Source.Path) is not { } file) return n;
            return n with
            {
                Message = $"{n.Message} (in {file.Package}, {file.TypeName}, line {n.Source.DisplayLine} of its decompiled source)",
                Source = model.Source,
            };
        }
        return model with
        {
            Root = FixModule(model.Root),
            Flow = new FlowSpec(model.Flow.Nodes.Select(n => n with { Source = Fix(n.Source) }).ToEquatableArray()),
            Notes = model.Notes.Select(FixNote).ToEquatableArray(),
        };
    }
}
