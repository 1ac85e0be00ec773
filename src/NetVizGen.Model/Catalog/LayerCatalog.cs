using NetVizGen.Model.Catalog.Layers;
using static NetVizGen.Model.Catalog.Decl;

namespace NetVizGen.Model.Catalog;

/// <summary>The TorchSharp <c>torch.nn</c> layers NetVizGen understands, by class name.</summary>
public static class LayerCatalog
{
    private static readonly Dictionary<string, LayerDef> ByName = Build();

    /// <summary>Every known layer, ordered by type name (ordinal).</summary>
    public static IReadOnlyList<LayerDef> All { get; } = ByName.Values.OrderBy(d => d.TypeName, StringComparer.Ordinal).ToArray();

    /// <summary>Finds a layer by its TorchSharp class name (case-sensitive, e.g. <c>Conv2d</c>).</summary>
    public static bool TryGet(string typeName, out LayerDef def)
    {
        if (typeName != null && ByName.TryGetValue(typeName, out var found))
        {
            def = found;
            return true;
        }
        def = null!;
        return false;
    }

    private static Dictionary<string, LayerDef> Build()
    {
        var all = ConvLayers.All()
            .Concat(PoolLayers.All())
            .Concat(LinearLayers.All())
            .Concat(NormLayers.All())
            .Concat(ActivationLayers.All())
            .Concat(ReshapeLayers.All())
            .Concat(RecurrentLayers.All())
            .Concat(AttentionLayers.All())
            .Concat(EmbeddingLayers.All())
            .Concat(new[] { "Sequential", "ModuleList", "ModuleDict" }.Select(n => new LayerDef(n, LayerCategory.Container, List(), new LayerRules())));
        var map = new Dictionary<string, LayerDef>(StringComparer.Ordinal);
        foreach (var def in all) map.Add(def.TypeName, def);
        return map;
    }
}
