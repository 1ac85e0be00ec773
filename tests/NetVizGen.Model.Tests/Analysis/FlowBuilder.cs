using NetVizGen.Model.Specs;
using static NetVizGen.Model.Tests.Catalog.Args;

namespace NetVizGen.Model.Tests.Analysis;

/// <summary>Builds small ModelSpecs by hand, as the extractor would produce them.</summary>
internal sealed class FlowBuilder
{
    private readonly List<ModuleSpec> _modules = new();
    private readonly List<FlowNodeSpec> _nodes = new();

    public static SourceSpan At(int line) => new("Model.cs", line * 40, 10, line, 8, line, 18);

    public FlowBuilder Layer(string path, string type, params (string, object?)[] args)
    {
        _modules.Add(new ModuleSpec(path, type, ModuleOrigin.Builtin, Of(args).ToEquatableArray(), EquatableArray<ModuleSpec>.Empty));
        return this;
    }

    public int Input(string name = "x") => Add(FlowNodeKind.Input, name, "", Array.Empty<int>(), Array.Empty<(string, object?)>());

    public int Call(string path, params int[] inputs) => Add(FlowNodeKind.Module, "forward", path, inputs, Array.Empty<(string, object?)>());

    public int Op(string name, int input, params (string, object?)[] args) => Add(FlowNodeKind.Op, name, "", new[] { input }, args);

    public int Merge(string name, int[] inputs, params (string, object?)[] args) => Add(FlowNodeKind.Merge, name, "", inputs, args);

    public int Output(int input) => Add(FlowNodeKind.Output, "output", "", new[] { input }, Array.Empty<(string, object?)>());

    public ModelSpec Build(string input, string id = "Net")
    {
        var root = new ModuleSpec("", id, ModuleOrigin.Custom, EquatableArray<ArgSpec>.Empty, _modules.ToEquatableArray());
        return new ModelSpec(id, id, "Samples." + id, FlowDirection.TopDown, input, -1, root, new FlowSpec(_nodes.ToEquatableArray()),
            EquatableArray<NoteSpec>.Empty, At(1));
    }

    private int Add(FlowNodeKind kind, string name, string path, int[] inputs, (string, object?)[] args)
    {
        int id = _nodes.Count;
        _nodes.Add(new FlowNodeSpec(id, kind, name, path, new EquatableArray<int>(inputs), Of(args).ToEquatableArray(), Source: At(10 + id)));
        return id;
    }
}
