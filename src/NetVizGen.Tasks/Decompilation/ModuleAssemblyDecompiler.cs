using System.Diagnostics;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using ICSharpCode.Decompiler;
using ICSharpCode.Decompiler.CSharp;
using ICSharpCode.Decompiler.TypeSystem;

namespace NetVizGen.Tasks.Decompilation;

/// <summary>One decompiled C# file: a top-level type of a referenced assembly.</summary>
/// <param name="TypeName">The type's full name, e.g. <c>TorchSharp.Modules.ResNet</c>.</param>
/// <param name="FileName">The file name under the assembly's output folder.</param>
/// <param name="Text">The C# text.</param>
internal sealed record DecompiledType(string TypeName, string FileName, string Text);

/// <summary>
/// Turns a referenced assembly that defines TorchSharp modules back into C#, type by type, with
/// ICSharpCode.Decompiler (the engine behind ILSpy and the IDE's "metadata as source").
/// </summary>
/// <remarks>
/// Every top-level type of the assembly is decompiled, not only the <c>Module</c>-derived ones: a module's
/// constructor calls the assembly's static factories (<c>torchvision.models.resnet18</c>), enums, option
/// records and internal helpers, and the evaluator follows any of them. A closure computed from the IL
/// would save a little text for assemblies that mix modules with unrelated code, at the risk of missing a
/// helper, which would turn into an unknown value; the whole assembly is paid once per assembly version
/// (the result is cached by MVID), so completeness wins.
/// </remarks>
internal static class ModuleAssemblyDecompiler
{
    /// <summary>The assembly name of TorchSharp itself: its types are library layers, never decompiled.</summary>
    public const string TorchSharpAssemblyName = "TorchSharp";

    /// <summary>
    /// True when <paramref name="path"/> is an assembly (other than TorchSharp) that references TorchSharp;
    /// read from metadata only (no load), a few microseconds per assembly. Also gives its MVID and whether it
    /// is a reference assembly (bodies stripped: nothing to decompile).
    /// </summary>
    public static bool ReferencesTorchSharp(string path, out Guid mvid, out bool isReferenceAssembly)
    {
        mvid = Guid.Empty;
        isReferenceAssembly = false;
        try
        {
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            if (!pe.HasMetadata) return false;
            var md = pe.GetMetadataReader();
            if (!md.IsAssembly) return false;
            if (md.GetString(md.GetAssemblyDefinition().Name) == TorchSharpAssemblyName) return false;
            bool references = false;
            foreach (var h in md.AssemblyReferences)
            {
                if (md.GetString(md.GetAssemblyReference(h).Name) == TorchSharpAssemblyName) { references = true; break; }
            }
            if (!references) return false;
            mvid = md.GetGuid(md.GetModuleDefinition().Mvid);
            foreach (var h in md.GetAssemblyDefinition().GetCustomAttributes())
            {
                var ctor = md.GetCustomAttribute(h).Constructor;
                if (ctor.Kind == HandleKind.MemberReference
                    && md.GetMemberReference((MemberReferenceHandle)ctor).Parent is { Kind: HandleKind.TypeReference } parent
                    && md.GetString(md.GetTypeReference((TypeReferenceHandle)parent).Name) == "ReferenceAssemblyAttribute")
                {
                    isReferenceAssembly = true;
                }
            }
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>
    /// Decompiles every top-level type of <paramref name="assemblyPath"/>, or nothing when it defines no
    /// TorchSharp module. <paramref name="referencePaths"/> are the project's references (to resolve
    /// TorchSharp and the framework exactly as the compiler does).
    /// </summary>
    public static IReadOnlyList<DecompiledType> Decompile(string assemblyPath, IEnumerable<string> referencePaths)
    {
        var settings = new DecompilerSettings(LanguageVersion.CSharp12_0)
        {
            ThrowOnAssemblyResolveErrors = false,
            ShowXmlDocumentation = false,
            // Plain C# the evaluator reads best: no unsafe pointer tricks expected in model code anyway.
            LoadInMemory = true,
        };
        var resolver = new ReferenceResolver(referencePaths);
        var decompiler = new CSharpDecompiler(assemblyPath, resolver, settings);
        var module = decompiler.TypeSystem.MainModule;

        var topLevel = module.TypeDefinitions
            .Where(t => t.DeclaringTypeDefinition is null && !IsCompilerGenerated(t) && t.Name != "<Module>")
            .OrderBy(t => t.ReflectionName, StringComparer.Ordinal)
            .ToList();
        if (!topLevel.Any(DefinesModule)) return Array.Empty<DecompiledType>();

        var names = topLevel.Select(t => t.FullTypeName).ToList();
        var texts = decompiler.TypeSystem is DecompilerTypeSystem shared
            ? DecompileAll(shared, settings, names)
            : names.Select(decompiler.DecompileTypeAsString).ToArray();
        var result = new List<DecompiledType>(topLevel.Count);
        var usedNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < topLevel.Count; i++)
            result.Add(new DecompiledType(topLevel[i].ReflectionName, FileNameFor(topLevel[i].ReflectionName, usedNames), texts[i]));
        return result;
    }

    /// <summary>Stack reserved for each decompiling thread (the decompiler recurses per IL and syntax level).</summary>
    private const int StackBytes = 16 * 1024 * 1024;

    /// <summary>
    /// The C# of each type, by index: types side by side, one decompiler per thread over the one type system
    /// (read-only once built, as ILSpy's project export shares it), so the first build of a fresh
    /// <c>obj/</c> waits for the slowest share rather than for every type in turn. The text of a type does
    /// not depend on which thread decompiled it. Threads of our own, for their stack: a stack overflow
    /// could not be caught and would end the build node.
    /// </summary>
    private static string[] DecompileAll(DecompilerTypeSystem typeSystem, DecompilerSettings settings, IReadOnlyList<FullTypeName> types)
    {
        var texts = new string[types.Count];
        int next = -1;
        Exception? failure = null;
        void Worker()
        {
            var decompiler = new CSharpDecompiler(typeSystem, settings);
            try
            {
                for (int i; (i = Interlocked.Increment(ref next)) < types.Count && Volatile.Read(ref failure) is null;)
                    texts[i] = decompiler.DecompileTypeAsString(types[i]);
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref failure, e, null);
            }
        }
        int workers = Math.Max(1, Math.Min(Environment.ProcessorCount, Math.Min(4, types.Count)));
        var threads = Enumerable.Range(0, workers).Select(n => new Thread(Worker, StackBytes) { IsBackground = true, Name = "NetVizGen decompile " + n }).ToList();
        foreach (var t in threads) t.Start();
        foreach (var t in threads) t.Join();
        if (failure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        return texts;
    }

    /// <summary>True when the type or one of its nested types derives from <c>torch.nn.Module</c>.</summary>
    private static bool DefinesModule(ITypeDefinition type)
    {
        if (type.GetAllBaseTypeDefinitions().Any(b => b.ReflectionName == "TorchSharp.torch+nn+Module")) return true;
        return type.NestedTypes.Any(n => n.GetDefinition() is { } d && DefinesModule(d));
    }

    private static bool IsCompilerGenerated(ITypeDefinition type) =>
        type.Name.StartsWith("<", StringComparison.Ordinal)
        || type.GetAttributes().Any(a => a.AttributeType.FullName == "System.Runtime.CompilerServices.CompilerGeneratedAttribute");

    private static string FileNameFor(string reflectionName, HashSet<string> used)
    {
        var chars = reflectionName.Select(c => char.IsLetterOrDigit(c) || c is '.' or '_' ? c : '-').ToArray();
        var stem = new string(chars);
        var name = stem + ".cs";
        for (int i = 2; !used.Add(name); i++) name = $"{stem}-{i}.cs";
        return name;
    }

    /// <summary>Times a decompilation (for the benchmark and the build log).</summary>
    public static (IReadOnlyList<DecompiledType> Types, TimeSpan Elapsed) Timed(string assemblyPath, IEnumerable<string> referencePaths)
    {
        var watch = Stopwatch.StartNew();
        var types = Decompile(assemblyPath, referencePaths);
        return (types, watch.Elapsed);
    }
}
