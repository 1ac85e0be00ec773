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
    // the others are named after the children that set them apart ("BasicBlock-downsample"), so
    // the file name says what differs. Deeper differences fall back to "-v2", "-v3".
    private void AssignNames()
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in Variants.GroupBy(v => v.TypeName, StringComparer.Ordinal))
        {
            var safe = FileNames.Safe(group.Key);
            var plain = group.OrderBy(v => v.Representative.Children.Count).First();
            plain.Name = Unique(safe, used);
            var plainNames = new HashSet<string>(plain.Representative.Children.Select(c => c.Name), StringComparer.Ordinal);
            int next = 2;
            foreach (var v in group.Where(v => v != plain))
            {
                var extra = v.Representative.Children.Select(c => c.Name).Where(n => !plainNames.Contains(n)).ToList();
                var candidate = extra.Count is > 0 and <= 2 ? safe + "-" + FileNames.Safe(string.Join("-", extra)) : null;
                if (candidate is null || used.Contains(candidate))
                    candidate = safe + "-v" + (next++).ToString(System.Globalization.CultureInfo.InvariantCulture);
                v.Name = Unique(candidate, used);
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
