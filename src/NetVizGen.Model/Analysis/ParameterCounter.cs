using NetVizGen.Model.Catalog;
using NetVizGen.Model.Specs;

namespace NetVizGen.Model.Analysis;

/// <summary>
/// Fills <see cref="ModuleSpec.Parameters"/>, <see cref="ModuleSpec.Trainable"/> and <see cref="ModuleSpec.Buffers"/> bottom-up.
/// Built-ins: the catalog (or the sum of their children when the catalog cannot tell, e.g. TransformerEncoder).
/// Containers: the sum of their children. Custom modules: the sum of their children plus the tensors
/// registered directly on them (<see cref="ModuleSpec.Tensors"/>). Unresolved modules, unknown arguments
/// and tensors of unknown shape make the count -1 (unknown is never guessed), and so do their ancestors; each
/// total separately (a buffer of unknown size leaves the parameter count exact).
/// <see cref="KnownAtLeast"/> gives the lower bound and the reasons a page states for an unknown total.
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
        count -= TiedHere(module, children);
        return module with
        {
            Children = new EquatableArray<ModuleSpec>(children),
            Parameters = count.Parameters ?? -1,
            Trainable = count.Trainable ?? -1,
            Buffers = count.Buffers ?? -1,
        };
    }

    private static Counts Count(ModuleSpec module, ModuleSpec[] children)
    {
        if (module.Origin == ModuleOrigin.Unresolved) return Counts.Unknown;
        if (module.Origin == ModuleOrigin.Builtin && LayerCatalog.TryGet(module.TypeName, out var def)
            && def.Category != LayerCategory.Container && def.CountParameters(module.Args) is { } fromCatalog)
        {
            return new Counts(fromCatalog.Parameters, fromCatalog.Trainable, fromCatalog.Buffers);
        }
        // A built-in the catalog cannot count (unknown type, or unknown args) is known only through its children.
        if (module.Origin == ModuleOrigin.Builtin && !(LayerCatalog.TryGet(module.TypeName, out var d) && d.Category == LayerCategory.Container)
            && children.Length == 0) return Counts.Unknown;

        var total = new Counts(0, 0, 0);
        foreach (var c in children) total += Counts.Of(c);
        if (module.Origin == ModuleOrigin.Custom)
            foreach (var t in module.Tensors) total += Tensor(t);
        return total;
    }

    /// <summary>
    /// For a filled tree whose parameter total is unknown: the parameters that are known (a lower bound:
    /// each instance counted once, a subtree skipped when it shares an instance already counted) and why
    /// the rest is not, one reason per deepest unknown part.
    /// </summary>
    public static (long Known, List<string> Reasons) KnownAtLeast(ModuleSpec root)
    {
        long known = 0;
        var reasons = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        Visit(root);
        return (known, reasons);

        void Visit(ModuleSpec m)
        {
            if (m.Parameters >= 0)
            {
                var instances = m.DescendantsAndSelf().Select(d => d.InstancePath).ToList();
                if (instances.Any(seen.Contains)) return;
                foreach (var i in instances) seen.Add(i);
                known += m.Parameters;
                return;
            }
            if (!seen.Add(m.InstancePath)) return;
            var name = m.Path.Length == 0 ? "the model (" + m.TypeName + ")" : "'" + m.Path + "' (" + m.TypeName + ")";
            switch (m.Origin)
            {
                // jit.load: what the module holds is in a TorchScript file, which no reading of the code can tell.
                case ModuleOrigin.Unresolved when m.TypeName == "ScriptModule":
                    reasons.Add(name + " is a TorchScript module loaded from a file at run time: its layers and parameters are in that file, not in the code");
                    return;
                case ModuleOrigin.Unresolved:
                    reasons.Add(name + " could not be resolved at compile time");
                    return;
                case ModuleOrigin.Builtin when m.Children.IsEmpty:
                    reasons.Add(name + (LayerCatalog.TryGet(m.TypeName, out _) ? " has arguments not known at compile time" : " is a layer type NetVizGen does not know"));
                    return;
                case ModuleOrigin.Custom:
                    foreach (var t in m.Tensors)
                    {
                        if (!t.IsParameter) continue;
                        if (t.Elements >= 0) known += t.Elements;
                        else reasons.Add("the shape of parameter '" + (m.Path.Length == 0 ? t.Name : m.Path + "." + t.Name) + "' is not known at compile time");
                    }
                    break;
            }
            foreach (var c in m.Children) Visit(c);
        }
    }

    private static bool HasSharing(ModuleSpec m) => m.SharedWith != null || m.Children.Any(HasSharing);

    /// <summary>
    /// Weight tying (<see cref="ModuleSpec.TiedWeight"/>): a tied weight is counted in both layers' own totals
    /// (each reports the tensor, as TorchSharp does) but once in the module that holds both, which is where
    /// the second count is taken off; every ancestor above sums that already. The weight's size comes from the
    /// tied layer's arguments (Embedding: all of it; Linear: inputSize × outputSize); otherwise it is unknown.
    /// </summary>
    private static Counts TiedHere(ModuleSpec module, ModuleSpec[] children)
    {
        var total = new Counts(0, 0, 0);
        foreach (var child in children)
        {
            foreach (var layer in child.DescendantsAndSelf())
            {
                if (layer.TiedWeight is not { } other || layer.SharedWith != null) continue;
                // Taken off where both meet: the other layer is in another child of this module.
                bool otherHere = children.Any(c => !ReferenceEquals(c, child) && c.DescendantsAndSelf().Any(d => d.Path == other && d.SharedWith == null));
                if (!otherHere) continue;
                var weight = WeightElements(layer);
                total += weight is long n ? new Counts(n, n, 0) : new Counts(null, null, 0);
            }
        }
        return total;
    }

    private static long? WeightElements(ModuleSpec layer)
    {
        long? Arg(string name) => layer.Args.FirstOrDefault(a => a.Name == name)?.Value.AsLong;
        return layer.TypeName switch
        {
            "Embedding" => layer.Parameters >= 0 ? layer.Parameters : null,
            "Linear" => Arg("inputSize") is long i && Arg("outputSize") is long o ? i * o : null,
            _ => null,
        };
    }

    /// <summary>
    /// Counts for a module whose subtree holds a shared instance: every distinct instance (by
    /// <see cref="ModuleSpec.InstancePath"/>) contributes once. A module whose own count is self-contained
    /// (catalog-counted built-in, or a subtree without sharing) contributes that count and is not entered.
    /// </summary>
    private static Counts CountDistinct(ModuleSpec module, ModuleSpec[] children)
    {
        if (IsCatalogCounted(module)) return Count(module, children); // the catalog counts the whole layer
        if (module.Origin == ModuleOrigin.Unresolved) return Counts.Unknown;

        var total = module.Origin == ModuleOrigin.Custom ? OwnTensors(module) : new Counts(0, 0, 0);
        var seen = new HashSet<string>(StringComparer.Ordinal) { module.InstancePath };
        foreach (var c in children) total += Distinct(c, seen);
        return total;
    }

    /// <summary>What the (already filled) <paramref name="m"/> adds beyond the instances in <paramref name="seen"/>.</summary>
    private static Counts Distinct(ModuleSpec m, HashSet<string> seen)
    {
        if (!seen.Add(m.InstancePath)) return new Counts(0, 0, 0); // the same instance, whole subtree included
        bool selfContained = IsCatalogCounted(m)
            || (!HasSharing(m) && m.DescendantsAndSelf().Skip(1).All(d => !seen.Contains(d.InstancePath)));
        if (selfContained)
        {
            foreach (var d in m.DescendantsAndSelf().Skip(1)) seen.Add(d.InstancePath);
            return Counts.Of(m);
        }
        if (m.Origin == ModuleOrigin.Unresolved) return Counts.Unknown;

        var total = m.Origin == ModuleOrigin.Custom ? OwnTensors(m) : new Counts(0, 0, 0);
        foreach (var c in m.Children) total += Distinct(c, seen);
        return total;
    }

    private static bool IsCatalogCounted(ModuleSpec m) =>
        m.Origin == ModuleOrigin.Builtin && LayerCatalog.TryGet(m.TypeName, out var def)
        && def.Category != LayerCategory.Container && def.CountParameters(m.Args) is not null;

    private static Counts OwnTensors(ModuleSpec module)
    {
        var total = new Counts(0, 0, 0);
        foreach (var t in module.Tensors) total += Tensor(t);
        return total;
    }

    /// <summary>Counts where each total is null when unknown: a buffer of unknown size leaves the parameter count exact.</summary>
    private readonly record struct Counts(long? Parameters, long? Trainable, long? Buffers)
    {
        // Saturating: a sum past long is "at least" (Saturating.AtLeast), never a wrapped or thrown one.
        public static Counts operator +(Counts a, Counts b) =>
            new(Add(a.Parameters, b.Parameters), Add(a.Trainable, b.Trainable), Add(a.Buffers, b.Buffers));

        private static long? Add(long? a, long? b) => a is null || b is null ? null : Saturating.Add(a.Value, b.Value);

        /// <summary>A count taken off (a tied weight counted twice); unknown when either is.</summary>
        public static Counts operator -(Counts a, Counts b) =>
            new(Sub(a.Parameters, b.Parameters), Sub(a.Trainable, b.Trainable), Sub(a.Buffers, b.Buffers));

        private static long? Sub(long? a, long? b) => a is null || b is null ? null : a.Value - b.Value;

        public static Counts Unknown => new(null, null, null);

        public static Counts Of(ModuleSpec m) =>
            new(m.Parameters < 0 ? null : m.Parameters, m.Trainable < 0 ? null : m.Trainable, m.Buffers < 0 ? null : m.Buffers);

        public bool AnyKnown => Parameters is not null || Trainable is not null || Buffers is not null;
    }

    private static Counts Tensor(TensorSpec t)
    {
        long? n = t.Elements < 0 ? null : t.Elements;
        if (!t.KindKnown) return Counts.Unknown; // a parameter or a buffer: neither total is known
        return t.IsParameter ? new Counts(n, t.Trainable ? n : 0, 0) : new Counts(0, 0, n);
    }
}
