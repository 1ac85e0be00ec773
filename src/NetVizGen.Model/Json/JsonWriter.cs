using System.Globalization;
using System.Text;

namespace NetVizGen.Model.Json;

/// <summary>
/// A minimal forward-only JSON writer. The generator runs on netstandard2.0 inside the compiler,
/// where taking a System.Text.Json dependency means shipping it beside the analyzer; the manifest
/// needs only objects, arrays, strings, integers and booleans.
/// </summary>
public sealed class JsonWriter
{
    private readonly StringBuilder _sb = new();
    private readonly Stack<bool> _hasItems = new();
    private bool _afterName;

    /// <summary>Starts an object, as a value or as an array item.</summary>
    public JsonWriter StartObject() { BeforeValue(); _sb.Append('{'); _hasItems.Push(false); return this; }

    /// <summary>Ends the current object.</summary>
    public JsonWriter EndObject() { _hasItems.Pop(); _sb.Append('}'); return this; }

    /// <summary>Starts an array.</summary>
    public JsonWriter StartArray() { BeforeValue(); _sb.Append('['); _hasItems.Push(false); return this; }

    /// <summary>Ends the current array.</summary>
    public JsonWriter EndArray() { _hasItems.Pop(); _sb.Append(']'); return this; }

    /// <summary>Writes a property name; the next call writes its value.</summary>
    public JsonWriter Name(string name)
    {
        BeforeValue();
        WriteString(name);
        _sb.Append(':');
        _afterName = true;
        return this;
    }

    /// <summary>Writes a string value (or null).</summary>
    public JsonWriter Value(string? value)
    {
        BeforeValue();
        if (value is null) _sb.Append("null"); else WriteString(value);
        return this;
    }

    /// <summary>Writes an integer value.</summary>
    public JsonWriter Value(long value) { BeforeValue(); _sb.Append(value.ToString(CultureInfo.InvariantCulture)); return this; }

    /// <summary>Writes a number value in round-trip form.</summary>
    public JsonWriter Value(double value)
    {
        BeforeValue();
        if (double.IsNaN(value) || double.IsInfinity(value)) { WriteString(value.ToString(CultureInfo.InvariantCulture)); return this; }
        _sb.Append(value.ToString("R", CultureInfo.InvariantCulture));
        return this;
    }

    /// <summary>Writes a boolean value.</summary>
    public JsonWriter Value(bool value) { BeforeValue(); _sb.Append(value ? "true" : "false"); return this; }

    /// <summary>Writes <c>"name": value</c>.</summary>
    public JsonWriter Prop(string name, string? value) => Name(name).Value(value);

    /// <summary>Writes <c>"name": value</c>.</summary>
    public JsonWriter Prop(string name, long value) => Name(name).Value(value);

    /// <summary>Writes <c>"name": value</c>.</summary>
    public JsonWriter Prop(string name, bool value) => Name(name).Value(value);

    /// <summary>The JSON text written so far.</summary>
    public override string ToString() => _sb.ToString();

    private void BeforeValue()
    {
        if (_afterName) { _afterName = false; return; }
        if (_hasItems.Count == 0) return;
        if (_hasItems.Peek()) _sb.Append(',');
        else { _hasItems.Pop(); _hasItems.Push(true); }
    }

    private void WriteString(string s)
    {
        _sb.Append('"');
        foreach (char c in s)
        {
            switch (c)
            {
                case '"': _sb.Append("\\\""); break;
                case '\\': _sb.Append("\\\\"); break;
                case '\n': _sb.Append("\\n"); break;
                case '\r': _sb.Append("\\r"); break;
                case '\t': _sb.Append("\\t"); break;
                default:
                    if (c < 0x20) _sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else _sb.Append(c);
                    break;
            }
        }
        _sb.Append('"');
    }
}
