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
    public static IReadOnlyList<ModelSpec> Read(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        if (!pe.HasMetadata) return Array.Empty<ModelSpec>();
        var reader = pe.GetMetadataReader();
        var models = new List<ModelSpec>();
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
                models.Add(ManifestJson.Read(blob.ReadUTF16(blob.Length)));
            }
        }
        // Metadata order follows source order; sort so output never depends on file order.
        models.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        return models;
    }
}
