using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace NetVizGen.Extraction;

/// <summary>
/// Recognises TorchSharp's types and static classes by their metadata names. Name checks (rather
/// than symbols resolved once from the compilation) keep this usable from any semantic model and
/// robust to TorchSharp versions that move a type between assemblies.
/// </summary>
internal static class TorchNames
{
    private static readonly SymbolDisplayFormat Format = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces);

    // Display strings are costly and asked for on every call and member access: once per symbol. The
    // weak tables hold nothing alive: an entry goes with its symbol, hence with its compilation.
    private static readonly ConditionalWeakTable<ISymbol, string> s_fullNames = new();
    private static readonly ConditionalWeakTable<ISymbol, string> s_displayNames = new();

    /// <summary>The namespace- and type-qualified name, e.g. <c>TorchSharp.torch.nn</c> (cached per symbol).</summary>
    public static string FullName(ISymbol? symbol) =>
        symbol is null ? "" : s_fullNames.GetValue(symbol, static s => s.ToDisplayString(Format));

    /// <summary><see cref="ISymbol.ToDisplayString"/> with the default format (cached per symbol).</summary>
    public static string DisplayName(ISymbol? symbol) =>
        symbol is null ? "" : s_displayNames.GetValue(symbol, static s => s.ToDisplayString());

    /// <summary><c>torch.nn</c>: layer factories such as <c>Conv2d(...)</c> and <c>Sequential(...)</c>.</summary>
    public static bool IsNnClass(INamedTypeSymbol? type) => FullName(type) == "TorchSharp.torch.nn";

    /// <summary><c>torch.nn.functional</c>.</summary>
    public static bool IsFunctionalClass(INamedTypeSymbol? type) => FullName(type) == "TorchSharp.torch.nn.functional";

    /// <summary><c>torch</c> itself (<c>torch.cat</c>, <c>torch.relu</c>, <c>torch.zeros</c>).</summary>
    public static bool IsTorchClass(INamedTypeSymbol? type) => FullName(type) == "TorchSharp.torch";

    /// <summary><c>torch.jit</c> (TorchScript: <c>load</c> reads a whole module from a file at run time).</summary>
    public static bool IsJitClass(INamedTypeSymbol? type) => FullName(type) == "TorchSharp.torch.jit";

    /// <summary><c>torch.nn.init</c> (weight initialisation: no effect on structure).</summary>
    public static bool IsInitClass(INamedTypeSymbol? type) => FullName(type) == "TorchSharp.torch.nn.init";

    public static bool IsTensor(ITypeSymbol? type)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            var name = FullName(t);
            if (name == "TorchSharp.torch.Tensor") return true;
        }
        return false;
    }

    public static bool IsParameterType(ITypeSymbol? type) => FullName(type) is "TorchSharp.Modules.Parameter";

    /// <summary>True for <c>torch.nn.Module</c> and everything derived from it.</summary>
    public static bool IsModule(ITypeSymbol? type)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (FullName(t.OriginalDefinition) is "TorchSharp.torch.nn.Module") return true;
        }
        return false;
    }

    /// <summary>
    /// True for types defined in TorchSharp's own assembly: the library layers and containers. Decided
    /// by assembly, never by namespace: user code (and decompiled package code) often lives in
    /// <c>TorchSharp.Examples</c> or <c>TorchSharp.Modules</c>, and a type whose declaration is in the
    /// compilation is always user code to interpret.
    /// </summary>
    public static bool IsTorchSharpType(ITypeSymbol? type)
    {
        if (type is null) return false;
        var definition = type.OriginalDefinition;
        if (!definition.DeclaringSyntaxReferences.IsDefaultOrEmpty) return false;
        return definition.ContainingAssembly?.Name is "TorchSharp";
    }

    public static string? ContainerKind(ITypeSymbol? type) => type?.OriginalDefinition.Name switch
    {
        "Sequential" when IsTorchSharpType(type) => "Sequential",
        "ModuleList" when IsTorchSharpType(type) => "ModuleList",
        "ModuleDict" when IsTorchSharpType(type) => "ModuleDict",
        _ => null,
    };
}
