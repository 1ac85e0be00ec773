namespace NetVizGen.Model.Specs;

/// <summary>How a module in the tree came to be known.</summary>
public enum ModuleOrigin
{
    /// <summary>A TorchSharp built-in layer such as <c>Conv2d</c>, found in the layer catalog.</summary>
    Builtin,
    /// <summary>A TorchSharp container: <c>Sequential</c>, <c>ModuleList</c>, <c>ModuleDict</c>.</summary>
    Container,
    /// <summary>A user-defined <c>Module</c> subclass whose constructor was evaluated.</summary>
    Custom,
    /// <summary>A module whose construction could not be understood statically.</summary>
    Unresolved,
}

/// <summary>
/// One node of the module tree, as TorchSharp's <c>named_modules()</c> would report it.
/// </summary>
/// <param name="Path">Dotted path from the model root (<c>layer1.0.conv1</c>); empty for the root.</param>
/// <param name="TypeName">The module's class name, e.g. <c>Conv2d</c> or <c>BasicBlock</c>.</param>
/// <param name="Origin">How the module was recognised.</param>
/// <param name="Args">Bound constructor arguments (built-ins) or the custom constructor's arguments.</param>
/// <param name="Children">Registered children in registration order.</param>
/// <param name="Parameters">Total parameter elements in this module and below; -1 when unknown.</param>
/// <param name="Trainable">Trainable parameter elements in this module and below; -1 when unknown.</param>
/// <param name="Buffers">Buffer elements (e.g. BatchNorm running stats) in this module and below; -1 when unknown.</param>
/// <param name="Source">Where the module was constructed, when known.</param>
/// <param name="Tensors">Parameters and buffers registered directly on a custom module (not via child layers).</param>
/// <param name="SharedWith">When this entry is the same module instance as an earlier entry of
/// <c>named_modules()</c> (one object registered under several names, e.g. appended twice to a
/// <c>Sequential</c> or held by two fields: shared weights), the path of that first occurrence; null for a
/// module's first (or only) occurrence. TorchSharp lists every occurrence with its full subtree, but
/// counts a shared instance's parameters once in any ancestor.</param>
/// <param name="TiedWeight">Weight tying: this built-in layer's <c>weight</c> is the weight of the layer at this
/// path (<c>wte.weight = lm_head.weight</c>). Both layers report the tensor; any module holding both counts it once.</param>
public sealed record ModuleSpec(
    string Path,
    string TypeName,
    ModuleOrigin Origin,
    EquatableArray<ArgSpec> Args,
    EquatableArray<ModuleSpec> Children,
    long Parameters = -1,
    long Trainable = -1,
    long Buffers = -1,
    SourceSpan? Source = null,
    EquatableArray<TensorSpec> Tensors = default,
    string? SharedWith = null,
    string? TiedWeight = null)
{
    /// <summary>The path that identifies this module instance: <see cref="SharedWith"/> for a repeated
    /// occurrence of a shared instance, otherwise <see cref="Path"/>.</summary>
    public string InstancePath => SharedWith ?? Path;

    /// <summary>The last segment of <see cref="Path"/>; empty for the root.</summary>
    public string Name
    {
        get
        {
            int dot = Path.LastIndexOf('.');
            return dot < 0 ? Path : Path.Substring(dot + 1);
        }
    }

    /// <summary>The value of argument <paramref name="name"/>, or null when absent.</summary>
    public ArgValue? Arg(string name)
    {
        foreach (var a in Args) if (a.Name == name) return a.Value;
        return null;
    }

    /// <summary>This module and all its descendants, depth first in registration order.</summary>
    public IEnumerable<ModuleSpec> DescendantsAndSelf()
    {
        yield return this;
        foreach (var child in Children)
            foreach (var d in child.DescendantsAndSelf())
                yield return d;
    }
}

/// <summary>A parameter or buffer registered directly on a custom module (e.g. a class token).</summary>
/// <param name="Name">Registered name.</param>
/// <param name="Shape">Dimensions, or empty when not known statically.</param>
/// <param name="IsParameter">True for a <c>Parameter</c>, false for a buffer.</param>
/// <param name="Trainable">True when it requires gradients.</param>
/// <param name="KindKnown">False when the reader could not tell a Parameter from a buffer (a <c>Tensor</c> field whose
/// value it could not follow): then neither the parameter nor the buffer total is known.</param>
public sealed record TensorSpec(string Name, EquatableArray<long> Shape, bool IsParameter, bool Trainable, bool KindKnown = true)
{
    /// <summary>Element count, or -1 when the shape is unknown.</summary>
    public long Elements
    {
        get
        {
            if (Shape.IsEmpty) return -1;
            long n = 1;
            // Saturating: a declared size past long counts as "at least" (Analysis.Saturating), never wraps or throws.
            foreach (var d in Shape) n = Analysis.Saturating.Multiply(n, d);
            return n;
        }
    }
}
