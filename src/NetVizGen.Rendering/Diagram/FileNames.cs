using System.Text;

namespace NetVizGen.Rendering.Diagram;

/// <summary>File-name and XML-id safe forms of type names and module paths.</summary>
internal static class FileNames
{
    /// <summary>Keeps ASCII letters, digits, '-', '_' and '.'; everything else (generic brackets, spaces) becomes '_'.</summary>
    public static string Safe(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
            sb.Append(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '_' or '.' ? c : '_');
        return sb.Length == 0 ? "_" : sb.ToString();
    }
}
