using NetVizGen.Model.Specs;

namespace NetVizGen.Rendering.Diagram;

/// <summary>
/// Decides whether a node shows its field or registration name: when the name says something the
/// type does not (<c>q_proj</c>, <c>lm_head</c>, <c>downsample</c>), and always when siblings share
/// the type (then the name is what tells them apart); never a position (<c>0</c>, <c>1</c>) or a name
/// that only repeats the type (<c>conv1</c> for a lone Conv2d, <c>norm</c> for RMSNorm).
/// </summary>
internal static class Roles
{
    // Common abbreviations of type words; a name made only of these and digits says nothing new.
    private static readonly Dictionary<string, string[]> Abbreviations = new(StringComparer.Ordinal)
    {
        ["bn"] = ["batchnorm"], ["ln"] = ["layernorm"], ["gn"] = ["groupnorm"], ["fc"] = ["linear"], ["dense"] = ["linear"],
        ["proj"] = ["linear"], ["emb"] = ["embedding"], ["embed"] = ["embedding"], ["attn"] = ["attention"], ["act"] = ["relu", "gelu", "silu", "tanh", "sigmoid", "elu", "mish", "hardswish", "swish"],
        ["activation"] = ["relu", "gelu", "silu", "tanh", "sigmoid", "elu", "mish", "hardswish", "swish"], ["drop"] = ["dropout"], ["pool"] = ["pool"],
        ["mp"] = ["maxpool"], ["ap"] = ["avgpool"], ["rnn"] = ["lstm", "gru", "rnn"], ["norm"] = ["norm"], ["conv"] = ["conv"],
    };

    /// <summary>The role to show for <paramref name="module"/> under <paramref name="parent"/>, or "".</summary>
    public static string For(ModuleSpec module, ModuleSpec? parent)
    {
        var name = module.Name;
        if (name.Length == 0 || name.All(char.IsDigit)) return "";
        var type = Normalize(module.TypeName);
        if (Normalize(name) == type) return "";
        bool siblingsShareType = parent is not null && parent.Children.Count(c => c.TypeName == module.TypeName) > 1;
        if (siblingsShareType) return name;
        return SaysOnlyTheType(name, type) ? "" : name;
    }

    // "conv1", "bn_2", "relu", "fc", "drop1", "norm": every word is the type (or its abbreviation).
    private static bool SaysOnlyTheType(string name, string type)
    {
        var words = name.ToLowerInvariant().Split(['_', '-', '.'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9')).Where(w => w.Length > 0).ToList();
        if (words.Count == 0) return true;
        return words.All(w => type.Contains(w, StringComparison.Ordinal)
            || (Abbreviations.TryGetValue(w, out var full) && full.Any(f => type.Contains(f, StringComparison.Ordinal))));
    }

    private static string Normalize(string s) => new(s.ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray());
}
