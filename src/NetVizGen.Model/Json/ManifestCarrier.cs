using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace NetVizGen.Model.Json;

/// <summary>
/// How a manifest travels inside the user's assembly: the JSON, UTF-8, deflated, and packed 15 bits to a
/// character behind a short tag, as the value of a private string constant (see <see cref="ManifestJson.CarrierTypeName"/>).
/// </summary>
/// <remarks>
/// Why not the JSON itself: manifests are large (a torchvision model's is over 100 KB) and constants are
/// stored as UTF-16, so a project of 70 models carried about 6 MB of strings in every assembly it built and
/// shipped, and the compiler paid to lex and emit them on every build. Deflated they are about a tenth of
/// that. Why 15 bits per character rather than Base64's 6: the compiler lexes the generated literal and
/// stores the constant as UTF-16 on every build, so characters are the cost; each character is one of the
/// 32,768 code points U+4E00–U+CDFF, none of which is a surrogate, a control character, a line break, a
/// quote or a backslash, so the literal needs no escapes. Packed, the 70-model project's manifests went
/// from 422 K characters (Base64) to about 170 K, and its assembly from 914 KB to about 430 KB.
/// Readers accept every form ever written (this one, <see cref="DeflateTag"/> with Base64, and a constant
/// without a tag, which is plain JSON), so any reader copes with any writer. The compressed bytes may
/// differ between compression libraries (another runtime), the JSON inside never does, and everything
/// downstream (the docs, the render cache) works on the JSON.
/// </remarks>
public static class ManifestCarrier
{
    /// <summary>The tag before the byte count, a colon and the packed deflated UTF-8 JSON (what <see cref="Encode"/> writes).</summary>
    public const string PackedTag = "nvz-deflate15:";

    /// <summary>The tag before the Base64 of the deflated UTF-8 JSON (written by earlier versions; still read).</summary>
    public const string DeflateTag = "nvz-deflate:";

    /// <summary>The first of the 32,768 characters a packed manifest is written with.</summary>
    internal const char PackBase = '\u4E00';

    /// <summary>The constant's value for the manifest <paramref name="json"/>.</summary>
    public static string Encode(string json)
    {
        var bytes = new UTF8Encoding(false).GetBytes(json);
        using var packed = new MemoryStream();
        using (var deflate = new DeflateStream(packed, CompressionLevel.Optimal, leaveOpen: true))
            deflate.Write(bytes, 0, bytes.Length);
        var data = packed.ToArray();
        var text = new StringBuilder(PackedTag.Length + 12 + (data.Length * 8 + 14) / 15);
        text.Append(PackedTag).Append(data.Length.ToString(CultureInfo.InvariantCulture)).Append(':');
        int acc = 0, bits = 0;
        foreach (var b in data)
        {
            acc = (acc << 8) | b;
            bits += 8;
            if (bits < 15) continue;
            bits -= 15;
            text.Append((char)(PackBase + ((acc >> bits) & 0x7FFF)));
            acc &= (1 << bits) - 1;
        }
        if (bits > 0) text.Append((char)(PackBase + ((acc << (15 - bits)) & 0x7FFF)));
        return text.ToString();
    }

    /// <summary>The manifest JSON carried by a constant's value (packed, Base64, or plain JSON).</summary>
    /// <exception cref="FormatException">The value is tagged but its data is damaged.</exception>
    public static string Decode(string value)
    {
        if (value is null) throw new ArgumentNullException(nameof(value));
        try
        {
            if (value.StartsWith(PackedTag, StringComparison.Ordinal)) return Inflate(Unpack(value, PackedTag.Length));
            if (value.StartsWith(DeflateTag, StringComparison.Ordinal)) return Inflate(Convert.FromBase64String(value.Substring(DeflateTag.Length)));
            return value;
        }
        catch (Exception e) when (e is InvalidDataException or DecoderFallbackException)
        {
            throw new FormatException("A NetVizGen manifest is damaged: " + e.Message, e);
        }
    }

    private static byte[] Unpack(string value, int start)
    {
        int colon = value.IndexOf(':', start);
        if (colon < 0 || !int.TryParse(value.Substring(start, colon - start), NumberStyles.None, CultureInfo.InvariantCulture, out var length))
            throw new FormatException("A NetVizGen manifest is damaged: no byte count.");
        long chars = value.Length - colon - 1;
        if (chars != ((long)length * 8 + 14) / 15) throw new FormatException("A NetVizGen manifest is damaged: its length does not match its byte count.");
        var bytes = new byte[length];
        int acc = 0, bits = 0, n = 0;
        for (int i = colon + 1; i < value.Length; i++)
        {
            int v = value[i] - PackBase;
            if (v < 0 || v > 0x7FFF) throw new FormatException("A NetVizGen manifest is damaged: a character outside its alphabet.");
            acc = (acc << 15) | v;
            bits += 15;
            while (bits >= 8 && n < length)
            {
                bits -= 8;
                bytes[n++] = (byte)(acc >> bits);
                acc &= (1 << bits) - 1;
            }
        }
        return bytes;
    }

    private static string Inflate(byte[] packed)
    {
        using var deflate = new DeflateStream(new MemoryStream(packed), CompressionMode.Decompress);
        using var text = new StreamReader(deflate, new UTF8Encoding(false, throwOnInvalidBytes: true));
        return text.ReadToEnd();
    }
}
