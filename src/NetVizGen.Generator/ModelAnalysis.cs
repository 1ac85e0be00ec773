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
        var result = ShapeAnalysis.Run(model);
        return result.Model with { MultiplyAdds = result.MultiplyAdds };
    }
}
