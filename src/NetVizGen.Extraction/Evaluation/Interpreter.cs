using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using NetVizGen.Extraction.Diagnostics;
using NetVizGen.Extraction.Tracing;
using NetVizGen.Model.Analysis;
using NetVizGen.Model.Specs;

namespace NetVizGen.Extraction.Evaluation;

/// <summary>
/// A partial evaluator of C# over Roslyn's <see cref="IOperation"/> trees. It runs model
/// constructors with the values it can know at compile time (literals, arguments, locals, loops
/// with known bounds, helper methods, lambdas) and, with <see cref="Graph"/> set, traces
/// <c>forward</c> symbolically: tensors become data-flow nodes instead of numbers.
/// </summary>
/// <remarks>
/// Split by concern: statements here; expressions, calls, TorchSharp semantics and collections in
/// the other partial files. Anything it cannot evaluate becomes <see cref="UnknownValue"/>, which
/// propagates quietly until it matters (a module or tensor is lost), where a note is raised.
/// </remarks>
internal sealed partial class Interpreter
{
    private readonly Compilation _compilation;
    private readonly ExtractionLimits _limits;
    private readonly CancellationToken _cancellation;
    private readonly CompilationCache _cache;
    private int _steps;
    private int _depth;
    private Value _returnValue = Value.Unknown;

    private readonly ISet<SyntaxTree>? _treesRead;

    public Interpreter(Compilation compilation, NoteCollector notes, ExtractionLimits limits, CancellationToken cancellation, ISet<SyntaxTree>? treesRead = null, Packages.SideCompilations? packages = null)
    {
        Packages = packages;
        _compilation = compilation;
        _treesRead = treesRead;
        _cache = CompilationCache.For(compilation);
        Notes = notes;
        _limits = limits;
        _cancellation = cancellation;
    }

    public NoteCollector Notes { get; }

    /// <summary>Decompiled code of referenced assemblies (models from packages), or null.</summary>
    public Packages.SideCompilations? Packages { get; }

    /// <summary>The cache of the compilation that holds <paramref name="tree"/>: the user's, or a side compilation of decompiled code.</summary>
    private CompilationCache CacheFor(SyntaxTree tree)
    {
        if (Packages is null || _compilation.ContainsSyntaxTree(tree)) return _cache;
        return Packages.CompilationOf(tree) is { } side ? CompilationCache.For(side) : _cache;
    }

    /// <summary>The flow graph being built while tracing <c>forward</c>; null while constructing.</summary>
    public FlowBuilder? Graph { get; set; }

    /// <summary>The shapes traced so far, to decide conditions on traced sizes while tracing; null while constructing.</summary>
    public TracedShapes? Shapes { get; set; }

    private enum Completion { Normal, Break, Continue, Return }

    /// <summary>Runs a method-like body and returns what it returned (Unknown when it fell off the end).</summary>
    public Value RunBody(IOperation body, Frame frame)
    {
        if (++_depth > _limits.MaxCallDepth)
        {
            _depth--;
            throw new EvaluationLimitException($"call depth exceeds {_limits.MaxCallDepth}");
        }
        try
        {
            _returnValue = Value.Unknown;
            if (body is IBlockOperation or IMethodBodyBaseOperation)
            {
                var completion = Exec(body, frame);
                var result = completion == Completion.Return ? _returnValue : Value.Unknown;
                _returnValue = Value.Unknown;
                return result;
            }
            return Eval(body, frame); // expression-bodied lambda
        }
        finally
        {
            _depth--;
        }
    }

    /// <summary>Gives tracing a step budget of its own, so a costly constructor does not starve <c>forward</c>.</summary>
    public void ResetSteps() => _steps = 0;

    private void Step()
    {
        // Deeply nested code must end in a diagnostic, not a stack overflow that kills the compiler.
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        if (++_steps > _limits.MaxSteps) throw new EvaluationLimitException($"more than {_limits.MaxSteps} evaluation steps");
        if ((_steps & 1023) == 0) _cancellation.ThrowIfCancellationRequested();
    }

    private Completion Exec(IOperation? op, Frame frame)
    {
        if (op is null) return Completion.Normal;
        Step();
        switch (op)
        {
            case IMethodBodyBaseOperation body:
                return Exec(body.BlockBody ?? (IOperation?)body.ExpressionBody, frame);
            case IBlockOperation block:
                foreach (var s in block.Operations)
                {
                    if (s is ILocalFunctionOperation lf) frame.LocalFunctions[lf.Symbol.OriginalDefinition] = lf;
                }
                foreach (var s in block.Operations)
                {
                    var c = Exec(s, frame);
                    if (c != Completion.Normal) return c;
                }
                return Completion.Normal;
            case ILocalFunctionOperation:
                return Completion.Normal;
            case IExpressionStatementOperation es:
                Eval(es.Operation, frame);
                return Completion.Normal;
            case IVariableDeclarationGroupOperation group:
                foreach (var decl in group.Declarations) Declare(decl, frame);
                return Completion.Normal;
            case IUsingDeclarationOperation ud:
                Declare(ud.DeclarationGroup, frame);
                return Completion.Normal;
            case IUsingOperation u:
                if (u.Resources is IVariableDeclarationGroupOperation rg) Declare(rg, frame);
                else Eval(u.Resources, frame);
                return Exec(u.Body, frame);
            case IReturnOperation ret:
                _returnValue = ret.ReturnedValue is null ? Value.Unknown : Eval(ret.ReturnedValue, frame);
                return Completion.Return;
            case IConditionalOperation cond:
                return ExecIf(cond, frame);
            case IForLoopOperation f:
                return ExecFor(f, frame);
            case IForEachLoopOperation fe:
                return ExecForEach(fe, frame);
            case IWhileLoopOperation w:
                return ExecWhile(w, frame);
            case ISwitchOperation sw:
                return ExecSwitch(sw, frame);
            case IBranchOperation br:
                return br.BranchKind switch
                {
                    BranchKind.Break => Completion.Break,
                    BranchKind.Continue => Completion.Continue,
                    _ => Completion.Normal,
                };
            case ILockOperation lk:
                return Exec(lk.Body, frame);
            case ITryOperation t:
                {
                    var c = Exec(t.Body, frame);
                    if (c != Completion.Normal) return c;
                    return Exec(t.Finally, frame);
                }
            case IEmptyOperation:
            case ILabeledOperation:
                return Completion.Normal;
            case IThrowOperation:
                // A throw reached with known values means the code would fail at run time (argument
                // validation with a bad value); we stop this path and say so.
                Notes.Add(ExtractionNoteIds.UnresolvedConstruction, NoteSeverity.Warning,
                    "Evaluation reached a 'throw': with the values known at compile time this code throws at run time; the rest of this path is not evaluated, so the diagram may be incomplete", op.Syntax);
                _returnValue = Value.Unknown;
                return Completion.Return;
            default:
                Eval(op, frame);
                return Completion.Normal;
        }
    }

    private void Declare(IVariableDeclarationGroupOperation group, Frame frame)
    {
        foreach (var decl in group.Declarations) Declare(decl, frame);
    }

    private void Declare(IVariableDeclarationOperation decl, Frame frame)
    {
        foreach (var d in decl.Declarators)
        {
            var init = d.Initializer ?? decl.Initializer;
            var value = init is null ? Value.Unknown : CopyIfStruct(Eval(init.Value, frame));
            frame.Declare(d.Symbol, value);
            Graph?.BindLocal(value, d.Symbol.Name);
        }
    }

    private Completion ExecIf(IConditionalOperation cond, Frame frame)
    {
        var test = ValueConversions.TryBool(Eval(cond.Condition, frame));
        if (test is null)
        {
            // Argument validation ("if (dim % heads != 0) throw ...") must not end the constructor:
            // when one branch only throws, the code that matters is the other one.
            bool thenThrows = OnlyThrows(cond.WhenTrue), elseThrows = OnlyThrows(cond.WhenFalse);
            test = thenThrows && !elseThrows ? false : true;
            // In forward the condition is often a check of traced sizes (x.shape[1] != channels): recorded as
            // a guard, shape analysis decides it once shapes are known (ShapeGuards).
            var guard = Graph is null ? null : ShapeGuardOf(cond.Condition, frame);
            // Decided by the shapes traced so far (the declared input's): the branch the runtime takes, no warning.
            // Not when that branch only throws: a failed shape check stays one warning at the check that says
            // forward throws there (ShapeGuards), and the diagram goes on with the rest of the model.
            if (guard is not null && Shapes?.Decide(guard) is bool decided && !(decided ? thenThrows : elseThrows))
                return Exec(decided ? cond.WhenTrue : cond.WhenFalse, frame);
            Notes.Add(Graph is null ? ExtractionNoteIds.UnresolvedConstruction : ExtractionNoteIds.UnresolvedForward,
                NoteSeverity.Warning, $"Condition '{Short(cond.Condition)}' is not known at compile time; assumed {(test.Value ? "true" : "false")}{(thenThrows != elseThrows ? " (the branch that does not throw)" : "")}",
                Spans.Of(cond.Condition.Syntax), guard is null ? null : ShapeGuards.OnNote(guard, test.Value, test.Value ? elseThrows : thenThrows));
        }
        return Exec(test.Value ? cond.WhenTrue : cond.WhenFalse, frame);
    }

    private static bool OnlyThrows(IOperation? op) => op switch
    {
        IThrowOperation => true,
        IExpressionStatementOperation { Operation: IThrowOperation } => true,
        IBlockOperation { Operations.Length: 1 } b => OnlyThrows(b.Operations[0]),
        _ => false,
    };

    private Completion ExecFor(IForLoopOperation loop, Frame frame)
    {
        var inner = new Frame(frame.Self, frame);
        foreach (var b in loop.Before) Exec(b, inner);
        for (int i = 0; ; i++)
        {
            if (i >= _limits.MaxLoopIterations) { LoopLimit(loop, frame); break; }
            if (loop.Condition is not null)
            {
                var test = ValueConversions.TryBool(Eval(loop.Condition, inner));
                if (test is null) { UnknownLoop(loop, loop.Condition, inner); break; }
                if (!test.Value) break;
            }
            var c = Exec(loop.Body, new Frame(frame.Self, inner));
            if (c == Completion.Break) break;
            if (c == Completion.Return) return c;
            foreach (var a in loop.AtLoopBottom) Exec(a, inner);
        }
        return Completion.Normal;
    }

    private Completion ExecForEach(IForEachLoopOperation loop, Frame frame)
    {
        var source = Eval(loop.Collection, frame);
        var items = Enumerate(source);
        if (items is null)
        {
            // GPT-2's scaled initialisation (foreach (var (pn, p) in named_parameters()) nn.init.normal_(p, ...)):
            // a constructor loop that only initialises values changes no size or count, so skipping it is exact.
            if (!(Graph is null && IsInitialisationOnly(loop.Body))) UnknownLoop(loop, loop.Collection, frame);
            return Completion.Normal;
        }
        int i = 0;
        foreach (var item in items)
        {
            if (i++ >= _limits.MaxLoopIterations) { LoopLimit(loop, frame); break; }
            var inner = new Frame(frame.Self, frame);
            BindLoopVariable(loop.LoopControlVariable, item, inner);
            var c = Exec(loop.Body, inner);
            if (c == Completion.Break) break;
            if (c == Completion.Return) return c;
        }
        return Completion.Normal;
    }

    private void BindLoopVariable(IOperation control, Value item, Frame frame)
    {
        switch (control)
        {
            case IVariableDeclaratorOperation d:
                frame.Declare(d.Symbol, item);
                break;
            case IDeclarationExpressionOperation de:
                Deconstruct(de.Expression, item, frame, declare: true);
                break;
            default:
                Deconstruct(control, item, frame, declare: true);
                break;
        }
    }

    private Completion ExecWhile(IWhileLoopOperation loop, Frame frame)
    {
        for (int i = 0; ; i++)
        {
            if (i >= _limits.MaxLoopIterations) { LoopLimit(loop, frame); break; }
            if (loop.ConditionIsTop && loop.Condition is not null)
            {
                var test = ValueConversions.TryBool(Eval(loop.Condition, frame));
                if (test is null) { UnknownLoop(loop, loop.Condition, frame); break; }
                if (test.Value == loop.ConditionIsUntil) break;
            }
            var c = Exec(loop.Body, new Frame(frame.Self, frame));
            if (c == Completion.Break) break;
            if (c == Completion.Return) return c;
            if (!loop.ConditionIsTop && loop.Condition is not null)
            {
                var test = ValueConversions.TryBool(Eval(loop.Condition, frame));
                if (test is null) { UnknownLoop(loop, loop.Condition, frame); break; }
                if (test.Value == loop.ConditionIsUntil) break;
            }
        }
        return Completion.Normal;
    }

    private Completion ExecSwitch(ISwitchOperation sw, Frame frame)
    {
        var value = Eval(sw.Value, frame);
        ISwitchCaseOperation? chosen = null, fallback = null;
        foreach (var c in sw.Cases)
        {
            foreach (var clause in c.Clauses)
            {
                switch (clause)
                {
                    case IDefaultCaseClauseOperation:
                        fallback = c;
                        break;
                    case ISingleValueCaseClauseOperation sv when chosen is null:
                        if (ValuesEqual(value, Eval(sv.Value, frame)) == true) chosen = c;
                        break;
                    case IPatternCaseClauseOperation pc when chosen is null:
                        if (MatchPattern(value, pc.Pattern, frame) == true &&
                            (pc.Guard is null || ValueConversions.TryBool(Eval(pc.Guard, frame)) == true)) chosen = c;
                        break;
                }
            }
        }
        if (chosen is null && value is UnknownValue or SizeRefValue) // a size only shape analysis knows, or nothing
        {
            Notes.Add(Graph is null ? ExtractionNoteIds.UnresolvedConstruction : ExtractionNoteIds.UnresolvedForward, NoteSeverity.Warning,
                $"Switch value '{Short(sw.Value)}' is not known at compile time; the default case is assumed", sw.Value.Syntax);
        }
        chosen ??= fallback;
        if (chosen is null) return Completion.Normal;
        foreach (var s in chosen.Body)
        {
            var c = Exec(s, frame);
            if (c == Completion.Break) return Completion.Normal;
            if (c != Completion.Normal) return c;
        }
        return Completion.Normal;
    }

    /// <summary>
    /// True when <paramref name="body"/> can only change tensor values, never what a diagram shows: its calls
    /// are <c>torch.nn.init</c> functions, in-place tensor methods (<c>normal_</c>, <c>zero_</c>), <c>torch.no_grad</c>,
    /// or string, math and debugging helpers, and it assigns nothing but its own locals.
    /// </summary>
    private static bool IsInitialisationOnly(IOperation body)
    {
        foreach (var op in body.DescendantsAndSelf())
        {
            switch (op)
            {
                case IInvocationOperation call when !IsInitialisationCall(call.TargetMethod):
                case IObjectCreationOperation:
                case IReturnOperation or IThrowOperation:
                    return false;
                case IAssignmentOperation { Target: not ILocalReferenceOperation }:
                case IAssignmentOperation { Target: ILocalReferenceOperation local } when !IsDeclaredWithin(local.Local, body):
                    return false;
            }
        }
        return true;
    }

    private static bool IsInitialisationCall(IMethodSymbol method)
    {
        var owner = method.ContainingType;
        if (owner is null) return false;
        var ns = owner.ContainingNamespace?.ToDisplayString() ?? "";
        if (owner.Name == "init" && owner.ContainingType?.Name == "nn") return true; // torch.nn.init.*
        if (TorchNames.IsTensor(owner) && method.Name.EndsWith("_", StringComparison.Ordinal)) return true; // p.normal_(), p.zero_()
        if (owner.Name == "torch" && method.Name == "no_grad") return true;
        return ns is "System" && owner.Name is "String" or "Math" or "MathF" or "Convert"
            || ns is "System.Diagnostics" or "System.Diagnostics.Contracts"
            || owner.SpecialType == SpecialType.System_String;
    }

    private static bool IsDeclaredWithin(ILocalSymbol local, IOperation body) =>
        local.DeclaringSyntaxReferences.Any(r => body.Syntax.Span.Contains(r.Span));

    private void LoopLimit(IOperation loop, Frame frame)
    {
        Notes.Add(ExtractionNoteIds.EvaluationLimit, NoteSeverity.Warning,
            $"Loop stopped after {_limits.MaxLoopIterations} iterations; the diagram may be incomplete", loop.Syntax);
        ForgetWritesOf(loop, frame);
    }

    private void UnknownLoop(IOperation loop, IOperation part, Frame frame)
    {
        Notes.Add(Graph is null ? ExtractionNoteIds.UnresolvedConstruction : ExtractionNoteIds.UnresolvedForward, NoteSeverity.Warning,
            $"Loop bound '{Short(part)}' is not known at compile time; the loop is skipped", part.Syntax);
        ForgetWritesOf(loop, frame);
    }

    internal static string Short(IOperation op)
    {
        var text = op.Syntax.ToString().Replace("\r", " ").Replace("\n", " ");
        return text.Length > 80 ? text.Substring(0, 77) + "..." : text;
    }

    // Every read of syntax, semantic models or operations goes through the three members below, so the
    // extraction cache (Incremental/ExtractionCache) knows every tree a model depends on beyond declarations.

    /// <summary>Records that the extraction depends on the text of <paramref name="tree"/>.</summary>
    internal void Read(SyntaxTree tree) => _treesRead?.Add(tree);

    internal SemanticModel ModelFor(SyntaxTree tree)
    {
        Read(tree);
        return CacheFor(tree).Model(tree);
    }

    /// <summary>The declaring syntax of a symbol, recording its tree.</summary>
    internal SyntaxNode SyntaxOf(SyntaxReference reference)
    {
        Read(reference.SyntaxTree);
        return reference.GetSyntax(_cancellation);
    }

    /// <summary>The operation tree of <paramref name="node"/>, bound once per compilation (shared by every model).</summary>
    internal IOperation? OperationFor(SyntaxNode node)
    {
        Read(node.SyntaxTree);
        return CacheFor(node.SyntaxTree).Operation(node, _cancellation);
    }
}
