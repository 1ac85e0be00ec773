using NetVizGen.Model.Specs;

namespace NetVizGen.Rendering.Diagram;

/// <summary>
/// Module lists and dicts whose members forward calls apart from each other: they get no cluster box.
/// </summary>
/// <remarks>
/// A <c>ModuleList</c> is storage, not a stage of the network. When forward runs its members one after another
/// (a transformer's <c>layers</c>) the box around them reads as a stage, and repeats fold inside it. When other
/// calls come between them (a U-Net's <c>encoderLayers[i]</c>, then <c>downSamplingLayers[i]</c>, then the next
/// encoder stage) a box per list spans the whole network, the boxes overlap in the drawing and every edge crosses
/// them: the layout follows the storage instead of the data. Such lists are left out, and their members are
/// drawn where the flow puts them.
/// </remarks>
internal static class ScatteredLists
{
    /// <summary>The paths of the lists and dicts among <paramref name="modules"/> whose members' calls in <paramref name="flow"/> are not contiguous.</summary>
    public static HashSet<string> Find(IReadOnlyList<FlowNodeSpec> flow, IReadOnlyDictionary<string, ModuleSpec> modules)
    {
        var scattered = new HashSet<string>(StringComparer.Ordinal);
        var lists = modules.Values.Where(m => m.Origin == ModuleOrigin.Container && m.TypeName is "ModuleList" or "ModuleDict" && m.Path.Length > 0).ToList();
        if (lists.Count == 0) return scattered;
        // Where each step happens: a layer at its own path, an op in the block whose forward holds it.
        var locations = flow.Where(n => n.Kind is not (FlowNodeKind.Input or FlowNodeKind.Output))
            .Select(n => n.Kind == FlowNodeKind.Module ? n.ModulePath : n.Scope).ToList();
        foreach (var list in lists)
        {
            int first = -1, last = -1;
            for (int i = 0; i < locations.Count; i++)
            {
                if (!IsIn(locations[i], list.Path)) continue;
                if (first < 0) first = i;
                last = i;
            }
            for (int i = first + 1; first >= 0 && i < last; i++)
            {
                if (IsIn(locations[i], list.Path)) continue;
                scattered.Add(list.Path);
                break;
            }
        }
        return scattered;
    }

    private static bool IsIn(string location, string path) =>
        location.Length > path.Length && location[path.Length] == '.' && location.StartsWith(path, StringComparison.Ordinal);
}
