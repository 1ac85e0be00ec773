using System.Text;

namespace NetVizGen.Rendering.Markdown;

/// <summary>Escaping for text placed in Markdown prose, table cells and HTML attributes.</summary>
internal static class MarkdownText
{
    /// <summary>
    /// Prose, headings and cells: user text stays text under CommonMark and GFM. HTML-sensitive characters
    /// become entities; the punctuation that opens links, images, emphasis and code spans is
    /// backslash-escaped (CommonMark allows it before any ASCII punctuation); pipes are escaped for tables;
    /// a scheme's ':' (<c>javascript:</c>, <c>https://</c>) and the '.' of <c>www.</c> become entities so no
    /// autolink can form; line breaks are flattened.
    /// </summary>
    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            switch (c)
            {
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '&': sb.Append("&amp;"); break;
                case '|': sb.Append("\\|"); break;
                case '\\': case '`': case '*': case '_': case '[': case ']': case '!': case '~':
                    sb.Append('\\').Append(c); break;
                case ':' when i > 0 && char.IsLetter(text[i - 1]) && i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]) && !char.IsDigit(text[i + 1]):
                    sb.Append("&#58;"); break;
                case '.' when i >= 3 && string.Compare(text, i - 3, "www", 0, 3, StringComparison.OrdinalIgnoreCase) == 0:
                    sb.Append("&#46;"); break;
                case '\r': break;
                case '\n': case '\u2028': case '\u2029': sb.Append(' '); break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }

    /// <summary>
    /// A relative link destination: everything but unreserved characters and '/' percent-encoded (UTF-8),
    /// so a file name with spaces, parentheses, brackets, '#' or ':' can neither end the link nor read as
    /// a scheme (<c>javascript:</c>).
    /// </summary>
    public static string Destination(string relativePath)
    {
        var sb = new StringBuilder(relativePath.Length + 8);
        foreach (var b in Encoding.UTF8.GetBytes(relativePath))
        {
            char c = (char)b;
            if (c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '-' or '.' or '_' or '~' or '/') sb.Append(c);
            else sb.Append('%').Append(((int)b).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    /// <summary>An HTML attribute value (double-quoted).</summary>
    public static string Attribute(string text) => text.Replace("&", "&amp;").Replace("\"", "&quot;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\n", " ");

    /// <summary>
    /// Inline code by CommonMark's rule: the fence is one backtick longer than the longest backtick run
    /// inside, so nothing in the text can close the span early (inside a code span nothing else is markup);
    /// padded with a space when the text starts or ends with a backtick or a space.
    /// </summary>
    public static string Code(string text)
    {
        // GitHub splits table cells on '|' even inside code spans; "\|" keeps it in the cell.
        text = text.Replace("\r", " ").Replace("\n", " ").Replace("|", "\\|");
        if (text.Length == 0) return "` `";
        int longest = 0, run = 0;
        foreach (var c in text)
        {
            run = c == '`' ? run + 1 : 0;
            if (run > longest) longest = run;
        }
        var fence = new string('`', longest + 1);
        bool pad = text[0] is '`' or ' ' || text[text.Length - 1] is '`' or ' ';
        return pad ? fence + " " + text + " " + fence : fence + text + fence;
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
