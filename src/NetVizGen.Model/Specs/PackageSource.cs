namespace NetVizGen.Model.Specs;

/// <summary>
/// Source locations of models defined in referenced packages: their code was decompiled for the
/// generator, so a location names the package and the type (<c>package:TorchVision 0.107.0|TorchSharp.Modules.ResNet</c>)
/// instead of a file of the project, and the docs say where the code comes from instead of linking to it.
/// </summary>
public static class PackageSource
{
    private const string Prefix = "package:";

    /// <summary>The <see cref="SourceSpan.Path"/> naming <paramref name="type"/> of <paramref name="package"/>.</summary>
    public static string PathOf(string package, string type) => Prefix + package + "|" + type;

    /// <summary>True when <paramref name="path"/> names a package type (see <see cref="PathOf"/>).</summary>
    public static bool TryParse(string? path, out string package, out string type)
    {
        package = type = "";
        if (path is null || !path.StartsWith(Prefix, StringComparison.Ordinal)) return false;
        var bar = path.IndexOf('|');
        if (bar < 0) return false;
        package = path.Substring(Prefix.Length, bar - Prefix.Length);
        type = path.Substring(bar + 1);
        return true;
    }
}
