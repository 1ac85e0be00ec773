using NetVizGen.Model.Catalog;
using NetVizGen.Model.Specs;

namespace NetVizGen.Rendering.Describe;

/// <summary>
/// Turns a module or op into a category and a label. The layer and op catalogs answer first; for
/// types they do not know (user layers, newer TorchSharp layers) simple name rules still give a
/// category and a useful label.
/// </summary>
internal static class NodeDescriber
{
    /// <summary>Describes a module of the tree (a layer, a container or a custom block).</summary>
    public static NodeDescription Describe(ModuleSpec module)
    {
        if (module.Origin == ModuleOrigin.Container) return new(NodeCategory.Container, module.TypeName, "");
        if (module.Origin == ModuleOrigin.Custom) return new(NodeCategory.Block, module.TypeName, ArgsText(module.Args));
        if (module.Origin == ModuleOrigin.Builtin && LayerCatalog.TryGet(module.TypeName, out var def))
            return new(Map(def.Category), def.Summary(module.Args), ArgsText(def.QuietDetails(module.Args)));
        var category = module.Origin == ModuleOrigin.Unresolved ? NodeCategory.Other : CategoryRules.ForLayer(module.TypeName);
        return LayerLabels.Describe(module.TypeName, category, new ArgReader(module.Args), module.Args);
    }

    /// <summary>Describes a functional op, merge, input or output of the data flow.</summary>
    public static NodeDescription Describe(FlowNodeSpec node)
    {
        switch (node.Kind)
        {
            case FlowNodeKind.Input: return new(NodeCategory.Input, string.IsNullOrEmpty(node.Name) ? "input" : node.Name, "");
            case FlowNodeKind.Output: return new(NodeCategory.Output, "output", "");
            case FlowNodeKind.Merge: return new(NodeCategory.Merge, MergeSymbol(node.Name), ArgsText(node.Args));
            case FlowNodeKind.Unresolved: return new(NodeCategory.Other, node.Name + " ?", "not understood statically");
        }
        var args = ArgsText(node.Args);
        if (OpCatalog.TryGet(node.Name, out var op)) return new(Map(op.Category), op.Summary(node.Args), args);
        var category = CategoryRules.ForOp(node.Name);
        var label = category == NodeCategory.Reshape && args.Length > 0 && args.Length <= 18 ? node.Name + " " + args : node.Name;
        return new(category, label, args);
    }

    /// <summary>The catalog's category as the renderer's (same members, same names).</summary>
    public static NodeCategory Map(LayerCategory category)
        => Enum.TryParse<NodeCategory>(category.ToString(), out var c) ? c : NodeCategory.Other;

    /// <summary>Short symbol drawn inside a merge circle: "+", "cat", "×", "stack".</summary>
    public static string MergeSymbol(string opName) => opName switch
    {
        "add" or "+" or "add_" => "+",
        "mul" or "*" or "mul_" => "×",
        "sub" or "-" => "−",
        "cat" or "concat" or "concatenate" or "hstack" or "vstack" => "cat",
        "stack" => "stack",
        "matmul" or "bmm" or "mm" or "einsum" => "@",
        _ => opName,
    };

    /// <summary>Arguments as "name value" pairs, for the quiet details column.</summary>
    public static string ArgsText(IReadOnlyList<ArgSpec> args)
        => string.Join(", ", args.Select(a => (a.Name.StartsWith('#') ? "" : a.Name + "=") + ArgReader.Compact(a.Value)));
}
