using System.Text;

namespace NetVizGen.Rendering.Markdown;

/// <summary>Escaping for text placed in Markdown prose, table cells and HTML attributes.</summary>
internal static class MarkdownText
{
    /// <summary>Prose and cells: HTML-sensitive characters as entities, pipes escaped, line breaks flattened.</summary>
    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '&': sb.Append("&amp;"); break;
                case '|': sb.Append("\\|"); break;
                case '\r': break;
                case '\n': sb.Append(' '); break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }

    /// <summary>An HTML attribute value (double-quoted).</summary>
    public static string Attribute(string text) => text.Replace("&", "&amp;").Replace("\"", "&quot;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\n", " ");

    /// <summary>Inline code, safe for backticks inside.</summary>
    public static string Code(string text)
    {
        // GitHub splits table cells on '|' even inside code spans; "\|" keeps it in the cell.
        text = text.Replace("\r", " ").Replace("\n", " ").Replace("|", "\\|");
        return text.Contains('`') ? "`` " + text + " ``" : "`" + text + "`";
    }

    /// <summary>
    /// The light/dark image pair: GitHub serves the dark file through the media query; everything
    /// else (IDE previews, print) falls back to the light &lt;img&gt;.
    /// </summary>
    public static string Picture(string stem, string alt, bool dark)
    {
        var img = "<img alt=\"" + Attribute(alt) + "\" src=\"" + stem + ".svg\">";
        return dark
            ? "<picture>\n  <source media=\"(prefers-color-scheme: dark)\" srcset=\"" + stem + ".dark.svg\">\n  " + img + "\n</picture>"
            : img;
    }
}
