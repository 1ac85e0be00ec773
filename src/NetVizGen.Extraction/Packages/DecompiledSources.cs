using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace NetVizGen.Extraction.Packages;

/// <summary>One decompiled file of a referenced assembly, parsed (the build's decompile step wrote it; the generator only receives its text).</summary>
/// <param name="AssemblyName">The assembly it was decompiled from (e.g. <c>TorchVision</c>).</param>
/// <param name="Package">The package and version it came from, for the docs (e.g. <c>TorchVision 0.107.0</c>).</param>
/// <param name="Tree">The parsed text.</param>
public sealed record DecompiledFile(string AssemblyName, string Package, SyntaxTree Tree)
{
    /// <summary>The <c>AdditionalFiles</c> metadata that marks a decompiled file (value: the assembly name).</summary>
    public const string AssemblyMetadata = "build_metadata.AdditionalFiles.NetVizGenDecompiledFrom";

    /// <summary>The <c>AdditionalFiles</c> metadata naming the package and version.</summary>
    public const string PackageMetadata = "build_metadata.AdditionalFiles.NetVizGenPackage";

    /// <summary>
    /// Parses a decompiled file (C# 12, what the decompiler writes), or returns the file parsed earlier from
    /// the same text at the same path (see <see cref="DecompiledParseCache"/>).
    /// </summary>
    public static DecompiledFile Parse(string assemblyName, string package, string path, SourceText text, CancellationToken cancellation) =>
        DecompiledParseCache.GetOrParse(assemblyName, package, path, text, cancellation);

    /// <summary>
    /// The full name of the type the file holds: the decompile step names each file after its top-level
    /// type's metadata name (<c>TorchSharp.Modules.ResNet.cs</c>).
    /// </summary>
    public string TypeName
    {
        get
        {
            var name = System.IO.Path.GetFileNameWithoutExtension(Tree.FilePath);
            return name;
        }
    }
}

/// <summary>
/// Every decompiled file handed to the generator, grouped by assembly. Reference identity matters: the
/// generator's pipeline keeps the same instance while no additional file changed, and
/// <see cref="SideCompilations"/> caches per instance.
/// </summary>
public sealed class DecompiledSources
{
    /// <summary>No decompiled code (the decompile step is off, or no reference defines modules).</summary>
    public static readonly DecompiledSources Empty = new(ImmutableArray<DecompiledFile>.Empty);

    private readonly Dictionary<string, DecompiledFile> _byPath = new(StringComparer.Ordinal);

    /// <summary>Groups <paramref name="files"/> by assembly.</summary>
    public DecompiledSources(ImmutableArray<DecompiledFile> files)
    {
        Files = files;
        foreach (var f in files)
            if (!_byPath.ContainsKey(f.Tree.FilePath)) _byPath.Add(f.Tree.FilePath, f);
        Assemblies = files.Select(f => f.AssemblyName).Distinct(StringComparer.Ordinal).OrderBy(a => a, StringComparer.Ordinal).ToImmutableArray();
    }

    /// <summary>All files, in the order the build passed them.</summary>
    public ImmutableArray<DecompiledFile> Files { get; }

    /// <summary>Names of the assemblies with decompiled code.</summary>
    public ImmutableArray<string> Assemblies { get; }

    /// <summary>The decompiled file at <paramref name="path"/>, if it is one.</summary>
    public DecompiledFile? FileAt(string path) => _byPath.TryGetValue(path, out var f) ? f : null;
}
