using NetVizGen.Model.Specs;

namespace NetVizGen.Extraction.Construction;

/// <summary>
/// Turns the evaluated module objects into the immutable <see cref="ModuleSpec"/> tree, with the
/// dotted paths TorchSharp's <c>named_modules()</c> reports, and remembers each instance's path
/// for the forward tracer.
/// </summary>
internal static class ModuleTreeBuilder
{
    public static ModuleSpec Build(ModuleValue root, Dictionary<ModuleValue, string> paths)
    {
        var onStack = new HashSet<ModuleValue>();
        return Build(root, "", paths, onStack);
    }

    private static ModuleSpec Build(ModuleValue module, string path, Dictionary<ModuleValue, string> paths, HashSet<ModuleValue> onStack)
    {
        if (!paths.ContainsKey(module)) paths[module] = path;
        onStack.Add(module);
        var children = new List<ModuleSpec>();
        foreach (var child in module.Children)
        {
            if (onStack.Contains(child.Value)) continue; // a module registered inside itself: TorchSharp would recurse forever
            var childPath = path.Length == 0 ? child.Key : path + "." + child.Key;
            children.Add(Build(child.Value, childPath, paths, onStack));
        }
        onStack.Remove(module);

        var tensors = module.Tensors.Select(t => new TensorSpec(
            t.Key,
            (t.Value.Shape ?? Array.Empty<long>()).ToEquatableArray(),
            t.Value.IsParameter,
            t.Value.IsParameter && t.Value.RequiresGrad)).ToEquatableArray();

        return new ModuleSpec(path, module.TypeName, module.Origin, module.Args.ToEquatableArray(), children.ToEquatableArray(),
            Source: module.Source, Tensors: tensors);
    }
}
