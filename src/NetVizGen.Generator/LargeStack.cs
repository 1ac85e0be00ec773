using System.Runtime.ExceptionServices;

namespace NetVizGen.Generator;

/// <summary>
/// Runs extraction on a dedicated thread with a large stack, and gives up waiting as soon as the build
/// or the IDE cancels.
/// </summary>
/// <remarks>
/// Why a thread of our own: the generator runs on whatever thread the compiler server or the IDE's
/// analyzer host gives it (1–1.5 MB of stack, part of it already used), and binding user code recurses
/// per syntax level. A stack overflow cannot be caught and kills the host. On this thread the stack is
/// known and large; <c>SyntaxDepthGuard</c> bounds the nesting that is ever bound, and the evaluator's
/// own recursion checks <c>RuntimeHelpers.EnsureSufficientExecutionStack</c>.
/// Why the wait honours the token itself: a cancelled keystroke must free the caller at once (tests
/// require 100 ms); the worker sees the same token at its next check and ends on its own.
/// </remarks>
internal static class LargeStack
{
    /// <summary>Stack reserved for the extraction thread (only touched pages are committed).</summary>
    public const int StackBytes = 64 * 1024 * 1024;

    public static T Run<T>(Func<T> work, CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        T result = default!;
        ExceptionDispatchInfo? failure = null;
        using var done = new ManualResetEventSlim(false);
        var thread = new Thread(() =>
        {
            try { result = work(); }
            catch (Exception e) { failure = ExceptionDispatchInfo.Capture(e); }
            finally
            {
                try { done.Set(); } catch (ObjectDisposedException) { } // the caller stopped waiting (cancelled)
            }
        }, StackBytes)
        {
            IsBackground = true,
            Name = "NetVizGen extraction",
        };
        thread.Start();
        done.Wait(cancellation); // throws OperationCanceledException on cancellation, without waiting for the worker
        failure?.Throw();
        return result;
    }
}
