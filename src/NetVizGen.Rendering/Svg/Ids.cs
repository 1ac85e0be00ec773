using NetVizGen.Rendering.Diagram;

namespace NetVizGen.Rendering.Svg;

/// <summary>XML ids from diagram ids (which come from module paths): stable across builds and valid NCNames.</summary>
internal static class Ids
{
    public static string Of(string id) => "n-" + FileNames.Safe(id);
}
