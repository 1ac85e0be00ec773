using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using NetVizGen.Extraction.Construction;
using NetVizGen.Extraction.Diagnostics;
using NetVizGen.Model.Catalog;
using NetVizGen.Model.Specs;

namespace NetVizGen.Extraction.Evaluation;

/// <summary>A multi-output result (LSTM's (output, h, c), <c>chunk</c>): items become selector nodes on first use.</summary>
internal sealed class MultiTensorValue : Value
{
    public MultiTensorValue(int nodeId, int arity) { NodeId = nodeId; Arity = arity; }
    public int NodeId { get; }
    public int Arity { get; }

    /// <summary>An RNN's result for a packed input: its first item is a packed sequence in that layout.</summary>
    public PackedValue? PackedInput { get; init; }
}

/// <summary>
/// A packed sequence (<c>nn.utils.rnn.pack_padded_sequence</c>): drawn as its padded tensor, in the layout it
/// was packed in; <see cref="BatchFirst"/> is null when that is not known.
/// </summary>
internal sealed class PackedValue : Value
{
    public PackedValue(int nodeId, bool? batchFirst) { NodeId = nodeId; BatchFirst = batchFirst; }
    public int NodeId { get; }
    public bool? BatchFirst { get; }
}

/// <summary>Symbolic tracing of <c>forward</c>: tensors are flow nodes, module calls are inlined down to leaves.</summary>
internal sealed partial class Interpreter
{
    /// <summary>Tensor methods that change nothing a diagram shows.</summary>
    private static readonly HashSet<string> PassThrough = new(StringComparer.Ordinal)
    {
        "contiguous", "to", "cpu", "cuda", "detach", "clone", "alias", "MoveToOuterDisposeScope", "MoveToOtherDisposeScope",
        "DetachFromDisposeScope", "requires_grad_", "MoveToOuter", "type_as", "float", "to_type",
    };

    /// <summary>Whether tensor method <paramref name="name"/> changes nothing a diagram shows (<c>MoveToOuterDisposeScope</c>).</summary>
    internal static bool IsPassThrough(string name) => PassThrough.Contains(name);

    private static readonly HashSet<string> IntegerScalarTypes = new(StringComparer.Ordinal)
    {
        "ScalarType.Int64", "ScalarType.Int32", "ScalarType.Int16", "ScalarType.Int8", "ScalarType.Byte",
    };

    /// <summary>A factory told to make integers in a constructor (<c>zeros(n, n, dtype: torch.int64)</c>).</summary>
    private static bool IsIntegerDtype(IMethodSymbol method, List<Value> args) =>
        ConstTensorShapes.Argument(method, args, "dtype") is PrimValue { Raw: EnumName e } && IntegerScalarTypes.Contains(e.Name);

    private static readonly HashSet<string> SparseProducers = new(StringComparer.Ordinal) { "sparse_coo_tensor", "sparse_csr_tensor", "to_sparse", "to_sparse_coo", "to_sparse_csr" };

    /// <summary>A dtype conversion to an integer type: <c>to_type(Int64)</c>, <c>to(ScalarType.Int32)</c>, <c>@long()</c>, <c>@int()</c>.</summary>
    private static bool IsIntegerConversion(string name, List<Value> args) =>
        name is "long" or "int" or "short"
        || name is "to_type" or "to" or "type" && args.Any(a => a is PrimValue { Raw: EnumName e } && IntegerScalarTypes.Contains(e.Name));

    private static readonly Dictionary<string, string> MergeOps = new(StringComparer.Ordinal)
    {
        ["add"] = "add", ["add_"] = "add", ["sub"] = "sub", ["sub_"] = "sub", ["mul"] = "mul", ["mul_"] = "mul",
        ["cat"] = "cat", ["concat"] = "cat", ["concatenate"] = "cat", ["stack"] = "stack", ["hstack"] = "hstack", ["vstack"] = "vstack",
    };

    /// <summary>A traced tensor; while constructing (no graph), also a tensor made in the constructor.</summary>
    private bool IsTensorLike(Value v) => v is TensorValue or MultiTensorValue or PackedValue || Graph is null && v is ConstTensorValue;

    private readonly Dictionary<(int, string), TensorValue> _parameterNodes = new();

    /// <summary>
    /// While tracing, a module's own Parameter or buffer (a class token, a positional embedding)
    /// read in forward becomes a source node of the flow, once per (instance, field).
    /// </summary>
    private Value TracedTensor(ModuleValue owner, string field, Value value)
    {
        if (Graph is null || value is not ConstTensorValue tensor) return value;
        if (_parameterNodes.TryGetValue((owner.InstanceId, field), out var known)) return known;
        var path = Graph.PathOf(owner) ?? "";
        var name = path.Length == 0 ? field : path + "." + field;
        var args = new List<ArgSpec> { new("name", ArgValue.FromString(name)) };
        if (tensor.Shape is { } dims) args.Add(new ArgSpec("shape", ArgValue.FromTuple(dims.Select(ArgValue.FromInt))));
        if (!tensor.IsParameter) args.Add(new ArgSpec("buffer", ArgValue.FromBool(true)));
        var node = new TensorValue(Graph.Add(FlowNodeKind.Op, "parameter", "", Array.Empty<int>(), args, null)) { Integral = tensor.Integral };
        _parameterNodes[(owner.InstanceId, field)] = node;
        return node;
    }

    private int TensorId(Value v, SourceSpan? site) => v switch
    {
        TensorValue t => t.NodeId,
        MultiTensorValue m => m.NodeId,
        PackedValue p => p.NodeId,
        _ => -1,
    };

    private Value TupleItem(Value v, int index)
    {
        if (SizeIndex(v, new PrimValue((long)index)) is { } size) return size;
        if (v is MultiTensorValue m && Graph is not null)
        {
            var item = Graph.Select(m.NodeId, index, null);
            return index == 0 && m.PackedInput is { } packed ? new PackedValue(item, packed.BatchFirst) : new TensorValue(item);
        }
        return Value.Unknown;
    }

    private Value? TracingProperty(Value? receiver, IPropertyReferenceOperation p, Frame frame)
    {
        if (Graph is null) return null;
        // x.T: the transpose of a matrix (TorchSharp's property for t()); x.mT: of the last two dims.
        if (receiver is TensorValue t && p.Property.Name is "T" or "mT" && TorchNames.IsTensor(p.Property.ContainingType))
        {
            var args = p.Property.Name == "T"
                ? Array.Empty<ArgSpec>()
                : new[] { new ArgSpec("dim0", ArgValue.FromInt(-2)), new ArgSpec("dim1", ArgValue.FromInt(-1)) };
            return new TensorValue(Graph.Add(FlowNodeKind.Op, p.Property.Name == "T" ? "t" : "transpose", "", new[] { t.NodeId }, args, Spans.Of(p.Syntax)));
        }
        // spec.real, spec.imag: the parts of a complex tensor (HiFT's stft spectrum), as torch.real(spec) would be traced.
        if (receiver is TensorValue c && p.Property.Name is "real" or "imag" && TorchNames.IsTensor(p.Property.ContainingType))
            return new TensorValue(Graph.Add(FlowNodeKind.Op, p.Property.Name, "", new[] { c.NodeId }, null, Spans.Of(p.Syntax)));
        return TensorSize(p.Property.Name, receiver, new List<Value>());
    }

    private Value? TracingIndex(Value container, Value index)
    {
        if (container is MultiTensorValue m && ValueConversions.TryLong(index, out var i)) return TupleItem(m, (int)i);
        if (container is TensorValue t && Graph is not null && ValueConversions.TryLong(index, out var k))
        {
            // tensor[i] selects along the first axis (h_n[0], the last layer's hidden state).
            return new TensorValue(Graph.Add(FlowNodeKind.Op, "select", "", new[] { t.NodeId },
                new[] { new ArgSpec("dim", ArgValue.FromInt(0)), new ArgSpec("index", ArgValue.FromInt(k)) }, null));
        }
        return SizeIndex(container, index);
    }

    private Value TensorBinary(BinaryOperatorKind kind, Value l, Value r, IOperation site)
    {
        if (Graph is null) return ConstTensorBinary(kind, l, r, site);
        var span = Spans.Of(site.Syntax);
        string name = kind switch
        {
            BinaryOperatorKind.Add => "add",
            BinaryOperatorKind.Subtract => "sub",
            BinaryOperatorKind.Multiply => "mul",
            BinaryOperatorKind.Divide => "div",
            _ => kind.ToString().ToLowerInvariant(),
        };
        var inputs = new List<int>();
        var args = new List<ArgSpec>();
        foreach (var (v, argName) in new[] { (l, "input"), (r, "other") })
        {
            if (IsTensorLike(v)) inputs.Add(TensorId(v, span));
            else args.Add(new ArgSpec(argName, ValueConversions.ToArg(v)));
        }
        var nodeKind = inputs.Count >= 2 && name is "add" or "sub" or "mul" ? FlowNodeKind.Merge : FlowNodeKind.Op;
        return new TensorValue(Graph.Add(nodeKind, name, "", inputs, args, span));
    }

    /// <summary><c>position * div_term</c> in a constructor: a tensor of the broadcast shape.</summary>
    private static Value ConstTensorBinary(BinaryOperatorKind kind, Value l, Value r, IOperation site)
    {
        if (kind is BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals)
        {
            // Reference comparison with null ("if (pe != null)"); anything else is element-wise and unknown here.
            if (l is PrimValue { IsNull: true } || r is PrimValue { IsNull: true }) return new PrimValue(kind == BinaryOperatorKind.NotEquals);
            return Value.Unknown;
        }
        var a = l as ConstTensorValue;
        var b = r as ConstTensorValue;
        if (a is not null && b is not null)
            return new ConstTensorValue(ConstTensorShapes.BroadcastOf(a.Shape, b.Shape), isParameter: false, requiresGrad: false);
        // With a scalar (known or not: its static type says it is no tensor), the tensor's shape.
        var other = a is not null ? (site as IBinaryOperation)?.RightOperand : (site as IBinaryOperation)?.LeftOperand;
        bool scalar = (a is not null ? r : l) is PrimValue { IsNull: false } || other?.Type is { } ot && !TorchNames.IsTensor(ot) && ot.SpecialType != SpecialType.None
                      || other?.Type?.Name == "Scalar";
        if ((a ?? b) is { } t && scalar)
            return new ConstTensorValue(t.Shape, isParameter: false, requiresGrad: false);
        return (a ?? b) is { } unknownOther ? new ConstTensorValue(null, isParameter: false, requiresGrad: false) : Value.Unknown;
    }

    private Value TensorUnary(IUnaryOperation u, Value v)
    {
        if (Graph is null) return v is ConstTensorValue c ? new ConstTensorValue(c.Shape, isParameter: false, requiresGrad: false) : Value.Unknown;
        if (u.OperatorKind == UnaryOperatorKind.Plus) return v;
        var span = Spans.Of(u.Syntax);
        return new TensorValue(Graph.Add(FlowNodeKind.Op, u.OperatorKind == UnaryOperatorKind.Minus ? "neg" : u.OperatorKind.ToString().ToLowerInvariant(),
            "", new[] { TensorId(v, span) }, null, span));
    }

    /// <summary>A call during tracing that is not a module call: functional ops, torch.* and tensor methods.</summary>
    // A parameter that takes tensors (Tensor, Tensor[], IList<Tensor>, (Tensor, Tensor)): a call of such a method
    // with no tensor among its arguments is an op on unknown operands, not a tensor made from scratch.
    private static bool MentionsTensor(ITypeSymbol type) => type switch
    {
        _ when TorchNames.IsTensor(type) => true,
        IArrayTypeSymbol array => MentionsTensor(array.ElementType),
        INamedTypeSymbol named => named.TypeArguments.Any(MentionsTensor) || named.IsTupleType && named.TupleElements.Any(e => MentionsTensor(e.Type)),
        _ => false,
    };

    private Value? TraceCall(IInvocationOperation inv, IMethodSymbol method, Value? receiver, List<Value> args)
    {
        var graph = Graph!;
        var owner = method.ContainingType;
        bool torchOwned = TorchNames.IsTorchSharpType(owner);
        if (!torchOwned) return null;
        var span = Spans.Of(inv.Syntax);
        var name = method.Name;

        // x.index(new[] { TensorIndex.Colon, i, TensorIndex.Colon }): the indexer's positions, as a method call.
        if (name == "index" && receiver is TensorValue indexed && TorchNames.IsTensor(owner) && args.Count == 1
            && args[0] is ListValue { Poisoned: false } positions && positions.Items.Count > 0 && positions.Items.All(v => v is TensorIndexValue))
        {
            return IndexNode(indexed, positions.Items.Select(v => ((TensorIndexValue)v).Item).ToList(), inv);
        }

        if (name is "forward" or "call" && TorchNames.IsModule(owner) && receiver is not ModuleValue)
        {
            // A module whose value construction could not know (loaded, made by reflection, ...).
            Notes.Add(ExtractionNoteIds.UnresolvedForward, NoteSeverity.Warning,
                $"'{Short(inv.Instance ?? inv)}' is not a module known at compile time; its call is drawn as unresolved", inv.Syntax);
            var ins = args.Where(IsTensorLike).Select(a => TensorId(a, span));
            return new TensorValue(graph.Add(FlowNodeKind.Unresolved, Short(inv.Instance ?? inv), "", ins, null, span));
        }

        var inputs = new List<int>();
        var opArgs = new List<ArgSpec>();
        if (receiver is not null && IsTensorLike(receiver)) inputs.Add(TensorId(receiver, span));
        for (int i = 0; i < args.Count && i < method.Parameters.Length; i++)
        {
            var p = method.Parameters[i];
            var a = args[i];
            if (IsTensorLike(a)) { inputs.Add(TensorId(a, span)); continue; }
            if (a is ListValue list && list.Items.Count > 0 && list.Items.All(IsTensorLike))
            {
                inputs.AddRange(list.Items.Select(item => TensorId(item, span)));
                continue;
            }
            if (PlacementParameters.Contains(p.Name)) continue;
            // A tensor operand the reader lost (a buffer fetched in a way it does not follow): the op's shape
            // may depend on it, so say which operand, where.
            if (a is UnknownValue && TorchNames.IsTensor(p.Type) && IsTensorExpression(inv, p))
                Notes.Add(ExtractionNoteIds.UnresolvedForward, NoteSeverity.Warning,
                    $"Tensor argument '{p.Name}' of '{name}' is not known at compile time; the op is drawn without it and its shape may be unknown", inv.Syntax);
            opArgs.Add(new ArgSpec(p.Name, ValueConversions.ToArg(WholeShape(a))));
        }

        // A product with a sparse matrix (a graph network's normalised adjacency, sparse_coo_tensor(...) then matmul):
        // the shape of a dense product, but multiply-adds that depend on the non-zeros, which only the run knows.
        if (name is "matmul" or "mm" && inputs.Any(i => i >= 0 && i < graph.Count && SparseProducers.Contains(graph.Nodes[i].Name)))
            name = "sparse_matmul";

        bool returnsTensor = TorchNames.IsTensor(method.ReturnType);
        bool returnsTensors = method.ReturnType is IArrayTypeSymbol { ElementType: var et } && TorchNames.IsTensor(et)
                              || method.ReturnType is INamedTypeSymbol { IsTupleType: true } tt && tt.TupleElements.All(e => TorchNames.IsTensor(e.Type));

        if (inputs.Count == 0)
        {
            // Every tensor made from scratch is a source node, known factory or not: an unknown one (torch.normal,
            // torch.load, ...) is then reported by shape analysis as an op it cannot size (NVG0207), instead of
            // the value and everything computed from it silently leaving the flow.
            if (method.IsStatic && TorchNames.IsTorchClass(owner) && returnsTensor && !method.Parameters.Any(p => MentionsTensor(p.Type)))
                return new TensorValue(graph.Add(FlowNodeKind.Op, name, "", inputs, opArgs, span));
            return null;
        }

        // x.to_type(ScalarType.Int64), x.@long(): the same values as integers, which index other tensors.
        if (returnsTensor && receiver is TensorValue { } converted && IsIntegerConversion(name, args))
            return new TensorValue(converted.NodeId) { Integral = true };
        if (owner.Name == "DisposeScope" || PassThrough.Contains(name))
            return returnsTensor && receiver is not null && IsTensorLike(receiver) ? receiver : returnsTensor && args.Count > 0 && IsTensorLike(args[0]) ? args[0] : Value.Unknown;

        if (name == PackedSequences.PackOpName)
            return new PackedValue(graph.Add(FlowNodeKind.Op, name, "", inputs, opArgs, span), BatchFirstOf(opArgs));
        if (name == PackedSequences.PadOpName && args.Count > 0 && args[0] is PackedValue { BatchFirst: bool packedBatchFirst })
            opArgs.Add(new ArgSpec(PackedSequences.PackedBatchFirstArg, ArgValue.FromBool(packedBatchFirst)));

        // size(i) stays a symbolic reference for view/reshape; dim(), item(): not part of the data flow.
        if (!returnsTensor && !returnsTensors)
        {
            if (TensorSize(name, receiver, args) is { } size) return size;
            // A TorchSharp object made from tensors that the reader does not model (a PackedSequence of another
            // kind, a distribution, ...): whatever reads it later has no input, so say where the flow stops.
            if (method.ReturnType is INamedTypeSymbol { TypeKind: TypeKind.Class } result && TorchNames.IsTorchSharpType(result))
                Notes.Add(ExtractionNoteIds.UnresolvedForward, NoteSeverity.Warning,
                    $"'{Short(inv)}' returns a {result.Name}, which is not followed; what reads it has no input drawn", inv.Syntax);
            return Value.Unknown;
        }

        if (MergeOps.TryGetValue(name, out var merge) && inputs.Count >= 2)
            return new TensorValue(graph.Add(FlowNodeKind.Merge, merge, "", inputs, opArgs, span));

        var normalized = IsInPlace(name) ? name.Substring(0, name.Length - 1) : name;
        int node = graph.Add(FlowNodeKind.Op, normalized, "", inputs, opArgs, span);
        if (returnsTensors)
        {
            int arity = method.ReturnType is INamedTypeSymbol { IsTupleType: true } tuple ? tuple.TupleElements.Length
                : opArgs.FirstOrDefault(a => a.Name is "chunks" or "sections")?.Value.AsLong is long n ? (int)n : -1;
            return new MultiTensorValue(node, arity);
        }
        return new TensorValue(node);
    }

    // The argument for parameter p is a tensor in the source, not a scalar converted to one (torch.le(mask, 0)).
    private static bool IsTensorExpression(IInvocationOperation inv, IParameterSymbol p)
    {
        var value = inv.Arguments.FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.Parameter?.OriginalDefinition, p.OriginalDefinition))?.Value;
        while (value is IConversionOperation c) value = c.Operand;
        return value?.Type is { } type && TorchNames.IsTensor(type);
    }

    // batch_first as given to pack_padded_sequence (false when left out); null when not known at compile time.
    private static bool? BatchFirstOf(IEnumerable<ArgSpec> args)
    {
        var given = args.FirstOrDefault(a => a.Name == "batch_first");
        if (given is null) return false;
        return given.Value.Kind == ArgKind.Bool ? given.Value.AsBool : null;
    }

    /// <summary>Entry for tracing a root that is a container or a built-in layer (factory methods returning Sequential).</summary>
    public Value CallModuleFromRoot(ModuleValue root, Value input) => CallModule(root, new List<Value> { input }, null);

    /// <summary>
    /// Calls a module in forward: leaves become nodes, containers and custom blocks are inlined.
    /// <paramref name="site"/> is the call in user code; null for a root the tracer calls itself.
    /// </summary>
    private Value CallModule(ModuleValue module, List<Value> args, IOperation? site)
    {
        var graph = Graph!;
        var span = site is null ? module.Source : Spans.Of(site.Syntax);
        var path = graph.PathOf(module);
        var tensorInputs = args.Where(IsTensorLike).Select(a => TensorId(a, span)).ToList();

        if (path is null && module.Origin == ModuleOrigin.Builtin && NetVizGen.Model.Catalog.LayerCatalog.TryGet(module.TypeName, out var stateless)
            && stateless.CountParameters(module.Args) is { Trainable: 0, Buffers: 0 })
        {
            // A layer without parameters made in forward (ReLU().call(x)): it runs like its functional form, so it
            // is drawn as an op and its shape comes from the layer's rule (UnregisteredLayerArg); nothing to warn about.
            var layerArgs = module.Args.Append(new ArgSpec(NetVizGen.Model.Analysis.ShapeAnalysis.UnregisteredLayerArg, ArgValue.FromSymbol(module.TypeName)));
            return new TensorValue(graph.Add(FlowNodeKind.Op, module.TypeName, "", tensorInputs, layerArgs, span));
        }
        if (path is null)
        {
            Notes.Add(ExtractionNoteIds.UnresolvedForward, NoteSeverity.Warning,
                $"forward calls a {module.TypeName} that is not registered in the module tree; it is drawn as unresolved", span);
            return new TensorValue(graph.Add(FlowNodeKind.Unresolved, module.TypeName + " (unregistered)", "", tensorInputs, null, span));
        }

        switch (module.Origin)
        {
            case ModuleOrigin.Builtin:
                {
                    // A layer reads its tensors by position (an RNN's initial state comes after its input). When an
                    // argument could not be followed, the tensors after it must not slide into its place: WaveRNN's
                    // rnn2.call(x, h2) with x unknown checked the hidden state h2 against the input size and drew the
                    // state's shape as the output. The layer keeps the inputs before the gap and its shape is unknown.
                    int gap = args.FindIndex(a => a is UnknownValue);
                    if (gap == 0 && !args.Skip(1).Any(IsTensorLike))
                    {
                        // The layer's input itself is unknown: it is drawn with no input, so say so at the call.
                        var argument = site is IInvocationOperation first && first.Arguments.Length > 0 ? $" '{Short(first.Arguments[0].Value)}'" : "";
                        Notes.Add(ExtractionNoteIds.UnresolvedForward, NoteSeverity.Warning,
                            $"The input{argument} of '{path}' ({module.TypeName}) is not known at compile time; it is drawn with no input, and its output shape is unknown", span);
                    }
                    if (gap >= 0 && args.Skip(gap + 1).Any(IsTensorLike))
                    {
                        tensorInputs = args.Take(gap).Where(IsTensorLike).Select(a => TensorId(a, span)).ToList();
                        var argument = site is IInvocationOperation call && gap < call.Arguments.Length ? $" '{Short(call.Arguments[gap].Value)}'" : "";
                        Notes.Add(ExtractionNoteIds.UnresolvedForward, NoteSeverity.Warning,
                            $"Argument {gap + 1}{argument} of '{path}' ({module.TypeName}) is not known at compile time; the tensors after it are not taken as its inputs, and its output shape is unknown", span);
                    }
                    var packed = args.Count > 0 ? args[0] as PackedValue : null;
                    if (packed is not null) CheckPackedLayout(module, packed, path, span);
                    int node = graph.Add(FlowNodeKind.Module, module.TypeName, path, tensorInputs, null, span);
                    var returnType = (site as IInvocationOperation)?.TargetMethod.ReturnType;
                    if (returnType is INamedTypeSymbol { IsTupleType: true } tuple) return new MultiTensorValue(node, tuple.TupleElements.Length) { PackedInput = packed };
                    return packed is not null ? new PackedValue(node, packed.BatchFirst) : new TensorValue(node);
                }
            case ModuleOrigin.Container when module.TypeName == "Sequential":
                {
                    graph.PushScope(path);
                    try
                    {
                        Value x = args.Count > 0 ? args[0] : Value.Unknown;
                        foreach (var child in module.Children) x = CallModule(child.Value, new List<Value> { x }, site);
                        return x;
                    }
                    finally { graph.PopScope(); }
                }
            case ModuleOrigin.Custom when module.CustomType is not null:
                {
                    var forward = FindForward(module.CustomType, args.Count);
                    if (forward is null) break;
                    graph.PushScope(path);
                    Value result;
                    try { result = CallSourceMethod(forward, module, args, site); }
                    finally { graph.PopScope(); }
                    // Its page names what it takes and returns as its code does (feature maps inputs[0]..inputs[4]).
                    graph.AddPorts(path, PortSide.Input, Tracing.BlockPorts.Inputs(forward, args));
                    graph.AddPorts(path, PortSide.Output, Tracing.BlockPorts.Outputs(forward, result, SyntaxOf));
                    return result;
                }
        }

        Notes.Add(ExtractionNoteIds.UnresolvedForward, NoteSeverity.Warning,
            $"The forward of '{path}' ({module.TypeName}) cannot be traced; it is drawn as one unresolved node", span);
        return new TensorValue(graph.Add(FlowNodeKind.Unresolved, module.TypeName, path, tensorInputs, null, span));
    }

    // An RNN reads a packed sequence whatever its own batch_first says, but the flow carries the sequence in
    // the layout it was packed in and checks the layer in the layer's: when the two differ, the layer's
    // hidden-state shapes would be read with batch and time swapped. Say so rather than draw them silently.
    private void CheckPackedLayout(ModuleValue module, PackedValue packed, string path, SourceSpan? span)
    {
        var own = module.Args.FirstOrDefault(a => a.Name is "batchFirst" or "batch_first")?.Value; // TorchSharp's factories say batchFirst
        bool? layer = own is null ? false : own.Kind == ArgKind.Bool ? own.AsBool : null;
        if (layer is bool l && packed.BatchFirst is bool p && l == p) return;
        Notes.Add(ExtractionNoteIds.UnresolvedForward, NoteSeverity.Warning,
            $"'{path}' ({module.TypeName}) reads a sequence packed with batch_first={Flag(packed.BatchFirst)} but has batch_first={Flag(layer)}; its hidden-state shapes may be drawn with batch and time swapped", span);

        static string Flag(bool? b) => b is bool v ? (v ? "true" : "false") : "unknown";
    }

    internal static IMethodSymbol? FindForward(INamedTypeSymbol type, int arity)
    {
        for (var t = type; t is not null && !TorchNames.IsTorchSharpType(t); t = t.BaseType)
        {
            foreach (var m in t.GetMembers("forward").OfType<IMethodSymbol>())
            {
                if (m.Parameters.Length == arity && HasSource(m)) return m;
            }
        }
        // A plain Module that implements torch.nn.IModule<...> itself has call(...) as its entry point and may have
        // no forward (ML.NET's RobertaEncoder: call(tokens, positions, tokenTypes, attentionMask)).
        if (!type.AllInterfaces.Any(i => i.Name == "IModule" && TorchNames.IsTorchSharpType(i))) return null;
        for (var t = type; t is not null && !TorchNames.IsTorchSharpType(t); t = t.BaseType)
        {
            foreach (var m in t.GetMembers("call").OfType<IMethodSymbol>())
            {
                if (m.Parameters.Length == arity && !m.IsStatic && HasSource(m)) return m;
            }
        }
        return null;
    }
}
