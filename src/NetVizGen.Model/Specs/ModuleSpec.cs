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
public sealed record ModuleSpec(
    string Path,
    string TypeName,
    ModuleOrigin Origin,
    EquatableArray<ArgSpec> Args,
    EquatableArray<ModuleSpec> Children,
    long Parameters = -1,
    long Trainable = -1,
    long Buffers = -1,
    SourceSpan? Source = null)
{
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
