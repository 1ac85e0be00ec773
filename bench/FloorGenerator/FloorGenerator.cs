using System.Linq;
using Microsoft.CodeAnalysis;

namespace NetVizGen.Bench.FloorGenerator;

/// <summary>
/// One constant per <c>[Diagram]</c> model, found the way NetVizGen finds them: the least a generator
/// that documents each model can cost the compiler (see FloorGenerator.csproj).
/// </summary>
[Generator]
public sealed class FloorGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var models = context.SyntaxProvider.ForAttributeWithMetadataName(
            "NetVizGen.DiagramAttribute",
            static (_, _) => true,
            static (target, _) => Identifier(target.TargetSymbol.ToDisplayString()));
        context.RegisterSourceOutput(models, static (output, name) =>
            output.AddSource(name + ".g.cs", "namespace NetVizGen.Bench.Floor { internal static class " + name + " { public const int Model = 1; } }"));
    }

    // "Ns.Factory.Make(long)" -> "Ns_Factory_Make_long_": a valid, unique type and file name.
    private static string Identifier(string display) =>
        "M_" + new string(display.Select(c => char.IsLetterOrDigit(c) ? c : '_').ToArray());
}
