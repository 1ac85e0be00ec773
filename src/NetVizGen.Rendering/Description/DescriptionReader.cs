using System.Globalization;
using System.Text.Json;
using NetVizGen.Model.Specs;

namespace NetVizGen.Rendering.Description;

/// <summary>
/// Reads a description written by <see cref="DescriptionWriter"/> back into a <see cref="ModelSpec"/>,
/// so a committed description can be diffed and drawn with the same code that drew the docs.
/// </summary>
/// <remarks>
/// Round trip is exact except for what the description leaves out on purpose: source columns and
/// offsets (only lines are kept).
/// </remarks>
public static class DescriptionReader
{
    /// <summary>Parses a description. Throws <see cref="FormatException"/> when the text is not one of this schema.</summary>
    public static ModelSpec Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument doc;
        try { doc = JsonDocument.Parse(json); }
        catch (JsonException e) { throw new FormatException("Not a JSON document: " + e.Message, e); }
        using (doc)
        {
            var j = doc.RootElement;
            var schema = j.ValueKind == JsonValueKind.Object && j.TryGetProperty("schema", out var s) ? s.GetString() : null;
            if (schema != DescriptionWriter.SchemaVersion)
                throw new FormatException($"Not a NetVizGen model description of schema '{DescriptionWriter.SchemaVersion}' (found '{schema}').");
            var modules = j.GetProperty("modules").EnumerateArray().ToList();
            if (modules.Count == 0) throw new FormatException("The description has no root module.");
            int index = 0;
            var root = ReadTree(modules, ref index, parentPath: null);
            return new ModelSpec(
                Id: Str(j, "id"),
                Title: Str(j, "title"),
                TypeName: Str(j, "type"),
                Direction: Enum<FlowDirection>(Str(j, "direction")),
                Input: Str(j, "input"),
                Depth: (int)Long(j, "depth", -1),
                Root: root,
                Flow: new FlowSpec(j.GetProperty("flow").EnumerateArray().Select(ReadFlowNode).ToEquatableArray()),
                Notes: Array(j, "notes").Select(n => new NoteSpec(Str(n, "id"), Enum<NoteSeverity>(Str(n, "severity")), Str(n, "message"), Source(n))).ToEquatableArray(),
                Source: Source(j),
                MultiplyAdds: Long(j, "multiplyAdds", -1));
        }
    }

    // The module list is named_modules() order (depth first, registration order): a module's children
    // are the entries right after it whose path is one segment longer.
    private static ModuleSpec ReadTree(List<JsonElement> list, ref int index, string? parentPath)
    {
        var j = list[index++];
        var path = Str(j, "path");
        var children = new List<ModuleSpec>();
        while (index < list.Count && IsChild(path, Str(list[index], "path"))) children.Add(ReadTree(list, ref index, path));
        return new ModuleSpec(
            Path: path,
            TypeName: Str(j, "type"),
            Origin: Enum<ModuleOrigin>(Str(j, "origin")),
            Args: Args(j),
            Children: children.ToEquatableArray(),
            Parameters: Long(j, "parameters", -1),
            Trainable: Long(j, "trainable", -1),
            Buffers: Long(j, "buffers", -1),
            Source: Source(j),
            Tensors: Array(j, "tensors").Select(t => new TensorSpec(Str(t, "name"),
                Array(t, "shape").Select(d => d.GetInt64()).ToEquatableArray(), Str(t, "kind") == "parameter",
                t.TryGetProperty("trainable", out var tr) && tr.ValueKind == JsonValueKind.True)).ToEquatableArray(),
            SharedWith: j.TryGetProperty("sharedWith", out var sw) ? sw.GetString() : null,
            TiedWeight: j.TryGetProperty("tiedWeight", out var tw) ? tw.GetString() : null);
    }

    private static bool IsChild(string parent, string path)
    {
        if (parent.Length == 0) return path.Length > 0 && path.IndexOf('.') < 0;
        return path.Length > parent.Length + 1 && path.StartsWith(parent + ".", StringComparison.Ordinal) && path.IndexOf('.', parent.Length + 1) < 0;
    }

    private static FlowNodeSpec ReadFlowNode(JsonElement j) => new(
        Id: (int)Long(j, "id", 0),
        Kind: Enum<FlowNodeKind>(Str(j, "kind")),
        Name: Str(j, "name"),
        ModulePath: Str(j, "module"),
        Inputs: Array(j, "inputs").Select(i => i.GetInt32()).ToEquatableArray(),
        Args: Args(j),
        Shape: Str(j, "shape"),
        Source: Source(j),
        Scope: Str(j, "scope"),
        OutputIndex: (int)Long(j, "outputIndex", -1),
        Variable: Str(j, "variable"),
        Ports: Array(j, "ports").Select(p => new PortSpec(
            Str(p, "block"), Enum<PortSide>(Str(p, "side")), Str(p, "name"), (int)Long(p, "index", 0))).ToEquatableArray());

    private static EquatableArray<ArgSpec> Args(JsonElement j) =>
        j.TryGetProperty("args", out var a) && a.ValueKind == JsonValueKind.Object
            ? a.EnumerateObject().Select(p => new ArgSpec(p.Name, Value(p.Value))).ToEquatableArray()
            : EquatableArray<ArgSpec>.Empty;

    private static ArgValue Value(JsonElement v)
    {
        switch (v.ValueKind)
        {
            case JsonValueKind.Null: return ArgValue.Null;
            case JsonValueKind.True: return ArgValue.FromBool(true);
            case JsonValueKind.False: return ArgValue.FromBool(false);
            case JsonValueKind.String: return ArgValue.FromString(v.GetString()!);
            case JsonValueKind.Array: return ArgValue.FromTuple(v.EnumerateArray().Select(Value).ToList());
            case JsonValueKind.Number:
                var raw = v.GetRawText();
                return raw.IndexOfAny(['.', 'e', 'E']) >= 0 ? ArgValue.FromFloat(v.GetDouble()) : ArgValue.FromInt(v.GetInt64());
            case JsonValueKind.Object:
                if (v.TryGetProperty("symbol", out var sym)) return ArgValue.FromSymbol(sym.GetString()!);
                if (v.TryGetProperty("float", out var f)) return ArgValue.FromFloat(f.GetString() switch
                {
                    "inf" => double.PositiveInfinity,
                    "-inf" => double.NegativeInfinity,
                    _ => double.NaN,
                });
                return ArgValue.Unknown;
            default: return ArgValue.Unknown;
        }
    }

    // "Models/Net.cs:12" or "Models/Net.cs:12-14"; the path may itself contain ':' (split at the last one).
    private static SourceSpan? Source(JsonElement j)
    {
        if (!j.TryGetProperty("source", out var s) || s.ValueKind != JsonValueKind.String) return null;
        var text = s.GetString()!;
        int colon = text.LastIndexOf(':');
        if (colon < 0) return new SourceSpan(text, 0, 0, 0, 0, 0, 0);
        var lines = text.Substring(colon + 1).Split('-');
        int Parse(string t) => int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? Math.Max(0, n - 1) : 0;
        int line = Parse(lines[0]), end = lines.Length > 1 ? Parse(lines[1]) : line;
        return new SourceSpan(text.Substring(0, colon), 0, 0, line, 0, end, 0);
    }

    private static IEnumerable<JsonElement> Array(JsonElement j, string name) =>
        j.TryGetProperty(name, out var a) && a.ValueKind == JsonValueKind.Array ? a.EnumerateArray() : Enumerable.Empty<JsonElement>();

    private static string Str(JsonElement j, string name) =>
        j.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";

    private static long Long(JsonElement j, string name, long fallback) =>
        j.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt64() : fallback;

    private static T Enum<T>(string text) where T : struct => System.Enum.TryParse<T>(text, ignoreCase: true, out var v) ? v : default;
}
