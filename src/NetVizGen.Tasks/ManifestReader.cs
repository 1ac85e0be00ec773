using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using NetVizGen.Model.Json;
using NetVizGen.Model.Specs;

namespace NetVizGen.Tasks;

/// <summary>
/// Reads the model manifests the generator embedded as private string constants of
/// <c>NetVizGen.Generated.NetVizGenManifests</c>, straight from the file's metadata tables:
/// nothing is loaded or executed, so it works for any target framework and never locks the
/// assembly in MSBuild's process.
/// </summary>
internal static class ManifestReader
{
    /// <summary>Every model of the assembly, parsed and sorted by ordinal id.</summary>
    public static IReadOnlyList<ModelSpec> Read(string assemblyPath)
    {
        var models = ReadJson(assemblyPath).Select(ManifestJson.Read).ToList();
        // Metadata order follows source order; sort so output never depends on file order.
        models.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        return models;
    }

    /// <summary>
    /// The manifests as embedded, unparsed, in metadata order: what the render cache keys on, so an
    /// unchanged model costs a hash instead of a parse.
    /// </summary>
    public static IReadOnlyList<string> ReadJson(string assemblyPath) => ReadCarried(assemblyPath).Select(ManifestCarrier.Decode).ToList();

    /// <summary>
    /// The manifests exactly as carried by the constants (deflated, see <see cref="ManifestCarrier"/>), in
    /// metadata order: the render cache keys on these, so a reused model is never even inflated.
    /// </summary>
    public static IReadOnlyList<string> ReadCarried(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        if (!pe.HasMetadata) return Array.Empty<string>();
        var reader = pe.GetMetadataReader();
        var manifests = new List<string>();
        foreach (var typeHandle in reader.TypeDefinitions)
        {
            var type = reader.GetTypeDefinition(typeHandle);
            if (!reader.StringComparer.Equals(type.Name, ManifestJson.CarrierTypeName) ||
                !reader.StringComparer.Equals(type.Namespace, ManifestJson.CarrierNamespace)) continue;
            foreach (var fieldHandle in type.GetFields())
            {
                var field = reader.GetFieldDefinition(fieldHandle);
                if (!reader.GetString(field.Name).StartsWith(ManifestJson.CarrierFieldPrefix, StringComparison.Ordinal)) continue;
                var constantHandle = field.GetDefaultValue();
                if (constantHandle.IsNil) continue;
                var constant = reader.GetConstant(constantHandle);
                if (constant.TypeCode != ConstantTypeCode.String) continue;
                var blob = reader.GetBlobReader(constant.Value);
                manifests.Add(blob.ReadUTF16(blob.Length));
            }
        }
        return manifests;
    }
}
