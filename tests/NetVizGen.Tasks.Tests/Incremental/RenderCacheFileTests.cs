using NetVizGen.Tasks.Incremental;

namespace NetVizGen.Tasks.Tests.Incremental;

public sealed class RenderCacheFileTests
{
    private static readonly string Sha = new('a', 64);

    [Fact]
    public void Models_and_files_read_back_exactly_whatever_their_text_holds()
    {
        var models = new List<CachedModel>
        {
            new(Sha, "ResNet\t18\\x", "| [ResNet](ResNet.md) | a\nb\r\n | 11,689,512 |",
                [new CachedFile("ResNet.svg", Sha, 1234, 638_000_000_000_000_000), new CachedFile("sub dir/Ré\\s\tnet.md", Sha, -1, 0)]),
            new(new string('b', 64), "", "", []),
        };
        var text = RenderCacheFile.Write(3, "key\\with\ttab", models);

        var read = RenderCacheFile.Read(text);
        Assert.NotNull(read);
        Assert.Equal(3, read.Value.Format);
        Assert.Equal("key\\with\ttab", read.Value.Key);
        Assert.Equal(2, read.Value.Models.Count);
        for (int i = 0; i < models.Count; i++)
        {
            Assert.Equal(models[i].Manifest, read.Value.Models[i].Manifest);
            Assert.Equal(models[i].Id, read.Value.Models[i].Id);
            Assert.Equal(models[i].IndexRow, read.Value.Models[i].IndexRow);
            Assert.Equal(models[i].Files, read.Value.Models[i].Files);
        }
        // One line per record: no field can break a line.
        Assert.Equal(1 + 2 + 2, text.Count(c => c == '\n'));
    }

    [Theory]
    [InlineData("")]
    [InlineData("netvizgen-render-cache\t3\tk")] // no final newline: cut short
    [InlineData("netvizgen-render-cache\tthree\tk\n")]
    [InlineData("something-else\t3\tk\n")]
    [InlineData("netvizgen-render-cache\t3\tk\nfile\tA.svg\taaaa\t1\t2\n")] // a file before any model
    [InlineData("netvizgen-render-cache\t3\tk\nmodel\tm\tid\n")] // a missing field
    [InlineData("netvizgen-render-cache\t3\tk\nmodel\tm\tid\trow\nfile\tA.svg\taaaa\tlong\t2\n")]
    [InlineData("netvizgen-render-cache\t3\tk\nmodel\tm\tid\trow\nfile\tA.svg\taaaa\t1\t-2\n")]
    [InlineData("netvizgen-render-cache\t3\tk\\q\n")] // an unknown escape
    [InlineData("netvizgen-render-cache\t3\tk\\\n")] // a dangling escape
    [InlineData("netvizgen-render-cache\t3\tk\n\n")] // an empty line
    public void A_damaged_cache_reads_as_nothing(string text) => Assert.Null(RenderCacheFile.Read(text));

    [Fact]
    public void An_empty_cache_reads_as_no_models() =>
        Assert.Empty(RenderCacheFile.Read(RenderCacheFile.Write(3, "k", []))!.Value.Models);
}
