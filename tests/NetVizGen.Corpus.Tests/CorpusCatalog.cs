using System.Reflection;
using NetVizGen.Corpus.TorchSharpExamples;

namespace NetVizGen.Corpus.Tests;

/// <summary>One <c>[Diagram]</c> factory of the corpus, as declared in its attribute.</summary>
/// <param name="Id">The manifest id (the attribute's <c>Name</c>).</param>
/// <param name="Input">The attribute's <c>Input</c> text (several inputs separated by ';').</param>
/// <param name="Factory">The static factory method the attribute is on.</param>
public sealed record CorpusModel(string Id, string Input, MethodInfo Factory)
{
    /// <summary>The declared input shapes, symbolic dimensions (<c>N</c>) bound to 1.</summary>
    public long[][] InputShapes =>
        Input.Split(';', StringSplitOptions.TrimEntries)
            .Where(part => !(part.Contains('=') && NetVizGen.Model.Shapes.Shape.IsScalarLiteral(part[(part.IndexOf('=') + 1)..].Trim()))) // multimaskOutput=true: a value, not a shape
            .Select(part => part.Contains('=') ? part[(part.IndexOf('=') + 1)..] : part)
            .Select(part => part.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(d => long.TryParse(d, out var v) ? v : 1L).ToArray())
            .ToArray();

    /// <summary>Where the factory is: the corpus folder (upstream repository) it belongs to.</summary>
    public string Repository => Factory.DeclaringType!.Namespace!.Replace("NetVizGen.Corpus.", "");

    public override string ToString() => Id;
}

/// <summary>
/// Finds every <c>[Diagram]</c> of the corpus assembly by reflection. The corpus defines
/// <c>NETVIZGEN_KEEP_ATTRIBUTES</c>, so the (otherwise <c>[Conditional]</c>) attribute stays in metadata:
/// the list of models is what the corpus declares, not a second table to keep in step.
/// </summary>
public static class CorpusCatalog
{
    /// <summary>The corpus assembly (the generator embedded its manifests there).</summary>
    public static readonly Assembly Assembly = typeof(Diagrams).Assembly;

    /// <summary>Every documented model, by id.</summary>
    public static readonly IReadOnlyList<CorpusModel> Models = Find();

    public static CorpusModel Get(string id) =>
        Models.FirstOrDefault(m => m.Id == id) ?? throw new KeyNotFoundException($"no [Diagram] named '{id}' in the corpus");

    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var m in Models) data.Add(m.Id);
        return data;
    }

    private static List<CorpusModel> Find()
    {
        var found = new List<CorpusModel>();
        foreach (var type in Assembly.GetTypes())
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                foreach (var attr in method.GetCustomAttributes(inherit: false).Where(a => a.GetType().FullName == "NetVizGen.DiagramAttribute"))
                {
                    var t = attr.GetType();
                    var name = (string?)t.GetProperty("Name")!.GetValue(attr) ?? method.Name;
                    var input = (string?)t.GetProperty("Input")!.GetValue(attr) ?? "";
                    found.Add(new CorpusModel(name, input, method));
                }
            }
        }
        return found.OrderBy(m => m.Id, StringComparer.Ordinal).ToList();
    }
}
