using System.Text;
using NetVizGen.Tasks.Server;

namespace NetVizGen.Tasks.Tests.Server;

/// <summary>The server protocol's messages survive the pipe unchanged, and damage is an error, not a guess.</summary>
public sealed class DocsResultTests
{
    private static byte[] Bytes(Action<BinaryWriter> write)
    {
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true)) write(w);
        return stream.ToArray();
    }

    [Fact]
    public void A_result_round_trips_with_any_text()
    {
        var result = new DocsResult { RenderedModels = 3 };
        result.Message(2, "tab\there, newline\nthere, 'quotes' \"too\", non-ASCII ü → 日本");
        result.Warning("NVG1001", "/docs/a b.svg", "{0} is not a format item");
        result.Error("NVG1010", "", "");
        result.Written.Add("/docs/x.svg");
        result.Refused.Add("C:\\docs\\y.md");

        using var reader = new BinaryReader(new MemoryStream(Bytes(result.WriteTo)), Encoding.UTF8);
        var back = DocsResult.ReadFrom(reader);
        Assert.Equal(result.Messages, back.Messages);
        Assert.Equal(3, back.RenderedModels);
        Assert.Equal(result.Written, back.Written);
        Assert.Equal(result.Refused, back.Refused);
        Assert.True(back.HasErrors);
    }

    [Fact]
    public void A_request_round_trips()
    {
        var request = new DocsRequest
        {
            AssemblyPath = "/p/obj/M.dll", OutputDirectory = "/p/docs/", ProjectDirectory = "/p", Depth = -1, Direction = "LeftRight",
            Mermaid = true, DarkMode = false, PaperShapes = false, Html = false, RepositoryUrl = "https://example.org/r", SourceRevision = "abc",
            RepositoryLinks = true, Mode = "Verify", CacheFile = "/p/obj/c", MaxParallelism = 3,
        };
        using var reader = new BinaryReader(new MemoryStream(Bytes(request.WriteTo)), Encoding.UTF8);
        Assert.Equal(request, DocsRequest.ReadFrom(reader));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(int.MaxValue)]
    public void A_damaged_count_is_a_format_error(int count)
    {
        using var reader = new BinaryReader(new MemoryStream(Bytes(w => w.Write(count))), Encoding.UTF8);
        Assert.Throws<FormatException>(() => DocsResult.ReadFrom(reader));
    }

    [Fact]
    public void An_unknown_message_kind_is_a_format_error()
    {
        var bytes = Bytes(w =>
        {
            w.Write(1);
            w.Write(7);
        });
        using var reader = new BinaryReader(new MemoryStream(bytes), Encoding.UTF8);
        Assert.Throws<FormatException>(() => DocsResult.ReadFrom(reader));
    }

    [Fact]
    public void A_cut_short_result_is_an_end_of_stream()
    {
        var result = new DocsResult();
        result.Message(1, "hello");
        var bytes = Bytes(result.WriteTo);
        using var reader = new BinaryReader(new MemoryStream(bytes[..^3]), Encoding.UTF8);
        Assert.Throws<EndOfStreamException>(() => DocsResult.ReadFrom(reader));
    }

    [Fact]
    public void Pipe_names_differ_per_server_file_and_stay_short()
    {
        var dir = Path.Combine(Path.GetTempPath(), "nvg-pipe-" + Guid.NewGuid().ToString("N").Substring(0, 8));
        Directory.CreateDirectory(dir);
        try
        {
            var a = Path.Combine(dir, "a.dll");
            var b = Path.Combine(dir, "b.dll");
            File.WriteAllText(a, "1");
            File.WriteAllText(b, "1");
            Assert.Equal(DocsServerProtocol.PipeName(a), DocsServerProtocol.PipeName(a));
            Assert.NotEqual(DocsServerProtocol.PipeName(a), DocsServerProtocol.PipeName(b));
            var before = DocsServerProtocol.PipeName(a);
            File.WriteAllText(a, "22");
            Assert.NotEqual(before, DocsServerProtocol.PipeName(a));
            Assert.True(DocsServerProtocol.PipeName(a).Length <= 30);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
