using NetVizGen.Model.Json;

namespace NetVizGen.Model.Tests.Json;

/// <summary>The form a manifest takes inside the user's assembly: deflated behind a tag, read back exactly.</summary>
public class ManifestCarrierTests
{
    private static string LargeManifest()
    {
        // A realistic shape: many modules repeating the same keys, user text with every kind of character.
        var modules = Enumerable.Range(0, 400).Select(i =>
            $"{{\"path\":\"features.{i}\",\"type\":\"Conv2d\",\"args\":[{{\"name\":\"in_channels\",\"value\":{{\"kind\":\"Int\",\"value\":{i}}}}}]}}");
        return "{\"id\":\"Ünïcødé \\\"quoted\\\" \\n 模型 \U0001F600\",\"children\":[" + string.Join(",", modules) + "]}";
    }

    [Fact]
    public void A_manifest_round_trips_exactly_and_is_much_smaller_inside_the_assembly()
    {
        var json = LargeManifest();
        var carried = ManifestCarrier.Encode(json);
        Assert.StartsWith(ManifestCarrier.PackedTag, carried, StringComparison.Ordinal);
        Assert.Equal(json, ManifestCarrier.Decode(carried));
        var data = carried.Substring(carried.IndexOf(':', ManifestCarrier.PackedTag.Length) + 1);
        // 15 bits per character: about 2.5 times fewer characters than the Base64 of the same bytes.
        Assert.True(data.Length * 2 < Legacy(json).Length - ManifestCarrier.DeflateTag.Length, $"{data.Length} packed chars, Base64 {Legacy(json).Length}");
        Assert.True(carried.Length * 10 < json.Length, $"{carried.Length} carried chars for {json.Length} JSON chars");
        // Nothing a C# string literal must escape, nothing a UTF-8 file cannot hold.
        Assert.All(data, c => Assert.InRange(c, '\u4E00', '\uCDFF'));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(14)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(1000)]
    public void Every_byte_count_round_trips(int n)
    {
        // Deflate output of every length modulo 15 bits: text made of n distinct-ish characters.
        var json = new string(Enumerable.Range(0, n).Select(i => (char)('!' + (i * 7919 % 90))).ToArray());
        Assert.Equal(json, ManifestCarrier.Decode(ManifestCarrier.Encode(json)));
    }

    [Fact]
    public void Encoding_is_deterministic_and_what_older_writers_wrote_is_read_as_is()
    {
        var json = LargeManifest();
        Assert.Equal(ManifestCarrier.Encode(json), ManifestCarrier.Encode(json));
        Assert.Equal(json, ManifestCarrier.Decode(json));                // plain JSON
        Assert.Equal(json, ManifestCarrier.Decode(Legacy(json)));        // deflated Base64
        Assert.Equal("", ManifestCarrier.Decode(ManifestCarrier.Encode("")));
    }

    [Fact]
    public void A_damaged_manifest_is_a_format_error_not_a_crash()
    {
        Assert.Throws<FormatException>(() => ManifestCarrier.Decode(ManifestCarrier.DeflateTag + "not base64!"));
        Assert.Throws<FormatException>(() => ManifestCarrier.Decode(ManifestCarrier.DeflateTag + Convert.ToBase64String([0xFF, 0xFF, 0xFF, 0x00])));
        var good = ManifestCarrier.Encode(LargeManifest());
        var colon = good.IndexOf(':', ManifestCarrier.PackedTag.Length);
        Assert.Throws<FormatException>(() => ManifestCarrier.Decode(ManifestCarrier.PackedTag + "12"));                 // no byte count
        Assert.Throws<FormatException>(() => ManifestCarrier.Decode(good.Substring(0, good.Length - 1)));              // cut short
        Assert.Throws<FormatException>(() => ManifestCarrier.Decode(good + "\u4E00"));                                  // too long
        Assert.Throws<FormatException>(() => ManifestCarrier.Decode(good.Substring(0, colon + 1) + "A" + good.Substring(colon + 2))); // outside the alphabet
        Assert.Throws<FormatException>(() => ManifestCarrier.Decode(good.Substring(0, colon + 1) + new string('\u4E00', good.Length - colon - 1))); // not deflate data
    }

    private static string Legacy(string json)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(json);
        using var packed = new MemoryStream();
        using (var deflate = new System.IO.Compression.DeflateStream(packed, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
            deflate.Write(bytes, 0, bytes.Length);
        return ManifestCarrier.DeflateTag + Convert.ToBase64String(packed.ToArray());
    }
}
