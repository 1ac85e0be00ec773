using System.Globalization;
using System.Text;

namespace NetVizGen.Tasks.Incremental;

/// <summary>
/// The render cache's text form: one line per model and per file, tab-separated, with tab, newline, carriage
/// return and backslash escaped in the free-text fields (id, index row, path).
/// </summary>
/// <remarks>
/// Not JSON through System.Text.Json: the docs task runs in a fresh MSBuild process on most builds, and
/// reflection-based (de)serialisation cost ~20–30 ms there each way, on builds that render nothing. This
/// reads and writes in a few milliseconds.
/// <code>
/// netvizgen-render-cache	&lt;format&gt;	&lt;key&gt;
/// model	&lt;manifest sha256&gt;	&lt;id&gt;	&lt;index row&gt;
/// file	&lt;path&gt;	&lt;sha256&gt;	&lt;length&gt;	&lt;write ticks&gt;
/// </code>
/// Parsing is strict: anything unexpected returns null, and the caller treats that as an empty cache.
/// </remarks>
internal static class RenderCacheFile
{
    private const string Magic = "netvizgen-render-cache";

    /// <summary>The text for <paramref name="models"/> under <paramref name="key"/>.</summary>
    public static string Write(int format, string key, IEnumerable<CachedModel> models)
    {
        var text = new StringBuilder();
        text.Append(Magic).Append('\t').Append(format.ToString(CultureInfo.InvariantCulture)).Append('\t').Append(Escape(key)).Append('\n');
        foreach (var m in models)
        {
            text.Append("model\t").Append(Escape(m.Manifest)).Append('\t').Append(Escape(m.Id)).Append('\t').Append(Escape(m.IndexRow)).Append('\n');
            foreach (var f in m.Files)
            {
                text.Append("file\t").Append(Escape(f.Path)).Append('\t').Append(Escape(f.Sha256)).Append('\t')
                    .Append(f.Length.ToString(CultureInfo.InvariantCulture)).Append('\t')
                    .Append(f.WriteTicks.ToString(CultureInfo.InvariantCulture)).Append('\n');
            }
        }
        return text.ToString();
    }

    /// <summary>The format, key and models of <paramref name="text"/>, or null when it is not a well-formed cache.</summary>
    public static (int Format, string Key, List<CachedModel> Models)? Read(string text)
    {
        var lines = text.Split('\n');
        if (lines.Length < 2 || lines[^1].Length != 0) return null; // every line ends with '\n', the last too
        var head = lines[0].Split('\t');
        if (head.Length != 3 || head[0] != Magic || !int.TryParse(head[1], NumberStyles.None, CultureInfo.InvariantCulture, out var format)) return null;
        if (Unescape(head[2]) is not { } key) return null;

        var models = new List<CachedModel>();
        string? manifest = null, id = null, row = null;
        List<CachedFile>? files = null;
        void Flush()
        {
            if (manifest is not null) models.Add(new CachedModel(manifest, id!, row!, files!));
        }
        for (int i = 1; i < lines.Length - 1; i++)
        {
            var fields = lines[i].Split('\t');
            switch (fields[0])
            {
                case "model" when fields.Length == 4:
                    Flush();
                    manifest = Unescape(fields[1]); id = Unescape(fields[2]); row = Unescape(fields[3]);
                    if (manifest is null || id is null || row is null) return null;
                    files = new List<CachedFile>();
                    break;
                case "file" when fields.Length == 5 && files is not null:
                    if (Unescape(fields[1]) is not { } path || Unescape(fields[2]) is not { } sha) return null;
                    if (!long.TryParse(fields[3], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var length)) return null;
                    if (!long.TryParse(fields[4], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)) return null;
                    files.Add(new CachedFile(path, sha, length, ticks));
                    break;
                default:
                    return null;
            }
        }
        Flush();
        return (format, key, models);
    }

    private static string Escape(string value)
    {
        if (value.IndexOfAny(['\t', '\n', '\r', '\\']) < 0) return value;
        var sb = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            sb.Append(c switch { '\t' => "\\t", '\n' => "\\n", '\r' => "\\r", '\\' => "\\\\", _ => c.ToString() });
        }
        return sb.ToString();
    }

    private static string? Unescape(string value)
    {
        if (value.IndexOf('\\') < 0) return value;
        var sb = new StringBuilder(value.Length);
        for (int i = 0; i < value.Length; i++)
        {
            if (value[i] != '\\') { sb.Append(value[i]); continue; }
            if (++i == value.Length) return null;
            switch (value[i])
            {
                case 't': sb.Append('\t'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case '\\': sb.Append('\\'); break;
                default: return null;
            }
        }
        return sb.ToString();
    }
}
