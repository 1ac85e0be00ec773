using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using NetVizGen.Layout;
using NetVizGen.Model.Json;
using NetVizGen.Rendering;

namespace NetVizGen.Tasks.Incremental;

/// <summary>
/// What a rendering depends on besides the manifest: the options and the code that renders. Two runs
/// with the same key render the same manifest to the same bytes, so the render cache is keyed on it.
/// </summary>
internal static class RenderKey
{
    /// <summary>
    /// The options' fingerprint, the cache format, and the module version ids of the assemblies that
    /// turn a manifest into files (this task, the renderers, the layout engine, the model reader). A
    /// rebuilt NetVizGen has new ids (the compiler derives them from the content), so it renders afresh.
    /// </summary>
    public static string For(RenderOptions options)
    {
        var text = new StringBuilder()
            .Append("format=").Append(RenderCache.FormatVersion).Append(';')
            .Append(options.Fingerprint());
        foreach (var type in new[] { typeof(RenderKey), typeof(DocumentationRenderer), typeof(LayeredLayout), typeof(ManifestJson) })
            text.Append(type.Assembly.GetName().Name).Append('=').Append(type.Assembly.ManifestModule.ModuleVersionId.ToString("N")).Append(';');
        return Hex(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>SHA-256 of the manifest's UTF-16 code units as carried (deflated): exact for any string, even a malformed one.</summary>
    public static string OfManifest(string carried) => Hex(SHA256.HashData(MemoryMarshal.AsBytes(carried.AsSpan())));

    /// <summary>SHA-256 of the UTF-8 bytes a file with this content has on disk.</summary>
    public static string OfContent(string content) => Hex(SHA256.HashData(OwnedFileWriter.Encoding.GetBytes(content)));

    /// <summary>SHA-256 of a file's bytes, or null when it cannot be read.</summary>
    public static string? OfFile(string path)
    {
        try
        {
            if (!File.Exists(path)) return null;
            using var stream = File.OpenRead(path);
            return Hex(SHA256.HashData(stream));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string Hex(byte[] hash) => Convert.ToHexString(hash).ToLowerInvariant();
}
