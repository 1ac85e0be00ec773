using NetVizGen.Model.Specs;

namespace NetVizGen.Rendering.Diagram;

/// <summary>
/// Finds the block variants of a model: every custom (user-defined) module below the root,
/// grouped by type and structure, in registration order so names and files are stable.
/// </summary>
internal sealed class BlockCatalog
{
    private readonly Dictionary<string, BlockVariant> _byPath = new(StringComparer.Ordinal);

    public List<BlockVariant> Variants { get; } = [];

    public BlockCatalog(ModuleSpec root)
    {
        var byKey = new Dictionary<string, BlockVariant>(StringComparer.Ordinal);
        foreach (var m in root.DescendantsAndSelf())
        {
            if (m.Path.Length == 0 || m.Origin != ModuleOrigin.Custom) continue;
            var key = BlockSignature.Structure(m);
            if (!byKey.TryGetValue(key, out var v))
            {
                v = new BlockVariant { TypeName = m.TypeName, StructureKey = key, Representative = m };
                byKey.Add(key, v);
                Variants.Add(v);
            }
            v.Instances.Add(m.Path);
            _byPath[m.Path] = v;
        }
        AssignNames();
    }

    /// <summary>The variant of the custom module at <paramref name="path"/>, if it is one.</summary>
    public BlockVariant? ForPath(string path) => _byPath.TryGetValue(path, out var v) ? v : null;

    // The plainest variant of a type (fewest children; the first on a tie) keeps the type name;
    // the others are named after what sets them apart (VariantDifference: "BasicBlock-downsample",
    // "InvertedResidual-SqueezeExcitation"), so the file name says what differs. A name already taken
    // gets "-2", "-3" in registration order.
    private void AssignNames()
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in Variants.GroupBy(v => v.TypeName, StringComparer.Ordinal))
        {
            var safe = FileNames.Safe(group.Key);
            var plain = group.OrderBy(v => v.Representative.Children.Count).First();
            plain.Name = Unique(safe, used);
            foreach (var v in group.Where(v => v != plain))
            {
                var difference = VariantDifference.Describe(plain.Representative, v.Representative);
                v.Name = Unique(safe + "-" + FileNames.Safe(difference), used);
                v.HasGenericName = difference == VariantDifference.Generic;
            }
        }
    }

    private static string Unique(string name, HashSet<string> used)
    {
        var candidate = name;
        for (int i = 2; !used.Add(candidate); i++) candidate = name + "-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return candidate;
    }
}
