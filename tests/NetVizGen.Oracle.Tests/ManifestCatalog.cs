using System.Reflection;
using NetVizGen.Model.Json;
using NetVizGen.Model.Specs;

namespace NetVizGen.Oracle.Tests;

/// <summary>
/// Reads the manifests the NetVizGen generator embeds in a compiled assembly as private string
/// constants of <c>NetVizGen.Generated.NetVizGenManifests</c>.
/// </summary>
public static class ManifestCatalog
{
    /// <summary>Manifest JSON by model id.</summary>
    public static IReadOnlyDictionary<string, string> ReadAll(Assembly assembly) =>
        (assembly.GetType(ManifestJson.CarrierNamespace + "." + ManifestJson.CarrierTypeName)?.GetFields(BindingFlags.NonPublic | BindingFlags.Static) ?? [])
            .Where(f => f.IsLiteral && f.Name.StartsWith(ManifestJson.CarrierFieldPrefix, StringComparison.Ordinal))
            .Select(f => ManifestCarrier.Decode((string)f.GetRawConstantValue()!))
            .ToDictionary(json => ManifestJson.Read(json).Id, json => json, StringComparer.Ordinal);

    /// <summary>The failure text when an assembly carries no manifest at all.</summary>
    public static string NoManifestMessage(Assembly assembly) =>
        $"no NetVizGen manifest found in assembly {assembly.GetName().Name} (is the generator referenced?)";

    /// <summary>The parsed manifest for <paramref name="id"/>; fails the test with a clear message when absent.</summary>
    public static ModelSpec Require(Assembly assembly, string id)
    {
        var all = ReadAll(assembly);
        if (all.Count == 0) Assert.Fail(NoManifestMessage(assembly));
        if (!all.TryGetValue(id, out var json))
            Assert.Fail($"no NetVizGen manifest with id '{id}' in assembly {assembly.GetName().Name}; it has: {string.Join(", ", all.Keys.Order())}");
        return ManifestJson.Read(json);
    }
}
