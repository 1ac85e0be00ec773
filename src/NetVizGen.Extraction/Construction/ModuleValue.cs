using Microsoft.CodeAnalysis;
using NetVizGen.Extraction.Evaluation;
using NetVizGen.Model.Specs;

namespace NetVizGen.Extraction.Construction;

/// <summary>
/// A TorchSharp module instance during evaluation: a built-in layer, a container or a custom
/// module whose constructor is being (or was) evaluated. Mirrors TorchSharp's own registration
/// state so that the tree we report is the one <c>named_modules()</c> returns at run time.
/// </summary>
internal sealed class ModuleValue : Value
{
    private static int s_nextId;

    public ModuleValue(string typeName, ModuleOrigin origin, INamedTypeSymbol? customType, SourceSpan? source)
    {
        TypeName = typeName;
        Origin = origin;
        CustomType = customType;
        Source = source;
        InstanceId = Interlocked.Increment(ref s_nextId);
    }

    /// <summary>Identity for shared-weights detection and the forward tracer.</summary>
    public int InstanceId { get; }

    public string TypeName { get; }
    public ModuleOrigin Origin { get; set; }
    public INamedTypeSymbol? CustomType { get; }

    /// <summary>The TorchSharp class of a built-in layer (<c>layer.GetType() == typeof(BatchNorm2d)</c>).</summary>
    public ITypeSymbol? BuiltinType { get; init; }
    public SourceSpan? Source { get; }

    /// <summary>Bound constructor arguments (built-ins: every TorchSharp parameter).</summary>
    public List<ArgSpec> Args { get; } = new();

    /// <summary>Instance fields and auto-properties of a custom module, by member name, in assignment order.</summary>
    public Dictionary<string, Value> Fields { get; } = new(StringComparer.Ordinal);

    /// <summary>Registered submodules, in registration order (TorchSharp's ordered dictionary).</summary>
    public List<KeyValuePair<string, ModuleValue>> Children { get; } = new();

    /// <summary>Registered parameters and buffers (name, tensor).</summary>
    public List<KeyValuePair<string, ConstTensorValue>> Tensors { get; } = new();

    /// <summary>True after <c>RegisterComponents()</c> ran once (later calls are no-ops in TorchSharp).</summary>
    public bool ComponentsRegistered { get; set; }

    /// <summary>Field names that held a module when the constructor finished but were never registered.</summary>
    public List<(string Field, ModuleValue Module, SourceSpan? Where)> Unregistered { get; } = new();

    /// <summary>Where each field was last assigned, for diagnostics.</summary>
    public Dictionary<string, SourceSpan?> FieldSources { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Module fields assigned after this module's RegisterComponents() ran, with where: NVG0105 once construction
    /// is over, unless the module was registered explicitly after all (<c>_internal_submodules.Remove("m");
    /// m = ...; register_module("m", m)</c>, as YoloSharp's C3k does).
    /// </summary>
    public Dictionary<string, SourceSpan?> LateAssignments { get; } = new(StringComparer.Ordinal);

    public bool IsContainer => Origin == ModuleOrigin.Container;

    /// <summary>Registers a child unless the name is taken (TorchSharp throws on duplicates; we keep the first).</summary>
    public void Register(string name, ModuleValue child)
    {
        foreach (var c in Children) if (c.Key == name) return;
        Children.Add(new KeyValuePair<string, ModuleValue>(name, child));
    }

    /// <summary>
    /// The mode forward reads as <c>training</c>: true, as TorchSharp creates every module, until <c>eval()</c> or
    /// <c>train(false)</c> (on it or a module above it); null when set to a value not known at compile time.
    /// </summary>
    public bool? Training { get; set; } = true;

    /// <summary>TorchSharp's <c>_internal_submodules.Remove(name)</c>: the child is no longer registered; true when there was one.</summary>
    public bool Unregister(string name) => Children.RemoveAll(c => c.Key == name) > 0;

    public ModuleValue? Child(string name)
    {
        foreach (var c in Children) if (c.Key == name) return c.Value;
        return null;
    }

    /// <summary>
    /// Weight tying: the layer whose <c>weight</c> this built-in layer's <c>weight</c> was set to
    /// (<c>wte.weight = lm_head.weight</c> in GPT-2 ports); the tensor is then one parameter of both.
    /// </summary>
    public ModuleValue? TiedWeightOf { get; set; }
}
