using NetVizGen.Model.Json;
using NetVizGen.Model.Specs;
using NetVizGen.Tasks.Tests.Support;

namespace NetVizGen.Tasks.Tests;

/// <summary>The task reads manifests from metadata alone, and they stay out of reference assemblies.</summary>
public sealed class ManifestReaderTests
{
    private static ModelSpec Model(string id) => ManifestAssembly.Tiny(id);

    private static byte[] Compile(bool referenceAssembly, params ModelSpec[] models) => ManifestAssembly.Compile(referenceAssembly, models);

    private static string Write(byte[] bytes)
    {
        var path = Path.Combine(Path.GetTempPath(), "nvg-manifest-" + Guid.NewGuid().ToString("N") + ".dll");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public void Reads_every_manifest_sorted_by_id()
    {
        var path = Write(Compile(false, Model("Zeta"), Model("Alpha")));
        try
        {
            var models = ManifestReader.Read(path);
            Assert.Equal(new[] { "Alpha", "Zeta" }, models.Select(m => m.Id));
            Assert.Equal(Model("Alpha"), models[0]);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Reads_the_manifests_unparsed_exactly_as_embedded()
    {
        var path = Write(Compile(false, Model("Zeta"), Model("Alpha")));
        try { Assert.Equal(new[] { ManifestJson.Write(Model("Zeta")), ManifestJson.Write(Model("Alpha")) }, ManifestReader.ReadJson(path)); }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Manifests_are_carried_deflated_and_plain_json_from_older_writers_is_read_too()
    {
        var deflated = Write(Compile(false, Model("Alpha")));
        var plain = Write(ManifestAssembly.Compile(false, deflate: false, Model("Alpha")));
        try
        {
            Assert.StartsWith(ManifestCarrier.PackedTag, Assert.Single(ManifestReader.ReadCarried(deflated)), StringComparison.Ordinal);
            Assert.Equal(ManifestReader.ReadJson(plain), ManifestReader.ReadJson(deflated));
            Assert.Equal(Model("Alpha"), Assert.Single(ManifestReader.Read(plain)));
        }
        finally { File.Delete(deflated); File.Delete(plain); }
    }

    [Fact]
    public void The_reference_assembly_carries_no_manifest()
    {
        var path = Write(Compile(true, Model("Alpha")));
        try { Assert.Empty(ManifestReader.Read(path)); }
        finally { File.Delete(path); }
    }

    [Fact]
    public void An_assembly_without_models_gives_none_and_is_not_locked()
    {
        var path = Write(Compile(false));
        Assert.Empty(ManifestReader.Read(path));
        File.Delete(path); // would throw on Windows if the reader kept the file open
        Assert.False(File.Exists(path));
    }
}
