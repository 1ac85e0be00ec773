using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NetVizGen.Model.Specs;

namespace NetVizGen.Rendering.Description;

/// <summary>
/// Writes a model's description: the diffable JSON form of a <see cref="ModelSpec"/> that goes next to
/// its SVG in the docs (<c>Id.model.json</c>) and that <c>netviz diff</c> reads. Schema:
/// docs/model-description.md (<see cref="SchemaVersion"/>).
/// </summary>
/// <remarks>
/// Shaped for line-based review: one flat module list keyed by path (an edit deep in the tree does not
/// re-indent its neighbours), properties in a fixed order, LF line ends, readable text (× and → are not
/// \u-escaped), source locations as project-relative <c>file:line</c>. Nothing machine- or time-dependent.
/// Modules keep TorchSharp's <c>named_modules()</c> order and flow nodes the trace order: both orders are
/// meaning (registration order, data order), and both are deterministic.
/// </remarks>
public static class DescriptionWriter
{
    /// <summary>The schema id written in every description; bumped on an incompatible change.</summary>
    public const string SchemaVersion = "netvizgen-description/1";

    /// <summary>The file name suffix of a description next to the model's <c>Id.svg</c>.</summary>
    public const string FileSuffix = ".model.json";

    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        // Shapes (N×64) and labels are user-visible text: keep them readable in a pull request diff.
        // JSON escaping of quotes, backslashes and control characters still applies.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Serialises <paramref name="model"/>. Byte-identical for equal models, on every machine and culture.</summary>
    /// <param name="model">The model.</param>
    /// <param name="projectDirectory">Rooted source paths under it are made relative to it; any other rooted
    /// path keeps only its file name. The generator already writes project-relative paths; this is the safety net.</param>
    public static string Write(ModelSpec model, string projectDirectory = "")
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(projectDirectory);
        model = Portable(model, projectDirectory);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Options))
        {
            w.WriteStartObject();
            w.WriteString("schema", SchemaVersion);
            w.WriteString("id", model.Id);
            w.WriteString("title", model.Title);
            w.WriteString("type", model.TypeName);
            w.WriteString("direction", model.Direction.ToString());
            w.WriteString("input", model.Input);
            w.WriteNumber("depth", model.Depth);
            w.WriteNumber("parameters", model.Root.Parameters);
            w.WriteNumber("trainable", model.Root.Trainable);
            w.WriteNumber("buffers", model.Root.Buffers);
            w.WriteNumber("multiplyAdds", model.MultiplyAdds);
            WriteSource(w, model.Source);
            w.WriteStartArray("modules");
            foreach (var m in model.Root.DescendantsAndSelf()) WriteModule(w, m);
            w.WriteEndArray();
            w.WriteStartArray("flow");
            foreach (var n in model.Flow.Nodes) WriteFlowNode(w, n);
            w.WriteEndArray();
            w.WriteStartArray("notes");
            foreach (var n in model.Notes)
            {
                w.WriteStartObject();
                w.WriteString("id", n.Id);
                w.WriteString("severity", Lower(n.Severity.ToString()));
                w.WriteString("message", n.Message);
                WriteSource(w, n.Source);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        // Utf8JsonWriter indents with Environment.NewLine; the file is LF everywhere.
        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n") + "\n";
    }

    private static void WriteModule(Utf8JsonWriter w, ModuleSpec m)
    {
        w.WriteStartObject();
        w.WriteString("path", m.Path);
        w.WriteString("type", m.TypeName);
        w.WriteString("origin", Lower(m.Origin.ToString()));
        if (m.SharedWith is not null) w.WriteString("sharedWith", m.SharedWith);
        if (m.TiedWeight is not null) w.WriteString("tiedWeight", m.TiedWeight);
        WriteArgs(w, m.Args);
        w.WriteNumber("parameters", m.Parameters);
        w.WriteNumber("trainable", m.Trainable);
        w.WriteNumber("buffers", m.Buffers);
        if (!m.Tensors.IsEmpty)
        {
            w.WriteStartArray("tensors");
            foreach (var t in m.Tensors)
            {
                w.WriteStartObject();
                w.WriteString("name", t.Name);
                w.WriteString("kind", t.IsParameter ? "parameter" : "buffer");
                w.WriteBoolean("trainable", t.Trainable);
                w.WriteStartArray("shape");
                foreach (var d in t.Shape) w.WriteNumberValue(d);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        WriteSource(w, m.Source);
        w.WriteEndObject();
    }

    private static void WriteFlowNode(Utf8JsonWriter w, FlowNodeSpec n)
    {
        w.WriteStartObject();
        w.WriteNumber("id", n.Id);
        w.WriteString("kind", Lower(n.Kind.ToString()));
        w.WriteString("name", n.Name);
        if (n.ModulePath.Length > 0 || n.Kind == FlowNodeKind.Module) w.WriteString("module", n.ModulePath);
        if (n.Scope.Length > 0) w.WriteString("scope", n.Scope);
        if (n.Variable.Length > 0) w.WriteString("variable", n.Variable);
        if (!n.Ports.IsEmpty)
        {
            w.WriteStartArray("ports");
            foreach (var p in n.Ports)
            {
                w.WriteStartObject();
                w.WriteString("block", p.Block);
                w.WriteString("side", Lower(p.Side.ToString()));
                w.WriteString("name", p.Name);
                w.WriteNumber("index", p.Index);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteStartArray("inputs");
        foreach (var i in n.Inputs) w.WriteNumberValue(i);
        w.WriteEndArray();
        if (n.OutputIndex >= 0) w.WriteNumber("outputIndex", n.OutputIndex);
        if (!n.Args.IsEmpty) WriteArgs(w, n.Args);
        w.WriteString("shape", n.Shape);
        WriteSource(w, n.Source);
        w.WriteEndObject();
    }

    private static void WriteArgs(Utf8JsonWriter w, EquatableArray<ArgSpec> args)
    {
        w.WriteStartObject("args");
        foreach (var a in args)
        {
            w.WritePropertyName(a.Name);
            WriteValue(w, a.Value);
        }
        w.WriteEndObject();
    }

    /// <summary>
    /// Values are plain JSON where that is unambiguous: integers, booleans, strings, null, tuples as
    /// arrays. A float always carries a '.' or an exponent (<c>1.0</c>), so it reads back as a float.
    /// Symbols, unknown values and non-finite floats are one-property objects.
    /// </summary>
    private static void WriteValue(Utf8JsonWriter w, ArgValue v)
    {
        switch (v.Kind)
        {
            case ArgKind.Null: w.WriteNullValue(); break;
            case ArgKind.Bool: w.WriteBooleanValue(v.AsBool); break;
            case ArgKind.Int: w.WriteNumberValue(v.Int); break;
            case ArgKind.Float:
                if (double.IsFinite(v.Float)) w.WriteRawValue(ArgValue.FormatFloat(v.Float), skipInputValidation: true);
                else { w.WriteStartObject(); w.WriteString("float", ArgValue.FormatFloat(v.Float)); w.WriteEndObject(); }
                break;
            case ArgKind.String: w.WriteStringValue(v.Text); break;
            case ArgKind.Symbol: w.WriteStartObject(); w.WriteString("symbol", v.Text); w.WriteEndObject(); break;
            case ArgKind.Tuple:
                w.WriteStartArray();
                foreach (var item in v.Items) WriteValue(w, item);
                w.WriteEndArray();
                break;
            default: w.WriteStartObject(); w.WriteBoolean("unknown", true); w.WriteEndObject(); break;
        }
    }

    private static void WriteSource(Utf8JsonWriter w, SourceSpan? s)
    {
        if (s is null) return;
        w.WriteString("source", SourceText(s));
    }

    private static ModelSpec Portable(ModelSpec model, string project)
    {
        SourceSpan? Fix(SourceSpan? s) => s is null ? null : s with { Path = Portable(s.Path, project) };
        ModuleSpec FixModule(ModuleSpec m) => m with { Source = Fix(m.Source), Children = m.Children.Select(FixModule).ToEquatableArray() };
        return model with
        {
            Source = Fix(model.Source),
            Root = FixModule(model.Root),
            Flow = new FlowSpec(model.Flow.Nodes.Select(n => n with { Source = Fix(n.Source) }).ToEquatableArray()),
            Notes = model.Notes.Select(n => n with { Source = Fix(n.Source) }).ToEquatableArray(),
        };
    }

    private static string Portable(string path, string project)
    {
        var p = path.Replace('\\', '/');
        bool rooted = p.StartsWith('/') || (p.Length > 2 && p[1] == ':');
        if (!rooted) return p;
        var dir = project.Replace('\\', '/').TrimEnd('/') + "/";
        if (dir.Length > 1 && p.StartsWith(dir, StringComparison.OrdinalIgnoreCase)) return p.Substring(dir.Length);
        return p.Substring(p.LastIndexOf('/') + 1);
    }

    /// <summary><c>Models/Net.cs:12</c>, or <c>Models/Net.cs:12-14</c> for a span over several lines (one-based).</summary>
    public static string SourceText(SourceSpan s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var path = s.Path.Replace('\\', '/');
        var text = path + ":" + s.DisplayLine.ToString(CultureInfo.InvariantCulture);
        return s.EndLine > s.Line ? text + "-" + (s.EndLine + 1).ToString(CultureInfo.InvariantCulture) : text;
    }

    private static string Lower(string name) => char.ToLowerInvariant(name[0]) + name.Substring(1);
}
