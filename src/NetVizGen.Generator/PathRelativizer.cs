using NetVizGen.Model.Specs;

namespace NetVizGen.Generator;

/// <summary>
/// Makes a model portable before it is embedded: absolute source paths become project-relative '/'
/// paths (the manifest, and so the assembly, are the same on every machine and checkout location),
/// and locations keep only their lines (what the docs link to), so column shifts change nothing.
/// </summary>
internal static class PathRelativizer
{
    // In the compiler server a rebuild gets the very ModelSpec objects of the previous build back from the
    // extraction cache; remembering what they became (here and in ManifestEmitter) makes a rebuild's manifests
    // cost two table lookups instead of a walk and a serialisation of every model.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ModelSpec, Remembered> s_portable = new();

    private sealed class Remembered
    {
        public Tuple<string, ModelSpec>? Last; // replaced whole, so readers see a consistent pair
    }

    public static ModelSpec Portable(ModelSpec model, string projectDirectory)
    {
        var slot = s_portable.GetValue(model, static _ => new Remembered());
        var known = System.Threading.Volatile.Read(ref slot.Last);
        if (known is not null && known.Item1 == projectDirectory) return known.Item2;
        var portable = MakePortable(model, projectDirectory);
        System.Threading.Volatile.Write(ref slot.Last, Tuple.Create(projectDirectory, portable));
        return portable;
    }

    private static ModelSpec MakePortable(ModelSpec model, string projectDirectory)
    {
        SourceSpan? Fix(SourceSpan? s) => s is null ? null : new SourceSpan(Relative(s.Path, projectDirectory), 0, 0, s.Line, 0, s.EndLine, 0);
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
        // Code of a referenced package names the package and type (PackageSource), never a file.
        if (PackageSource.TryParse(path, out _, out _)) return path;
        if (string.IsNullOrEmpty(projectDirectory)) return FileName(path.Replace('\\', '/'));
        var dir = projectDirectory.Replace('\\', '/');
        if (!dir.EndsWith("/", StringComparison.Ordinal)) dir += "/";
        var p = path.Replace('\\', '/');
        if (p.StartsWith(dir, StringComparison.OrdinalIgnoreCase)) return p.Substring(dir.Length);
        // Outside the project (a linked file): keep only the name, never a machine path.
        return FileName(p);
    }

    private static string FileName(string p)
    {
        int slash = p.LastIndexOf('/');
        return slash < 0 ? p : p.Substring(slash + 1);
    }
}
