using NetVizGen.Model.Specs;

namespace NetVizGen.Rendering.Tests.TestModels;

/// <summary>Small helpers to hand-build module trees and traced flows.</summary>
internal sealed class SpecBuilder
{
    private readonly List<FlowNodeSpec> _flow = [];

    public static ArgSpec A(string name, long value) => new(name, ArgValue.FromInt(value));
    public static ArgSpec T(string name, params long[] values) => new(name, ArgValue.FromTuple(values.Select(ArgValue.FromInt)));

    public static ModuleSpec Leaf(string path, string type, long parameters, params ArgSpec[] args)
        => new(path, type, ModuleOrigin.Builtin, args.ToEquatableArray(), EquatableArray<ModuleSpec>.Empty, parameters, parameters, 0);

    public static ModuleSpec Node(string path, string type, ModuleOrigin origin, ArgSpec[] args, params ModuleSpec[] children)
    {
        long p = children.Sum(c => Math.Max(0, c.Parameters));
        return new(path, type, origin, args.ToEquatableArray(), children.ToEquatableArray(), p, p, 0);
    }

    public int Input(string name, string shape) => Add(FlowNodeKind.Input, name, "", shape, "", []);
    public int Module(string path, string shape, string scope, params int[] inputs) => Add(FlowNodeKind.Module, path[(path.LastIndexOf('.') + 1)..], path, shape, scope, inputs);
    public int Op(string name, string shape, string scope, params int[] inputs) => Add(FlowNodeKind.Op, name, "", shape, scope, inputs);
    /// <summary>A call of the registered module at <paramref name="path"/> the reader could not follow (its type as the name).</summary>
    public int Unresolved(string type, string path, params int[] inputs) => Add(FlowNodeKind.Unresolved, type, path, "", "", inputs);
    public int Merge(string name, string shape, string scope, params int[] inputs) => Add(FlowNodeKind.Merge, name, "", shape, scope, inputs);
    public int Output(string shape, int input) => Add(FlowNodeKind.Output, "output", "", shape, "", [input]);
    /// <summary>An output named as the tracer names tuple elements ("output.masks", "output.1").</summary>
    public int Output(string name, string shape, int input) => Add(FlowNodeKind.Output, name, "", shape, "", [input]);

    /// <summary>Gives node <paramref name="id"/> its non-tensor arguments; returns the id.</summary>
    public int With(int id, params ArgSpec[] args)
    {
        _flow[id] = _flow[id] with { Args = args.ToEquatableArray() };
        return id;
    }

    /// <summary>Records that node <paramref name="id"/>'s value is bound to the C# name <paramref name="variable"/>; returns the id.</summary>
    public int Bind(int id, string variable)
    {
        _flow[id] = _flow[id] with { Variable = variable };
        return id;
    }

    /// <summary>Records that a call of block <paramref name="block"/> took or returned node <paramref name="id"/> as
    /// <paramref name="name"/>, at place <paramref name="index"/> (<see cref="PortSpec"/>); returns the id.</summary>
    public int Port(int id, string block, PortSide side, string name, int index)
    {
        _flow[id] = _flow[id] with { Ports = _flow[id].Ports.Append(new PortSpec(block, side, name, index)).ToEquatableArray() };
        return id;
    }

    public FlowSpec Flow => new(_flow.ToEquatableArray());

    private int Add(FlowNodeKind kind, string name, string path, string shape, string scope, int[] inputs)
    {
        int id = _flow.Count;
        _flow.Add(new FlowNodeSpec(id, kind, name, path, inputs.ToEquatableArray(), EquatableArray<ArgSpec>.Empty, shape, null, scope));
        return id;
    }
}
