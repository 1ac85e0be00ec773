using System.IO.Compression;
using System.Text;

namespace NetVizGen.Model.Json;

/// <summary>
/// How a manifest travels inside the user's assembly: the JSON, UTF-8, deflated and Base64-encoded behind a
/// short tag, as the value of a private string constant (see <see cref="ManifestJson.CarrierTypeName"/>).
/// </summary>
/// <remarks>
/// Why not the JSON itself: manifests are large (a torchvision model's is over 100 KB) and constants are
/// stored as UTF-16, so a project of 70 models carried about 6 MB of strings in every assembly it built and
/// shipped, and the compiler paid to lex and emit them on every build. Deflated they are about a tenth of
/// that. Readers accept both forms (a constant without the tag is plain JSON), so any reader copes with any
/// writer. The compressed bytes may differ between compression libraries (another runtime), the JSON inside
/// never does, and everything downstream (the docs, the render cache) works on the JSON.
/// </remarks>
public static class ManifestCarrier
{
    /// <summary>The tag before the Base64 of the deflated UTF-8 JSON.</summary>
    public const string DeflateTag = "nvz-deflate:";

    /// <summary>The constant's value for the manifest <paramref name="json"/>.</summary>
    public static string Encode(string json)
    {
        var bytes = new UTF8Encoding(false).GetBytes(json);
        using var packed = new MemoryStream();
        using (var deflate = new DeflateStream(packed, CompressionLevel.Optimal, leaveOpen: true))
            deflate.Write(bytes, 0, bytes.Length);
        return DeflateTag + Convert.ToBase64String(packed.ToArray());
    }

    /// <summary>The manifest JSON carried by a constant's value (tagged and deflated, or plain JSON).</summary>
    /// <exception cref="FormatException">The value is tagged but not valid Base64 or deflate data.</exception>
    public static string Decode(string value)
    {
        if (value is null) throw new ArgumentNullException(nameof(value));
        if (!value.StartsWith(DeflateTag, StringComparison.Ordinal)) return value;
        try
        {
            var packed = Convert.FromBase64String(value.Substring(DeflateTag.Length));
            using var deflate = new DeflateStream(new MemoryStream(packed), CompressionMode.Decompress);
            using var text = new StreamReader(deflate, new UTF8Encoding(false, throwOnInvalidBytes: true));
            return text.ReadToEnd();
        }
        catch (Exception e) when (e is InvalidDataException or DecoderFallbackException)
        {
            throw new FormatException("A NetVizGen manifest is damaged: " + e.Message, e);
        }
    }
}
