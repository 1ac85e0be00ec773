using NetVizGen.Model.Specs;

namespace NetVizGen.Extraction.Construction;

/// <summary>
/// Turns the evaluated module objects into the immutable <see cref="ModuleSpec"/> tree, with the
/// dotted paths TorchSharp's <c>named_modules()</c> reports, and remembers each instance's path
/// for the forward tracer.
/// </summary>
/// <remarks>
/// One instance registered under several names (appended twice to a <c>Sequential</c>, held by two
/// fields) is one module with shared weights. TorchSharp's <c>named_modules()</c> lists every
/// occurrence with its whole subtree, so the tree does too; each repeated occurrence carries
/// <see cref="ModuleSpec.SharedWith"/>, the path of the instance's first occurrence in
/// <c>named_modules()</c> order, and that first path is the one the tracer gives the instance's calls
/// (a forward hook sees the instance, not the name it was reached by).
/// </remarks>
internal static class ModuleTreeBuilder
{
    public static ModuleSpec Build(ModuleValue root, Dictionary<ModuleValue, string> paths)
    {
        var onStack = new HashSet<ModuleValue>();
        if (!paths.ContainsKey(root)) paths[root] = "";
        onStack.Add(root);
        AssignFirstPaths(root, "", paths, onStack);
        onStack.Clear();
        return Build(root, "", paths, onStack);
    }

    /// <summary>
    /// Records the first path of every instance in TorchSharp's <c>named_modules()</c> order: a module's
    /// children first, then each child's descendants (not PyTorch's pre-order).
    /// </summary>
    private static void AssignFirstPaths(ModuleValue module, string path, Dictionary<ModuleValue, string> paths, HashSet<ModuleValue> onStack)
    {
        List<(ModuleValue Value, string Path)>? children = null;
        foreach (var child in module.Children)
        {
            if (onStack.Contains(child.Value)) continue; // registered inside itself: skipped, as in Build
            var childPath = path.Length == 0 ? child.Key : path + "." + child.Key;
            if (!paths.ContainsKey(child.Value)) paths[child.Value] = childPath;
            (children ??= new()).Add((child.Value, childPath));
        }
        if (children is null) return;
        foreach (var (value, childPath) in children)
        {
            onStack.Add(value);
            AssignFirstPaths(value, childPath, paths, onStack);
            onStack.Remove(value);
        }
    }

    private static ModuleSpec Build(ModuleValue module, string path, Dictionary<ModuleValue, string> paths, HashSet<ModuleValue> onStack)
    {
        if (!paths.TryGetValue(module, out var firstPath)) paths[module] = firstPath = path;
        onStack.Add(module);
        var children = new List<ModuleSpec>();
        foreach (var child in module.Children)
        {
            if (onStack.Contains(child.Value)) continue; // a module registered inside itself: TorchSharp would recurse forever
            var childPath = path.Length == 0 ? child.Key : path + "." + child.Key;
            children.Add(Build(child.Value, childPath, paths, onStack));
        }
        onStack.Remove(module);

        // A non-persistent buffer is not listed by TorchSharp's buffers(), so it is not counted (ConstTensorValue.Persistent).
        var tensors = module.Tensors.Where(t => t.Value.Persistent).Select(t => new TensorSpec(
            t.Key,
            (t.Value.Shape ?? Array.Empty<long>()).ToEquatableArray(),
            t.Value.IsParameter,
            t.Value.IsParameter && t.Value.RequiresGrad,
            t.Value.KindKnown)).ToEquatableArray();

        return new ModuleSpec(path, module.TypeName, module.Origin, module.Args.ToEquatableArray(), children.ToEquatableArray(),
            Source: module.Source, Tensors: tensors,
            SharedWith: string.Equals(firstPath, path, StringComparison.Ordinal) ? null : firstPath,
            TiedWeight: module.TiedWeightOf is { } tied && paths.TryGetValue(tied, out var tiedPath) ? tiedPath : null);
    }
}
