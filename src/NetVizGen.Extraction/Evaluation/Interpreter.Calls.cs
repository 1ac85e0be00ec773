using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using NetVizGen.Extraction.Construction;
using NetVizGen.Extraction.Diagnostics;
using NetVizGen.Model.Specs;

namespace NetVizGen.Extraction.Evaluation;

internal sealed partial class Interpreter
{
    private Value? _implicitReceiver;

    /// <summary>Evaluates the arguments of a call, indexed by parameter ordinal (defaults and params arrays included).</summary>
    private List<Value> BindArguments(IMethodSymbol method, IEnumerable<IArgumentOperation> arguments, Frame frame)
    {
        var values = new List<Value>();
        for (int i = 0; i < method.Parameters.Length; i++) values.Add(Value.Unknown);
        foreach (var arg in arguments)
        {
            var ordinal = arg.Parameter?.Ordinal ?? -1;
            if (ordinal < 0 || ordinal >= values.Count) continue;
            var v = Eval(arg.Value, frame);
            values[ordinal] = arg.Parameter!.RefKind == RefKind.None ? CopyIfStruct(v) : v;
            // mask: torch.full(...): the author named the argument; a positional one to a library says "input".
            if (arg.Syntax is ArgumentSyntax { NameColon: not null }) Graph?.BindParameter(v, arg.Parameter.Name);
        }
        return values;
    }

    private Value Invoke(IInvocationOperation inv, Frame frame)
    {
        var method = inv.TargetMethod;
        var receiver = inv.Instance is null ? null : Eval(inv.Instance, frame);
        var args = BindArguments(method, inv.Arguments, frame);

        if (method.MethodKind == MethodKind.LocalFunction)
        {
            if (frame.TryGetLocalFunction(method, out var lf, out var owner))
                return RunWithParameters(lf.Body ?? (IOperation?)lf.IgnoredBody, lf.Symbol.Parameters, args, new Frame(owner.Self, owner));
            return Value.Unknown;
        }

        if (method.MethodKind == MethodKind.DelegateInvoke)
            return receiver is LambdaValue lambda ? InvokeLambda(lambda, args, inv) : Value.Unknown;

        // _internal_submodules.Remove("m"): that child is no longer registered (a subclass replacing its base's block).
        if (receiver is SubmodulesValue submodules)
            return method.Name == "Remove" && args.Count == 1 && args[0] is PrimValue { Raw: string key } ? new PrimValue(submodules.Module.Unregister(key)) : Value.Unknown;

        var torch = TryTorchCall(inv, method, receiver, TorchNames.IsTorchSharpType(method.ContainingType) ? Materialized(args) : args, frame);
        if (torch is not null)
        {
            // src.add_(dense) as a statement: an in-place op writes into its tensor, so the variable now holds the
            // result (else what reads src next would skip the op, and the diagram would lose that input).
            if (Graph is not null && receiver is TensorValue before && torch is TensorValue after && after.NodeId != before.NodeId
                && IsInPlace(method.Name) && inv.Instance is ILocalReferenceOperation or IParameterReferenceOperation)
                Assign(inv.Instance, torch, frame);
            return torch;
        }

        var savedFrame = _currentFrame;
        _currentFrame = frame;
        Value? bcl;
        try { bcl = TryLibraryCall(method, receiver, WithDefaults(method, args), inv); }
        finally { _currentFrame = savedFrame; }
        if (bcl is not null) return bcl;

        if (receiver is ModuleValue { CustomType: not null } or ObjectValue || receiver is null)
        {
            // base.M() and non-virtual calls run exactly the bound method; only virtual calls dispatch
            // on the receiver's run-time type (else base.M() inside an override would call itself).
            var target = inv.IsVirtual ? ResolveVirtual(method, receiver) : method;
            if (HasSource(target)) return CallWithRefs(target, receiver, args, inv, frame);
            // A method of a referenced assembly (torchvision.models.resnet18): its decompiled source.
            if (Packages?.ToSource(target) is { } decompiled && HasSource(decompiled)) return CallWithRefs(decompiled, receiver, args, inv, frame);
            ReportNoSource(target, target.ReturnType, inv.Syntax);
        }
        // Not modelled: whatever collections it was given may have changed, and lambdas it was given may
        // have run and assigned the variables they capture.
        PoisonCollections(receiver, args, method.Name);
        foreach (var a in args) if (a is LambdaValue l) ForgetCapturedWrites(l);
        return Value.Unknown;
    }

    /// <summary>Locals and parameters a lambda assigns in its enclosing frames become unknown (it may have run any number of times).</summary>
    private static void ForgetCapturedWrites(LambdaValue lambda)
    {
        if (lambda.Body is null || lambda.Captured is null) return;
        foreach (var op in lambda.Body.Descendants())
        {
            var target = op switch
            {
                IAssignmentOperation a => a.Target,
                IIncrementOrDecrementOperation inc => inc.Target,
                _ => null,
            };
            ISymbol? symbol = target switch
            {
                ILocalReferenceOperation l => l.Local,
                IParameterReferenceOperation p => p.Parameter,
                _ => null,
            };
            if (symbol is not null && lambda.Captured.TryGet(symbol, out _)) lambda.Captured.Assign(symbol, Value.Unknown);
        }
    }

    /// <summary>TorchSharp's in-place tensor methods end in '_' (<c>add_</c>, <c>mul_</c>, <c>relu_</c>); _-prefixed names are internal.</summary>
    internal static bool IsInPlace(string name) => name.Length > 1 && name.EndsWith("_", StringComparison.Ordinal) && !name.StartsWith("_", StringComparison.Ordinal);

    /// <summary>Omitted optional arguments of a library method take their declared defaults.</summary>
    private static List<Value> WithDefaults(IMethodSymbol method, List<Value> args)
    {
        List<Value>? filled = null;
        for (int i = 0; i < args.Count && i < method.Parameters.Length; i++)
        {
            if (args[i] is not UnknownValue || !method.Parameters[i].HasExplicitDefaultValue) continue;
            filled ??= args.ToList();
            filled[i] = DefaultParameter(method.Parameters[i]);
        }
        return filled ?? args;
    }

    /// <summary>Deferred LINQ queries enumerated into lists, for TorchSharp calls that take sequences.</summary>
    private List<Value> Materialized(List<Value> args)
    {
        if (!args.Any(a => a is SeqValue)) return args;
        return args.Select(a => a is SeqValue s ? (Enumerate(s) is { } items ? new ListValue(items.ToList()) : Value.Unknown) : a).ToList();
    }

    /// <summary>
    /// A module comes from a referenced assembly whose code is not available (no decompiled source: the
    /// decompile step is off, failed, or the reference is a reference assembly): say so where it is used,
    /// never draw it silently empty.
    /// </summary>
    private void ReportNoSource(ISymbol member, ITypeSymbol? produced, SyntaxNode site)
    {
        var assembly = member.ContainingAssembly?.Name;
        if (assembly is null || assembly == "TorchSharp" || !TorchNames.IsModule(produced) || !member.DeclaringSyntaxReferences.IsDefaultOrEmpty) return;
        // The compiler's own members of a class in this compilation (the implicit constructor of a class that
        // declares none) have no syntax either, but they are no package's code.
        if (member.ContainingAssembly is ISourceAssemblySymbol) return;
        if (member.ContainingAssembly!.Modules.FirstOrDefault()?.ReferencedAssemblies.Any(a => a.Name == "TorchSharp") != true) return;
        Notes.Add(ExtractionNoteIds.PackageCodeUnavailable, NoteSeverity.Warning,
            $"'{TorchNames.DisplayName(member)}' builds its model in the referenced assembly '{assembly}', whose code NetVizGen could not read "
            + "(no decompiled source: NetVizGenDecompilePackages is off, decompiling failed, or the reference has no method bodies); this part of the diagram is missing",
            site);
    }

    /// <summary>A source call whose ref/out arguments are written back to the caller's variables.</summary>
    private Value CallWithRefs(IMethodSymbol target, Value? receiver, List<Value> args, IInvocationOperation inv, Frame frame)
    {
        if (!inv.Arguments.Any(a => a.Parameter?.RefKind is RefKind.Ref or RefKind.Out))
            return CallSourceMethod(target, receiver, args, inv);
        var result = CallSourceMethod(target, receiver, args, inv, out var callee);
        foreach (var arg in inv.Arguments)
        {
            if (arg.Parameter is not { RefKind: RefKind.Ref or RefKind.Out } p) continue;
            var parameter = target.OriginalDefinition.Parameters[p.Ordinal];
            Assign(arg.Value, callee is not null && callee.TryGet(parameter, out var v) ? v : Value.Unknown, frame);
        }
        return result;
    }

    /// <summary>Finds the override that runs for the receiver's run-time type (virtual dispatch).</summary>
    private static IMethodSymbol ResolveVirtual(IMethodSymbol method, Value? receiver)
    {
        if (!(method.IsVirtual || method.IsAbstract || method.IsOverride)) return method;
        INamedTypeSymbol? type = receiver switch
        {
            ModuleValue m => m.CustomType,
            ObjectValue o => o.Type,
            _ => null,
        };
        // A call through an interface (a config passed as IModelParameter) runs the receiver's implementation.
        if (method.ContainingType.TypeKind == TypeKind.Interface && type?.FindImplementationForInterfaceMember(method) is IMethodSymbol implementation)
            return implementation;
        for (var t = type; t is not null; t = t.BaseType)
        {
            foreach (var candidate in t.GetMembers(method.Name).OfType<IMethodSymbol>())
            {
                if (candidate.Parameters.Length == method.Parameters.Length && HasSource(candidate) && Overrides(candidate, method)) return candidate;
            }
        }
        return method;
    }

    /// <summary>True when <paramref name="candidate"/> is <paramref name="method"/> or overrides it (directly or further down).</summary>
    private static bool Overrides(IMethodSymbol candidate, IMethodSymbol method)
    {
        for (var m = candidate; m is not null; m = m.OverriddenMethod)
            if (SymbolEqualityComparer.Default.Equals(m.OriginalDefinition, method.OriginalDefinition)) return true;
        return false;
    }

    public Value InvokeLambda(LambdaValue lambda, List<Value> args, IOperation site)
    {
        if (lambda.Body is not null)
            return RunWithParameters(lambda.Body, lambda.Parameters, args, new Frame(lambda.Captured?.Self, lambda.Captured));
        var method = lambda.Method;
        if (HasSource(method)) return CallSourceMethod(ResolveVirtual(method, lambda.Receiver), lambda.Receiver, args, site);
        // A method group of a layer factory passed as a delegate (Func<Module<Tensor, Tensor>> act = nn.GELU,
        // Func<long, LayerNorm> norm = nn.LayerNorm): the call builds that layer, unset parameters at their defaults.
        if (method.IsStatic && TorchNames.IsNnClass(method.ContainingType))
            return NnFactory(site.Syntax, method, method.Parameters.Select((p, i) => i < args.Count ? args[i] : DefaultParameter(p)).ToList());
        // Any other library method group.
        return Value.Unknown;
    }

    private Value RunWithParameters(IOperation? body, IReadOnlyList<IParameterSymbol> parameters, List<Value> args, Frame frame)
    {
        if (body is null) return Value.Unknown;
        for (int i = 0; i < parameters.Count; i++)
        {
            var value = i < args.Count ? args[i] : DefaultParameter(parameters[i]);
            frame.Declare(parameters[i], value);
            if (!SymbolEqualityComparer.Default.Equals(parameters[i], parameters[i].OriginalDefinition))
                frame.Declare(parameters[i].OriginalDefinition, value);
        }
        return RunBody(body, frame);
    }

    internal static Value DefaultParameter(IParameterSymbol p) =>
        p.HasExplicitDefaultValue ? Constant(p.Type, p.ExplicitDefaultValue) : Value.Unknown;

    /// <summary>Runs a user-defined method (helper, getter, forward of a block) with a fresh frame.</summary>
    public Value CallSourceMethod(IMethodSymbol method, Value? receiver, List<Value> args, IOperation? site) =>
        CallSourceMethod(method, receiver, args, site, out _);

    private Value CallSourceMethod(IMethodSymbol method, Value? receiver, List<Value> args, IOperation? site, out Frame? callee)
    {
        callee = null;
        var body = BodyOf(method);
        if (body is null) return Value.Unknown;
        var frame = new Frame(receiver, null);
        callee = frame;
        var parameters = method.OriginalDefinition.Parameters;
        for (int i = 0; i < parameters.Length; i++)
        {
            var value = i < args.Count && args[i] is not UnknownValue ? args[i] : (i < args.Count ? args[i] : DefaultParameter(parameters[i]));
            frame.Declare(parameters[i], value);
            if (i < args.Count) Graph?.BindParameter(value, parameters[i].Name);
        }
        return RunBody(body, frame);
    }

    /// <summary>The operation tree of a method's body, from its declaring syntax.</summary>
    internal IOperation? BodyOf(IMethodSymbol method)
    {
        foreach (var r in method.OriginalDefinition.DeclaringSyntaxReferences)
        {
            var syntax = SyntaxOf(r);
            SyntaxNode? target = syntax switch
            {
                MethodDeclarationSyntax m => m,
                AccessorDeclarationSyntax a => a,
                ArrowExpressionClauseSyntax arrow => arrow.Parent is PropertyDeclarationSyntax ? arrow : arrow,
                LocalFunctionStatementSyntax lf => lf,
                ConstructorDeclarationSyntax c => c,
                OperatorDeclarationSyntax o => o,
                _ => null,
            };
            if (target is null) continue;
            var op = OperationFor(target);
            switch (op)
            {
                case IMethodBodyBaseOperation body: return body;
                case ILocalFunctionOperation lf: return lf.Body ?? lf.IgnoredBody;
                case IBlockOperation block: return block;
                case null: continue;
                default: return op;
            }
        }
        return null;
    }

    private Value CreateObject(IObjectCreationOperation oc, Frame frame)
    {
        var type = oc.Type as INamedTypeSymbol;
        var ctor = oc.Constructor;
        if (type is null || ctor is null) return Value.Unknown;
        var args = BindArguments(ctor, oc.Arguments, frame);
        // new long?(v): a T? holds its value unwrapped (null is the C# null).
        if (type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T) return args.Count == 1 ? args[0] : Value.Null;
        if (type.DeclaringSyntaxReferences.IsDefaultOrEmpty && Packages?.ToSource(type) is { } decompiledType && Packages.ToSource(ctor) is { } decompiledCtor)
        {
            // new ResNet(...) of a referenced assembly: construct from its decompiled source.
            type = decompiledType;
            ctor = decompiledCtor;
        }
        else if (TorchNames.IsModule(type) && !TorchNames.IsTorchSharpType(type))
        {
            ReportNoSource(ctor, type, oc.Syntax);
        }

        Value result;
        if (TorchNames.ContainerKind(type) is { } kind)
        {
            // new ModuleList<T>(), new Sequential(...), new ModuleDict<T>(): same as the torch.nn factories.
            result = Container(kind, ctor, Materialized(args), oc.Syntax);
        }
        else if (TorchNames.IsParameterType(type))
        {
            result = MakeParameter(args);
        }
        else if (TorchNames.IsModule(type) && !TorchNames.IsTorchSharpType(type))
        {
            result = ConstructModule(type, ctor, args, oc.Syntax);
        }
        else if (TryCreateLibraryObject(type, args) is { } lib)
        {
            result = lib;
        }
        else if (type.DeclaringSyntaxReferences.Length > 0 && type.TypeKind is TypeKind.Class or TypeKind.Struct)
        {
            var obj = new ObjectValue(type);
            // Fields start at their default (0, null, false) before initialisers and constructors run.
            for (var t = (INamedTypeSymbol?)type; t is not null && t.DeclaringSyntaxReferences.Length > 0; t = t.BaseType)
            {
                foreach (var member in t.GetMembers())
                {
                    if (member.IsStatic || obj.Fields.ContainsKey(member.Name)) continue;
                    if (member is IFieldSymbol { IsConst: false, IsImplicitlyDeclared: false } f) obj.Fields[f.Name] = DefaultOf(f.Type);
                    else if (member is IPropertySymbol p && IsAutoProperty(p)) obj.Fields[p.Name] = DefaultOf(p.Type);
                }
            }
            RunConstructor(obj, type, ctor, args);
            result = obj;
        }
        else
        {
            result = Value.Unknown;
        }

        if (oc.Initializer is not null && result is not UnknownValue)
        {
            var saved = _implicitReceiver;
            _implicitReceiver = result;
            try
            {
                foreach (var init in oc.Initializer.Initializers) Eval(init, frame);
            }
            finally { _implicitReceiver = saved; }
        }
        return result;
    }

    /// <summary>
    /// Constructs a user-defined module: field initialisers, base constructor, body. Registration is
    /// checked once the whole model is built (<see cref="CheckRegistrationOf"/>): a block that does not call
    /// <c>RegisterComponents()</c> itself is registered when its parent registers it.
    /// </summary>
    public ModuleValue ConstructModule(INamedTypeSymbol type, IMethodSymbol ctor, List<Value> args, SyntaxNode site)
    {
        var module = new ModuleValue(type.Name, ModuleOrigin.Custom, type, Spans.Of(site));
        CountModule(module, site);
        RecordConstructorArguments(module, ctor, args);
        RunConstructor(module, type, ctor, args);
        return module;
    }

    /// <summary>
    /// Keeps a custom block's plain constructor arguments (numbers, flags, strings, tuples): they are
    /// its configuration, shown on block cards and compared when repeated blocks are folded.
    /// Factories, modules and values unknown at compile time are left out.
    /// </summary>
    private static void RecordConstructorArguments(ModuleValue module, IMethodSymbol ctor, List<Value> args)
    {
        var parameters = ctor.OriginalDefinition.Parameters;
        for (int i = 0; i < parameters.Length && i < args.Count; i++)
        {
            if (args[i] is not (PrimValue { IsNull: false } or TupleValue or ListValue)) continue;
            var arg = ValueConversions.ToArg(args[i]);
            if (arg.IsUnknown) continue;
            module.Args.Add(new ArgSpec(parameters[i].Name, arg));
        }
    }

    /// <summary>Runs a constructor the way C# does: this(...) chains, or field initialisers, then base(...), then the body.</summary>
    private void RunConstructor(Value self, INamedTypeSymbol type, IMethodSymbol ctor, List<Value> args)
    {
        var frame = new Frame(self, null);
        var parameters = ctor.OriginalDefinition.Parameters;
        for (int i = 0; i < parameters.Length; i++)
            frame.Declare(parameters[i], i < args.Count ? args[i] : DefaultParameter(parameters[i]));

        var declaration = ctor.DeclaringSyntaxReferences.Select(r => SyntaxOf(r)).OfType<ConstructorDeclarationSyntax>().FirstOrDefault();
        if (declaration is null)
        {
            // Implicit or primary constructor: parameters are visible to field initialisers; then, as
            // C# does, the base class's parameterless constructor (user code only).
            RunFieldInitializers(self, type, frame);
            if (type.BaseType is { } baseType && baseType.DeclaringSyntaxReferences.Length > 0 && !TorchNames.IsTorchSharpType(baseType)
                && baseType.InstanceConstructors.FirstOrDefault(c => c.Parameters.All(p => p.HasExplicitDefaultValue || p.IsParams)) is { } baseCtor)
            {
                RunConstructor(self, baseType, baseCtor, new List<Value>());
            }
            if (type.IsRecord && self is ObjectValue record)
            {
                foreach (var p in parameters) record.Fields[p.Name] = frame.TryGet(p, out var v) ? v : Value.Unknown;
            }
            return;
        }

        if (++_depth > _limits.MaxCallDepth) { _depth--; throw new EvaluationLimitException($"constructor nesting exceeds {_limits.MaxCallDepth}"); }
        try
        {
            var body = OperationFor(declaration) as IConstructorBodyOperation;
            var initializer = Unwrap(body?.Initializer);
            var chained = initializer?.TargetMethod;
            bool chainsToThis = chained is not null && SymbolEqualityComparer.Default.Equals(chained.ContainingType.OriginalDefinition, type.OriginalDefinition);
            if (chainsToThis)
            {
                RunConstructor(self, type, chained!, BindArguments(chained!, initializer!.Arguments, frame));
            }
            else
            {
                RunFieldInitializers(self, type, frame);
                if (chained is not null && chained.ContainingType.DeclaringSyntaxReferences.Length > 0 && !TorchNames.IsTorchSharpType(chained.ContainingType))
                    RunConstructor(self, chained.ContainingType, chained, BindArguments(chained, initializer!.Arguments, frame));
                else if (chained is not null && self is ModuleValue derived && TorchNames.ContainerKind(chained.ContainingType) is "Sequential" or "ModuleList")
                    AddBaseContainerItems(derived, BindArguments(chained, initializer!.Arguments, frame), initializer.Syntax);
            }
            if (body is not null)
            {
                _returnValue = Value.Unknown;
                Exec(body.BlockBody ?? (IOperation?)body.ExpressionBody, frame);
                _returnValue = Value.Unknown;
            }
        }
        finally { _depth--; }
    }

    private static IInvocationOperation? Unwrap(IOperation? op) => op switch
    {
        IExpressionStatementOperation es => es.Operation as IInvocationOperation,
        IInvocationOperation inv => inv,
        _ => null,
    };

    /// <summary>Instance field and auto-property initialisers of <paramref name="type"/>, in declaration order.</summary>
    private void RunFieldInitializers(Value self, INamedTypeSymbol type, Frame frame)
    {
        foreach (var member in type.GetMembers())
        {
            if (member.IsStatic) continue;
            foreach (var r in member.DeclaringSyntaxReferences)
            {
                var syntax = SyntaxOf(r);
                EqualsValueClauseSyntax? init = syntax switch
                {
                    VariableDeclaratorSyntax v when member is IFieldSymbol => v.Initializer,
                    PropertyDeclarationSyntax p when member is IPropertySymbol => p.Initializer,
                    _ => null,
                };
                if (init is null) continue;
                var op = OperationFor(init);
                var valueOp = op switch
                {
                    IFieldInitializerOperation fi => fi.Value,
                    IPropertyInitializerOperation pi => pi.Value,
                    _ => null,
                };
                if (valueOp is null) continue;
                StoreMember(self, member.Name, Eval(valueOp, frame), valueOp);
            }
        }
    }

    /// <summary>Sequences the evaluator can walk: lists, dictionaries, containers, strings.</summary>
    internal IReadOnlyList<Value>? Enumerate(Value v) => v switch
    {
        ListValue { Poisoned: true } => null,
        ListValue l => l.Items.ToList(),
        // foreach (var d in x.shape): one size per dim, when the shapes traced so far give the rank.
        ShapeRefValue whole => WholeShape(whole) is ListValue sizes ? sizes.Items.ToList() : null,
        SpanValue span => span.Items,
        SeqValue s => s.Produce(),
        DictValue { Indexed: false } => null,
        DictValue d => d.Entries.Select(e => (Value)new TupleValue(new[] { e.Key, e.Value })).ToList(),
        ModuleValue m when m.IsContainer && m.TypeName.StartsWith("ModuleDict", StringComparison.Ordinal) =>
            m.Children.Select(c => (Value)new TupleValue(new Value[] { new PrimValue(c.Key), c.Value })).ToList(),
        ModuleValue m when m.IsContainer => m.Children.Select(c => (Value)c.Value).ToList(),
        PrimValue { Raw: string s } => s.Select(ch => (Value)new PrimValue(ch)).ToList(),
        // x.chunk(2, 1).ToList(), foreach over split(...): the op's outputs, when their number is known.
        MultiTensorValue { Arity: > 0 } parts when Graph is not null => Enumerable.Range(0, parts.Arity).Select(i => TupleItem(parts, i)).ToList(),
        _ => null,
    };
}
