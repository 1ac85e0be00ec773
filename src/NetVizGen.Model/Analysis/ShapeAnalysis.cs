using NetVizGen.Model.Catalog;
using NetVizGen.Model.Shapes;
using NetVizGen.Model.Specs;

namespace NetVizGen.Model.Analysis;

/// <summary>
/// Propagates tensor shapes through a model's forward flow with the layer and op catalogs, counts
/// parameters and multiply-adds, and reports shape bugs as NVG02xx notes (see <see cref="ShapeNoteIds"/>).
/// </summary>
/// <remarks>
/// Pre-conditions: <see cref="ModelSpec.Flow"/> is in topological order; Module nodes name leaf modules of
/// <see cref="ModelSpec.Root"/>. Post-conditions: every flow node has a Shape (empty when the model declares
/// no input shape, <c>?</c> when unknown: unknown never becomes a guess), every module has counts (-1 when
/// unknown). A layer with a mismatch still passes on the output it would produce as configured, so one bug
/// gives one note rather than a cascade. Pure function: no state, culture-invariant.
/// </remarks>
public static class ShapeAnalysis
{
    /// <summary>Analyses <paramref name="model"/> and returns the updated model, the new notes and the totals.</summary>
    public static ShapeAnalysisResult Run(ModelSpec model)
    {
        var root = ParameterCounter.Fill(model.Root);
        var modules = root.DescendantsAndSelf().GroupBy(m => m.Path).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var notes = new List<NoteSpec>();
        var nodes = model.Flow.Nodes;
        var byId = new Dictionary<int, FlowNodeSpec>();
        foreach (var n in nodes) byId[n.Id] = n;

        // Declared input shapes.
        bool declared = !string.IsNullOrWhiteSpace(model.Input);
        IReadOnlyList<Shape> inputShapes = Array.Empty<Shape>();
        int inputCount = nodes.Count(n => n.Kind == FlowNodeKind.Input);
        // The extractor binds declared shapes to forward's inputs by name or position and says which it
        // could not bind; its input nodes then carry their own shape text ("declared").
        bool bound = nodes.Any(n => n.Kind == FlowNodeKind.Input && n.Args.Any(a => a.Name == DeclaredArg));
        if (declared && bound)
        {
            if (!Shape.TryParseList(model.Input, out _, out var error))
                notes.Add(ShapeNotes.InvalidInput(model, "'" + model.Input + "' is not a valid input shape: " + error));
        }
        else if (declared)
        {
            if (!Shape.TryParseList(model.Input, out inputShapes, out var error))
            {
                notes.Add(ShapeNotes.InvalidInput(model, "'" + model.Input + "' is not a valid input shape: " + error));
                inputShapes = Array.Empty<Shape>();
            }
            else if (inputCount > 0 && inputShapes.Count != inputCount)
            {
                notes.Add(ShapeNotes.InvalidInput(model, "the input shape declares " + ShapeNotes.Count(inputShapes.Count, "tensor")
                    + " but forward takes " + ShapeNotes.Count(inputCount, "input")));
                inputShapes = Array.Empty<Shape>(); // pairing them up would be a guess
            }
        }

        var context = new FlowContext(byId, modules);
        var results = new List<NodeAnalysis>();
        var updated = new List<FlowNodeSpec>();
        int inputIndex = 0;
        foreach (var node in nodes)
        {
            Outcome outcome;
            try
            {
                outcome = Evaluate(node, context, inputShapes, ref inputIndex);
            }
            catch (OverflowException)
            {
                // Sizes past long (extreme literals): that node's shape and cost are unknown, never wrapped.
                outcome = new Outcome(Array.Empty<Shape>(), -1, node.Name);
            }
            if (outcome.Note is { } note) notes.Add(note with { Source = note.Source ?? node.Source });
            var outputs = Select(node, outcome.Outputs);
            context.Outputs[node.Id] = outputs;
            context.Summaries[node.Id] = outcome.Summary;
            string text = !declared ? "" : outputs.Count == 0 ? "?" : outputs.Count == 1 ? outputs[0].ToString() : "(" + string.Join(", ", outputs) + ")";
            results.Add(new NodeAnalysis(node.Id, text, new EquatableArray<Shape>(outputs.ToArray()), outcome.Macs, outcome.Summary));
            updated.Add(node with { Shape = text });
        }

        long macs = results.Any(r => r.MultiplyAdds < 0) ? -1 : Saturating.Sum(results.Select(r => r.MultiplyAdds));
        // Conditions the extractor had to assume (shape checks in forward) are decided now that shapes are known.
        Shape? OutputOf(int id) => context.Outputs.TryGetValue(id, out var o) && o.Count == 1 ? o[0] : null;
        var allNotes = ShapeGuards.Verify(model.Notes, OutputOf, r => r.Resolve(OutputOf)).Concat(notes).ToEquatableArray();
        var newModel = model with { Root = root, Flow = new FlowSpec(updated.ToEquatableArray()), Notes = allNotes };
        if (root.Parameters < 0 || model.Incomplete.Any(r => r.StartsWith(IncompleteReasons.ConstructionStopped, StringComparison.Ordinal)))
        {
            // The page writes "≥ N (incomplete)" and says why, never a number that looks exact.
            var (known, reasons) = ParameterCounter.KnownAtLeast(root);
            var incomplete = model.Incomplete.Concat(reasons.Take(MaxReasons));
            if (reasons.Count > MaxReasons) incomplete = incomplete.Append("and " + (reasons.Count - MaxReasons).ToString(System.Globalization.CultureInfo.InvariantCulture) + " more unknown part(s) (see the warnings)");
            newModel = newModel with { Incomplete = incomplete.Distinct(StringComparer.Ordinal).ToEquatableArray(), KnownParameters = known };
        }
        return new ShapeAnalysisResult(newModel, notes.ToEquatableArray(), results.ToEquatableArray(), root.Parameters, root.Trainable, root.Buffers, macs);
    }

    /// <summary>
    /// The shapes of a flow that grows at its end (the extractor's trace so far), analysed node by node as
    /// <see cref="Run"/> analyses them: each node once, however often it is asked. A node's shape depends only on
    /// earlier nodes, so what this gives for a node is what the final analysis gives it.
    /// </summary>
    public sealed class Incremental
    {
        private readonly FlowContext _context;
        private readonly string _input;
        private IReadOnlyList<Shape> _inputShapes = Array.Empty<Shape>();
        private int _inputIndex;
        private int _next;

        /// <summary>A pass over flows of the model whose module tree is <paramref name="root"/> and whose declared input is <paramref name="input"/>.</summary>
        public Incremental(ModuleSpec root, string input)
        {
            var modules = root.DescendantsAndSelf().GroupBy(m => m.Path).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            _context = new FlowContext(new Dictionary<int, FlowNodeSpec>(), modules);
            _input = input ?? "";
        }

        /// <summary>Analyses the nodes of <paramref name="flow"/> not analysed yet (the flow only ever grows at its end).</summary>
        public void Advance(IReadOnlyList<FlowNodeSpec> flow)
        {
            if (_next == 0 && flow.Count > 0)
            {
                // As Run: shapes bound to inputs by the extractor, else the declared list by position when it fits.
                // The inputs are the trace's first nodes, so they are all here on the first call.
                bool bound = flow.Any(n => n.Kind == FlowNodeKind.Input && n.Args.Any(a => a.Name == DeclaredArg));
                int inputs = flow.Count(n => n.Kind == FlowNodeKind.Input);
                if (!bound && Shape.TryParseList(_input, out var shapes, out _) && (inputs == 0 || shapes.Count == inputs)) _inputShapes = shapes;
            }
            for (; _next < flow.Count; _next++)
            {
                var node = flow[_next];
                _context.Nodes[node.Id] = node;
                Outcome outcome;
                try { outcome = Evaluate(node, _context, _inputShapes, ref _inputIndex); }
                catch (OverflowException) { outcome = new Outcome(Array.Empty<Shape>(), -1, node.Name); }
                _context.Outputs[node.Id] = Select(node, outcome.Outputs);
            }
        }

        /// <summary>The single output shape of node <paramref name="id"/>; null when unknown, several or not analysed.</summary>
        public Shape? OutputOf(int id) => _context.Outputs.TryGetValue(id, out var o) && o.Count == 1 ? o[0] : null;
    }

    /// <summary>Most parameter-total reasons a page lists (the warnings have them all).</summary>
    private const int MaxReasons = 5;

    /// <summary>The argument of an input node holding the shape declared for it (set by the extractor).</summary>
    public const string DeclaredArg = "declared";

    private static Outcome Evaluate(FlowNodeSpec node, FlowContext ctx, IReadOnlyList<Shape> inputShapes, ref int inputIndex)
    {
        switch (node.Kind)
        {
            case FlowNodeKind.Input when node.Args.Any(a => a.Name == DeclaredArg):
                {
                    var text = node.Args.First(a => a.Name == DeclaredArg).Value.Text ?? "";
                    return new Outcome(Shape.TryParse(text, out var own, out _) ? new[] { own } : Array.Empty<Shape>(), 0, node.Name);
                }
            case FlowNodeKind.Input:
                int i = inputIndex++;
                return new Outcome(i < inputShapes.Count ? new[] { inputShapes[i] } : Array.Empty<Shape>(), 0, node.Name);
            case FlowNodeKind.Output:
                return new Outcome(ctx.InputsOf(node, expandLists: false) ?? (IReadOnlyList<Shape>)Array.Empty<Shape>(), 0, node.Name);
            case FlowNodeKind.Module:
                return EvaluateModule(node, ctx);
            case FlowNodeKind.Op when node.Name == "parameter" && node.Inputs.Count == 0 && OpCatalog.TryGet("parameter", out var parameter):
                // A module's own Parameter or buffer used in forward: a source whose shape was declared.
                return new Outcome(parameter.InferShape(node.Args, Array.Empty<Shape>()).Outputs.ToArray(), 0, parameter.Summary(node.Args));
            case FlowNodeKind.Op when node.Name == "getitem" && node.Inputs.Count == 1:
                // The extractor's selector of one output of a multi-output producer (LSTM, chunk):
                // it passes every output on, and Select keeps the one at OutputIndex.
                return new Outcome(ctx.Outputs.TryGetValue(node.Inputs[0], out var all) ? all : Array.Empty<Shape>(), 0, "getitem");
            case FlowNodeKind.Op:
            case FlowNodeKind.Merge:
                return EvaluateOp(node, ctx);
            default:
                return new Outcome(Array.Empty<Shape>(), -1, node.Name);
        }
    }

    private static Outcome EvaluateModule(FlowNodeSpec node, FlowContext ctx)
    {
        if (!ctx.Modules.TryGetValue(node.ModulePath, out var module) || module.Origin != ModuleOrigin.Builtin)
            return new Outcome(Array.Empty<Shape>(), -1, module?.TypeName ?? node.ModulePath);
        if (!LayerCatalog.TryGet(module.TypeName, out var def))
            return new Outcome(Array.Empty<Shape>(), -1, module.TypeName, ShapeNotes.UnknownModule(node, module));
        return EvaluateLayer(def, module.Args, module.Path, node, ctx);
    }

    // A built-in layer with the given arguments, called at flow node `node`: a registered module (named by its path)
    // or a layer without parameters made in forward (named by its type).
    private static Outcome EvaluateLayer(LayerDef def, IReadOnlyList<ArgSpec> args, string name, FlowNodeSpec node, FlowContext ctx)
    {
        var summary = def.Summary(args);
        var inputs = ctx.InputsOf(node, expandLists: false);
        if (inputs is null || inputs.Count == 0) return new Outcome(Array.Empty<Shape>(), def.CountsMultiplyAdds ? -1 : 0, summary);
        var result = def.InferShape(args, inputs);
        long macs = Macs(def.CountsMultiplyAdds, result, o => def.MultiplyAdds(args, inputs, o));
        var note = result.Error is { } error ? ShapeNotes.FromError(error, node, ctx, inputs, "'" + name + "' (" + summary + ")")
            : ShapeNotes.UnknownHere(result, "'" + name + "'", node);
        return new Outcome(result.Outputs.ToArray(), macs, summary, note);
    }

    /// <summary>
    /// The argument of an op node that is a layer without parameters made in forward (<c>ReLU().call(x)</c>):
    /// the layer's type, whose rule gives the shape; the node's other arguments are the layer's.
    /// </summary>
    public const string UnregisteredLayerArg = "unregistered_layer";

    private static Outcome EvaluateOp(FlowNodeSpec node, FlowContext ctx)
    {
        if (node.Args.FirstOrDefault(a => a.Name == UnregisteredLayerArg) is { Value.Text: { } type } && LayerCatalog.TryGet(type, out var layer))
            return EvaluateLayer(layer, node.Args.Where(a => a.Name != UnregisteredLayerArg).ToList(), type, node, ctx);
        if (!OpCatalog.TryGet(node.Name, out var def))
            return new Outcome(Array.Empty<Shape>(), -1, node.Name, ShapeNotes.UnknownOp(node));
        var summary = def.Summary(node.Args);
        var inputs = ctx.InputsOf(node, expandLists: def.Category == LayerCategory.Merge);
        // Sizes read from traced tensors (x.size(0)) resolve against those tensors' inferred shapes.
        Dim? Sizes(DimRef r) => r.Resolve(id => ctx.Outputs.TryGetValue(id, out var o) && o.Count == 1 ? o[0] : null);
        // An input whose shape is not known: only an op whose arguments decide its output has one (a view to
        // sizes that are all given, x.new_zeros(4, 16)); no warning otherwise, the unknown input had its own.
        if (inputs is null || inputs.Count == 0 && node.Inputs.Count > 0)
        {
            var given = def.InferShapeGivenUnknownInputs(node.Args, ctx.PartialInputsOf(node), Sizes);
            return new Outcome(given.Outputs.ToArray(), def.CountsMultiplyAdds ? -1 : 0, summary);
        }
        // A source op (torch.zeros, arange) has no inputs; its shape comes from its arguments. An op that reads a
        // tensor but was traced without one (its operand was not known): no shape, never a rule applied to nothing.
        if (inputs.Count == 0 && !Catalog.Ops.CreationOps.Creates(def)) return new Outcome(Array.Empty<Shape>(), def.CountsMultiplyAdds ? -1 : 0, summary);
        var result = def.InferShape(node.Args, inputs, Sizes);
        long macs = Macs(def.CountsMultiplyAdds, result, o => def.MultiplyAdds(node.Args, inputs, o));
        var note = result.Error is { } error ? ShapeNotes.FromError(error, node, ctx, inputs, ctx.Describe(node))
            : ShapeNotes.UnknownHere(result, "'" + node.Name + "'" + (node.Scope.Length > 0 ? " in '" + node.Scope + "'" : ""), node);
        return new Outcome(result.Outputs.ToArray(), macs, summary, note);
    }

    private static long Macs(bool counts, ShapeResult result, Func<Shape, long?> rule)
    {
        if (!counts) return 0;
        return result.Output is { } output && rule(output) is long m ? m : -1;
    }

    /// <summary>A node with <see cref="FlowNodeSpec.OutputIndex"/> keeps only that output.</summary>
    private static IReadOnlyList<Shape> Select(FlowNodeSpec node, IReadOnlyList<Shape> outputs)
    {
        if (node.OutputIndex < 0 || outputs.Count == 0) return outputs;
        return node.OutputIndex < outputs.Count ? new[] { outputs[node.OutputIndex] } : Array.Empty<Shape>();
    }

    private sealed record Outcome(IReadOnlyList<Shape> Outputs, long Macs, string Summary, NoteSpec? Note = null);
}
