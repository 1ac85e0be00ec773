using NetVizGen.Model.Catalog.Ops;

namespace NetVizGen.Model.Catalog;

/// <summary>
/// Functional ops (<c>torch.nn.functional.relu</c>, <c>torch.cat</c>) and tensor methods (<c>x.view</c>),
/// by normalised lower-case name. Arguments are read by TorchSharp parameter name, with common aliases.
/// </summary>
public static class OpCatalog
{
    private static readonly Dictionary<string, OpDef> ByName = Build();

    /// <summary>Every known op, ordered by name (ordinal).</summary>
    public static IReadOnlyList<OpDef> All { get; } = ByName.Values.OrderBy(d => d.Name, StringComparer.Ordinal).ToArray();

    /// <summary>Finds an op by name (<c>relu</c>, <c>flatten</c>, <c>cat</c>); case-insensitive, a trailing <c>_</c> (in-place) is ignored.</summary>
    public static bool TryGet(string opName, out OpDef def)
    {
        var key = (opName ?? "").ToLowerInvariant();
        if (ByName.TryGetValue(key, out var found) || (key.EndsWith("_", StringComparison.Ordinal) && ByName.TryGetValue(key.TrimEnd('_'), out found)))
        {
            def = found;
            return true;
        }
        def = null!;
        return false;
    }

    private static Dictionary<string, OpDef> Build()
    {
        var map = new Dictionary<string, OpDef>(StringComparer.Ordinal);
        foreach (var op in ElementwiseOps.All().Concat(ReshapeOps.All()).Concat(MergeOps.All()).Concat(FunctionalLayerOps.All())
                     .Concat(CreationOps.All()).Concat(MaskOps.All()).Concat(ExpandOps.All()).Concat(SelectionOps.All())
                     .Concat(ContractionOps.All()).Concat(SequenceOps.All()).Concat(SpectralOps.All()))
            map[op.Name] = op;
        return map;
    }
}
