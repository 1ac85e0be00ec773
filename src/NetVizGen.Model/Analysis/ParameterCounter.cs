using NetVizGen.Model.Catalog;
using NetVizGen.Model.Specs;

namespace NetVizGen.Model.Analysis;

/// <summary>
/// Fills <see cref="ModuleSpec.Parameters"/>, <see cref="ModuleSpec.Trainable"/> and <see cref="ModuleSpec.Buffers"/> bottom-up.
/// Built-ins: the catalog (or the sum of their children when the catalog cannot tell, e.g. TransformerEncoder).
/// Containers: the sum of their children. Custom modules: the sum of their children plus the tensors
/// registered directly on them (<see cref="ModuleSpec.Tensors"/>). Unresolved modules, unknown arguments
/// and tensors of unknown shape make the count -1 (unknown is never guessed), and so do their ancestors.
/// </summary>
internal static class ParameterCounter
{
    public static ModuleSpec Fill(ModuleSpec module)
    {
        var children = module.Children.Select(Fill).ToArray();
        var count = Count(module, children);
        return module with
        {
            Children = new EquatableArray<ModuleSpec>(children),
            Parameters = count?.Parameters ?? -1,
            Trainable = count?.Trainable ?? -1,
            Buffers = count?.Buffers ?? -1,
        };
    }

    private static Counts? Count(ModuleSpec module, ModuleSpec[] children)
    {
        if (module.Origin == ModuleOrigin.Unresolved) return null;
        if (module.Origin == ModuleOrigin.Builtin && LayerCatalog.TryGet(module.TypeName, out var def)
            && def.Category != LayerCategory.Container && def.CountParameters(module.Args) is { } fromCatalog)
        {
            return new Counts(fromCatalog.Parameters, fromCatalog.Trainable, fromCatalog.Buffers);
        }
        // A built-in the catalog cannot count (unknown type, or unknown args) is known only through its children.
        if (module.Origin == ModuleOrigin.Builtin && !(LayerCatalog.TryGet(module.TypeName, out var d) && d.Category == LayerCategory.Container)
            && children.Length == 0) return null;

        var total = new Counts(0, 0, 0);
        foreach (var c in children)
        {
            if (c.Parameters < 0 || c.Trainable < 0 || c.Buffers < 0) return null;
            total = new Counts(total.Parameters + c.Parameters, total.Trainable + c.Trainable, total.Buffers + c.Buffers);
        }
        if (module.Origin == ModuleOrigin.Custom)
        {
            foreach (var t in module.Tensors)
            {
                long n = t.Elements;
                if (n < 0) return null;
                total = t.IsParameter
                    ? new Counts(total.Parameters + n, total.Trainable + (t.Trainable ? n : 0), total.Buffers)
                    : new Counts(total.Parameters, total.Trainable, total.Buffers + n);
            }
        }
        return total;
    }

    private readonly record struct Counts(long Parameters, long Trainable, long Buffers);
}
