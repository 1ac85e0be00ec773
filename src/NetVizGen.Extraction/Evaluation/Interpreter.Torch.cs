using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using NetVizGen.Extraction.Construction;
using NetVizGen.Extraction.Diagnostics;
using NetVizGen.Model.Specs;

namespace NetVizGen.Extraction.Evaluation;

/// <summary>TorchSharp semantics: layer factories, containers, registration and tensors made in constructors.</summary>
internal sealed partial class Interpreter
{
    /// <summary>Arguments of every factory that say where weights live, not what the layer is.</summary>
    private static readonly HashSet<string> PlacementParameters = new(StringComparer.Ordinal) { "device", "dtype" };

    private static readonly HashSet<string> TensorFactories = new(StringComparer.Ordinal)
    {
        "zeros", "ones", "empty", "randn", "rand", "full", "zeros_like", "ones_like", "randn_like", "rand_like", "empty_like", "full_like", "eye", "arange", "linspace", "logspace", "randint", "tensor", "from_array",
        "hann_window", "hamming_window", "blackman_window", "bartlett_window", "kaiser_window",
    };

    private Value? TryTorchCall(IInvocationOperation inv, IMethodSymbol method, Value? receiver, List<Value> args, Frame frame)
    {
        var owner = method.ContainingType;
        if (method.IsStatic && TorchNames.IsNnClass(owner)) return NnFactory(inv.Syntax, method, args);
        if (method.IsStatic && TorchNames.IsInitClass(owner)) return Value.Unknown;
        if (method.IsStatic && TorchNames.IsJitClass(owner) && method.Name == "load" && TorchNames.IsModule(method.ReturnType)) return ScriptModuleLoad(inv, method);

        if (receiver is ModuleValue module && method.ContainingType?.SpecialType != SpecialType.System_Object)
        {
            var moduleCall = ModuleMethod(module, method, args, inv, frame);
            if (moduleCall is not null) return moduleCall;
        }

        if (Graph is not null) return TraceCall(inv, method, receiver, args);

        if (method.IsStatic && TorchNames.IsTorchClass(owner) && TensorFactories.Contains(method.Name))
            return new ConstTensorValue(FactoryShape(method, args), isParameter: false, requiresGrad: false)
            {
                Values = ConstTensorShapes.LinspaceValues(method, args, _limits.MaxCollectionItems),
                Integral = IsIntegerDtype(method, args),
            };
        // t.data<float>() of a 1-D constructor tensor, and its ToArray(): one item per element, each a number when
        // the values are known, unknown otherwise (the count and that it is not null are still known).
        if (receiver is ConstTensorValue { Shape: { Count: 1 } vectorShape } vector && method.Name == "data"
            && vectorShape[0] is var length && length >= 0 && length <= _limits.MaxCollectionItems)
        {
            var items = vector.Values is { } known ? known.Select(v => (Value)new PrimValue(v)).ToList() : Enumerable.Repeat<Value>(Value.Unknown, (int)length).ToList();
            return new ListValue(items);
        }
        if (receiver is ListValue accessor && owner.Name == "TensorAccessor" && method.Name == "ToArray" && args.Count == 0)
            return new ListValue(accessor.Items.ToList()) { IsArray = true, Poisoned = accessor.Poisoned };
        // Tensor arithmetic in a constructor (a positional table from arange/sin/cos/cat): the result is
        // a tensor, with its shape when the op's rule is known (ConstTensorShapes), so that a Parameter
        // or buffer made from it is counted, or at least known to exist.
        if (TorchNames.IsTorchSharpType(owner) && ConstTensorShapes.Apply(method, receiver, args) is { } computed) return computed;
        return null;
    }

    /// <summary>
    /// <c>jit.load(path)</c>: a TorchScript module read from a file at run time. Its layers and weights are in the
    /// file, not in the code, so it is a module of unknown content: registered where it is stored (its totals unknown),
    /// drawn as one unresolved node where it is called, and named at the call that loads it.
    /// </summary>
    private ModuleValue ScriptModuleLoad(IInvocationOperation inv, IMethodSymbol method)
    {
        var span = Spans.Of(inv.Syntax);
        Notes.Add(ExtractionNoteIds.UnresolvedConstruction, NoteSeverity.Warning,
            $"'{Short(inv)}' loads a TorchScript module from a file at run time; its layers and parameters are in that file, not in the code, so they are neither drawn nor counted", span);
        return new ModuleValue(method.ReturnType.Name, ModuleOrigin.Unresolved, null, span);
    }

    private Value NnFactory(SyntaxNode site, IMethodSymbol method, List<Value> args)
    {
        var name = method.Name;
        switch (name)
        {
            case "Sequential":
            case "ModuleList":
            case "ModuleDict":
                return Container(name, method, args, site);
            case "Parameter":
                return MakeParameter(args);
        }
        if (!TorchNames.IsModule(method.ReturnType)) return Value.Unknown;

        var module = new ModuleValue(method.ReturnType.Name, ModuleOrigin.Builtin, null, Spans.Of(site)) { BuiltinType = method.ReturnType };
        CountModule(module, site);
        for (int i = 0; i < method.Parameters.Length; i++)
        {
            var p = method.Parameters[i];
            if (PlacementParameters.Contains(p.Name)) continue;
            var value = i < args.Count ? args[i] : Value.Unknown;
            if (value is ModuleValue { Origin: ModuleOrigin.Builtin } layer)
            {
                // A layer passed as an argument (TransformerEncoder(encoder_layer, n)): TorchSharp clones it
                // natively, so it is no child; its type and arguments are flattened for the catalog.
                module.Args.Add(new ArgSpec(p.Name, ArgValue.FromSymbol(layer.TypeName)));
                foreach (var inner in layer.Args) module.Args.Add(new ArgSpec(p.Name + "." + inner.Name, inner.Value));
                continue;
            }
            var arg = ValueConversions.ToArg(value);
            if (arg.IsUnknown && value is not UnknownValue) arg = ArgValue.Unknown;
            if (arg.IsUnknown)
            {
                Notes.Add(ExtractionNoteIds.UnresolvedConstruction, NoteSeverity.Warning,
                    $"Argument '{p.Name}' of {module.TypeName} is not known at compile time", site);
            }
            module.Args.Add(new ArgSpec(p.Name, arg));
        }
        return module;
    }

    /// <summary><c>new Parameter(data, requires_grad)</c> or <c>nn.Parameter(...)</c>: a parameter of the data's shape.</summary>
    private static Value MakeParameter(List<Value> args)
    {
        var data = args.Count > 0 ? args[0] as ConstTensorValue : null;
        bool requiresGrad = args.Count < 2 || ValueConversions.TryBool(args[1]) != false;
        return new ConstTensorValue(data?.Shape, isParameter: true, requiresGrad: requiresGrad);
    }

    /// <summary>
    /// Registers <paramref name="child"/> under <paramref name="name"/> as TorchSharp's
    /// <c>register_module</c> does: the child's own <c>RegisterComponents()</c> runs first, so a block
    /// that never calls it itself still has its fields registered once its parent (or a container)
    /// registers it.
    /// </summary>
    internal void RegisterChild(ModuleValue parent, string name, ModuleValue child)
    {
        RegisterComponents(child);
        parent.Register(name, child);
    }

    private Value Container(string kind, IMethodSymbol method, List<Value> args, SyntaxNode site)
    {
        var container = new ModuleValue(kind, ModuleOrigin.Container, null, Spans.Of(site))
        {
            BuiltinType = method.MethodKind == MethodKind.Constructor ? method.ContainingType : method.ReturnType,
        };
        CountModule(container, site);
        var items = new List<Value>();
        foreach (var a in args)
        {
            if (a is ListValue list) items.AddRange(list.Items);
            else if (a is not PrimValue { IsNull: true }) items.Add(a);
        }
        foreach (var item in items) AddToContainer(container, item, site);
        return container;
    }

    /// <summary>
    /// A user class deriving from <c>Sequential</c>/<c>ModuleList</c> that hands its layers to the base
    /// constructor (<c>class Decoder : Sequential { Decoder() : base(Conv2d(..), ..) {} }</c>): TorchSharp
    /// registers them as children "0", "1", ... (or by the names of (name, module) tuples), as the factory does.
    /// </summary>
    private void AddBaseContainerItems(ModuleValue derived, List<Value> args, SyntaxNode site)
    {
        foreach (var a in args)
        {
            if (a is PrimValue { IsNull: true }) continue;
            AddToContainer(derived, a, site);
        }
    }

    private void AddToContainer(ModuleValue container, Value item, SyntaxNode site)
    {
        switch (item)
        {
            case ListValue list: // append(params T[]) and lists of modules
                foreach (var inner in list.Items) AddToContainer(container, inner, site);
                break;
            case ModuleValue m:
                RegisterChild(container, container.Children.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), m);
                break;
            case TupleValue { Items.Count: 2 } t when t.Items[0] is PrimValue { Raw: string name } && t.Items[1] is ModuleValue tm:
                RegisterChild(container, name, tm);
                break;
            default:
                var placeholder = new ModuleValue("?", ModuleOrigin.Unresolved, null, Spans.Of(site));
                container.Register(container.Children.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), placeholder);
                Notes.Add(ExtractionNoteIds.UnresolvedConstruction, NoteSeverity.Warning,
                    $"An item of this {container.TypeName} is not known at compile time; it is shown as unresolved", site);
                break;
        }
    }

    /// <summary>A ModuleList names its items by position: after a removal or insertion they are "0", "1", ... again.</summary>
    private static void RenumberList(ModuleValue list)
    {
        for (int i = 0; i < list.Children.Count; i++)
            list.Children[i] = new KeyValuePair<string, ModuleValue>(i.ToString(System.Globalization.CultureInfo.InvariantCulture), list.Children[i].Value);
    }

    private Value? ModuleMethod(ModuleValue module, IMethodSymbol method, List<Value> args, IInvocationOperation inv, Frame frame)
    {
        switch (method.Name)
        {
            case "RegisterComponents":
                RegisterComponents(module);
                return Value.Unknown;
            case "register_module" when args.Count >= 2 && args[0] is PrimValue { Raw: string name }:
                if (args[1] is ModuleValue child) RegisterChild(module, name, child);
                return Value.Unknown;
            case "register_buffer" when args.Count >= 2 && args[0] is PrimValue { Raw: string bname }:
                if (args[1] is ConstTensorValue buffer)
                {
                    var registered = buffer.AsBuffer();
                    // persistent: false is not listed by buffers(); a flag the reader cannot tell leaves the buffer total unknown.
                    var persistent = ConstTensorShapes.Argument(method, args, "persistent") is { } flag ? ValueConversions.TryBool(flag) : true;
                    if (persistent != true)
                        registered = new ConstTensorValue(registered.Shape, isParameter: false, requiresGrad: false)
                        {
                            Values = registered.Values, Integral = registered.Integral, Persistent = persistent is null, KindKnown = persistent is not null,
                        };
                    AddTensor(module, bname, registered, Spans.Of(inv.Syntax));
                    if (persistent is null)
                        Notes.Add(ExtractionNoteIds.UnresolvedConstruction, NoteSeverity.Warning,
                            $"Whether buffer '{bname}' of '{module.TypeName}' is persistent is not known at compile time; TorchSharp's buffers() leaves non-persistent buffers out, so the totals are incomplete",
                            inv.Syntax);
                }
                else UnknownTensor(module, bname, isParameter: false, Spans.Of(inv.Syntax));
                return Value.Unknown;
            case "register_parameter" when args.Count >= 2 && args[0] is PrimValue { Raw: string pname }:
                if (args[1] is ConstTensorValue param) AddTensor(module, pname, param, Spans.Of(inv.Syntax));
                else UnknownTensor(module, pname, isParameter: true, Spans.Of(inv.Syntax));
                return Value.Unknown;
            // get_buffer("tril") / get_parameter("w") in forward: the registered tensor, as a field read gives it.
            case "get_buffer" or "get_parameter" when Graph is not null && args.Count == 1 && args[0] is PrimValue { Raw: string tname }
                                                    && module.Tensors.FirstOrDefault(t => t.Key == tname).Value is ConstTensorValue registered:
                return TracedTensor(module, tname, registered);
            case "add_module" when !module.IsContainer && args.Count >= 2 && args[0] is PrimValue { Raw: string aname }:
                if (args[1] is ModuleValue added) RegisterChild(module, aname, added);
                return Value.Unknown;
            // YoloSharp's classifiers: mod.RemoveAt(mod.Count - 1) fourteen times, then Add(new Classify(...)).
            case "RemoveAt" when module.TypeName == "ModuleList" && args.Count == 1 && ValueConversions.TryLong(args[0], out var at)
                                 && at >= 0 && at < module.Children.Count:
                module.Children.RemoveAt((int)at);
                RenumberList(module);
                return Value.Unknown;
            case "Insert" or "insert" when module.TypeName == "ModuleList" && args.Count == 2 && ValueConversions.TryLong(args[0], out var into)
                                           && into >= 0 && into <= module.Children.Count && args[1] is ModuleValue inserted:
                RegisterComponents(inserted);
                module.Children.Insert((int)into, new KeyValuePair<string, ModuleValue>("", inserted));
                RenumberList(module);
                return Value.Unknown;
            case "Clear" when module.TypeName == "ModuleList" && args.Count == 0:
                module.Children.Clear();
                return Value.Unknown;
            // Any other change to a container's items (Remove(item), RemoveAll, Reverse, a set by index):
            // the tree would differ, so say so instead of drawing the list as it was.
            case "Remove" or "RemoveAt" or "RemoveAll" or "RemoveRange" or "Insert" or "insert" or "InsertRange" or "Clear" or "Reverse" or "Sort" or "pop" or "extend" when module.IsContainer:
                Notes.Add(ExtractionNoteIds.UnresolvedConstruction, NoteSeverity.Warning,
                    $"'{Short(inv)}' changes the items of a {module.TypeName} in a way NetVizGen does not follow; the module tree and totals may differ from the runtime",
                    inv.Syntax);
                return Value.Unknown;
            case "append" or "Add" or "add_module" when module.IsContainer:
                if (args.Count >= 2 && args[0] is PrimValue { Raw: string key } && args[1] is ModuleValue named) RegisterChild(module, key, named);
                else if (args.Count >= 1) AddToContainer(module, args[0], inv.Syntax);
                return module;
            case "extend" or "AddRange" when module.IsContainer && args.Count == 1:
                foreach (var item in Enumerate(args[0]) ?? Array.Empty<Value>()) AddToContainer(module, item, inv.Syntax);
                return module;
            case "children" when module.IsContainer || Graph is not null:
                return new ListValue(module.Children.Select(c => (Value)c.Value).ToList());
            case "named_modules" or "modules" when args.Count == 0 && TorchNames.IsTorchSharpType(method.ContainingType):
                // What is registered at this point, in TorchSharp's order (weight-initialisation loops in
                // constructors, e.g. torchvision's, iterate it).
                if (NamedModules(module) is not { } all) return Value.Unknown;
                return new ListValue(all.Select(p => method.Name == "modules" ? (Value)p.Module
                    : new TupleValue(new Value[] { new PrimValue(p.Name), p.Module })).ToList());
            case "values" when module.IsContainer:
                // ModuleDict.values(): the modules in insertion order.
                return new ListValue(module.Children.Select(c => (Value)c.Value).ToList());
            case "keys" when module.IsContainer:
                return new ListValue(module.Children.Select(c => (Value)new PrimValue(c.Key)).ToList());
            case "items" or "named_children":
                return new ListValue(module.Children.Select(c => (Value)new TupleValue(new Value[] { new PrimValue(c.Key), c.Value })).ToList());
            // train() / train(false) / eval(): the mode forward reads as `training` (TorchSharp starts in training mode).
            case "train":
                SetTraining(module, args.Count == 0 ? true : ValueConversions.TryBool(args[0]));
                return module;
            case "eval":
                SetTraining(module, false);
                return module;
            case "to" or "cuda" or "cpu" or "float" or "double" or "half":
                return module;
            case "forward" or "call" when Graph is not null && !inv.IsVirtual && HasSource(method):
                // base.forward(x) inside an override: the base body, in the same block scope.
                return CallSourceMethod(method, module, args, inv);
            case "forward" or "call":
                return Graph is null ? Value.Unknown : CallModule(module, args, inv);
        }
        return null;
    }

    /// <summary>
    /// TorchSharp's <c>named_modules()</c>: every direct child first, then each child's own named_modules
    /// prefixed with its name; the module itself is not listed and an instance registered twice is listed
    /// twice (TorchSharp does not de-duplicate). Null past the collection budget (a registration cycle, which
    /// TorchSharp itself would never finish enumerating).
    /// </summary>
    private List<(string Name, ModuleValue Module)>? NamedModules(ModuleValue module)
    {
        var result = new List<(string, ModuleValue)>();
        return AppendNamedModules(module, "", result, depth: 0) ? result : null;
    }

    private bool AppendNamedModules(ModuleValue module, string prefix, List<(string, ModuleValue)> result, int depth)
    {
        if (depth > 256) return false;
        foreach (var c in module.Children)
        {
            if (result.Count >= _limits.MaxCollectionItems) return false;
            result.Add((prefix + c.Key, c.Value));
        }
        foreach (var c in module.Children)
            if (!AppendNamedModules(c.Value, prefix + c.Key + ".", result, depth + 1)) return false;
        return true;
    }

    /// <summary>
    /// TorchSharp's <c>RegisterComponents()</c>: fields of the run-time type in declaration order
    /// (then inherited non-private fields), modules registered by field name (or
    /// <c>[ComponentName]</c>), Parameters as parameters, other tensors as buffers; once only.
    /// </summary>
    private void RegisterComponents(ModuleValue module)
    {
        if (module.ComponentsRegistered || module.CustomType is null) return;
        for (var type = module.CustomType; type is not null && !TorchNames.IsTorchSharpType(type); type = type.BaseType)
        {
            foreach (var member in type.GetMembers())
            {
                if (member.IsStatic || member.IsImplicitlyDeclared) continue;
                string name;
                ITypeSymbol memberType;
                if (member is IFieldSymbol field && !field.IsConst)
                {
                    name = ComponentName(field) ?? field.Name;
                    memberType = field.Type;
                }
                else if (member is IPropertySymbol prop && IsAutoProperty(prop))
                {
                    // Reflection sees the compiler's backing field, and that is the name TorchSharp uses.
                    name = "<" + prop.Name + ">k__BackingField";
                    memberType = prop.Type;
                }
                else continue;

                if (module.Child(name) is not null) continue;
                var value = module.Fields.TryGetValue(member.Name, out var v) ? v : Value.Null;
                var fieldSource = module.FieldSources.TryGetValue(member.Name, out var fs) ? fs : module.Source;
                switch (value)
                {
                    case ModuleValue child:
                        RegisterChild(module, name, child);
                        break;
                    case ConstTensorValue tensor:
                        // TorchSharp decides by the run-time value: a Parameter is a parameter, any other tensor a buffer.
                        AddTensor(module, name, tensor, fieldSource);
                        break;
                    case UnknownValue when TorchNames.IsTensor(memberType):
                        // Registered at run time (unless null), but neither its shape nor, for a Tensor-typed
                        // field, whether it is a Parameter is known: the totals say so.
                        UnknownTensor(module, name, isParameter: true, fieldSource, kindKnown: memberType.Name == "Parameter");
                        break;
                    case UnknownValue when TorchNames.IsModule(memberType):
                        // The field holds what was registered: forward's calls through it are that (unresolved)
                        // module's, drawn on its path, not an anonymous call with the module reported as never called.
                        var unresolved = new ModuleValue(memberType.Name, ModuleOrigin.Unresolved, null, module.FieldSources.TryGetValue(member.Name, out var src) ? src : null);
                        module.Register(name, unresolved);
                        module.Fields[member.Name] = unresolved;
                        Notes.Add(ExtractionNoteIds.UnresolvedConstruction, NoteSeverity.Warning,
                            $"The value of module field '{member.Name}' in '{module.TypeName}' is not known at compile time; it is shown as unresolved",
                            module.FieldSources.TryGetValue(member.Name, out var where) ? where : module.Source);
                        break;
                }
            }
        }
        module.ComponentsRegistered = true;
    }

    /// <summary>A registered parameter or buffer; one whose shape is unknown makes its total incomplete, and says so here.</summary>
    private void AddTensor(ModuleValue module, string name, ConstTensorValue tensor, SourceSpan? where)
    {
        foreach (var t in module.Tensors) if (t.Key == name) return; // TorchSharp throws on a duplicate name
        module.Tensors.Add(new(name, tensor));
        if (tensor.Shape is null)
        {
            Notes.Add(ExtractionNoteIds.UnresolvedConstruction, NoteSeverity.Warning,
                $"The shape of {(tensor.IsParameter ? "parameter" : "buffer")} '{name}' of '{module.TypeName}' is not known at compile time; the {(tensor.IsParameter ? "parameter" : "buffer")} total is incomplete",
                where);
        }
    }

    /// <summary>A tensor registered at run time whose value the reader could not follow.</summary>
    private void UnknownTensor(ModuleValue module, string name, bool isParameter, SourceSpan? where, bool kindKnown = true)
    {
        foreach (var t in module.Tensors) if (t.Key == name) return;
        module.Tensors.Add(new(name, new ConstTensorValue(null, isParameter, requiresGrad: true) { KindKnown = kindKnown }));
        Notes.Add(ExtractionNoteIds.UnresolvedConstruction, NoteSeverity.Warning,
            $"Tensor '{name}' of '{module.TypeName}' is registered but its value is not known at compile time (nor whether it is a Parameter); the parameter total is incomplete",
            where);
    }

    private static string? ComponentName(IFieldSymbol field)
    {
        foreach (var attr in field.GetAttributes())
        {
            if (attr.AttributeClass?.Name != "ComponentNameAttribute") continue;
            foreach (var named in attr.NamedArguments)
                if (named.Key == "Name" && named.Value.Value is string s) return s;
        }
        return null;
    }

    /// <summary>A root whose constructor was cut short: registered as its RegisterComponents() would have.</summary>
    public void RegisterPartial(ModuleValue root) => RegisterComponents(root);

    /// <summary>
    /// After the whole model is built: modules held in fields that TorchSharp never registered, for the
    /// root and every custom module of its tree (a block registered by its parent had its
    /// <c>RegisterComponents()</c> run then, so only what it was never given counts).
    /// </summary>
    /// <summary>Sets the mode of the module and every module registered under it, as TorchSharp's train(mode) does; null: not known.</summary>
    private static void SetTraining(ModuleValue module, bool? training)
    {
        var seen = new HashSet<ModuleValue>();
        var stack = new Stack<ModuleValue>();
        stack.Push(module);
        while (stack.Count > 0)
        {
            var m = stack.Pop();
            if (!seen.Add(m)) continue;
            m.Training = training;
            foreach (var c in m.Children) stack.Push(c.Value);
        }
    }

    public void CheckRegistrationOf(ModuleValue root)
    {
        var seen = new HashSet<ModuleValue>();
        var stack = new Stack<ModuleValue>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var m = stack.Pop();
            if (!seen.Add(m)) continue;
            if (m.Origin == ModuleOrigin.Custom) CheckRegistration(m);
            for (int i = m.Children.Count - 1; i >= 0; i--) stack.Push(m.Children[i].Value);
        }
    }

    /// <summary>Modules held in fields of <paramref name="module"/> that TorchSharp never registered.</summary>
    private void CheckRegistration(ModuleValue module)
    {
        var registered = new HashSet<ModuleValue>();
        CollectRegistered(module, registered);
        foreach (var field in module.Fields)
        {
            if (field.Value is not ModuleValue child || registered.Contains(child)) continue;
            var where = module.FieldSources.TryGetValue(field.Key, out var w) ? w : module.Source;
            module.Unregistered.Add((field.Key, child, where));
            if (module.ComponentsRegistered)
            {
                if (module.LateAssignments.TryGetValue(field.Key, out var late))
                    Notes.Add(ExtractionNoteIds.AssignedAfterRegistration, NoteSeverity.Warning,
                        $"'{field.Key}' is assigned after RegisterComponents() ran in '{module.TypeName}', so TorchSharp does not register it and its parameters will not train; move RegisterComponents() to the end of the constructor",
                        late);
                continue;
            }
            Notes.Add(ExtractionNoteIds.NotRegistered, NoteSeverity.Warning,
                $"Module '{field.Key}' ({child.TypeName}) of '{module.TypeName}' is never registered: call RegisterComponents() at the end of the constructor, or register_module(\"{field.Key}\", ...); otherwise its parameters do not train and are not saved",
                where);
        }
    }

    private static void CollectRegistered(ModuleValue m, HashSet<ModuleValue> seen)
    {
        foreach (var c in m.Children)
        {
            if (seen.Add(c.Value)) CollectRegistered(c.Value, seen);
        }
    }

    /// <summary>The shape a torch.* factory makes, when its arguments are known.</summary>
    private static IReadOnlyList<long>? FactoryShape(IMethodSymbol method, List<Value> args)
    {
        switch (method.Name)
        {
            case "arange":
                return ConstTensorShapes.Arange(method, args);
            // A window of window_length samples (HiFT's stft window: hann_window(nFft)).
            case "hann_window" or "hamming_window" or "blackman_window" or "bartlett_window" or "kaiser_window":
                return (ConstTensorShapes.Named(method, args, "len") ?? ConstTensorShapes.Named(method, args, "window_length")) is long length && length >= 0 ? new[] { length } : null;
            case "linspace" or "logspace":
                return ConstTensorShapes.Named(method, args, "steps") is long steps ? new[] { steps } : null;
            case "eye":
                {
                    if (ConstTensorShapes.Named(method, args, "n") is not long n) return null;
                    var m = ConstTensorShapes.Named(method, args, "m");
                    return new[] { n, m is long mm && mm >= 0 ? mm : n };
                }
            case "zeros_like" or "ones_like" or "randn_like" or "rand_like" or "empty_like" or "full_like":
                return args.Count > 0 && args[0] is ConstTensorValue like ? like.Shape : null;
            case "tensor" or "from_array":
                return args.Count > 0 && args[0] is ListValue items && items.Items.All(i => i is PrimValue) ? new[] { (long)items.Items.Count } : null;
        }
        return ShapeFromArgs(method, args);
    }

    private static IReadOnlyList<long>? ShapeFromArgs(IMethodSymbol method, List<Value> args)
    {
        var dims = new List<long>();
        for (int i = 0; i < args.Count; i++)
        {
            var p = method.Parameters[i];
            if (p.Name is "size" or "shape" && args[i] is ListValue list)
            {
                foreach (var item in list.Items)
                {
                    if (!ValueConversions.TryLong(item, out var d)) return null;
                    dims.Add(d);
                }
                return dims;
            }
            if (p.Type.SpecialType is SpecialType.System_Int64 or SpecialType.System_Int32 && (p.Name.StartsWith("size", StringComparison.Ordinal) || p.Name is "rows" or "columns") || p.Name is "dim0" or "dim1" or "dim2" or "dim3")
            {
                if (!ValueConversions.TryLong(args[i], out var d)) return null;
                dims.Add(d);
            }
        }
        return dims.Count > 0 ? dims : null;
    }
}
