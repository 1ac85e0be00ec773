using System.Reflection;
using Microsoft.CodeAnalysis;
using NetVizGen.Extraction;
using NetVizGen.Model.Specs;

namespace NetVizGen.Generator.Tests.Generator;

/// <summary>
/// Roslyn caches pipeline values by equality; a symbol, syntax node or compilation inside them
/// would both break that cache and keep whole compilations alive in the IDE.
/// </summary>
public class PipelineModelTests
{
    private static readonly Type[] Forbidden = { typeof(ISymbol), typeof(SyntaxNode), typeof(Compilation), typeof(SemanticModel), typeof(Location), typeof(SyntaxTree), typeof(IOperation) };

    [Theory]
    [InlineData(typeof(DiagramTarget))]
    [InlineData(typeof(ModelSpec))]
    public void Pipeline_values_hold_no_Roslyn_objects(Type root)
    {
        var seen = new HashSet<Type>();
        var offenders = new List<string>();
        Walk(root, root.Name, seen, offenders);
        Assert.Empty(offenders);
        Assert.Contains(typeof(ArgValue), seen); // the walk really reached the nested records
        if (root == typeof(ModelSpec))
        {
            Assert.Contains(typeof(ModuleSpec), seen);
            Assert.Contains(typeof(FlowNodeSpec), seen);
        }
    }

    [Theory]
    [InlineData(typeof(DiagramTarget))]
    [InlineData(typeof(ModelSpec))]
    [InlineData(typeof(ModuleSpec))]
    [InlineData(typeof(FlowNodeSpec))]
    public void Pipeline_values_have_value_equality(Type type)
    {
        Assert.True(typeof(IEquatable<>).MakeGenericType(type).IsAssignableFrom(type), type.Name + " must be IEquatable");
    }

    private static void Walk(Type type, string path, HashSet<Type> seen, List<string> offenders)
    {
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Nullable<>)) type = type.GetGenericArguments()[0];
        if (!seen.Add(type) || type.IsPrimitive || type.IsEnum || type == typeof(string)) return;
        if (Forbidden.Any(f => f.IsAssignableFrom(type))) { offenders.Add(path + ": " + type.Name); return; }
        if (type.IsGenericType)
            foreach (var arg in type.GetGenericArguments()) Walk(arg, path + "<" + arg.Name + ">", seen, offenders);
        foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            Walk(field.FieldType, path + "." + field.Name, seen, offenders);
        if (type.IsArray) Walk(type.GetElementType()!, path + "[]", seen, offenders);
    }
}
