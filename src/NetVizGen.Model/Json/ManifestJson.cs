using NetVizGen.Model.Specs;

namespace NetVizGen.Model.Json;

/// <summary>
/// Reads and writes the model manifest: the JSON form of a <see cref="ModelSpec"/> that the generator
/// embeds in the compiled assembly and the MSBuild task reads back.
/// </summary>
/// <remarks>
/// The format is versioned by <see cref="SchemaVersion"/>; property order is fixed so the text is
/// deterministic. Enums are written by name so the manifest stays readable in review tools.
/// </remarks>
public static class ManifestJson
{
    /// <summary>The manifest schema version written in every manifest.</summary>
    public const string SchemaVersion = "netvizgen-model/1";

    /// <summary>Namespace of the generated class whose private string constants carry the manifests.</summary>
    public const string CarrierNamespace = "NetVizGen.Generated";

    /// <summary>Name of the generated class whose private string constants carry the manifests.</summary>
    public const string CarrierTypeName = "NetVizGenManifests";

    /// <summary>Prefix of the constants' names (the rest is derived from the model id; the id itself is in the JSON).</summary>
    public const string CarrierFieldPrefix = "Manifest_";

    /// <summary>Serialises a model.</summary>
    public static string Write(ModelSpec model)
    {
        var w = new JsonWriter();
        w.StartObject()
            .Prop("schema", SchemaVersion)
            .Prop("id", model.Id)
            .Prop("title", model.Title)
            .Prop("type", model.TypeName)
            .Prop("direction", model.Direction.ToString())
            .Prop("input", model.Input)
            .Prop("depth", model.Depth)
            .Prop("multiplyAdds", model.MultiplyAdds);
        // Only for a model the reader could not follow completely: complete manifests are unchanged.
        if (!model.Incomplete.IsEmpty)
        {
            w.Prop("knownParams", model.KnownParameters);
            w.Name("incomplete").StartArray();
            foreach (var reason in model.Incomplete) w.Value(reason);
            w.EndArray();
        }
        w.Name("source"); WriteSpan(w, model.Source);
        w.Name("root"); WriteModule(w, model.Root);
        w.Name("flow").StartArray();
        foreach (var n in model.Flow.Nodes) WriteFlowNode(w, n);
        w.EndArray();
        w.Name("notes").StartArray();
        foreach (var n in model.Notes)
        {
            w.StartObject().Prop("id", n.Id).Prop("severity", n.Severity.ToString()).Prop("message", n.Message);
            w.Name("source"); WriteSpan(w, n.Source);
            w.EndObject();
        }
        w.EndArray();
        return w.EndObject().ToString();
    }

    /// <summary>Parses a manifest. Throws <see cref="FormatException"/> when it is not one.</summary>
    public static ModelSpec Read(string json)
    {
        var j = JsonNode.Parse(json);
        if (j["schema"]?.String != SchemaVersion)
            throw new FormatException($"Not a NetVizGen manifest of schema '{SchemaVersion}' (found '{j["schema"]?.String}').");
        return new ModelSpec(
            Id: Str(j["id"]),
            Title: Str(j["title"]),
            TypeName: Str(j["type"]),
            Direction: ParseEnum<FlowDirection>(j["direction"]),
            Input: Str(j["input"]),
            Depth: (int)(j["depth"]?.Long ?? -1),
            Root: ReadModule(j["root"]!),
            Flow: new FlowSpec(j["flow"]!.Items.Select(ReadFlowNode).ToEquatableArray()),
            Notes: (j["notes"]?.Items ?? Array.Empty<JsonNode>()).Select(n => new NoteSpec(
                Str(n["id"]), ParseEnum<NoteSeverity>(n["severity"]), Str(n["message"]), ReadSpan(n["source"]))).ToEquatableArray(),
            Source: ReadSpan(j["source"]),
            MultiplyAdds: j["multiplyAdds"]?.Long ?? -1,
            Incomplete: (j["incomplete"]?.Items ?? Array.Empty<JsonNode>()).Select(r => Str(r)).ToEquatableArray(),
            KnownParameters: j["knownParams"]?.Long ?? -1);
    }

    private static void WriteModule(JsonWriter w, ModuleSpec m)
    {
        w.StartObject()
            .Prop("path", m.Path)
            .Prop("type", m.TypeName)
            .Prop("origin", m.Origin.ToString())
            .Prop("params", m.Parameters)
            .Prop("trainable", m.Trainable)
            .Prop("buffers", m.Buffers);
        // Only for a repeated occurrence of a shared instance: manifests without sharing are unchanged.
        if (m.SharedWith != null) w.Prop("sharedWith", m.SharedWith);
        if (m.TiedWeight != null) w.Prop("tiedWeight", m.TiedWeight);
        w.Name("args"); WriteArgs(w, m.Args);
        w.Name("source"); WriteSpan(w, m.Source);
        w.Name("tensors").StartArray();
        foreach (var t in m.Tensors)
        {
            w.StartObject().Prop("name", t.Name).Prop("parameter", t.IsParameter).Prop("trainable", t.Trainable);
            if (!t.KindKnown) w.Prop("kindUnknown", true);
            w.Name("shape").StartArray();
            foreach (var d in t.Shape) w.Value(d);
            w.EndArray().EndObject();
        }
        w.EndArray();
        w.Name("children").StartArray();
        foreach (var c in m.Children) WriteModule(w, c);
        w.EndArray().EndObject();
    }

    private static ModuleSpec ReadModule(JsonNode j) => new(
        Path: Str(j["path"]),
        TypeName: Str(j["type"]),
        Origin: ParseEnum<ModuleOrigin>(j["origin"]),
        Args: ReadArgs(j["args"]),
        Children: (j["children"]?.Items ?? Array.Empty<JsonNode>()).Select(ReadModule).ToEquatableArray(),
        Parameters: j["params"]?.Long ?? -1,
        Trainable: j["trainable"]?.Long ?? -1,
        Buffers: j["buffers"]?.Long ?? -1,
        Source: ReadSpan(j["source"]),
        Tensors: (j["tensors"]?.Items ?? Array.Empty<JsonNode>()).Select(t => new TensorSpec(
            Str(t["name"]), (t["shape"]?.Items ?? Array.Empty<JsonNode>()).Select(d => d.Long).ToEquatableArray(),
            t["parameter"]?.Bool ?? false, t["trainable"]?.Bool ?? false, KindKnown: t["kindUnknown"]?.Bool != true)).ToEquatableArray(),
        SharedWith: j["sharedWith"] is { IsNull: false } shared ? shared.String : null,
        TiedWeight: j["tiedWeight"] is { IsNull: false } tied ? tied.String : null);

    private static void WriteFlowNode(JsonWriter w, FlowNodeSpec n)
    {
        w.StartObject()
            .Prop("id", n.Id)
            .Prop("kind", n.Kind.ToString())
            .Prop("name", n.Name)
            .Prop("module", n.ModulePath)
            .Prop("scope", n.Scope)
            .Prop("shape", n.Shape)
            .Prop("outputIndex", n.OutputIndex);
        // Optional: omitted when empty, so manifests of flows without bound names are unchanged.
        if (n.Variable.Length > 0) w.Prop("variable", n.Variable);
        if (!n.Ports.IsEmpty)
        {
            w.Name("ports").StartArray();
            foreach (var p in n.Ports)
                w.StartObject().Prop("block", p.Block).Prop("side", p.Side.ToString()).Prop("name", p.Name).Prop("index", p.Index).EndObject();
            w.EndArray();
        }
        w.Name("inputs").StartArray();
        foreach (var i in n.Inputs) w.Value(i);
        w.EndArray();
        w.Name("args"); WriteArgs(w, n.Args);
        w.Name("source"); WriteSpan(w, n.Source);
        w.EndObject();
    }

    private static FlowNodeSpec ReadFlowNode(JsonNode j) => new(
        Id: (int)j["id"]!.Long,
        Kind: ParseEnum<FlowNodeKind>(j["kind"]),
        Name: Str(j["name"]),
        ModulePath: Str(j["module"]),
        Inputs: (j["inputs"]?.Items ?? Array.Empty<JsonNode>()).Select(i => (int)i.Long).ToEquatableArray(),
        Args: ReadArgs(j["args"]),
        Shape: Str(j["shape"]),
        Source: ReadSpan(j["source"]),
        Scope: Str(j["scope"]),
        OutputIndex: (int)(j["outputIndex"]?.Long ?? -1),
        Variable: Str(j["variable"]),
        Ports: (j["ports"]?.Items ?? Array.Empty<JsonNode>()).Select(p => new PortSpec(
            Str(p["block"]), ParseEnum<PortSide>(p["side"]), Str(p["name"]), (int)(p["index"]?.Long ?? 0))).ToEquatableArray());

    private static void WriteArgs(JsonWriter w, EquatableArray<ArgSpec> args)
    {
        w.StartArray();
        foreach (var a in args)
        {
            w.StartObject().Prop("name", a.Name);
            w.Name("value"); WriteValue(w, a.Value);
            w.EndObject();
        }
        w.EndArray();
    }

    private static EquatableArray<ArgSpec> ReadArgs(JsonNode? j) =>
        (j?.Items ?? Array.Empty<JsonNode>()).Select(a => new ArgSpec(Str(a["name"]), ReadValue(a["value"]!))).ToEquatableArray();

    private static void WriteValue(JsonWriter w, ArgValue v)
    {
        w.StartObject().Prop("kind", v.Kind.ToString());
        switch (v.Kind)
        {
            case ArgKind.Bool: w.Prop("value", v.AsBool); break;
            case ArgKind.Int: w.Prop("value", v.Int); break;
            case ArgKind.Float: w.Name("value").Value(v.Float); break;
            case ArgKind.String:
            case ArgKind.Symbol: w.Prop("value", v.Text); break;
            case ArgKind.Tuple:
                w.Name("items").StartArray();
                foreach (var item in v.Items) WriteValue(w, item);
                w.EndArray();
                break;
        }
        w.EndObject();
    }

    private static ArgValue ReadValue(JsonNode j)
    {
        var kind = ParseEnum<ArgKind>(j["kind"]);
        return kind switch
        {
            ArgKind.Null => ArgValue.Null,
            ArgKind.Bool => ArgValue.FromBool(j["value"]!.Bool),
            ArgKind.Int => ArgValue.FromInt(j["value"]!.Long),
            ArgKind.Float => ArgValue.FromFloat(j["value"]!.Double),
            ArgKind.String => ArgValue.FromString(Str(j["value"])),
            ArgKind.Symbol => ArgValue.FromSymbol(Str(j["value"])),
            ArgKind.Tuple => ArgValue.FromTuple(j["items"]!.Items.Select(ReadValue)),
            _ => ArgValue.Unknown,
        };
    }

    private static void WriteSpan(JsonWriter w, SourceSpan? s)
    {
        if (s is null) { w.Value((string?)null); return; }
        w.StartObject()
            .Prop("path", s.Path).Prop("start", s.Start).Prop("length", s.Length)
            .Prop("line", s.Line).Prop("column", s.Column).Prop("endLine", s.EndLine).Prop("endColumn", s.EndColumn)
            .EndObject();
    }

    private static SourceSpan? ReadSpan(JsonNode? j) => j is null || j.IsNull ? null : new SourceSpan(
        Str(j["path"]), (int)j["start"]!.Long, (int)j["length"]!.Long,
        (int)j["line"]!.Long, (int)j["column"]!.Long, (int)j["endLine"]!.Long, (int)j["endColumn"]!.Long);

    private static string Str(JsonNode? j) => j?.String ?? "";

    private static T ParseEnum<T>(JsonNode? j) where T : struct =>
        Enum.TryParse<T>(j?.String, ignoreCase: false, out var v) ? v : default;
}
