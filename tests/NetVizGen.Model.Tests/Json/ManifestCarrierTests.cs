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
        Assert.StartsWith(ManifestCarrier.DeflateTag, carried, StringComparison.Ordinal);
        Assert.Equal(json, ManifestCarrier.Decode(carried));
        Assert.True(carried.Length * 5 < json.Length, $"{carried.Length} carried chars for {json.Length} JSON chars");
        // Only Base64 after the tag: nothing a C# string literal must escape.
        Assert.All(carried.Substring(ManifestCarrier.DeflateTag.Length), c => Assert.True(char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '='));
    }

    [Fact]
    public void Encoding_is_deterministic_and_plain_json_from_older_writers_is_read_as_is()
    {
        var json = LargeManifest();
        Assert.Equal(ManifestCarrier.Encode(json), ManifestCarrier.Encode(json));
        Assert.Equal(json, ManifestCarrier.Decode(json));
        Assert.Equal("", ManifestCarrier.Decode(ManifestCarrier.Encode("")));
    }

    [Fact]
    public void A_damaged_manifest_is_a_format_error_not_a_crash()
    {
        Assert.Throws<FormatException>(() => ManifestCarrier.Decode(ManifestCarrier.DeflateTag + "not base64!"));
        Assert.Throws<FormatException>(() => ManifestCarrier.Decode(ManifestCarrier.DeflateTag + Convert.ToBase64String([0xFF, 0xFF, 0xFF, 0x00])));
    }
}
