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

    public static string FullName(ISymbol? symbol) => symbol?.ToDisplayString(Format) ?? "";

    /// <summary><c>torch.nn</c>: layer factories such as <c>Conv2d(...)</c> and <c>Sequential(...)</c>.</summary>
    public static bool IsNnClass(INamedTypeSymbol? type) => FullName(type) == "TorchSharp.torch.nn";

    /// <summary><c>torch.nn.functional</c>.</summary>
    public static bool IsFunctionalClass(INamedTypeSymbol? type) => FullName(type) == "TorchSharp.torch.nn.functional";

    /// <summary><c>torch</c> itself (<c>torch.cat</c>, <c>torch.relu</c>, <c>torch.zeros</c>).</summary>
    public static bool IsTorchClass(INamedTypeSymbol? type) => FullName(type) == "TorchSharp.torch";

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

    /// <summary>True for types defined in TorchSharp (not in user code).</summary>
    public static bool IsTorchSharpType(ITypeSymbol? type)
    {
        var ns = type?.ContainingNamespace?.ToDisplayString() ?? "";
        return ns == "TorchSharp" || ns.StartsWith("TorchSharp.", StringComparison.Ordinal);
    }

    public static string? ContainerKind(ITypeSymbol? type) => type?.OriginalDefinition.Name switch
    {
        "Sequential" when IsTorchSharpType(type) => "Sequential",
        "ModuleList" when IsTorchSharpType(type) => "ModuleList",
        "ModuleDict" when IsTorchSharpType(type) => "ModuleDict",
        _ => null,
    };
}
