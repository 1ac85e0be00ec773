using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using NetVizGen.Model.Json;
using NetVizGen.Model.Specs;

namespace NetVizGen.Tasks.Tests.Support;

/// <summary>Real assemblies carrying manifests exactly as the generator emits them, compiled by Roslyn.</summary>
internal static class ManifestAssembly
{
    /// <summary>A model with no layers: the smallest manifest.</summary>
    public static ModelSpec Tiny(string id) => new(id, id, "Models." + id, FlowDirection.TopDown, "N,4", -1,
        new ModuleSpec("", id, ModuleOrigin.Custom, EquatableArray<ArgSpec>.Empty, EquatableArray<ModuleSpec>.Empty, 10, 10, 0),
        FlowSpec.Empty, EquatableArray<NoteSpec>.Empty, null, 42);

    /// <summary>
    /// A stack of <paramref name="blocks"/> custom blocks (Linear + ReLU each, <paramref name="width"/> features):
    /// an overview, one block diagram, pages and an index row, like a small real model.
    /// </summary>
    public static ModelSpec Stacked(string id, int blocks, long width)
    {
        var flow = new List<FlowNodeSpec>();
        int Add(FlowNodeKind kind, string name, string path, string shape, string scope, params int[] inputs)
        {
            flow.Add(new FlowNodeSpec(flow.Count, kind, name, path, inputs.ToEquatableArray(), EquatableArray<ArgSpec>.Empty, shape, null, scope));
            return flow.Count - 1;
        }
        var shape = "N×" + width;
        int x = Add(FlowNodeKind.Input, "x", "", shape, "");
        var children = new List<ModuleSpec>();
        for (int b = 0; b < blocks; b++)
        {
            var path = "block" + b;
            x = Add(FlowNodeKind.Module, "fc", path + ".fc", shape, path, x);
            x = Add(FlowNodeKind.Module, "act", path + ".act", shape, path, x);
            long p = width * width + width;
            var fc = new ModuleSpec(path + ".fc", "Linear", ModuleOrigin.Builtin,
                new[] { new ArgSpec("inputSize", ArgValue.FromInt(width)), new ArgSpec("outputSize", ArgValue.FromInt(width)) }.ToEquatableArray(),
                EquatableArray<ModuleSpec>.Empty, p, p, 0);
            var act = new ModuleSpec(path + ".act", "ReLU", ModuleOrigin.Builtin, EquatableArray<ArgSpec>.Empty, EquatableArray<ModuleSpec>.Empty, 0, 0, 0);
            children.Add(new ModuleSpec(path, "Block", ModuleOrigin.Custom, EquatableArray<ArgSpec>.Empty, new[] { fc, act }.ToEquatableArray(), p, p, 0));
        }
        Add(FlowNodeKind.Output, "output", "", shape, "", x);
        long total = children.Sum(c => c.Parameters);
        var root = new ModuleSpec("", id, ModuleOrigin.Custom, EquatableArray<ArgSpec>.Empty, children.ToEquatableArray(), total, total, 0);
        return new ModelSpec(id, id, "Models." + id, FlowDirection.TopDown, shape, -1, root,
            new FlowSpec(flow.ToEquatableArray()), EquatableArray<NoteSpec>.Empty, null, blocks * width * width);
    }

    /// <summary>Compiles the carrier class with one private constant per model, carried as the generator carries it (deflated).</summary>
    public static byte[] Compile(bool referenceAssembly, params ModelSpec[] models) => Compile(referenceAssembly, deflate: true, models);

    /// <summary>As <see cref="Compile(bool, ModelSpec[])"/>; <paramref name="deflate"/> false writes plain JSON (older writers).</summary>
    public static byte[] Compile(bool referenceAssembly, bool deflate, params ModelSpec[] models)
    {
        var source = "namespace " + ManifestJson.CarrierNamespace + " { internal static partial class " + ManifestJson.CarrierTypeName + " { "
            + string.Concat(models.Select((m, i) => "private const string " + ManifestJson.CarrierFieldPrefix + i + " = "
                + SymbolDisplay.FormatLiteral(deflate ? ManifestCarrier.Encode(ManifestJson.Write(m)) : ManifestJson.Write(m), quote: true) + "; "))
            + "} }";
        var compilation = CSharpCompilation.Create("Models", new[] { CSharpSyntaxTree.ParseText(source) },
            Basic.Reference.Assemblies.Net100.References.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, deterministic: true));
        using var pe = new MemoryStream();
        var options = referenceAssembly ? new EmitOptions(metadataOnly: true).WithIncludePrivateMembers(false) : new EmitOptions();
        var result = compilation.Emit(pe, options: options);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return pe.ToArray();
    }

    /// <summary>Compiles the models into <paramref name="path"/>, replacing what is there (a rebuilt assembly).</summary>
    public static string WriteTo(string path, params ModelSpec[] models)
    {
        File.WriteAllBytes(path, Compile(false, models));
        return path;
    }
}
