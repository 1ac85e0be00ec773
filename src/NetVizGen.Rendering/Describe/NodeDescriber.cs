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
        => string.Join(", ", args.Select(ArgText));

    private static string ArgText(ArgSpec a) => (a.Name.StartsWith('#') ? "" : a.Name + "=") + ArgReader.Compact(a.Value);

    /// <summary>Characters per line of a block card's arguments, and lines at most (<see cref="CardArgs"/>).</summary>
    public const int CardLineLength = 60, CardLines = 3;

    /// <summary>
    /// A block card's arguments, quiet lines under its name: packed into lines of at most <see cref="CardLineLength"/>
    /// characters (an argument longer than that has a line of its own), at most <see cref="CardLines"/> lines, the rest
    /// counted ("+12 more"). The page's layer table lists them all. On one line, Tacotron2's Decoder card with its 20
    /// arguments was wider than the whole diagram around it.
    /// </summary>
    /// <param name="args">The arguments, in the order the constructor takes them.</param>
    /// <param name="registeredName">The name the module is registered under: a <c>name</c> argument that only repeats it
    /// (TorchSharp's convention, <c>new Decoder("decoder", ...)</c>) says nothing the card does not, and is left out.</param>
    /// <param name="typeName">The card's type: a string argument that only repeats it is left out too.</param>
    public static string CardArgs(IReadOnlyList<ArgSpec> args, string registeredName, string typeName)
    {
        var items = args
            .Where(a => !(a.Value.Kind == ArgKind.String && (a.Value.Text == typeName || (a.Name == "name" && a.Value.Text == registeredName))))
            .Select(ArgText).ToList();
        if (items.Count == 0) return "";
        var lines = Pack(items, CardLineLength);
        if (lines.Count > CardLines)
        {
            // Keep what fits in the first lines, then count the rest on the last.
            int shown = lines.Take(CardLines).Sum(l => l.Count);
            while (shown > 0 && Pack(items.Take(shown).Append($"+{items.Count - shown} more").ToList(), CardLineLength).Count > CardLines) shown--;
            items = [.. items.Take(shown), $"+{items.Count - shown} more"];
            lines = Pack(items, CardLineLength);
        }
        // As even as the lines allow: the narrowest width that still needs no more lines (no "padding=3" alone below).
        for (int width = (items.Sum(i => i.Length + 2) + lines.Count - 1) / lines.Count; width < CardLineLength; width++)
        {
            var even = Pack(items, width);
            if (even.Count <= lines.Count) { lines = even; break; }
        }
        return string.Join("\n", lines.Select((l, i) => string.Join(", ", l) + (i < lines.Count - 1 ? "," : "")));
    }

    // Greedy: items on a line while it stays within width characters (one longer item has a line of its own).
    private static List<List<string>> Pack(IReadOnlyList<string> items, int width)
    {
        var lines = new List<List<string>>();
        int length = 0;
        foreach (var item in items)
        {
            if (lines.Count == 0 || length + 2 + item.Length > width) { lines.Add([item]); length = item.Length; }
            else { lines[^1].Add(item); length += 2 + item.Length; }
        }
        return lines;
    }
}
