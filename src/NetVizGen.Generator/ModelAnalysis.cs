using NetVizGen.Model.Analysis;
using NetVizGen.Model.Specs;

namespace NetVizGen.Generator;

/// <summary>Runs the model-level analyses after extraction: shapes, parameter counts, mismatch checks.</summary>
internal static class ModelAnalysis
{
    public static ModelSpec Run(ModelSpec model)
    {
        // A model whose construction failed has nothing to analyse; its notes already say why.
        if (model.Root.Origin == ModuleOrigin.Unresolved && model.Root.Children.IsEmpty) return model;
        try
        {
            var result = ShapeAnalysis.Run(model);
            return result.Model with { MultiplyAdds = result.MultiplyAdds };
        }
        catch (OverflowException)
        {
            // Sizes past long (extreme literals) are not a bug of NetVizGen: say so as a model finding, and
            // keep the extracted model without shapes (never wrapped numbers).
            var note = new NoteSpec("NVG0103", NoteSeverity.Warning,
                $"Sizes in '{model.Id}' exceed what a 64-bit count holds; the diagram is drawn without shapes and totals are at least what is shown",
                model.Source);
            return model with { Notes = model.Notes.Concat(new[] { note }).ToEquatableArray(), Incomplete = model.Incomplete.Append("sizes exceed 64-bit counts").ToEquatableArray() };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A throw here would drop every generated file of the project (CS8785): keep the
            // extracted model without shapes and say what happened.
            var note = new NoteSpec("NVG0999", NoteSeverity.Warning,
                $"NetVizGen could not infer shapes for '{model.Id}' ({e.GetType().Name}: {e.Message}); the diagram is drawn without shapes. Please report this with the model's code",
                model.Source);
            return model with { Notes = model.Notes.Concat(new[] { note }).ToEquatableArray() };
        }
    }
}
