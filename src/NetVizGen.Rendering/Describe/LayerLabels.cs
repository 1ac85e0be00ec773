using NetVizGen.Model.Specs;

namespace NetVizGen.Rendering.Describe;

/// <summary>
/// Main labels for built-in layers: the type plus the hyperparameters a reader compares
/// (kernel, stride, channels); everything else goes to the quiet details.
/// </summary>
internal static class LayerLabels
{
    private const string Dot = " · ";
    private const string Arrow = "→";

    public static NodeDescription Describe(string type, NodeCategory category, ArgReader a, IReadOnlyList<ArgSpec> args)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        string label = category switch
        {
            NodeCategory.Conv => Conv(type, a, used),
            NodeCategory.Linear => WithChannels(type, a, used, 0, 1, ["inputSize", "in_features", "inFeatures"], ["outputSize", "out_features", "outFeatures"]),
            NodeCategory.Embedding => WithChannels(type, a, used, 0, 1, ["num_embeddings", "numEmbeddings"], ["embedding_dims", "embedding_dim", "embeddingDims"]),
            NodeCategory.Recurrent => Recurrent(type, a, used),
            NodeCategory.Norm => Single(type, a, used, 0, "num_features", "features", "normalized_shape", "num_groups", "num_channels"),
            NodeCategory.Pool => Pool(type, a, used),
            NodeCategory.Dropout => Single(type, a, used, 0, "p", "probability"),
            NodeCategory.Attention => Single(type, a, used, 0, "embed_dim", "embedded_dim", "d_model") is var s && Find(a, 1, "num_heads", "nhead") is { } h
                ? s + ", " + ArgReader.Compact(h) + " heads" + Mark(used, "num_heads", "nhead", "#1")
                : Single(type, a, used, 0, "embed_dim", "embedded_dim", "d_model"),
            NodeCategory.Upsample => Single(type, a, used, 0, "scale_factor", "upscale_factor"),
            _ => type,
        };
        var details = string.Join(", ", args.Where(x => !used.Contains(x.Name))
            .Select(x => (x.Name.StartsWith('#') ? "" : x.Name + "=") + ArgReader.Compact(x.Value)));
        return new NodeDescription(category, label, details);
    }

    private static string Conv(string type, ArgReader a, HashSet<string> used)
    {
        int dims = type.Contains("1d", StringComparison.Ordinal) ? 1 : type.Contains("3d", StringComparison.Ordinal) ? 3 : 2;
        var text = type;
        if (Find(a, 2, "kernel_size", "kernelSize") is { } k) { text += " " + ArgReader.Kernel(k, dims); Mark(used, "kernel_size", "kernelSize", "#2"); }
        if (Find(a, 3, "stride") is { } s && !ArgReader.IsOne(s)) text += " s" + ArgReader.Compact(s);
        Mark(used, "stride", "#3");
        if (Find(a, 0, "in_channels", "inputChannel") is { } i && Find(a, 1, "out_channels", "outputChannel") is { } o)
        {
            text += Dot + ArgReader.Compact(i) + Arrow + ArgReader.Compact(o);
            Mark(used, "in_channels", "inputChannel", "out_channels", "outputChannel", "#0", "#1");
        }
        return text;
    }

    private static string Pool(string type, ArgReader a, HashSet<string> used)
    {
        if (type.StartsWith("Adaptive", StringComparison.Ordinal))
            return Single(type, a, used, 0, "output_size", "outputSize");
        int dims = type.Contains("1d", StringComparison.Ordinal) ? 1 : type.Contains("3d", StringComparison.Ordinal) ? 3 : 2;
        var text = type;
        if (Find(a, 0, "kernel_size", "kernelSize") is { } k) { text += " " + ArgReader.Kernel(k, dims); Mark(used, "kernel_size", "kernelSize", "#0"); }
        var stride = Find(a, 1, "stride", "strides");
        if (stride is { Kind: not ArgKind.Null } s && !ArgReader.IsOne(s)) text += " s" + ArgReader.Compact(s);
        Mark(used, "stride", "strides", "#1");
        return text;
    }

    private static string Recurrent(string type, ArgReader a, HashSet<string> used)
    {
        var text = WithChannels(type, a, used, 0, 1, ["inputSize", "input_size"], ["hiddenSize", "hidden_size"]);
        if (Find(a, 2, "numLayers", "num_layers") is { } n && n.AsLong > 1) text += " ×" + ArgReader.Compact(n) + " layers";
        Mark(used, "numLayers", "num_layers", "#2");
        return text;
    }

    private static string WithChannels(string type, ArgReader a, HashSet<string> used, int inPos, int outPos, string[] inNames, string[] outNames)
    {
        var i = Find(a, inPos, inNames);
        var o = Find(a, outPos, outNames);
        if (i is null || o is null) return type;
        Mark(used, [.. inNames, .. outNames, "#" + inPos, "#" + outPos]);
        return type + Dot + ArgReader.Compact(i) + Arrow + ArgReader.Compact(o);
    }

    private static string Single(string type, ArgReader a, HashSet<string> used, int pos, params string[] names)
    {
        if (Find(a, pos, names) is not { } v) return type;
        Mark(used, [.. names, "#" + pos]);
        return type + " " + ArgReader.Compact(v);
    }

    private static ArgValue? Find(ArgReader a, int pos, params string[] names) => a.Get(pos, names);

    private static string Mark(HashSet<string> used, params string[] names)
    {
        foreach (var n in names) used.Add(n);
        return "";
    }
}
