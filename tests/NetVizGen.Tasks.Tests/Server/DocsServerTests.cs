using System.IO.Pipes;
using System.Text;
using NetVizGen.Model.Specs;
using NetVizGen.Tasks.Server;
using NetVizGen.Tasks.Tests.Support;

namespace NetVizGen.Tasks.Tests.Server;

/// <summary>
/// The docs server over a real pipe, served by <see cref="DocsServerHost"/> on a thread of this process: a
/// run handed to it writes exactly what a run in the build writes, and every way of not reaching it ends
/// in the caller rendering itself.
/// </summary>
public sealed class DocsServerTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "nvg-server-" + Guid.NewGuid().ToString("N").Substring(0, 10));
    private readonly string _pipe = "nvgdocs-test-" + Guid.NewGuid().ToString("N").Substring(0, 12);
    private readonly CancellationTokenSource _stop = new();
    private Thread? _server;
    private int _serverExit = -1;

    private static readonly ModelSpec[] Two = [ManifestAssembly.Stacked("Alpha", 2, 8), ManifestAssembly.Stacked("Beta", 3, 16)];

    public DocsServerTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        _stop.Cancel();
        _server?.Join(TimeSpan.FromSeconds(10));
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private void StartServer(TimeSpan? idle = null)
    {
        _server = new Thread(() => _serverExit = DocsServerHost.Run(_pipe, idle ?? TimeSpan.FromMinutes(5), null, _stop.Token)) { IsBackground = true };
        _server.Start();
        // Listening once the socket (Unix) or pipe (Windows) accepts a connection.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            using var probe = new NamedPipeClientStream(".", _pipe, PipeDirection.InOut, PipeOptions.CurrentUserOnly);
            try
            {
                probe.Connect(200);
                return;
            }
            catch (Exception e) when (e is TimeoutException or IOException) { }
        }
        throw new TimeoutException("the test server did not listen");
    }

    private DocsRequest Request(string name) => new()
    {
        AssemblyPath = Path.Combine(_dir, "Models.dll"),
        OutputDirectory = Path.Combine(_dir, name, "docs"),
        ProjectDirectory = _dir,
        CacheFile = Path.Combine(_dir, name, "obj", "render-cache"),
    };

    private static Dictionary<string, byte[]> Files(string docs) =>
        Directory.GetFiles(docs).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);

    // What a reader of the log sees at normal verbosity (low-importance lines carry timings), with the
    // run's own folder name left out.
    private static List<string> Visible(DocsResult result, string folder) =>
        result.Messages.Where(m => m.Kind != DocsMessageKind.Message || m.Importance < 2)
            .Select(m => m.Kind + " " + m.Code + " " + m.Text.Replace(folder, "RUN", StringComparison.Ordinal))
            .ToList();

    [Fact]
    public void A_run_in_the_server_writes_the_same_files_and_reports_the_same_as_a_run_in_the_build()
    {
        ManifestAssembly.WriteTo(Path.Combine(_dir, "Models.dll"), Two);
        StartServer();
        var client = new DocsServerClient(Path.Combine(_dir, "absent.dll"), _pipe);

        var served = client.TryRun(Request("served"), out var reason);
        Assert.True(served is not null, reason);
        var local = DocsRun.Execute(Request("local"));

        Assert.Equal(Environment.ProcessId, served.Value.ServerProcessId);
        Assert.Equal(2, served.Value.Result.RenderedModels);
        Assert.False(served.Value.Result.HasErrors);
        var expected = Files(Path.Combine(_dir, "local", "docs"));
        var actual = Files(Path.Combine(_dir, "served", "docs"));
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, bytes) in expected) Assert.True(bytes.AsSpan().SequenceEqual(actual[name]), name + " differs");
        Assert.Equal(local.Written.Count, served.Value.Result.Written.Count);
        Assert.Equal(Visible(local, Path.Combine(_dir, "local")), Visible(served.Value.Result, Path.Combine(_dir, "served")));
        Assert.Contains(Visible(local, Path.Combine(_dir, "local")), line => line.Contains("2 rendered", StringComparison.Ordinal));

        // The server keeps no state of its own: the second run reads the render cache like the build would.
        var again = client.TryRun(Request("served"), out reason);
        Assert.True(again is not null, reason);
        Assert.Equal(0, again.Value.Result.RenderedModels);
        Assert.Empty(again.Value.Result.Written);
    }

    [Fact]
    public void Errors_found_in_the_server_come_back_as_errors()
    {
        File.WriteAllText(Path.Combine(_dir, "Models.dll"), "not an assembly");
        StartServer();
        var served = new DocsServerClient(Path.Combine(_dir, "absent.dll"), _pipe).TryRun(Request("served"), out var reason);
        Assert.True(served is not null, reason);
        var error = Assert.Single(served.Value.Result.Messages, m => m.Kind == DocsMessageKind.Error);
        Assert.Equal("NVG1000", error.Code);
        Assert.Equal(Path.Combine(_dir, "Models.dll"), error.File);
    }

    [Fact]
    public void Without_a_server_the_client_says_so_and_the_caller_renders_itself()
    {
        var client = new DocsServerClient(Path.Combine(_dir, "absent.dll"), _pipe) { ConnectTimeout = TimeSpan.FromMilliseconds(300) };
        Assert.Null(client.TryRun(Request("x"), out var reason));
        Assert.False(string.IsNullOrEmpty(reason));
        Assert.False(client.Launch(TimeSpan.FromSeconds(5), null, out var why), "a server that is not there cannot start");
        Assert.False(string.IsNullOrEmpty(why));
    }

    [Fact]
    public void A_second_server_for_the_same_pipe_leaves_at_once()
    {
        StartServer();
        Assert.Equal(1, DocsServerHost.Run(_pipe, TimeSpan.FromMinutes(1), null, CancellationToken.None));
    }

    [Fact]
    public void The_server_exits_after_its_idle_timeout()
    {
        StartServer(TimeSpan.FromSeconds(1));
        Assert.True(_server!.Join(TimeSpan.FromSeconds(30)), "the server kept running past its idle timeout");
        Assert.Equal(0, _serverExit);
    }

    [Fact]
    public void A_client_of_another_protocol_version_is_refused_with_a_reason()
    {
        StartServer();
        using var pipe = new NamedPipeClientStream(".", _pipe, PipeDirection.InOut, PipeOptions.CurrentUserOnly);
        pipe.Connect(5000);
        using var writer = new BinaryWriter(pipe, Encoding.UTF8, leaveOpen: true);
        writer.Write(DocsServerProtocol.RequestMagic);
        writer.Write(DocsServerProtocol.Version + 1);
        writer.Flush();
        using var reader = new BinaryReader(pipe, Encoding.UTF8, leaveOpen: true);
        Assert.Equal(DocsServerProtocol.ResponseMagic, reader.ReadString());
        Assert.Equal(Environment.ProcessId, reader.ReadInt32());
        Assert.Equal(DocsServerProtocol.Failed, reader.ReadInt32());
        Assert.Contains("protocol version", reader.ReadString());
    }

    [Fact]
    public void The_task_falls_back_to_rendering_in_the_build_when_no_server_answers()
    {
        ManifestAssembly.WriteTo(Path.Combine(_dir, "Models.dll"), Two);
        var host = new TaskHost();
        var task = new GenerateArchitectureDocs
        {
            BuildEngine = host,
            AssemblyPath = Path.Combine(_dir, "Models.dll"),
            OutputDirectory = Path.Combine(_dir, "docs"),
            ProjectDirectory = _dir,
            DocsServer = true,
            DocsServerPath = Path.Combine(_dir, "no-such-server", "NetVizGen.DocsServer.dll"),
        };
        Assert.True(task.Execute(), string.Join("\n", host.Errors));
        Assert.Equal(2, task.RenderedModels);
        Assert.True(File.Exists(Path.Combine(_dir, "docs", "Alpha.svg")));
        if (DocsServerClient.Supported)
        {
            Assert.Contains(host.Messages, m => m.StartsWith("NetVizGen: rendering in the build process: ", StringComparison.Ordinal));
            Assert.Contains(host.Messages, m => m.StartsWith("NetVizGen: no docs server started: ", StringComparison.Ordinal));
        }
    }
}
