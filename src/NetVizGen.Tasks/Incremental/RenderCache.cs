using System.Text;

namespace NetVizGen.Tasks.Incremental;

/// <summary>One model as the last build rendered it: which manifest, which files with which content.</summary>
/// <param name="Manifest">SHA-256 of the manifest as carried in the assembly (<see cref="RenderKey.OfManifest"/>).</param>
/// <param name="Id">The model's id, so the index can be ordered without parsing the manifest.</param>
/// <param name="IndexRow">The model's row of the index page.</param>
/// <param name="Files">Every file the model rendered to, with the SHA-256 of its UTF-8 content.</param>
internal sealed record CachedModel(string Manifest, string Id, string IndexRow, IReadOnlyList<CachedFile> Files);

/// <summary>
/// A rendered file: path relative to the docs folder, SHA-256 (hex) of the bytes written, and the length and
/// last-write time (UTC ticks) it had on disk once written. While length and time are unchanged the file is
/// trusted without being read (as git's index and MSBuild's up-to-date checks do); a time of 0 means "not
/// trusted, hash it" (see <see cref="RenderCache.Stamp"/>).
/// </summary>
internal sealed record CachedFile(string Path, string Sha256, long Length = -1, long WriteTicks = 0);

/// <summary>
/// The render cache in <c>obj/</c>: for a given renderer and options (<see cref="RenderKey"/>), what each
/// manifest rendered to. A model is reused only when its manifest is listed and every file it rendered
/// to is on disk with the recorded content, so the cache can make a build faster but never different:
/// anything missing, unreadable, malformed or from another key or format loads as empty.
/// </summary>
internal sealed class RenderCache
{
    /// <summary>Bumped whenever the file's layout or meaning changes; another format is ignored.</summary>
    public const int FormatVersion = 3;

    private readonly Dictionary<string, CachedModel> _byManifest;

    private RenderCache(Dictionary<string, CachedModel> byManifest) => _byManifest = byManifest;

    /// <summary>An empty cache: every model renders.</summary>
    public static RenderCache Empty { get; } = new(new Dictionary<string, CachedModel>(StringComparer.Ordinal));

    /// <summary>The number of models recorded.</summary>
    public int Count => _byManifest.Count;

    /// <summary>The last rendering of the manifest with hash <paramref name="manifest"/>, if recorded.</summary>
    public CachedModel? Find(string manifest) => _byManifest.TryGetValue(manifest, out var m) ? m : null;

    /// <summary>Reads the cache at <paramref name="path"/> if it was written for <paramref name="key"/>; otherwise empty.</summary>
    public static RenderCache Load(string path, string key)
    {
        if (path.Length == 0 || !File.Exists(path)) return Empty;
        try
        {
            var file = RenderCacheFile.Read(File.ReadAllText(path, OwnedFileWriter.Encoding));
            if (file is not { } f || f.Format != FormatVersion || f.Key != key) return Empty;
            var byManifest = new Dictionary<string, CachedModel>(StringComparer.Ordinal);
            foreach (var m in f.Models)
            {
                if (!IsValid(m)) return Empty;
                byManifest.TryAdd(m.Manifest, m);
            }
            return new RenderCache(byManifest);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            return Empty;
        }
    }

    /// <summary>
    /// Writes the cache atomically (temp file and rename), so an interrupted build leaves the old one or the new
    /// one; not at all when the file already holds exactly this (a build that rendered nothing).
    /// </summary>
    public static void Save(string path, string key, IEnumerable<CachedModel> models)
    {
        ObjFile.WriteIfChanged(path, OwnedFileWriter.Encoding.GetBytes(RenderCacheFile.Write(FormatVersion, key, models.OrderBy(m => m.Id, StringComparer.Ordinal))));
    }

    /// <summary>
    /// Records each file's length and last-write time as it is on disk now, for the next build's cheap check.
    /// Not recorded (so the next build hashes the file) for a file NetVizGen did not write
    /// (<paramref name="notOurs"/>: refused, someone else's), and for a file written in the last
    /// <see cref="RacyWindow"/>: an edit in the same clock tick as our write, of the same length, would
    /// otherwise go unseen on file systems with coarse timestamps (git calls this "racy").
    /// </summary>
    public static List<CachedModel> Stamp(IEnumerable<CachedModel> models, string outputDirectory, ISet<string> notOurs, DateTime utcNow)
    {
        var result = new List<CachedModel>();
        foreach (var m in models)
        {
            var files = new List<CachedFile>(m.Files.Count);
            foreach (var f in m.Files)
            {
                var info = new FileInfo(System.IO.Path.Combine(outputDirectory, f.Path));
                bool trusted = !notOurs.Contains(f.Path) && info.Exists && info.LastWriteTimeUtc < utcNow - RacyWindow;
                files.Add(trusted ? f with { Length = info.Length, WriteTicks = info.LastWriteTimeUtc.Ticks } : f with { Length = -1, WriteTicks = 0 });
            }
            result.Add(m with { Files = files });
        }
        return result;
    }

    /// <summary>How old a file must be before its timestamp is trusted (coarsest common file-system clock: 2 s on FAT).</summary>
    public static readonly TimeSpan RacyWindow = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Whether <paramref name="file"/> is on disk with the recorded content: by length and time when they
    /// were recorded and still match, else by hashing it.
    /// </summary>
    public static bool IsOnDisk(CachedFile file, string outputDirectory)
    {
        var path = System.IO.Path.Combine(outputDirectory, file.Path);
        if (file.WriteTicks != 0)
        {
            var info = new FileInfo(path);
            if (!info.Exists) return false;
            if (info.Length == file.Length && info.LastWriteTimeUtc.Ticks == file.WriteTicks) return true;
        }
        return RenderKey.OfFile(path) == file.Sha256;
    }

    // A hand-edited or damaged entry must not point outside the docs folder or lack a field.
    private static bool IsValid(CachedModel? m) =>
        m is { Manifest: not null, Id: not null, IndexRow: not null, Files: not null }
        && m.Files.All(f => f is { Path.Length: > 0, Sha256.Length: 64 } && !f.Path.Contains("..") && !Path.IsPathRooted(f.Path));
}
