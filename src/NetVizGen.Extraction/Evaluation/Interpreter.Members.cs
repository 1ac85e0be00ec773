using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using NetVizGen.Extraction.Construction;
using NetVizGen.Extraction.Diagnostics;
using NetVizGen.Model.Specs;

namespace NetVizGen.Extraction.Evaluation;

internal sealed partial class Interpreter
{
    private readonly Dictionary<ISymbol, Value> _statics = new(SymbolEqualityComparer.Default);

    private Value ReadField(IFieldReferenceOperation f, Frame frame)
    {
        var field = f.Field;
        if (field.IsStatic) return ReadStatic(field);
        var owner = f.Instance is null ? frame.Self : Eval(f.Instance, frame);
        return owner switch
        {
            // TorchSharp's registry of children, for _internal_submodules.Remove("m") before registering a replacement.
            ModuleValue m when field.Name == "_internal_submodules" && TorchNames.IsTorchSharpType(field.ContainingType) => new SubmodulesValue(m),
            // An index tensor the constructor made and kept as TensorIndex.Tensor(t) (AutoFormerV2's attention_bias_idxs).
            ModuleValue m when Graph is not null && m.Fields.TryGetValue(field.Name, out var ti) && ti is TensorIndexByTensorValue { Tensor: ConstTensorValue } byTensor
                => new TensorIndexByTensorValue(TracedTensor(m, field.Name, byTensor.Tensor)),
            // A field not assigned yet holds its default (0, false, null), as in C#.
            ModuleValue m => m.Fields.TryGetValue(field.Name, out var v) ? TracedTensor(m, field.Name, v) : DefaultOf(field.Type),
            ObjectValue o => o.Fields.TryGetValue(field.Name, out var ov) ? ov : Value.Unknown,
            TupleValue t when TupleElementIndex(field) is int i && i < t.Items.Count => t.Items[i],
            TupleValue t when TupleIndexOf(field.Name) is int j && j < t.Items.Count => t.Items[j],
            _ when owner is not null && TupleIndexOf(field.Name) is int k => TupleItem(owner, k),
            _ => Value.Unknown,
        };
    }

    private static int? TupleElementIndex(IFieldSymbol field)
    {
        if (field.ContainingType is not { IsTupleType: true } tuple) return null;
        var elements = tuple.TupleElements;
        for (int i = 0; i < elements.Length; i++)
        {
            if (SymbolEqualityComparer.Default.Equals(elements[i], field) ||
                SymbolEqualityComparer.Default.Equals(elements[i], field.CorrespondingTupleField)) return i;
        }
        return TupleIndexOf(field.Name);
    }

    private static int? TupleIndexOf(string name) =>
        name.StartsWith("Item", StringComparison.Ordinal) && int.TryParse(name.Substring(4), out var n) ? n - 1 : null;

    /// <summary>Static fields: consts are folded by Roslyn; static readonly config tables are evaluated from their initialisers once.</summary>
    private Value ReadStatic(IFieldSymbol field)
    {
        if (field.HasConstantValue) return PrimValue.Of(field.ConstantValue);
        if (TorchDtype(field) is { } dtype) return dtype;
        if (TorchDevice(field.ContainingType, field.Name, field.Type) is { } device) return device;
        if (_statics.TryGetValue(field, out var cached)) return cached;
        _statics[field] = Value.Unknown; // guards self-referencing initialisers
        Value result = Value.Unknown;
        foreach (var syntaxRef in field.DeclaringSyntaxReferences)
        {
            if (SyntaxOf(syntaxRef) is VariableDeclaratorSyntax { Initializer: { } init } decl)
            {
                var op = OperationFor(init);
                if (op is IFieldInitializerOperation fi) result = Eval(fi.Value, new Frame(null, null));
            }
        }
        _statics[field] = result;
        return result;
    }

    /// <summary>TorchSharp's dtype aliases (<c>torch.int64</c>, <c>torch.@long</c>, <c>torch.float32</c>): the ScalarType each holds.</summary>
    private static Value? TorchDtype(IFieldSymbol field)
    {
        if (field.Type is not INamedTypeSymbol { TypeKind: TypeKind.Enum, Name: "ScalarType" } scalarType || !TorchNames.IsTorchSharpType(field.ContainingType)) return null;
        if (!DtypeAliases.TryGetValue(field.Name, out var member)) return null;
        // As the member written out evaluates (Constant), so the two compare equal.
        return scalarType.GetMembers(member).OfType<IFieldSymbol>().FirstOrDefault() is { HasConstantValue: true } constant
            ? Constant(scalarType, constant.ConstantValue)
            : null;
    }

    /// <summary>
    /// <c>torch.CPU</c>, <c>torch.CUDA</c>, <c>torch.MPS</c>, <c>torch.META</c>: a device (not null) whose <c>type</c> is known, so
    /// <c>device != null</c> and <c>device.type == DeviceType.MPS</c> are decided for the device the factory gives.
    /// </summary>
    private static Value? TorchDevice(INamedTypeSymbol? owner, string name, ITypeSymbol type)
    {
        if (type is not INamedTypeSymbol { Name: "Device" } deviceType || !TorchNames.IsTorchSharpType(deviceType) || !TorchNames.IsTorchSharpType(owner)) return null;
        if (name is not ("CPU" or "CUDA" or "MPS" or "META")) return null;
        var device = new ObjectValue(deviceType);
        if (deviceType.GetMembers("type").FirstOrDefault() is IPropertySymbol { Type: INamedTypeSymbol { TypeKind: TypeKind.Enum } kind }
            && kind.GetMembers(name).OfType<IFieldSymbol>().FirstOrDefault() is { HasConstantValue: true } member)
            device.Fields["type"] = Constant(kind, member.ConstantValue);
        return device;
    }

    private static readonly Dictionary<string, string> DtypeAliases = new(StringComparer.Ordinal)
    {
        ["bool"] = "Bool", ["uint8"] = "Byte", ["int8"] = "Int8", ["int16"] = "Int16", ["int32"] = "Int32", ["int64"] = "Int64",
        ["bfloat16"] = "BFloat16", ["float16"] = "Float16", ["float32"] = "Float32", ["float64"] = "Float64",
        ["complex64"] = "ComplexFloat32", ["complex128"] = "ComplexFloat64", ["short"] = "Int16", ["int"] = "Int32", ["long"] = "Int64",
        ["half"] = "Float16", ["float"] = "Float32", ["double"] = "Float64", ["cfloat"] = "ComplexFloat32", ["cdouble"] = "ComplexFloat64",
    };

    private Value ReadProperty(IPropertyReferenceOperation p, Frame frame)
    {
        var prop = p.Property;
        if (prop.IsStatic && TorchDevice(prop.ContainingType, prop.Name, prop.Type) is { } device) return device;
        var receiver = p.Instance is null ? (prop.IsStatic ? null : frame.Self) : Eval(p.Instance, frame);
        // Virtual properties dispatch on the run-time type (an override of Width in a subclass); a
        // base.Width access is not virtual and keeps the bound property.
        if (!prop.IsStatic && (prop.IsVirtual || prop.IsAbstract || prop.IsOverride) && p.Instance is not IInstanceReferenceOperation { Syntax: Microsoft.CodeAnalysis.CSharp.Syntax.BaseExpressionSyntax })
            prop = MostDerived(prop, receiver);

        if (p.Arguments.Length > 0)
        {
            if (receiver is TensorValue tensor && Graph is not null && TraceTensorIndex(p, tensor, frame) is { } indexed) return indexed;
            // table[indices] with an integer tensor (SAM's relative positions): rows of the table picked by index.
            if (receiver is TensorValue table && Graph is not null && SingleTensorIndex(p, frame) is TensorValue { Integral: true } indices)
                return new TensorValue(Graph.Add(FlowNodeKind.Op, NetVizGen.Model.Catalog.TensorIndexing.ByTensorOpName, "", new[] { table.NodeId, indices.NodeId }, null, Spans.Of(p.Syntax)));
            // table[TensorIndex.Slice(), TensorIndex.Tensor(idx)] (TinyViT's attention biases): the same after whole slices.
            if (receiver is TensorValue sliced && Graph is not null && TensorIndexAfterSlices(p, frame) is ({ Integral: true } picked, var dim))
                return new TensorValue(Graph.Add(FlowNodeKind.Op, NetVizGen.Model.Catalog.TensorIndexing.ByTensorOpName, "", new[] { sliced.NodeId, picked.NodeId },
                    new[] { new ArgSpec("dim", ArgValue.FromInt(dim)) }, Spans.Of(p.Syntax)));
            var element = ReadElement(receiver ?? Value.Unknown, p.Arguments.Select(a => Eval(a.Value, frame)).ToList());
            // Indexing a traced tensor in a way the reader does not follow (several indices, slices, TensorIndex
            // objects): what it computes is unknown, and everything downstream with it, so say where.
            if (element is UnknownValue && Graph is not null && receiver is TensorValue)
                Notes.Add(ExtractionNoteIds.UnresolvedForward, NoteSeverity.Warning,
                    $"Indexing '{Short(p)}' of a tensor is not followed; what it computes has no shape, and neither has what is computed from it", p.Syntax);
            return element;
        }

        if (prop.ContainingType.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
        {
            // T?: HasValue and Value (the value itself is held unwrapped; null is the C# null).
            if (receiver is UnknownValue or null) return Value.Unknown;
            bool isNull = receiver is PrimValue { IsNull: true };
            return prop.Name switch
            {
                "HasValue" => new PrimValue(!isNull),
                "Value" when !isNull => receiver,
                _ => Value.Unknown,
            };
        }

        switch (receiver)
        {
            case OptionsValue options when prop.Name is "Value" or "CurrentValue": return options.Inner;
            case ListValue { Poisoned: true }: return Value.Unknown;
            case ListValue l when prop.Name is "Count" or "Length" or "LongLength": return new PrimValue((long)l.Items.Count);
            case SpanValue span when prop.Name is "Length": return new PrimValue((long)span.Length);
            // x.shape.Length: the rank of the traced tensor, from the shapes traced so far.
            case ShapeRefValue whole when prop.Name is "Length" or "LongLength" && Shapes?.RankOf(whole.NodeId) is int rank: return new PrimValue((long)rank);
            case SpanValue span when prop.Name is "IsEmpty": return new PrimValue(span.Length == 0);
            case SeqValue when prop.Name is "Count" or "Length": return Value.Unknown;
            case IndexValue i when prop.Name == "Value": return new PrimValue(i.Offset);
            case IndexValue i when prop.Name == "IsFromEnd": return new PrimValue(i.FromEnd);
            case RangeValue r when prop.Name == "Start": return r.Start;
            case RangeValue r when prop.Name == "End": return r.End;
            case DictValue d when prop.Name == "Count": return d.Indexed ? new PrimValue((long)d.Entries.Count) : Value.Unknown;
            case DictValue d when prop.Name == "Keys" && d.Indexed: return new ListValue(d.Entries.Select(e => e.Key).ToList());
            case DictValue d when prop.Name == "Values" && d.Indexed: return new ListValue(d.Entries.Select(e => e.Value).ToList());
            case ObjectValue { Type.IsValueType: true } sv when !prop.IsStatic && sv.Fields.TryGetValue(prop.Name, out var auto) && IsAutoProperty(prop):
                return auto;
            case PrimValue { Raw: string s } when prop.Name == "Length": return new PrimValue((long)s.Length);
            case ModuleValue m when m.IsContainer && prop.Name == "Count": return new PrimValue((long)m.Children.Count);
            case ModuleValue m when prop.Name == "training" && TorchNames.IsTorchSharpType(prop.ContainingType):
                return m.Training is { } training ? new PrimValue(training) : Value.Unknown;
            case ModuleValue { Origin: ModuleOrigin.Builtin } m when Graph is null && LayerTensorInConstructor(m, prop.Name) is { } tensor:
                return tensor is ConstTensorValue weight && prop.Name == "weight"
                    ? new ConstTensorValue(weight.Shape, weight.IsParameter, weight.RequiresGrad) { WeightOf = m }
                    : tensor;
            // forward reading a layer's weight (SAM's mask decoder: cat(iou_token.weight, mask_tokens.weight)):
            // a parameter source node of the shape the layer's arguments give.
            case ModuleValue { Origin: ModuleOrigin.Builtin } m when Graph is not null && LayerTensorShape(m, prop.Name) is { } shape:
                return TracedTensor(m, prop.Name, new ConstTensorValue(shape, isParameter: true, requiresGrad: true));
            // A tensor the constructor holds (a layer's weight or bias) has a live native handle: torchvision's
            // VGG initialises with `if (conv.bias != null && !conv.bias.IsInvalid)`.
            case ConstTensorValue when Graph is null && prop.Name == "IsInvalid": return new PrimValue(false);
            // So does a tensor traced in forward (ML.NET's attentionMask.IsNotNull(): !(t is null) && !t.IsInvalid).
            case TensorValue when Graph is not null && prop.Name == "IsInvalid": return new PrimValue(false);
            case ModuleValue m when m.CustomType is not null && IsAutoProperty(prop):
                return m.Fields.TryGetValue(prop.Name, out var mv) ? mv : Value.Null;
            case ObjectValue o when IsAutoProperty(prop) || o.Type.IsAnonymousType || TorchNames.IsTorchSharpType(o.Type) && o.Fields.ContainsKey(prop.Name):
                return o.Fields.TryGetValue(prop.Name, out var ov) ? ov : Value.Unknown;
            case TupleValue t when TupleIndexOf(prop.Name) is int i && i < t.Items.Count:
                return t.Items[i];
            // A dictionary entry is enumerated as (key, value).
            case TupleValue { Items.Count: 2 } kv when prop.ContainingType.Name == "KeyValuePair" && prop.Name is "Key" or "Value":
                return kv.Items[prop.Name == "Key" ? 0 : 1];
        }

        if (receiver is ModuleValue { CustomType: not null } or ObjectValue || prop.IsStatic)
        {
            // A computed property in user code: run the getter of the run-time type's override.
            var getter = prop.GetMethod;
            if (getter is not null && HasSource(getter)) return CallSourceMethod(getter, receiver, new List<Value>(), p);
            if (getter is not null && Packages?.ToSource(getter) is { } decompiled && HasSource(decompiled)) return CallSourceMethod(decompiled, receiver, new List<Value>(), p);
        }

        return TracingProperty(receiver, p, frame) ?? Value.Unknown;
    }

    /// <summary>
    /// The shape of an Embedding's or Linear's weight or bias from the layer's arguments, as TorchSharp makes it
    /// (Linear stores weight as out×in); null when an argument is not known or the layer is another kind.
    /// </summary>
    private static long[]? LayerTensorShape(ModuleValue layer, string property)
    {
        long? Arg(string name) => layer.Args.FirstOrDefault(a => a.Name == name)?.Value.AsLong;
        return (layer.TypeName, property) switch
        {
            ("Embedding", "weight") when Arg("num_embeddings") is long n && Arg("embedding_dims") is long d => new[] { n, d },
            ("Linear", "weight") when Arg("inputSize") is long i && Arg("outputSize") is long o => new[] { o, i },
            ("Linear", "bias") when Arg("outputSize") is long o && HasBias(layer) != false => new[] { o },
            _ => null,
        };
    }

    /// <summary>
    /// <c>weight</c> and <c>bias</c> of a convolution or linear layer in a constructor: the weight always exists
    /// and the bias exists exactly when the layer was built with <c>bias: true</c> (the default), so that
    /// weight-initialisation code such as torchvision's <c>if (conv.bias is not null) init.zeros_(conv.bias)</c>
    /// is read. Their values stay opaque (shape not given); null when the bias argument is not known.
    /// </summary>
    private static Value? LayerTensorInConstructor(ModuleValue layer, string property)
    {
        if (!(layer.TypeName.StartsWith("Conv", StringComparison.Ordinal) || layer.TypeName is "Linear" or "Bilinear")) return null;
        if (property == "weight") return new ConstTensorValue(null, isParameter: true, requiresGrad: true);
        if (property != "bias") return null;
        return HasBias(layer) switch
        {
            true => new ConstTensorValue(null, isParameter: true, requiresGrad: true),
            false => Value.Null,
            null => null,
        };
    }

    /// <summary>
    /// Whether a convolution (<c>bias</c>) or Linear (<c>hasBias</c>) layer has a bias: true when the argument is
    /// left at its default; null when it is not known at compile time.
    /// </summary>
    private static bool? HasBias(ModuleValue layer)
    {
        var bias = layer.Args.FirstOrDefault(a => a.Name is "bias" or "hasBias")?.Value;
        if (bias is null) return true;
        return bias.Kind == ArgKind.Bool ? bias.AsBool : null;
    }

    private static IPropertySymbol MostDerived(IPropertySymbol prop, Value? receiver)
    {
        INamedTypeSymbol? type = receiver switch { ModuleValue m => m.CustomType, ObjectValue o => o.Type, _ => null };
        // Read through an interface (K1T00's U-Net takes its sizes as IModelParameter.FirstFilterSize): the
        // receiver's implementing property, an auto-property whose value the object holds.
        if (prop.ContainingType.TypeKind == TypeKind.Interface && type?.FindImplementationForInterfaceMember(prop) is IPropertySymbol implementation)
            return implementation;
        for (var t = type; t is not null; t = t.BaseType)
        {
            foreach (var candidate in t.GetMembers(prop.Name).OfType<IPropertySymbol>())
            {
                for (var c = candidate; c is not null; c = c.OverriddenProperty)
                    if (SymbolEqualityComparer.Default.Equals(c.OriginalDefinition, prop.OriginalDefinition)) return candidate;
            }
        }
        return prop;
    }

    private bool IsAutoProperty(IPropertySymbol prop)
    {
        if (prop.IsAbstract || prop.IsExtern) return false;
        foreach (var r in prop.DeclaringSyntaxReferences)
        {
            // A record's positional parameter declares an auto-property.
            if (SyntaxOf(r) is ParameterSyntax) return true;
            if (SyntaxOf(r) is PropertyDeclarationSyntax pd)
            {
                if (pd.ExpressionBody is not null) return false;
                if (pd.AccessorList is null) return false;
                return pd.AccessorList.Accessors.All(a => a.Body is null && a.ExpressionBody is null);
            }
            // A positional record's property (record Batch(Tensor Tokens)) is an auto-property.
            if (prop.ContainingType.IsRecord && SyntaxOf(r) is ParameterSyntax) return true;
        }
        return false;
    }

    private Value ReadElement(Value container, List<Value> indices)
    {
        if (indices.Count != 1) return Value.Unknown;
        var index = indices[0];
        if (index is RangeValue range) return Slice(container, range);
        if (container is DictValue d)
        {
            var at = d.Find(index);
            return at is int found && found >= 0 ? d.Entries[found].Value : Value.Unknown; // a missing key throws
        }
        var length = LengthOf(container);
        long i;
        if (index is IndexValue idx)
        {
            if (length is null) return container is ModuleValue ? Value.Unknown : TracingIndex(container, index) ?? Value.Unknown;
            i = idx.Resolve(length.Value);
        }
        else if (!ValueConversions.TryLong(index, out i))
        {
            if (container is ModuleValue { IsContainer: true } named && index is PrimValue { Raw: string key }) return (Value?)named.Child(key) ?? Value.Unknown;
            return TracingIndex(container, index) ?? Value.Unknown;
        }
        switch (container)
        {
            // Out of range throws in C#: unknown, never a wrapped-around element.
            case ListValue l:
                return i >= 0 && i < l.Items.Count ? l.Items[(int)i] : Value.Unknown;
            case SpanValue span:
                return i >= 0 && i < span.Length && span.Items is { } seen ? seen[(int)i] : Value.Unknown;
            case ModuleValue m when m.IsContainer:
                if (i < 0 && index is not IndexValue) i += m.Children.Count; // TorchSharp's ModuleList accepts negative indices
                return i >= 0 && i < m.Children.Count ? m.Children[(int)i].Value : Value.Unknown;
            case PrimValue { Raw: string s }:
                return i >= 0 && i < s.Length ? new PrimValue(s[(int)i]) : Value.Unknown;
            case TupleValue t:
                return i >= 0 && i < t.Items.Count ? t.Items[(int)i] : Value.Unknown;
            default:
                return TracingIndex(container, index) ?? Value.Unknown;
        }
    }

    private static long? LengthOf(Value container) => container switch
    {
        ListValue { Poisoned: true } => null,
        ListValue l => l.Items.Count,
        SpanValue span => span.Length,
        PrimValue { Raw: string s } => s.Length,
        ModuleValue { IsContainer: true } m => m.Children.Count,
        _ => null,
    };

    /// <summary><c>a[1..^1]</c>: a new array, list or string; out of range throws in C#.</summary>
    private static Value Slice(Value container, RangeValue range)
    {
        var length = LengthOf(container);
        if (length is null || container is ModuleValue) return Value.Unknown;
        long start = range.Start.Resolve(length.Value), end = range.End.Resolve(length.Value);
        if (start < 0 || end > length || start > end) return Value.Unknown;
        return container switch
        {
            ListValue l => new ListValue(l.Items.GetRange((int)start, (int)(end - start))) { IsArray = l.IsArray },
            PrimValue { Raw: string s } => new PrimValue(s.Substring((int)start, (int)(end - start))),
            _ => Value.Unknown,
        };
    }

    /// <summary>Assigns to a local, parameter, field, auto-property or element, and returns the value.</summary>
    private Value Assign(IOperation target, Value value, Frame frame)
    {
        switch (target)
        {
            case ILocalReferenceOperation l:
                frame.Assign(l.Local, value);
                Graph?.BindLocal(value, l.Local.Name);
                break;
            case IParameterReferenceOperation p:
                frame.Assign(p.Parameter, value);
                Graph?.BindLocal(value, p.Parameter.Name);
                break;
            case IFieldReferenceOperation f:
                if (f.Field.IsStatic) { _statics[f.Field] = value; break; }
                if (f.Field.ContainingType.IsTupleType && f.Instance is not null)
                {
                    // t.Item1 = v: tuples are values, so the variable holding the tuple gets a new one.
                    var tuple = Eval(f.Instance, frame);
                    var at = TupleElementIndex(f.Field);
                    if (tuple is TupleValue tv && at is int k && k < tv.Items.Count)
                    {
                        var items = tv.Items.ToList();
                        items[k] = value;
                        Assign(f.Instance, new TupleValue(items), frame);
                    }
                    else Assign(f.Instance, Value.Unknown, frame);
                    break;
                }
                StoreMember(f.Instance is null ? frame.Self : Eval(f.Instance, frame), f.Field.Name, value, target);
                break;
            case IPropertyReferenceOperation p when p.Arguments.Length == 0:
                StoreMember(p.Instance is null ? frame.Self : Eval(p.Instance, frame), p.Property.Name, value, target);
                break;
            case IPropertyReferenceOperation p:
                {
                    var container = Eval(p.Instance, frame);
                    if (container is TensorValue tensor && Graph is not null) TraceIndexWrite(p, tensor, value, frame);
                    else StoreElement(container, Eval(p.Arguments[0].Value, frame), value, target);
                    break;
                }
            case IArrayElementReferenceOperation ae when ae.Indices.Length == 1:
                StoreElement(Eval(ae.ArrayReference, frame), Eval(ae.Indices[0], frame), value, target);
                break;
            case IImplicitIndexerReferenceOperation ii:
                StoreElement(Eval(ii.Instance, frame), Eval(ii.Argument, frame), value, target);
                break;
            case IDeclarationExpressionOperation de:
                Deconstruct(de, value, frame, declare: true);
                break;
            case ITupleOperation:
                Deconstruct(target, value, frame, declare: false);
                break;
        }
        return value;
    }

    private void StoreMember(Value? owner, string name, Value value, IOperation site)
    {
        switch (owner)
        {
            // Weight tying (wte.weight = lm_head.weight): one tensor, a parameter of both layers, counted once
            // in any module holding both (TiedWeight on the module spec).
            case ModuleValue { Origin: ModuleOrigin.Builtin } layer when Graph is null && name == "weight"
                                                                       && value is ConstTensorValue { WeightOf: { } source } && !ReferenceEquals(source, layer):
                layer.TiedWeightOf = source;
                if (layer.TypeName is not ("Embedding" or "Linear"))
                    Notes.Add(ExtractionNoteIds.UnresolvedConstruction, NoteSeverity.Warning,
                        $"The weight of a {layer.TypeName} is set to another layer's weight (weight tying); NetVizGen counts a tied weight once only for Embedding and Linear, so the totals count it twice",
                        site.Syntax);
                break;
            case ModuleValue m:
                m.Fields[name] = value;
                m.FieldSources[name] = Spans.Of(site.Syntax);
                // Reported once construction is over (CheckRegistration): an explicit register_module may follow.
                if (value is ModuleValue && m.ComponentsRegistered && Graph is null) m.LateAssignments[name] = Spans.Of(site.Syntax);
                break;
            case ObjectValue o:
                o.Fields[name] = value;
                break;
        }
    }

    private void StoreElement(Value container, Value index, Value value, IOperation site)
    {
        switch (container)
        {
            case ListValue { Poisoned: true }:
                break;
            case SpanValue span:
                {
                    // A write through a span writes the array it views.
                    long at = index is IndexValue idx ? idx.Resolve(span.Length) : ValueConversions.TryLong(index, out var n) ? n : -1;
                    if (span.Source.Poisoned) break;
                    if (at >= 0 && at < span.Length && span.Offset + at < span.Source.Items.Count) span.Source.Items[span.Offset + (int)at] = value;
                    else span.Source.Poisoned = true;
                    break;
                }
            case ListValue l:
                {
                    long i = index is IndexValue idx ? idx.Resolve(l.Items.Count) : ValueConversions.TryLong(index, out var n) ? n : -1;
                    if (i >= 0 && i < l.Items.Count) l.Items[(int)i] = value;
                    else if (index is UnknownValue) for (int k = 0; k < l.Items.Count; k++) l.Items[k] = Value.Unknown; // which element changed is unknown
                    break;
                }
            case DictValue d:
                d.Set(index, value);
                break;
            case ModuleValue m when m.IsContainer && index is PrimValue { Raw: string key } && value is ModuleValue child:
                RegisterChild(m, key, child);
                break;
        }
    }

    /// <summary><c>new { X = x, Y = y }</c>: an object whose read-only properties hold the values given.</summary>
    private Value CreateAnonymous(IAnonymousObjectCreationOperation creation, Frame frame)
    {
        if (creation.Type is not INamedTypeSymbol type) return Value.Unknown;
        var obj = new ObjectValue(type);
        foreach (var init in creation.Initializers)
        {
            if (init is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment)
                obj.Fields[property.Property.Name] = CopyIfStruct(Eval(assignment.Value, frame));
        }
        return obj;
    }

    private static bool HasSource(IMethodSymbol method) => method.DeclaringSyntaxReferences.Length > 0 && !method.IsAbstract && !method.IsExtern;
}
