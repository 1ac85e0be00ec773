using System.Text;
using NetVizGen.Rendering.Diagram;

namespace NetVizGen.Rendering.Markdown;

/// <summary>
/// The static page's way to open a side node (a mask, position ids): under the diagram that draws it, a
/// folded <c>&lt;details&gt;</c> per side node listing the ops it stands for in trace order, each with its
/// output shape. The SVG cannot open a node; the interactive page opens it in place.
/// </summary>
internal static class SideDetails
{
    public static void Write(StringBuilder md, DiagramGraph graph)
    {
        foreach (var side in graph.Nodes.Where(n => n.Kind == DiagramNodeKind.Side && n.Inside is not null))
        {
            var inside = side.Inside!;
            // A summary is raw HTML (no Markdown inside), so it is HTML-escaped only.
            md.Append("<details>\n<summary>Side computation ").Append(MarkdownText.Attribute(side.Label))
              .Append(": ").Append(MarkdownText.Attribute(side.Details)).Append("</summary>\n\n");
            md.Append("| # | Op | Output shape |\n|---:|---|---|\n");
            int step = 1;
            foreach (var op in inside.Nodes)
            {
                var shape = op.OutputShape;
                md.Append("| ").Append(Numbers.Int(step++)).Append(" | ").Append(MarkdownText.Escape(op.Label))
                  .Append(op.Variable.Length > 0 ? " → " + MarkdownText.Code(op.Variable) : "")
                  .Append(" | ").Append(shape.Length > 0 ? MarkdownText.Escape(shape) : "?").Append(" |\n");
            }
            md.Append("\n</details>\n\n");
        }
    }
}
