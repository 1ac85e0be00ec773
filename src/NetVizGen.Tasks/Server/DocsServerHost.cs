using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO.Pipes;
using System.Text;
using NetVizGen.Rendering;

namespace NetVizGen.Tasks.Server;

/// <summary>
/// The docs server's loop (the <c>NetVizGen.DocsServer</c> program is only its entry point): listens on
/// one pipe, runs each request with <see cref="DocsRun"/> on its own thread, one at a time per docs
/// folder, and exits after an idle timeout. It holds no state between requests (the render cache is the
/// file in <c>obj/</c>, as for a run in the build), so what it writes never depends on what it did before;
/// what it keeps is the compiled code.
/// </summary>
internal static class DocsServerHost
{
    private static readonly TimeSpan TrimAfter = TimeSpan.FromSeconds(30);
    private static readonly ConcurrentDictionary<string, object> s_folderLocks = new(StringComparer.Ordinal);

    /// <summary>
    /// Serves <paramref name="pipeName"/> until no request came for <paramref name="idleTimeout"/> or
    /// <paramref name="stop"/> is cancelled. Returns 0, or 1 when another server already serves the name.
    /// </summary>
    public static int Run(string pipeName, TimeSpan idleTimeout, string? warmUpAssembly, CancellationToken stop)
    {
        // One server per name: two builds that both found none may both start one; the second leaves.
        using var owner = new Mutex(false, "NetVizGen.DocsServer." + pipeName);
        try
        {
            if (!owner.WaitOne(0)) return 1;
        }
        catch (AbandonedMutexException)
        {
            // A previous server died holding it: the name is ours now.
        }
        try
        {
            if (!string.IsNullOrEmpty(warmUpAssembly)) _ = Task.Run(() => WarmUp(warmUpAssembly!));
            Serve(pipeName, idleTimeout, stop);
            return 0;
        }
        finally
        {
            owner.ReleaseMutex();
        }
    }

    private static void Serve(string pipeName, TimeSpan idleTimeout, CancellationToken stop)
    {
        int active = 0;
        bool trimmed = false; // the warm-up leaves garbage too
        var idle = Stopwatch.StartNew();
        var pipe = Listen(pipeName);
        while (!stop.IsCancellationRequested)
        {
            var connected = pipe.WaitForConnectionAsync(stop);
            while (!Wait(connected))
            {
                // Half a minute after the last run, when the developer is most likely editing rather than
                // building (a compaction during a build would take a core from the compiler): give the run's
                // memory back to the system until the next build.
                if (!Volatile.Read(ref trimmed) && Volatile.Read(ref active) == 0 && Elapsed(idle) > TrimAfter)
                {
                    GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                    Volatile.Write(ref trimmed, true);
                }
                if (stop.IsCancellationRequested || Volatile.Read(ref active) == 0 && Elapsed(idle) > idleTimeout)
                {
                    pipe.Dispose();
                    return;
                }
            }
            if (connected.IsCanceled || connected.IsFaulted)
            {
                pipe.Dispose();
                pipe = Listen(pipeName);
                continue;
            }
            // The next instance listens before this one can be closed: on Unix the instances of a name share
            // one socket, which closes (resetting clients waiting on it) when its last instance does.
            var next = Listen(pipeName);
            var accepted = pipe;
            Interlocked.Increment(ref active);
            var thread = new Thread(() =>
            {
                try { Handle(accepted); }
                finally
                {
                    accepted.Dispose();
                    lock (idle) idle.Restart();
                    Interlocked.Decrement(ref active);
                    Volatile.Write(ref trimmed, false);
                }
            }, ParallelRender.StackBytes) { IsBackground = true, Name = "NetVizGen docs request" };
            thread.Start();
            pipe = next;
        }
        pipe.Dispose();
    }

    private static NamedPipeServerStream Listen(string pipeName) =>
        new(pipeName, PipeDirection.InOut, NamedPipeServerStream.MaxAllowedServerInstances, PipeTransmissionMode.Byte, PipeOptions.Asynchronous | PipeOptions.CurrentUserOnly);

    private static TimeSpan Elapsed(Stopwatch idle)
    {
        lock (idle) return idle.Elapsed;
    }

    private static bool Wait(Task task)
    {
        try { return task.Wait(TimeSpan.FromMilliseconds(500)); }
        catch (AggregateException) { return true; }
    }

    private static void Handle(Stream pipe)
    {
        try
        {
            using var reader = new BinaryReader(pipe, Encoding.UTF8, leaveOpen: true);
            using var writer = new BinaryWriter(pipe, Encoding.UTF8, leaveOpen: true);
            if (reader.ReadString() != DocsServerProtocol.RequestMagic) return;
            int version = reader.ReadInt32();
            writer.Write(DocsServerProtocol.ResponseMagic);
            writer.Write(Environment.ProcessId);
            if (version != DocsServerProtocol.Version)
            {
                writer.Write(DocsServerProtocol.Failed);
                writer.Write("protocol version " + version + " is not " + DocsServerProtocol.Version);
                writer.Flush();
                return;
            }
            var request = DocsRequest.ReadFrom(reader);
            DocsResult result;
            try
            {
                // One run at a time per docs folder, as one build node would.
                lock (s_folderLocks.GetOrAdd(Path.GetFullPath(request.OutputDirectory), _ => new object()))
                    result = DocsRun.Execute(request);
            }
            catch (Exception e)
            {
                // Whatever failed here, the build renders in its own process and reports it there.
                writer.Write(DocsServerProtocol.Failed);
                writer.Write(e.GetType().Name + ": " + e.Message);
                writer.Flush();
                return;
            }
            writer.Write(DocsServerProtocol.Ok);
            result.WriteTo(writer);
            writer.Flush();
        }
        catch (Exception e) when (e is IOException or EndOfStreamException or ObjectDisposedException or FormatException)
        {
            // The client went away or spoke nonsense: nothing to answer.
        }
    }

    // Renders the first models of the assembly the launching build rendered, in memory only, so the next
    // build's request finds layout and rendering compiled.
    private static void WarmUp(string assemblyPath)
    {
        try
        {
            var models = ManifestReader.Read(assemblyPath).Take(2).ToList();
            if (models.Count > 0) DocsJob.Files(models, new RenderOptions { ProjectDirectory = Path.GetDirectoryName(assemblyPath)!, OutputDirectory = Path.GetDirectoryName(assemblyPath)! }, 1);
        }
        catch (Exception)
        {
            // Only a head start: the first request compiles whatever this did not.
        }
    }
}
