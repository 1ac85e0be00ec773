using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace NetVizGen.Extraction.Packages;

/// <summary>
/// The decompiled code of referenced assemblies as compilations of their own ("side compilations"): one
/// per assembly, holding its decompiled files, with the user's references minus that assembly itself (so
/// the decompiled types are the only definitions of their names). The evaluator follows a call from the
/// user's code into a metadata method (<c>torchvision.models.resnet18</c>) by mapping it to the side
/// compilation's source symbol (<see cref="ToSource"/>), then runs that source like any other.
/// </summary>
/// <remarks>
/// Side compilations are created once per (decompiled files, reference list) and re-used across the
/// user's compilations while both are unchanged: across the IDE's keystrokes, and across builds in the
/// compiler server, where the files come back as the same objects from <see cref="DecompiledParseCache"/>
/// and the references are compared by <see cref="Incremental.ReferenceKey"/> (path, properties, MVIDs), so
/// what was bound there (semantic models, operations) is bound once. A re-used side compilation keeps the
/// reference objects of the build that created it: the same files with the same MVIDs, so the same metadata.
/// The last <see cref="MaxRecent"/> are kept.
/// </remarks>
internal sealed class SideCompilations
{
    private const int MaxRecent = 4;

    private sealed class Recent
    {
        public Recent(DecompiledFile[] files, object[] references, SideCompilations value)
        {
            Files = files;
            References = references;
            Value = value;
        }

        public DecompiledFile[] Files { get; }
        public object[] References { get; }
        public SideCompilations Value { get; }
    }

    private static readonly List<Recent> s_recent = new();
    private readonly Dictionary<string, (Compilation Compilation, string Package)> _byAssembly = new(StringComparer.Ordinal);

    private SideCompilations(DecompiledSources sources) => Sources = sources;

    /// <summary>The decompiled files these compilations hold.</summary>
    public DecompiledSources Sources { get; }

    /// <summary>The side compilations of <paramref name="sources"/> for the references of <paramref name="compilation"/>.</summary>
    public static SideCompilations For(Compilation compilation, DecompiledSources sources)
    {
        var references = Incremental.ReferenceKey.AllOf(compilation);
        var files = sources.Files.ToArray();
        lock (s_recent)
        {
            foreach (var r in s_recent)
            {
                if (Incremental.ReferenceKey.Same(r.References, references) && SameFiles(r.Files, files))
                    return r.Value;
            }
            var created = Create(compilation, sources);
            if (s_recent.Count >= MaxRecent) s_recent.RemoveAt(0);
            s_recent.Add(new Recent(files, references, created));
            return created;
        }
    }

    private static bool SameFiles(DecompiledFile[] a, DecompiledFile[] b)
    {
        if (a.Length != b.Length) return false;
        for (int i = 0; i < a.Length; i++)
            if (!ReferenceEquals(a[i], b[i])) return false;
        return true;
    }

    private static SideCompilations Create(Compilation compilation, DecompiledSources sources)
    {
        var result = new SideCompilations(sources);
        foreach (var group in sources.Files.GroupBy(f => f.AssemblyName, StringComparer.Ordinal))
        {
            // Only assemblies the user's compilation really references (a stale file of a removed
            // package must not define types), minus the assembly itself.
            var references = new List<MetadataReference>();
            bool referenced = false;
            foreach (var r in compilation.References)
            {
                if (compilation.GetAssemblyOrModuleSymbol(r) is IAssemblySymbol a && a.Name == group.Key) { referenced = true; continue; }
                references.Add(r);
            }
            if (!referenced) continue;
            var side = CSharpCompilation.Create(
                group.Key + ".NetVizGen.Decompiled",
                group.Select(f => f.Tree),
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));
            result._byAssembly[group.Key] = (side, group.First().Package);
        }
        return result;
    }

    /// <summary>True when there is decompiled code for the assembly named <paramref name="assemblyName"/>.</summary>
    public bool Has(string? assemblyName) => assemblyName is not null && _byAssembly.ContainsKey(assemblyName);

    /// <summary>The side compilation holding <paramref name="tree"/>, if any.</summary>
    public Compilation? CompilationOf(SyntaxTree tree)
    {
        foreach (var (c, _) in _byAssembly.Values)
            if (c.ContainsSyntaxTree(tree)) return c;
        return null;
    }

    /// <summary>Every side compilation (for the extraction cache's validity check).</summary>
    public IEnumerable<Compilation> All => _byAssembly.Values.Select(v => v.Compilation);

    /// <summary>
    /// The source symbol in a side compilation for a metadata <paramref name="symbol"/> of a decompiled
    /// assembly (matched by documentation-comment id, which names the containing type, the member and
    /// its parameter types), or null.
    /// </summary>
    public T? ToSource<T>(T symbol) where T : class, ISymbol
    {
        var definition = symbol.OriginalDefinition;
        if (!definition.DeclaringSyntaxReferences.IsDefaultOrEmpty) return null;
        var assembly = definition.ContainingAssembly?.Name;
        if (assembly is null || !_byAssembly.TryGetValue(assembly, out var side)) return null;
        var id = definition is INamedTypeSymbol type
            ? DocumentationCommentId.CreateReferenceId(type)
            : DocumentationCommentId.CreateDeclarationId(definition);
        if (string.IsNullOrEmpty(id)) return null;
        var found = definition is INamedTypeSymbol named
            ? side.Compilation.GetTypeByMetadataName(MetadataName(named)) as ISymbol
            : DocumentationCommentId.GetFirstSymbolForDeclarationId(id!, side.Compilation);
        return found is T t && !t.DeclaringSyntaxReferences.IsDefaultOrEmpty ? t : null;
    }

    private static string MetadataName(INamedTypeSymbol type)
    {
        var names = new Stack<string>();
        for (var t = type; t is not null; t = t.ContainingType) names.Push(t.MetadataName);
        var ns = type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() + "." : "";
        return ns + string.Join("+", names);
    }
}
