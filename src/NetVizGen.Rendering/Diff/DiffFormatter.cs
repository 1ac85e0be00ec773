using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NetVizGen.Rendering.Markdown;

namespace NetVizGen.Rendering.Diff;

/// <summary>The output formats of <c>netviz diff</c>: terminal text, a pull-request comment, and JSON.</summary>
public static class DiffFormatter
{
    /// <summary>
    /// A terminal summary like <c>terraform plan</c>: per changed model its header (<c>~ Id</c>), the plan
    /// lines, then one closing counts line. LF line ends, no colour codes (the caller may add them).
    /// </summary>
    public static string Text(DiffReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sb = new StringBuilder();
        foreach (var m in report.Models)
        {
            var mark = m.Status switch { ModelStatus.Added => "+", ModelStatus.Removed => "-", ModelStatus.Changed => "~", _ => "=" };
            sb.Append(mark).Append(' ').Append(m.Id).Append(": ").Append(PlanLines.Verdict(m)).Append('\n');
            foreach (var line in PlanLines.For(m)) sb.Append(line).Append('\n');
        }
        if (report.Models.Count > 0) sb.Append('\n');
        return sb.Append(PlanLines.Summary(report)).Append('\n').ToString();
    }

    /// <summary>
    /// A pull-request comment: a heading with the closing counts, then per model one line with its verdict
    /// and, for a changed model, the plan in a collapsed <c>&lt;details&gt;</c> block (a <c>diff</c> code
    /// block, so GitHub colours added and removed lines).
    /// </summary>
    public static string Markdown(DiffReport report, string heading = "Architecture changes")
    {
        ArgumentNullException.ThrowIfNull(report);
        var sb = new StringBuilder();
        sb.Append("### ").Append(MarkdownText.Escape(heading)).Append("\n\n");
        sb.Append(MarkdownText.Escape(PlanLines.Summary(report))).Append("\n\n");
        foreach (var m in report.Models)
        {
            var icon = m.Status switch { ModelStatus.Added => "➕", ModelStatus.Removed => "➖", ModelStatus.Changed => "✏️", _ => "✔️" };
            sb.Append(icon).Append(" **").Append(MarkdownText.Escape(m.Id)).Append("**: ").Append(MarkdownText.Escape(PlanLines.Verdict(m))).Append("\n\n");
            var lines = PlanLines.For(m);
            if (lines.Count == 0) continue;
            var body = string.Join("\n", lines);
            var fence = Fence(body);
            sb.Append("<details><summary>Details of ").Append(MarkdownText.Escape(m.Id)).Append("</summary>\n\n")
              .Append(fence).Append("diff\n").Append(body).Append('\n').Append(fence).Append("\n\n</details>\n\n");
        }
        return sb.ToString().TrimEnd('\n') + "\n";
    }

    // A code fence longer than any backtick run in the body, so user names cannot close it.
    private static string Fence(string body)
    {
        int longest = 0, run = 0;
        foreach (var c in body) { run = c == '`' ? run + 1 : 0; longest = Math.Max(longest, run); }
        return new string('`', Math.Max(3, longest + 1));
    }

    /// <summary>The report as JSON (schema <c>netvizgen-diff/1</c>), for scripts.</summary>
    public static string Json(DiffReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("schema", "netvizgen-diff/1");
            w.WriteStartObject("counts");
            foreach (var kind in Enum.GetValues<ChangeKind>()) w.WriteNumber(Lower(kind.ToString()), report.Count(kind));
            w.WriteEndObject();
            w.WriteStartArray("models");
            foreach (var m in report.Models)
            {
                w.WriteStartObject();
                w.WriteString("id", m.Id);
                w.WriteString("status", Lower(m.Status.ToString()));
                w.WriteNumber("oldParameters", m.OldParameters);
                w.WriteNumber("newParameters", m.NewParameters);
                Details(w, "model", m.Model);
                w.WriteStartArray("changes");
                foreach (var c in m.Changes)
                {
                    w.WriteStartObject();
                    w.WriteString("kind", Lower(c.Kind.ToString()));
                    w.WriteString(c.IsOp ? "op" : "path", c.Path);
                    w.WriteString("type", c.Type);
                    if (c.OldPath is not null) w.WriteString("oldPath", c.OldPath);
                    if (c.Kind == ChangeKind.Repeat) { w.WriteNumber("oldCount", c.OldCount); w.WriteNumber("newCount", c.NewCount); }
                    w.WriteNumber("parameterDelta", c.ParameterDelta);
                    Details(w, "details", c.Details);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n") + "\n";
    }

    private static void Details(Utf8JsonWriter w, string name, IReadOnlyList<ChangeDetail> details)
    {
        w.WriteStartArray(name);
        foreach (var d in details)
        {
            w.WriteStartObject();
            w.WriteString("name", d.Name);
            w.WriteString("old", d.Old);
            w.WriteString("new", d.New);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static string Lower(string s) => char.ToLowerInvariant(s[0]) + s.Substring(1);
}
