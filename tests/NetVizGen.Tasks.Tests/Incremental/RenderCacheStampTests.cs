using System.Text;
using NetVizGen.Tasks.Incremental;

namespace NetVizGen.Tasks.Tests.Incremental;

/// <summary>
/// The cheap check of reused files: a file's length and last-write time, recorded once it is old enough,
/// stand in for its hash; anything newer, not ours, or changed in length or time is hashed.
/// </summary>
public sealed class RenderCacheStampTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("nvg-stamp-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private CachedModel Model(string path, string content, DateTime written)
    {
        var full = Path.Combine(_dir, path);
        File.WriteAllText(full, content, new UTF8Encoding(false));
        File.SetLastWriteTimeUtc(full, written);
        return new CachedModel("m", "M", "row", [new CachedFile(path, RenderKey.OfContent(content))]);
    }

    private static readonly HashSet<string> None = new(StringComparer.Ordinal);

    [Fact]
    public void An_old_file_is_stamped_and_then_trusted_without_being_read()
    {
        var now = DateTime.UtcNow;
        var model = Model("M.svg", "<svg/>", now.AddMinutes(-5));
        var stamped = Assert.Single(RenderCache.Stamp([model], _dir, None, now)).Files[0];
        Assert.Equal(6, stamped.Length);
        Assert.Equal(now.AddMinutes(-5).Ticks, stamped.WriteTicks, TimeSpan.FromSeconds(1).Ticks);
        Assert.True(RenderCache.IsOnDisk(stamped, _dir));

        // Same length and time restored: trusted as recorded, so the content is not read (this is the point of
        // the stamp; only NetVizGen writes these files, and a real edit moves the time).
        var full = Path.Combine(_dir, "M.svg");
        var time = File.GetLastWriteTimeUtc(full);
        File.WriteAllText(full, "<SVG/>");
        File.SetLastWriteTimeUtc(full, time);
        Assert.True(RenderCache.IsOnDisk(stamped, _dir));
    }

    [Fact]
    public void An_edit_that_keeps_the_length_but_moves_the_time_is_hashed_and_found()
    {
        var now = DateTime.UtcNow;
        var stamped = RenderCache.Stamp([Model("M.md", "# M", now.AddMinutes(-5))], _dir, None, now)[0].Files[0];
        File.WriteAllText(Path.Combine(_dir, "M.md"), "# N");
        Assert.False(RenderCache.IsOnDisk(stamped, _dir));
        File.Delete(Path.Combine(_dir, "M.md"));
        Assert.False(RenderCache.IsOnDisk(stamped, _dir));
    }

    [Fact]
    public void A_file_written_within_the_racy_window_or_not_ours_is_not_trusted_by_time()
    {
        var now = DateTime.UtcNow;
        var fresh = RenderCache.Stamp([Model("A.svg", "<svg/>", now.AddMilliseconds(-200))], _dir, None, now)[0].Files[0];
        Assert.Equal(0, fresh.WriteTicks);
        var refused = RenderCache.Stamp([Model("B.svg", "<svg/>", now.AddMinutes(-5))], _dir, new HashSet<string>(["B.svg"]), now)[0].Files[0];
        Assert.Equal(0, refused.WriteTicks);

        // Untrusted entries are checked by hash: a same-length edit with the time put back is still found.
        var full = Path.Combine(_dir, "B.svg");
        var time = File.GetLastWriteTimeUtc(full);
        File.WriteAllText(full, "<SVG/>");
        File.SetLastWriteTimeUtc(full, time);
        Assert.False(RenderCache.IsOnDisk(refused, _dir));
    }
}
