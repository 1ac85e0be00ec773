using System.Globalization;
using System.Text;

namespace NetVizGen.Model.Json;

/// <summary>A parsed JSON value: null, bool, number, string, array or object (with ordered properties).</summary>
public sealed class JsonNode
{
    private JsonNode(object? value) => Raw = value;

    /// <summary>The underlying value: null, bool, double/long, string, List or ordered property list.</summary>
    public object? Raw { get; }

    /// <summary>Property <paramref name="name"/> of an object, or null when absent or not an object.</summary>
    public JsonNode? this[string name]
    {
        get
        {
            if (Raw is List<KeyValuePair<string, JsonNode>> props)
                foreach (var p in props) if (p.Key == name) return p.Value;
            return null;
        }
    }

    /// <summary>Items of an array (empty for anything else).</summary>
    public IReadOnlyList<JsonNode> Items => Raw as List<JsonNode> ?? (IReadOnlyList<JsonNode>)Array.Empty<JsonNode>();

    /// <summary>The string value, or null.</summary>
    public string? String => Raw as string;

    /// <summary>The integer value (0 when not a number).</summary>
    public long Long => Raw switch { long l => l, double d => (long)d, _ => 0 };

    /// <summary>The numeric value (0 when not a number).</summary>
    public double Double => Raw switch
    {
        long l => l,
        double d => d,
        // The writer spells non-finite numbers as strings ("NaN", "-Infinity"), as JSON has no literal for them.
        string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => 0,
    };

    /// <summary>The boolean value (false when not a boolean).</summary>
    public bool Bool => Raw is bool b && b;

    /// <summary>True for JSON null.</summary>
    public bool IsNull => Raw is null;

    /// <summary>Parses JSON text. Throws <see cref="FormatException"/> on malformed input.</summary>
    public static JsonNode Parse(string text)
    {
        int pos = 0;
        var node = ParseValue(text, ref pos);
        SkipWs(text, ref pos);
        if (pos != text.Length) throw new FormatException($"Unexpected text after JSON value at offset {pos}.");
        return node;
    }

    private static JsonNode ParseValue(string s, ref int i)
    {
        SkipWs(s, ref i);
        if (i >= s.Length) throw new FormatException("Unexpected end of JSON.");
        char c = s[i];
        switch (c)
        {
            case '{':
                {
                    i++;
                    var props = new List<KeyValuePair<string, JsonNode>>();
                    SkipWs(s, ref i);
                    if (Peek(s, i) == '}') { i++; return new JsonNode(props); }
                    while (true)
                    {
                        SkipWs(s, ref i);
                        var key = ParseString(s, ref i);
                        SkipWs(s, ref i);
                        Expect(s, ref i, ':');
                        props.Add(new KeyValuePair<string, JsonNode>(key, ParseValue(s, ref i)));
                        SkipWs(s, ref i);
                        if (Peek(s, i) == ',') { i++; continue; }
                        Expect(s, ref i, '}');
                        return new JsonNode(props);
                    }
                }
            case '[':
                {
                    i++;
                    var items = new List<JsonNode>();
                    SkipWs(s, ref i);
                    if (Peek(s, i) == ']') { i++; return new JsonNode(items); }
                    while (true)
                    {
                        items.Add(ParseValue(s, ref i));
                        SkipWs(s, ref i);
                        if (Peek(s, i) == ',') { i++; continue; }
                        Expect(s, ref i, ']');
                        return new JsonNode(items);
                    }
                }
            case '"': return new JsonNode(ParseString(s, ref i));
            case 't': ExpectWord(s, ref i, "true"); return new JsonNode(true);
            case 'f': ExpectWord(s, ref i, "false"); return new JsonNode(false);
            case 'n': ExpectWord(s, ref i, "null"); return new JsonNode(null);
            default: return ParseNumber(s, ref i);
        }
    }

    private static JsonNode ParseNumber(string s, ref int i)
    {
        int start = i;
        while (i < s.Length && "+-0123456789.eE".IndexOf(s[i]) >= 0) i++;
        var text = s.Substring(start, i - start);
        if (text.Length == 0) throw new FormatException($"Unexpected character '{s[start]}' at offset {start}.");
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)) return new JsonNode(l);
        return new JsonNode(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
    }

    private static string ParseString(string s, ref int i)
    {
        Expect(s, ref i, '"');
        var sb = new StringBuilder();
        while (true)
        {
            if (i >= s.Length) throw new FormatException("Unterminated JSON string.");
            char c = s[i++];
            if (c == '"') return sb.ToString();
            if (c != '\\') { sb.Append(c); continue; }
            if (i >= s.Length) throw new FormatException("Unterminated escape in JSON string.");
            char e = s[i++];
            switch (e)
            {
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'u':
                    if (i + 4 > s.Length) throw new FormatException("Truncated \\u escape in JSON string.");
                    sb.Append((char)int.Parse(s.Substring(i, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    i += 4;
                    break;
                default: sb.Append(e); break;
            }
        }
    }

    private static char Peek(string s, int i) => i < s.Length ? s[i] : '\0';

    private static void Expect(string s, ref int i, char c)
    {
        if (Peek(s, i) != c) throw new FormatException($"Expected '{c}' at offset {i}.");
        i++;
    }

    private static void ExpectWord(string s, ref int i, string word)
    {
        if (string.CompareOrdinal(s, i, word, 0, word.Length) != 0) throw new FormatException($"Expected '{word}' at offset {i}.");
        i += word.Length;
    }

    private static void SkipWs(string s, ref int i)
    {
        while (i < s.Length && char.IsWhiteSpace(s[i])) i++;
    }
}
