using System.Globalization;
using NetVizGen.Model.Specs;

namespace NetVizGen.Rendering.Diagram;

/// <summary>
/// Says in a few words what sets one block variant apart from the plain one of its type, for its file
/// and section name: exact, from the module trees, never a guess. Tried in order, the first that finds
/// something wins:
/// <list type="number">
/// <item>children the plain block does not have, by field name (<c>downsample</c>);</item>
/// <item>module types found only in this variant (<c>SqueezeExcitation</c>, <c>Hardswish</c>), or
/// only in the plain one (<c>no-ReLU</c>);</item>
/// <item>the outermost type used a different number of times (<c>3xConv2dNormActivation</c>);</item>
/// <item>child names that differ anywhere below (<c>block.expand</c> becomes <c>expand</c>).</item>
/// </list>
/// At most two words; "changed" when the trees differ only in their arrangement.
/// </summary>
internal static class VariantDifference
{
    private const int MaxWords = 2;

    public static string Describe(ModuleSpec plain, ModuleSpec variant)
    {
        var plainChildren = new HashSet<string>(plain.Children.Select(c => c.Name), StringComparer.Ordinal);
        var extraChildren = variant.Children.Select(c => c.Name).Where(n => !plainChildren.Contains(n)).ToList();
        if (extraChildren.Count is > 0 and <= MaxWords) return string.Join("-", extraChildren);

        var plainTypes = TypeCounts(plain).ToDictionary(t => t.Type, t => t.Count, StringComparer.Ordinal);
        var types = TypeCounts(variant);
        var typeSet = new HashSet<string>(types.Select(t => t.Type), StringComparer.Ordinal);
        var added = Outermost(variant, types.Select(t => t.Type).Where(t => !plainTypes.ContainsKey(t)).ToList());
        if (added.Count is > 0 and <= MaxWords) return string.Join("-", added);
        var removed = TypeCounts(plain).Select(t => t.Type).Where(t => !typeSet.Contains(t)).ToList();
        if (added.Count == 0 && removed.Count is > 0 and <= MaxWords) return string.Join("-", removed.Select(t => "no-" + t));
        if (added.Count > MaxWords) return string.Join("-", added.Take(MaxWords));

        var counted = types.Where(t => plainTypes.TryGetValue(t.Type, out int n) && n != t.Count).ToList();
        // The outermost type whose count differs (its parts differ with it: Conv2d inside Conv2dNormActivation).
        if (counted.Count > 0) return counted[0].Count.ToString(CultureInfo.InvariantCulture) + "x" + counted[0].Type;

        var plainNames = new HashSet<string>(Names(plain), StringComparer.Ordinal);
        var names = Names(variant).Where(n => !plainNames.Contains(n)).Distinct(StringComparer.Ordinal).ToList();
        if (names.Count is > 0 and <= MaxWords) return string.Join("-", names);
        return Generic;
    }

    /// <summary>What <see cref="Describe"/> says when nothing it can name sets the variant apart.</summary>
    public const string Generic = "changed";

    // Added types that are not only parts of another added type (SqueezeExcitation, not also its AdaptiveAvgPool2d).
    private static List<string> Outermost(ModuleSpec variant, List<string> added)
    {
        if (added.Count < 2) return added;
        var set = new HashSet<string>(added, StringComparer.Ordinal);
        var byPath = variant.DescendantsAndSelf().ToDictionary(m => m.Path, StringComparer.Ordinal);
        bool InsideAdded(ModuleSpec m)
        {
            var path = m.Path;
            for (int dot = path.LastIndexOf('.'); dot > variant.Path.Length; dot = path.LastIndexOf('.', dot - 1))
                if (byPath.TryGetValue(path[..dot], out var parent) && set.Contains(parent.TypeName)) return true;
            return false;
        }
        var occurrences = variant.DescendantsAndSelf().Skip(1).Where(m => set.Contains(m.TypeName)).ToList();
        return added.Where(t => occurrences.Any(m => m.TypeName == t && !InsideAdded(m))).ToList();
    }

    // Module types below the block (not the block itself; not containers, which say nothing), in registration
    // order, with their counts.
    private static List<(string Type, int Count)> TypeCounts(ModuleSpec block)
    {
        var counts = new List<(string Type, int Count)>();
        foreach (var m in block.DescendantsAndSelf().Skip(1))
        {
            if (m.Origin == ModuleOrigin.Container) continue;
            int at = counts.FindIndex(t => t.Type == m.TypeName);
            if (at < 0) counts.Add((m.TypeName, 1));
            else counts[at] = (m.TypeName, counts[at].Count + 1);
        }
        return counts;
    }

    // Field names below the block that say something (registration indices "0", "1" do not).
    private static IEnumerable<string> Names(ModuleSpec block) =>
        block.DescendantsAndSelf().Skip(1).Select(m => m.Name).Where(n => n.Length > 0 && !n.All(char.IsDigit));
}
