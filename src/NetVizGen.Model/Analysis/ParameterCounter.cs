using NetVizGen.Model.Catalog;
using NetVizGen.Model.Specs;

namespace NetVizGen.Model.Analysis;

/// <summary>
/// Fills <see cref="ModuleSpec.Parameters"/>, <see cref="ModuleSpec.Trainable"/> and <see cref="ModuleSpec.Buffers"/> bottom-up.
/// Built-ins: the catalog (or the sum of their children when the catalog cannot tell, e.g. TransformerEncoder).
/// Containers: the sum of their children. Custom modules: the sum of their children plus the tensors
/// registered directly on them (<see cref="ModuleSpec.Tensors"/>). Unresolved modules, unknown arguments
/// and tensors of unknown shape make the count -1 (unknown is never guessed), and so do their ancestors.
/// <para>
/// Shared weights: one instance registered under several names (<see cref="ModuleSpec.SharedWith"/>) is
/// counted once in every ancestor, as TorchSharp's <c>parameters()</c> does; each occurrence still reports
/// the instance's own full count.
/// </para>
/// </summary>
internal static class ParameterCounter
{
    public static ModuleSpec Fill(ModuleSpec module)
    {
        var children = module.Children.Select(Fill).ToArray();
        var count = children.Any(HasSharing) ? CountDistinct(module, children) : Count(module, children);
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
            total = total + new Counts(c.Parameters, c.Trainable, c.Buffers);
        }
        if (module.Origin == ModuleOrigin.Custom)
        {
            foreach (var t in module.Tensors)
            {
                long n = t.Elements;
                if (n < 0) return null;
                total = total + (t.IsParameter ? new Counts(n, t.Trainable ? n : 0, 0) : new Counts(0, 0, n));
            }
        }
        return total;
    }

    private static bool HasSharing(ModuleSpec m) => m.SharedWith != null || m.Children.Any(HasSharing);

    /// <summary>
    /// Counts for a module whose subtree holds a shared instance: every distinct instance (by
    /// <see cref="ModuleSpec.InstancePath"/>) contributes once. A module whose own count is self-contained
    /// (catalog-counted built-in, or a subtree without sharing) contributes that count and is not entered.
    /// </summary>
    private static Counts? CountDistinct(ModuleSpec module, ModuleSpec[] children)
    {
        if (IsCatalogCounted(module)) return Count(module, children); // the catalog counts the whole layer
        if (module.Origin == ModuleOrigin.Unresolved) return null;

        var total = module.Origin == ModuleOrigin.Custom ? OwnTensors(module) : new Counts(0, 0, 0);
        if (total is null) return null;
        var seen = new HashSet<string>(StringComparer.Ordinal) { module.InstancePath };
        foreach (var c in children)
        {
            var t = Distinct(c, seen);
            if (t is null) return null;
            total = total.Value + t.Value;
        }
        return total;
    }

    /// <summary>What the (already filled) <paramref name="m"/> adds beyond the instances in <paramref name="seen"/>.</summary>
    private static Counts? Distinct(ModuleSpec m, HashSet<string> seen)
    {
        if (!seen.Add(m.InstancePath)) return new Counts(0, 0, 0); // the same instance, whole subtree included
        if (m.Parameters < 0 || m.Trainable < 0 || m.Buffers < 0) return null;
        bool selfContained = IsCatalogCounted(m)
            || (!HasSharing(m) && m.DescendantsAndSelf().Skip(1).All(d => !seen.Contains(d.InstancePath)));
        if (selfContained)
        {
            foreach (var d in m.DescendantsAndSelf().Skip(1)) seen.Add(d.InstancePath);
            return new Counts(m.Parameters, m.Trainable, m.Buffers);
        }

        var total = m.Origin == ModuleOrigin.Custom ? OwnTensors(m) : new Counts(0, 0, 0);
        if (total is null) return null;
        foreach (var c in m.Children)
        {
            var t = Distinct(c, seen);
            if (t is null) return null;
            total = total.Value + t.Value;
        }
        return total;
    }

    private static bool IsCatalogCounted(ModuleSpec m) =>
        m.Origin == ModuleOrigin.Builtin && LayerCatalog.TryGet(m.TypeName, out var def)
        && def.Category != LayerCategory.Container && def.CountParameters(m.Args) is not null;

    private static Counts? OwnTensors(ModuleSpec module)
    {
        var total = new Counts(0, 0, 0);
        foreach (var t in module.Tensors)
        {
            long n = t.Elements;
            if (n < 0) return null;
            total = total + (t.IsParameter ? new Counts(n, t.Trainable ? n : 0, 0) : new Counts(0, 0, n));
        }
        return total;
    }

    private readonly record struct Counts(long Parameters, long Trainable, long Buffers)
    {
        // Saturating: a sum past long is "at least" (Saturating.AtLeast), never a wrapped or thrown one.
        public static Counts operator +(Counts a, Counts b) =>
            new(Saturating.Add(a.Parameters, b.Parameters), Saturating.Add(a.Trainable, b.Trainable), Saturating.Add(a.Buffers, b.Buffers));
    }
}
