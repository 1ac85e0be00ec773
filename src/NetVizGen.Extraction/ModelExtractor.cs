using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using NetVizGen.Extraction.Construction;
using NetVizGen.Extraction.Diagnostics;
using NetVizGen.Extraction.Evaluation;
using NetVizGen.Extraction.Tracing;
using NetVizGen.Model.Specs;

namespace NetVizGen.Extraction;

/// <summary>
/// Extracts one documented model from a compilation: evaluates its construction (constructor or
/// factory method), builds the module tree, traces <c>forward</c>, and reports what it could not
/// understand. Never throws for bad user code: every failure becomes a note.
/// </summary>
public static class ModelExtractor
{
    /// <summary>The phases, in order.</summary>
    public static ModelSpec Extract(DiagramTarget target, Compilation compilation, CancellationToken cancellation)
        => Extract(target, compilation, cancellation, null);

    /// <summary>
    /// <see cref="Extract(DiagramTarget, Compilation, CancellationToken)"/>, adding to
    /// <paramref name="treesRead"/> every syntax tree whose syntax, semantic model or operations the
    /// extraction used (for <see cref="Incremental.ExtractionCache"/>).
    /// </summary>
    internal static ModelSpec Extract(DiagramTarget target, Compilation compilation, CancellationToken cancellation, ISet<SyntaxTree>? treesRead, Packages.SideCompilations? packages = null)
    {
        var notes = new NoteCollector();
        var incomplete = new List<string>();
        var id = string.IsNullOrWhiteSpace(target.Name) ? target.DefaultId : target.Name!;
        var empty = new ModuleSpec("", target.DefaultId, ModuleOrigin.Unresolved, EquatableArray<ArgSpec>.Empty, EquatableArray<ModuleSpec>.Empty);
        ModelSpec Result(ModuleSpec root, FlowSpec flow) => new(
            id, string.IsNullOrWhiteSpace(target.Title) ? id : target.Title!, target.TypeMetadataName, target.Direction,
            target.Input ?? "", target.Depth, root, flow, notes.Notes.ToEquatableArray(), target.Source,
            Incomplete: incomplete.Distinct(StringComparer.Ordinal).ToEquatableArray());

        if (target.TargetError is not null)
        {
            notes.Add(ExtractionNoteIds.InvalidTarget, NoteSeverity.Warning, target.TargetError, target.Source);
            return Result(empty, FlowSpec.Empty);
        }

        var type = compilation.GetTypeByMetadataName(target.TypeMetadataName);
        if (type is null)
        {
            notes.Add(ExtractionNoteIds.InvalidTarget, NoteSeverity.Warning, $"Type '{target.TypeMetadataName}' was not found", target.Source);
            return Result(empty, FlowSpec.Empty);
        }

        var interpreter = new Interpreter(compilation, notes, ExtractionLimits.Default, cancellation, treesRead, packages);
        // The model's own declarations (every partial part, and so the [Diagram] attribute's tree) are
        // read whatever path the evaluation takes.
        foreach (var r in type.DeclaringSyntaxReferences) interpreter.Read(r.SyntaxTree);
        if (target.MethodName is not null)
        {
            foreach (var m in type.GetMembers(target.MethodName))
                foreach (var r in m.DeclaringSyntaxReferences) interpreter.Read(r.SyntaxTree);
        }
        try
        {
            // 1. Construction: run the constructor or factory with compile-time values. A budget that runs
            //    out keeps what was built so far (the root of a class target), with a warning.
            ModuleValue? root;
            try
            {
                root = Construct(interpreter, type, target, notes, incomplete);
            }
            catch (EvaluationLimitException e)
            {
                root = target.MethodName is null ? interpreter.FirstModule : null;
                var where = (e as BudgetExceededException)?.Where ?? (e as NestingLimitException)?.Where ?? target.Source;
                notes.Add(ExtractionNoteIds.EvaluationLimit, NoteSeverity.Warning,
                    $"Construction of '{id}' stopped: {e.Message}; " + (root is null
                        ? "the model could not be built, so the page shows no diagram"
                        : "the page shows what was built until then, registered as RegisterComponents() would"),
                    where);
                incomplete.Add($"{NetVizGen.Model.Analysis.IncompleteReasons.ConstructionStopped} ({e.Message})");
                if (root is not null) interpreter.RegisterPartial(root);
            }
            if (root is null)
            {
                if (incomplete.Count == 0) incomplete.Add("the model could not be built at compile time (see the warnings)");
                return Result(empty, FlowSpec.Empty);
            }
            interpreter.CheckRegistrationOf(root);

            // 2. Module tree, with TorchSharp's registration names and paths.
            var paths = new Dictionary<ModuleValue, string>();
            var tree = ModuleTreeBuilder.Build(root, paths);

            // 3. Forward data flow, traced symbolically and inlined to leaf layers (with a budget of its own).
            interpreter.ResetSteps();
            var flow = ForwardTracer.Trace(interpreter, root, tree, paths, target, incomplete);

            // 4. Registered modules that forward never reaches.
            ForwardTracer.ReportUncalled(tree, flow, notes);
            return Result(tree, flow);
        }
        catch (EvaluationLimitException e)
        {
            notes.Add(ExtractionNoteIds.EvaluationLimit, NoteSeverity.Warning,
                $"Extraction of '{id}' stopped: {e.Message}; the page says the model is incomplete", (e as NestingLimitException)?.Where ?? target.Source);
            incomplete.Add($"extraction stopped ({e.Message})");
            return Result(empty, FlowSpec.Empty);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception e)
        {
            // A crash here would drop every generated file of the project (CS8785); report it instead.
            notes.Add(ExtractionNoteIds.InternalError, NoteSeverity.Warning,
                $"NetVizGen could not extract '{id}' ({e.GetType().Name}: {e.Message}); please report this with the model's code", target.Source);
            incomplete.Add($"NetVizGen hit an internal error ({e.GetType().Name})");
            return Result(empty, FlowSpec.Empty);
        }
    }

    private static ModuleValue? Construct(Interpreter interpreter, INamedTypeSymbol type, DiagramTarget target, NoteCollector notes, List<string> incomplete)
    {
        var arguments = target.Arguments.Select(ToValue).ToList();
        if (target.MethodName is not null)
        {
            var factory = type.GetMembers(target.MethodName).OfType<IMethodSymbol>()
                .FirstOrDefault(m => m.IsStatic && m.Parameters.Length >= arguments.Count && interpreter.BodyOf(m) is not null);
            if (factory is null)
            {
                notes.Add(ExtractionNoteIds.InvalidTarget, NoteSeverity.Warning, $"Factory method '{target.MethodName}' has no body to evaluate", target.Source);
                incomplete.Add($"factory method '{target.MethodName}' has no body to evaluate");
                return null;
            }
            var result = interpreter.CallSourceMethod(factory, null, Pad(factory, arguments), FakeSite(interpreter, factory));
            // A module of unknown content (jit.load: a TorchScript file, warned at the call) is no model to draw either.
            if (result is ModuleValue { Origin: not ModuleOrigin.Unresolved } module) return module;
            notes.Add(ExtractionNoteIds.UnresolvedConstruction, NoteSeverity.Warning,
                $"Factory method '{target.MethodName}' does not return a module that can be evaluated at compile time (a model defined in a referenced assembly, or code the reader cannot follow); the page has no diagram", target.Source);
            incomplete.Add($"factory method '{target.MethodName}' does not return a module the reader can follow at compile time");
            return null;
        }

        var ctor = type.InstanceConstructors
            .Where(c => c.Parameters.Length >= arguments.Count && c.Parameters.Skip(arguments.Count).All(p => p.HasExplicitDefaultValue || p.IsParams))
            .OrderBy(c => c.DeclaredAccessibility == Accessibility.Public ? 0 : 1)
            .ThenBy(c => c.Parameters.Length)
            .FirstOrDefault();
        if (ctor is null)
        {
            incomplete.Add($"no constructor of '{type.Name}' can be called with {arguments.Count} argument(s)");
            notes.Add(ExtractionNoteIds.NoConstructor, NoteSeverity.Warning,
                $"No constructor of '{type.Name}' can be called with {arguments.Count} argument(s); give the constructor's arguments in the attribute (Arguments = new object[] {{ ... }}) or put [Diagram] on a static factory method",
                target.Source);
            return null;
        }
        var siteRef = ctor.DeclaringSyntaxReferences.FirstOrDefault() ?? type.DeclaringSyntaxReferences.First();
        var site = interpreter.SyntaxOf(siteRef);
        return interpreter.ConstructModule(type, ctor, Pad(ctor, arguments), site);
    }

    private static List<Value> Pad(IMethodSymbol method, List<Value> given)
    {
        var args = new List<Value>(given);
        for (int i = given.Count; i < method.Parameters.Length; i++)
        {
            var p = method.Parameters[i];
            args.Add(Interpreter.DefaultParameter(p));
        }
        return args;
    }

    private static IOperation FakeSite(Interpreter interpreter, IMethodSymbol method) => interpreter.BodyOf(method)!;

    private static Value ToValue(ArgValue a) => a.Kind switch
    {
        ArgKind.Null => Value.Null,
        ArgKind.Bool => new PrimValue(a.AsBool),
        ArgKind.Int => new PrimValue(a.Int),
        ArgKind.Float => new PrimValue(a.Float),
        ArgKind.String => new PrimValue(a.Text),
        ArgKind.Symbol => new PrimValue(new EnumName(a.Text ?? "", a.Int)),
        ArgKind.Tuple => new ListValue(a.Items.Select(ToValue).ToList()),
        _ => Value.Unknown,
    };
}
