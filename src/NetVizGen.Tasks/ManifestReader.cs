using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using NetVizGen.Model.Json;
using NetVizGen.Model.Specs;

namespace NetVizGen.Tasks;

/// <summary>
/// Reads the model manifests the generator embedded as <c>[assembly: AssemblyMetadata]</c>
/// attributes, straight from the file's metadata tables: nothing is loaded or executed, so it works
/// for any target framework and never locks the assembly in MSBuild's process.
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
        foreach (var handle in reader.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = reader.GetCustomAttribute(handle);
            if (!IsAssemblyMetadata(reader, attribute)) continue;
            var blob = reader.GetBlobReader(attribute.Value);
            if (blob.ReadUInt16() != 1) continue; // custom attribute prolog
            var key = blob.ReadSerializedString();
            var value = blob.ReadSerializedString();
            if (key is null || value is null || !key.StartsWith(ManifestJson.MetadataKeyPrefix, StringComparison.Ordinal)) continue;
            models.Add(ManifestJson.Read(value));
        }
        // Metadata order follows source order; sort so output never depends on file order.
        models.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        return models;
    }

    private static bool IsAssemblyMetadata(MetadataReader reader, CustomAttribute attribute)
    {
        StringHandle name, ns;
        switch (attribute.Constructor.Kind)
        {
            case HandleKind.MemberReference:
                var member = reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor);
                if (member.Parent.Kind != HandleKind.TypeReference) return false;
                var typeRef = reader.GetTypeReference((TypeReferenceHandle)member.Parent);
                name = typeRef.Name;
                ns = typeRef.Namespace;
                break;
            case HandleKind.MethodDefinition:
                var method = reader.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor);
                var typeDef = reader.GetTypeDefinition(method.GetDeclaringType());
                name = typeDef.Name;
                ns = typeDef.Namespace;
                break;
            default:
                return false;
        }
        return reader.StringComparer.Equals(name, "AssemblyMetadataAttribute") && reader.StringComparer.Equals(ns, "System.Reflection");
    }
}
