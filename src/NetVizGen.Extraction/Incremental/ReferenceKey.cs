using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace NetVizGen.Extraction.Incremental;

/// <summary>
/// A metadata reference's identity that survives a rebuild: a new build (and the compiler server) creates
/// new reference objects for the same files, so identity alone would miss every time.
/// </summary>
/// <remarks>
/// For a file reference (<see cref="PortableExecutableReference"/>): its path, its properties (kind,
/// aliases, embedded interop types) and the MVID of each of its modules. The MVID changes whenever the
/// assembly's content does (a deterministic build derives it from the content, a non-deterministic one
/// makes a new one per build), so an equal key means the same metadata. Anything else (a compilation
/// reference of the IDE, metadata that cannot be read) keeps the object itself, compared by identity
/// through a weak reference: at worst a miss, never a stale hit.
/// </remarks>
internal static class ReferenceKey
{
    private static readonly ConditionalWeakTable<MetadataReference, object> s_references = new();
    private static readonly ConditionalWeakTable<Compilation, object[]> s_compilations = new();

    /// <summary>The key of each reference of <paramref name="compilation"/>, in order (computed once per compilation).</summary>
    public static object[] AllOf(Compilation compilation)
    {
        if (s_compilations.TryGetValue(compilation, out var keys)) return keys;
        var computed = compilation.References.Select(Of).ToArray();
        return s_compilations.GetValue(compilation, _ => computed);
    }

    /// <summary>A string for a file reference whose metadata could be read, else a weak reference to the object.</summary>
    public static object Of(MetadataReference reference)
    {
        if (s_references.TryGetValue(reference, out var key)) return key;
        var computed = Compute(reference) ?? (object)new WeakReference<MetadataReference>(reference);
        return s_references.GetValue(reference, _ => computed);
    }

    /// <summary>True when <paramref name="a"/> and <paramref name="b"/> (from <see cref="AllOf"/>) name the same metadata.</summary>
    public static bool Same(object[] a, object[] b)
    {
        if (ReferenceEquals(a, b)) return true;
        if (a.Length != b.Length) return false;
        for (int i = 0; i < a.Length; i++)
        {
            switch (a[i], b[i])
            {
                case (string x, string y) when string.Equals(x, y, StringComparison.Ordinal):
                    continue;
                case (WeakReference<MetadataReference> x, WeakReference<MetadataReference> y)
                    when x.TryGetTarget(out var rx) && y.TryGetTarget(out var ry) && ReferenceEquals(rx, ry):
                    continue;
                default:
                    return false;
            }
        }
        return true;
    }

    private static string? Compute(MetadataReference reference)
    {
        if (reference is not PortableExecutableReference pe) return null;
        try
        {
            var mvids = pe.GetMetadata() switch
            {
                AssemblyMetadata assembly => string.Join(",", assembly.GetModules().Select(m => m.GetModuleVersionId().ToString("N"))),
                ModuleMetadata module => module.GetModuleVersionId().ToString("N"),
                _ => null,
            };
            if (mvids is null) return null;
            var p = pe.Properties;
            return string.Join("|", p.Kind.ToString(), string.Join(",", p.Aliases), p.EmbedInteropTypes ? "embed" : "", pe.FilePath ?? pe.Display ?? "", mvids);
        }
        catch (Exception e) when (e is IOException or BadImageFormatException or InvalidOperationException or UnauthorizedAccessException)
        {
            return null; // unreadable now: identity only
        }
    }
}
