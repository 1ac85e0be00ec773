using NetVizGen.Model.Specs;

namespace NetVizGen.Generator;

/// <summary>
/// Rewrites absolute source paths as project-relative '/' paths before a model is embedded, so the
/// manifest (and the assembly) are the same on every machine and checkout location.
/// </summary>
internal static class PathRelativizer
{
    public static ModelSpec Relativize(ModelSpec model, string projectDirectory)
    {
        if (string.IsNullOrEmpty(projectDirectory)) return model;
        SourceSpan? Fix(SourceSpan? s) => s is null ? null : s with { Path = Relative(s.Path, projectDirectory) };
        ModuleSpec FixModule(ModuleSpec m) => m with
        {
            Source = Fix(m.Source),
            Children = m.Children.Select(FixModule).ToEquatableArray(),
        };
        return model with
        {
            Source = Fix(model.Source),
            Root = FixModule(model.Root),
            Flow = new FlowSpec(model.Flow.Nodes.Select(n => n with { Source = Fix(n.Source) }).ToEquatableArray()),
            Notes = model.Notes.Select(n => n with { Source = Fix(n.Source) }).ToEquatableArray(),
        };
    }

    public static string Relative(string path, string projectDirectory)
    {
        var dir = projectDirectory.Replace('\\', '/');
        if (!dir.EndsWith("/", StringComparison.Ordinal)) dir += "/";
        var p = path.Replace('\\', '/');
        if (p.StartsWith(dir, StringComparison.OrdinalIgnoreCase)) return p.Substring(dir.Length);
        // Outside the project (a linked file): keep only the name, never a machine path.
        int slash = p.LastIndexOf('/');
        return slash < 0 ? p : p.Substring(slash + 1);
    }
}
