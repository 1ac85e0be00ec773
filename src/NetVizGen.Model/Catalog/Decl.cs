using NetVizGen.Model.Specs;

namespace NetVizGen.Model.Catalog;

/// <summary>Short constructors for parameter declarations.</summary>
internal static class Decl
{
    public static LayerParam Req(string name) => new(name, null);

    public static LayerParam Int(string name, long value) => new(name, ArgValue.FromInt(value));

    public static LayerParam Float(string name, double value) => new(name, ArgValue.FromFloat(value));

    public static LayerParam Bool(string name, bool value) => new(name, ArgValue.FromBool(value));

    public static LayerParam Null(string name) => new(name, ArgValue.Null);

    public static LayerParam Sym(string name, string symbol) => new(name, ArgValue.FromSymbol(symbol));

    public static LayerParam[] List(params LayerParam[] parameters) => parameters;
}
