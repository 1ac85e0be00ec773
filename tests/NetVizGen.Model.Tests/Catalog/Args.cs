using NetVizGen.Model.Specs;

namespace NetVizGen.Model.Tests.Catalog;

/// <summary>Builds argument lists the way the extractor binds them.</summary>
internal static class Args
{
    public static IReadOnlyList<ArgSpec> Of(params (string Name, object? Value)[] args) => args.Select(a => new ArgSpec(a.Name, Value(a.Value))).ToArray();

    public static ArgValue Value(object? v) => v switch
    {
        null => ArgValue.Null,
        bool b => ArgValue.FromBool(b),
        int i => ArgValue.FromInt(i),
        long l => ArgValue.FromInt(l),
        double d => ArgValue.FromFloat(d),
        string s when s.Contains('.') => ArgValue.FromSymbol(s),
        string s => ArgValue.FromString(s),
        int[] t => ArgValue.FromTuple(t.Select(x => ArgValue.FromInt(x))),
        ArgValue a => a,
        _ => throw new ArgumentException("unsupported"),
    };
}
