namespace NetVizGen.Model.Specs;

/// <summary>What a node of the traced forward data flow stands for.</summary>
public enum FlowNodeKind
{
    /// <summary>A model input (a <c>forward</c> parameter).</summary>
    Input,
    /// <summary>A call of a registered leaf or custom submodule (<c>conv1.forward(x)</c>).</summary>
    Module,
    /// <summary>A functional op or tensor method (<c>relu</c>, <c>flatten</c>, <c>view</c>).</summary>
    Op,
    /// <summary>A merge of several tensors: <c>+</c>/<c>add</c>, <c>cat</c>, <c>stack</c>, <c>mul</c>.</summary>
    Merge,
    /// <summary>A model output (a returned tensor).</summary>
    Output,
    /// <summary>Something the tracer could not understand; drawn as such, with a diagnostic.</summary>
    Unresolved,
}

/// <summary>
/// One node of the forward data-flow graph. Edges are implied by <see cref="Inputs"/>.
/// </summary>
/// <param name="Id">Dense id, in trace order (also a topological order).</param>
/// <param name="Kind">What the node stands for.</param>
/// <param name="Name">The op name (<c>relu</c>, <c>add</c>, <c>cat</c>) or the input/output name.</param>
/// <param name="ModulePath">For <see cref="FlowNodeKind.Module"/>: the called module's path.</param>
/// <param name="Inputs">Ids of the nodes whose outputs feed this one, in argument order.</param>
/// <param name="Args">Non-tensor arguments of an op (<c>dim = 1</c>, <c>start_dim = 1</c>).</param>
/// <param name="Shape">The output shape as displayed (<c>N×64×56×56</c>), empty when not inferred.</param>
/// <param name="Source">Where the call is in <c>forward</c>.</param>
/// <param name="Scope">Path of the module whose <c>forward</c> contains this node (empty: the root).</param>
/// <param name="OutputIndex">For ops with several outputs (<c>chunk</c>, LSTM): which output feeds on; -1 for all.</param>
/// <param name="Variable">The C# name the value is bound to, empty when none: the last local or parameter assigned it
/// in the code of its own scope or of a block around it (<c>var position_ids = arange(...)</c>; <c>var h = layer.call(x)</c>), else the parameter it
/// is first passed to by a named argument or into user code (<c>layer.call(h, mask: torch.full(...))</c> gives <c>mask</c>).</param>
/// <param name="Ports">Where the value enters or leaves a custom block's <c>forward</c> that takes or returns several
/// tensors, under the name the block's code gives it there (<see cref="PortSpec"/>); empty for most nodes.</param>
public sealed record FlowNodeSpec(
    int Id,
    FlowNodeKind Kind,
    string Name,
    string ModulePath,
    EquatableArray<int> Inputs,
    EquatableArray<ArgSpec> Args,
    string Shape = "",
    SourceSpan? Source = null,
    string Scope = "",
    int OutputIndex = -1,
    string Variable = "",
    EquatableArray<PortSpec> Ports = default);

/// <summary>Which side of a block's <c>forward</c> a <see cref="PortSpec"/> is on.</summary>
public enum PortSide
{
    /// <summary>The value is an argument of the block's <c>forward</c>.</summary>
    Input,
    /// <summary>The value is (part of) what the block's <c>forward</c> returns.</summary>
    Output,
}

/// <summary>
/// A value as one call of a custom block sees it: the argument (<c>inputs[2]</c>, a list parameter's element) or
/// the returned element (<c>clsOutputs[0]</c>) it is. A block page labels its inputs and outputs with these when
/// several would otherwise all read "Input" or "Output".
/// </summary>
/// <param name="Block">Path of the called block (the scope its nodes carry).</param>
/// <param name="Side">Argument or result.</param>
/// <param name="Name">The name in the block's code: a parameter, with <c>[k]</c> for a list element or <c>.name</c>
/// for a tuple or record member; for a result, the returned tuple's element names (from its type, or the
/// variables the <c>return</c> lists), with the same suffixes.</param>
/// <param name="Index">Position among the call's arguments or results, in the order the code lists them.</param>
public sealed record PortSpec(string Block, PortSide Side, string Name, int Index);

/// <summary>The traced data flow of a module's <c>forward</c>.</summary>
/// <param name="Nodes">Nodes in trace (topological) order.</param>
public sealed record FlowSpec(EquatableArray<FlowNodeSpec> Nodes)
{
    /// <summary>The empty flow.</summary>
    public static readonly FlowSpec Empty = new(EquatableArray<FlowNodeSpec>.Empty);
}
