using System.Runtime.ExceptionServices;
using NetVizGen.Model.Specs;
using NetVizGen.Rendering;

namespace NetVizGen.Tasks;

/// <summary>
/// Renders models side by side, one worker per processor, and returns the results by input index, so
/// the files and their bytes never depend on which model finished first.
/// </summary>
/// <remarks>
/// Models are independent (<see cref="DocumentationRenderer.RenderModel"/> shares only read-only
/// tables), so a run is a map over them. Why threads of our own rather than <c>Parallel.For</c>: the
/// thread pool's stacks are small (1.5 MB on Linux) and layout recurses per nesting level, whereas the
/// sequential task ran on MSBuild's own thread; a stack overflow cannot be caught and would end the
/// build node. Each worker has <see cref="StackBytes"/> (only touched pages are committed).
/// </remarks>
internal static class ParallelRender
{
    /// <summary>Stack reserved for each rendering thread.</summary>
    public const int StackBytes = 16 * 1024 * 1024;

    /// <summary>Renders every model; <paramref name="maxParallelism"/> 1 renders them one after another.</summary>
    public static ModelDocs[] Models(IReadOnlyList<ModelSpec> models, RenderOptions options, int maxParallelism) =>
        Map(models, m => DocumentationRenderer.RenderModel(m, options), maxParallelism);

    /// <summary>
    /// Applies <paramref name="work"/> to every item on at most <paramref name="maxParallelism"/> threads.
    /// If items fail, the exception of the lowest failing index is rethrown (the same one every run).
    /// </summary>
    public static TResult[] Map<TItem, TResult>(IReadOnlyList<TItem> items, Func<TItem, TResult> work, int maxParallelism)
    {
        var results = new TResult[items.Count];
        if (items.Count == 0) return results;
        var failures = new ExceptionDispatchInfo?[items.Count];
        int next = -1;
        void Worker()
        {
            for (int i = Interlocked.Increment(ref next); i < items.Count; i = Interlocked.Increment(ref next))
            {
                try { results[i] = work(items[i]); }
                catch (Exception e) { failures[i] = ExceptionDispatchInfo.Capture(e); }
            }
        }
        var threads = Enumerable.Range(0, Math.Max(1, Math.Min(maxParallelism, items.Count)))
            .Select(n => new Thread(Worker, StackBytes) { IsBackground = true, Name = "NetVizGen render " + n })
            .ToList();
        foreach (var t in threads) t.Start();
        foreach (var t in threads) t.Join();
        foreach (var f in failures) f?.Throw();
        return results;
    }
}
