using System.Text;
using NetVizGen.Model.Specs;

namespace NetVizGen.Rendering.Diagram;

/// <summary>
/// Keys that compare module subtrees while ignoring their paths: two blocks at different places in
/// the model compare equal when their types, child names and (for <see cref="Fold"/>) arguments match.
/// </summary>
internal static class BlockSignature
{
    /// <summary>Types, child names and arguments: equal keys mean the blocks can fold into "×N".</summary>
    public static string Fold(ModuleSpec module) => Build(module, withArgs: true);

    /// <summary>Types and child names only: equal keys mean the blocks share one diagram (one variant).</summary>
    public static string Structure(ModuleSpec module) => Build(module, withArgs: false);

    private static string Build(ModuleSpec module, bool withArgs)
    {
        var sb = new StringBuilder();
        Append(sb, module, withArgs);
        return sb.ToString();
    }

    private static void Append(StringBuilder sb, ModuleSpec m, bool withArgs)
    {
        sb.Append(m.TypeName);
        if (withArgs)
        {
            sb.Append('[');
            foreach (var a in m.Args) sb.Append(a.Name).Append('=').Append(a.Value).Append(';');
            sb.Append(']');
        }
        if (m.Children.Count == 0) return;
        sb.Append('{');
        foreach (var c in m.Children)
        {
            sb.Append(c.Name).Append(':');
            Append(sb, c, withArgs);
            sb.Append(',');
        }
        sb.Append('}');
    }
}
