using System.Reflection.PortableExecutable;
using ICSharpCode.Decompiler.Metadata;

namespace NetVizGen.Tasks.Decompilation;

/// <summary>
/// Resolves the decompiled assembly's references to exactly the files the project compiles against
/// (MSBuild's <c>@(ReferencePath)</c>), never a GAC or a guessed runtime folder: the decompiled text
/// must bind the way the user's compilation binds.
/// </summary>
internal sealed class ReferenceResolver : IAssemblyResolver
{
    private readonly Dictionary<string, string> _paths = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, MetadataFile?> _loaded = new(StringComparer.OrdinalIgnoreCase);

    public ReferenceResolver(IEnumerable<string> referencePaths)
    {
        foreach (var path in referencePaths)
        {
            var name = Path.GetFileNameWithoutExtension(path);
            if (!_paths.ContainsKey(name)) _paths.Add(name, path);
        }
    }

    public MetadataFile? Resolve(IAssemblyReference reference)
    {
        lock (_loaded)
        {
            if (_loaded.TryGetValue(reference.Name, out var file)) return file;
            file = _paths.TryGetValue(reference.Name, out var path) && File.Exists(path)
                ? new PEFile(path, PEStreamOptions.PrefetchEntireImage)
                : null;
            _loaded[reference.Name] = file;
            return file;
        }
    }

    /// <summary>Every file is opened once anyway (see <see cref="Resolve"/>): nothing to hold.</summary>
    public IDisposable? BeginSnapshot() => null;

    public MetadataFile? ResolveModule(MetadataFile mainModule, string moduleName) => null;

    public Task<MetadataFile?> ResolveAsync(IAssemblyReference reference) => Task.FromResult(Resolve(reference));

    public Task<MetadataFile?> ResolveModuleAsync(MetadataFile mainModule, string moduleName) => Task.FromResult<MetadataFile?>(null);
}
