using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using NetVizGen.Model.Json;
using NetVizGen.Model.Specs;

namespace NetVizGen.Tasks.Tests;

/// <summary>The task reads manifests from metadata alone, and they stay out of reference assemblies.</summary>
public sealed class ManifestReaderTests
{
    private static ModelSpec Model(string id) => new(id, id, "Models." + id, FlowDirection.TopDown, "N,4", -1,
        new ModuleSpec("", id, ModuleOrigin.Custom, EquatableArray<ArgSpec>.Empty, EquatableArray<ModuleSpec>.Empty, 10, 10, 0),
        FlowSpec.Empty, EquatableArray<NoteSpec>.Empty, null, 42);

    private static string Literal(string s) => SymbolDisplay.FormatLiteral(s, quote: true);

    /// <summary>Compiles the carrier class exactly as the generator emits it.</summary>
    private static byte[] Compile(bool referenceAssembly, params ModelSpec[] models)
    {
        var source = "namespace " + ManifestJson.CarrierNamespace + " { internal static partial class " + ManifestJson.CarrierTypeName + " { "
            + string.Concat(models.Select((m, i) => "private const string " + ManifestJson.CarrierFieldPrefix + i + " = " + Literal(ManifestJson.Write(m)) + "; "))
            + "} }";
        var compilation = CSharpCompilation.Create("Models", new[] { CSharpSyntaxTree.ParseText(source) },
            Basic.Reference.Assemblies.Net100.References.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var pe = new MemoryStream();
        var options = referenceAssembly ? new EmitOptions(metadataOnly: true).WithIncludePrivateMembers(false) : new EmitOptions();
        var result = compilation.Emit(pe, options: options);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return pe.ToArray();
    }

    private static string Write(byte[] bytes)
    {
        var path = Path.Combine(Path.GetTempPath(), "nvg-manifest-" + Guid.NewGuid().ToString("N") + ".dll");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public void Reads_every_manifest_sorted_by_id()
    {
        var path = Write(Compile(false, Model("Zeta"), Model("Alpha")));
        try
        {
            var models = ManifestReader.Read(path);
            Assert.Equal(new[] { "Alpha", "Zeta" }, models.Select(m => m.Id));
            Assert.Equal(Model("Alpha"), models[0]);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void The_reference_assembly_carries_no_manifest()
    {
        var path = Write(Compile(true, Model("Alpha")));
        try { Assert.Empty(ManifestReader.Read(path)); }
        finally { File.Delete(path); }
    }

    [Fact]
    public void An_assembly_without_models_gives_none_and_is_not_locked()
    {
        var path = Write(Compile(false));
        Assert.Empty(ManifestReader.Read(path));
        File.Delete(path); // would throw on Windows if the reader kept the file open
        Assert.False(File.Exists(path));
    }
}
