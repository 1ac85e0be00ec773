using System.Diagnostics;
using System.IO.Pipes;
using System.Text;

namespace NetVizGen.Tasks.Server;

/// <summary>
/// The MSBuild task's side of the docs server. `dotnet build` runs the docs task in a new process on
/// every build, where compiling the renderer just in time costs ~150 ms before the first model is drawn
/// (a warm process renders an edited model in ~15 ms). Like the compiler server, a long-lived process
/// keeps that work: the task hands the run to it when one is listening, and otherwise renders in its own
/// process and starts one for the next build. Any failure to reach the server (none running, a timeout, a
/// broken pipe, a server that could not run the request) means rendering in the build process: the server
/// only ever saves time, and what it writes is what the task would have written (both run
/// <see cref="DocsRun"/>).
/// </summary>
internal sealed class DocsServerClient
{
    private readonly string _serverPath;

    public DocsServerClient(string serverPath)
        : this(serverPath, DocsServerProtocol.PipeName(Path.GetFullPath(serverPath)))
    {
    }

    /// <summary>A client of the server on <paramref name="pipeName"/> (tests run a server of their own).</summary>
    public DocsServerClient(string serverPath, string pipeName)
    {
        _serverPath = Path.GetFullPath(serverPath);
        PipeName = pipeName;
    }

    /// <summary>The pipe this client's server listens on.</summary>
    public string PipeName { get; }

    /// <summary>
    /// How long to wait for a listening server to accept the connection. A live server's socket accepts at
    /// once (the kernel queues connections while the server is busy); the wait only matters for a socket
    /// file left by a server that was killed, which costs one build this long before a new server replaces it.
    /// </summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How long a run may take in the server before the task renders itself instead.</summary>
    public TimeSpan ResponseTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Whether the docs server can be used on this machine. Linux and macOS only for now: on Windows a
    /// started process inherits the build's inheritable handles (a CI log pipe would stay open until the
    /// server exits), which needs CreateProcess without inheritance; not built yet.
    /// </summary>
    public static bool Supported => !OperatingSystem.IsWindows();

    /// <summary>
    /// Runs <paramref name="request"/> in the server: its result and process id, or null (with the reason)
    /// when no server answered and the caller must run the request itself.
    /// </summary>
    public (DocsResult Result, int ServerProcessId)? TryRun(DocsRequest request, out string reason)
    {
        // On Unix a listening server is a socket file named after the pipe: when there is none, connecting
        // would only wait out the timeout.
        if (!OperatingSystem.IsWindows() && !File.Exists(Path.Combine(Path.GetTempPath(), "CoreFxPipe_" + PipeName)))
        {
            reason = "no docs server is running";
            return null;
        }
        var pipe = new NamedPipeClientStream(".", PipeName, PipeDirection.InOut, PipeOptions.CurrentUserOnly);
        try
        {
            pipe.Connect((int)ConnectTimeout.TotalMilliseconds);
            // The exchange runs on the thread pool so that a server that stops answering costs at most the
            // timeout: disposing the pipe ends the blocked read.
            var exchange = Task.Run(() => Exchange(pipe, request));
            if (!exchange.Wait(ResponseTimeout))
            {
                reason = "the docs server did not answer within " + ResponseTimeout.TotalSeconds + " s";
                return null;
            }
            var (status, pid, result, failure) = exchange.Result;
            if (status != DocsServerProtocol.Ok)
            {
                reason = "the docs server could not run the request: " + failure;
                return null;
            }
            reason = "";
            return (result!, pid);
        }
        catch (Exception e) when (e is IOException or TimeoutException or UnauthorizedAccessException or FormatException or EndOfStreamException or AggregateException or ObjectDisposedException)
        {
            reason = "the docs server could not be reached (" + (e is AggregateException a ? a.InnerException?.Message : e.Message) + ")";
            return null;
        }
        finally
        {
            pipe.Dispose();
        }
    }

    private static (int Status, int Pid, DocsResult? Result, string Failure) Exchange(Stream pipe, DocsRequest request)
    {
        using var writer = new BinaryWriter(pipe, Encoding.UTF8, leaveOpen: true);
        writer.Write(DocsServerProtocol.RequestMagic);
        writer.Write(DocsServerProtocol.Version);
        request.WriteTo(writer);
        writer.Flush();

        using var reader = new BinaryReader(pipe, Encoding.UTF8, leaveOpen: true);
        if (reader.ReadString() != DocsServerProtocol.ResponseMagic) throw new FormatException("not a NetVizGen docs server");
        int pid = reader.ReadInt32();
        int status = reader.ReadInt32();
        return status == DocsServerProtocol.Ok
            ? (status, pid, DocsResult.ReadFrom(reader), "")
            : (status, pid, null, reader.ReadString());
    }

    /// <summary>
    /// Starts a server in the background for the next build, detached from this build: its standard
    /// streams are pipes of its own (never the build's console or a CI log), its working folder is its
    /// own, and it exits after <paramref name="idleTimeout"/> without requests. A server already running
    /// keeps the name and the new one exits at once. <paramref name="warmUpAssembly"/>, when given, is
    /// rendered once in memory at start so the first real request finds the renderer compiled.
    /// Returns false with the reason when no server could be started (no <c>dotnet</c> host known).
    /// </summary>
    public bool Launch(TimeSpan idleTimeout, string? warmUpAssembly, out string reason)
    {
        // `dotnet build` tells tasks which host runs it; the server runs on the same one.
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (string.IsNullOrEmpty(host) || !File.Exists(host))
        {
            reason = "DOTNET_HOST_PATH does not name the dotnet host";
            return false;
        }
        if (!File.Exists(_serverPath))
        {
            reason = "the docs server is not in the package (" + _serverPath + ")";
            return false;
        }
        var start = new ProcessStartInfo(host)
        {
            UseShellExecute = false,
            CreateNoWindow = true,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(_serverPath)!,
        };
        start.ArgumentList.Add(_serverPath);
        start.ArgumentList.Add("--pipe");
        start.ArgumentList.Add(PipeName);
        start.ArgumentList.Add("--idle-timeout");
        start.ArgumentList.Add(((int)idleTimeout.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (!string.IsNullOrEmpty(warmUpAssembly))
        {
            start.ArgumentList.Add("--warm-up");
            start.ArgumentList.Add(warmUpAssembly);
        }
        try
        {
            using var process = Process.Start(start);
            if (process is null)
            {
                reason = "the docs server did not start";
                return false;
            }
            // The server writes nothing; closing our ends leaves it no tie to this build.
            process.StandardInput.Close();
            reason = "";
            return true;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or IOException or InvalidOperationException)
        {
            reason = e.Message;
            return false;
        }
    }
}
