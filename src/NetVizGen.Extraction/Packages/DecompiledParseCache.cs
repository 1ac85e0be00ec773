using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using NetVizGen.Extraction.Incremental;

namespace NetVizGen.Extraction.Packages;

/// <summary>
/// Parsed decompiled files, re-used across builds: keyed by (assembly, package, path, SHA-256 of the
/// text), so a rebuild in the compiler server (new additional-file objects, same text) gets the very same
/// <see cref="DecompiledFile"/> and tree back instead of parsing the package again. Equal trees in turn let
/// <see cref="SideCompilations"/> re-use the side compilation and its bindings.
/// </summary>
/// <remarks>
/// A hit is exact: the same text with the same parse options parses to the same tree, and a tree is
/// immutable. Bounded: cleared when it holds more than <see cref="MaxEntries"/> files (a package's decompiled
/// code is a few hundred files; the compiler server may build many projects).
/// </remarks>
internal static class DecompiledParseCache
{
    private const int MaxEntries = 20_000;

    /// <summary>What decompiled code is parsed as (C# 12, what the decompiler writes).</summary>
    public static readonly CSharpParseOptions Options = new(LanguageVersion.CSharp12);

    private static readonly Dictionary<(string Assembly, string Package, string Path, ContentHash Text), DecompiledFile> s_files = new();
    /// <summary>The file parsed from <paramref name="text"/>, parsed now only if no equal text at the same path was.</summary>
    public static DecompiledFile GetOrParse(string assemblyName, string package, string path, SourceText text, CancellationToken cancellation)
    {
        var key = (assemblyName, package, path, ContentHash.Of(text));
        lock (s_files)
        {
            if (s_files.TryGetValue(key, out var known)) return known;
        }
        var parsed = new DecompiledFile(assemblyName, package, CSharpSyntaxTree.ParseText(text, Options, path, cancellation));
        lock (s_files)
        {
            if (s_files.TryGetValue(key, out var raced)) return raced;
            if (s_files.Count >= MaxEntries) s_files.Clear();
            s_files[key] = parsed;
        }
        return parsed;
    }
}
