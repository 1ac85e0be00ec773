using System.Text;
using System.Xml;

namespace NetVizGen.Rendering.Svg;

/// <summary>
/// A thin SVG layer over <see cref="XmlWriter"/>: escaping and well-formedness come from System.Xml,
/// numbers always go through <see cref="Numbers.Coord"/> (invariant culture, at most two decimals) so
/// the output is byte-stable and diff-friendly. Styling is written as presentation attributes only.
/// </summary>
internal sealed class SvgWriter : IDisposable
{
    public const string Namespace = "http://www.w3.org/2000/svg";
    private readonly StringBuilder _buffer = new();
    private readonly XmlWriter _xml;

    public SvgWriter()
    {
        _xml = XmlWriter.Create(_buffer, new XmlWriterSettings
        {
            Indent = true, IndentChars = "  ", NewLineChars = "\n", OmitXmlDeclaration = true,
            NewLineHandling = NewLineHandling.Replace, Encoding = Encoding.UTF8,
        });
    }

    /// <summary>Writes SVG elements into an enclosing document (the interactive HTML page) through its writer.</summary>
    public SvgWriter(XmlWriter enclosing) => _xml = enclosing;

    /// <summary>Opens an element; attributes are name/value pairs, nulls skipped.</summary>
    public SvgWriter Open(string name, params (string Name, string? Value)[] attributes)
    {
        _xml.WriteStartElement(name, Namespace);
        return Attributes(attributes);
    }

    private SvgWriter Attributes((string Name, string? Value)[] attributes)
    {
        foreach (var (n, v) in attributes) if (v is not null) _xml.WriteAttributeString(n, XmlSafe(v));
        return this;
    }

    public SvgWriter Close()
    {
        _xml.WriteEndElement();
        return this;
    }

    /// <summary>An element with attributes and no content.</summary>
    public SvgWriter Empty(string name, params (string Name, string? Value)[] attributes) => Open(name, attributes).Close();

    /// <summary>An element with a prepared attribute group (e.g. a rectangle's geometry) plus more attributes.</summary>
    public SvgWriter Empty(string name, (string Name, string? Value)[] first, params (string Name, string? Value)[] more) =>
        Open(name, first).Attributes(more).Close(); // no merged copy: one per node adds up on large models

    /// <summary>An element with text content.</summary>
    public SvgWriter Text(string name, string text, params (string Name, string? Value)[] attributes)
    {
        Open(name, attributes);
        _xml.WriteString(XmlSafe(text));
        return Close();
    }

    /// <summary>
    /// Drops characters XML cannot carry (control characters, lone surrogates): a module name or a
    /// title from user code must never make the writer throw and fail the build.
    /// </summary>
    internal static string XmlSafe(string text)
    {
        StringBuilder? sb = null;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            bool ok = c is '\t' or '\n' or '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb?.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }
            if (ok) { sb?.Append(c); continue; }
            sb ??= new StringBuilder(text, 0, i, text.Length);
        }
        return sb?.ToString() ?? text;
    }

    /// <summary>Coordinate text.</summary>
    public static string N(double value) => Numbers.Coord(value);

    /// <summary>Finishes the document and returns it, ending with a newline.</summary>
    public string Finish()
    {
        _xml.Flush();
        return _buffer.Append('\n').ToString();
    }

    public void Dispose() => _xml.Dispose();
}
