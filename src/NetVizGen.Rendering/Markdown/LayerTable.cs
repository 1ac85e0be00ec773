using System.Text;
using NetVizGen.Model.Specs;
using NetVizGen.Rendering.Describe;
using NetVizGen.Rendering.Diagram;

namespace NetVizGen.Rendering.Markdown;

/// <summary>
/// The torchinfo-style table: every module with type, output shape, parameters and the
/// kernel/stride/padding a reviewer checks. It is the diffable text twin of the diagrams.
/// </summary>
internal static class LayerTable
{
    public static void Write(StringBuilder md, ModelSpec model)
    {
        md.Append("| Layer | Type | Output shape | Parameters | Kernel | Stride | Padding | Details |\n");
        md.Append("|---|---|---|---:|---|---|---|---|\n");
        foreach (var m in model.Root.DescendantsAndSelf())
        {
            if (m.Path.Length == 0) continue;
            int depth = m.Path.Count(c => c == '.');
            var a = new ArgReader(m.Args);
            string details = m.Origin == ModuleOrigin.Builtin ? NodeDescriber.Describe(m).Details : m.Origin == ModuleOrigin.Custom ? NodeDescriber.ArgsText(m.Args) : "";
            md.Append("| ").Append(new string('\u00A0', depth * 2)).Append(MarkdownText.Code(m.Path))
              .Append(" | ").Append(MarkdownText.Escape(m.TypeName))
              .Append(" | ").Append(MarkdownText.Escape(ModelFacts.ShapeOf(model, m.Path)))
              .Append(" | ").Append(m.Parameters >= 0 ? Numbers.Grouped(m.Parameters) : "?")
              .Append(" | ").Append(Cell(m.Origin == ModuleOrigin.Builtin ? a.Get(-1, "kernel_size", "kernelSize") : null))
              .Append(" | ").Append(Cell(m.Origin == ModuleOrigin.Builtin ? a.Get(-1, "stride", "strides") : null))
              .Append(" | ").Append(Cell(m.Origin == ModuleOrigin.Builtin ? a.Get(-1, "padding") : null))
              .Append(" | ").Append(MarkdownText.Escape(details))
              .Append(" |\n");
        }
        md.Append("| **Total** | | | **").Append(MarkdownText.Escape(ModelFacts.ParameterCell(model))).Append("** | | | | |\n");
    }

    private static string Cell(ArgValue? v) => v is null ? "" : MarkdownText.Escape(ArgReader.Compact(v));
}
