using System.Security.Cryptography;
using System.Text;

namespace NetVizGen.Tasks.Decompilation;

/// <summary>
/// The decompiled C# of referenced assemblies, kept once per user and shared by every project and every
/// <c>obj/</c> folder: a fresh clone, a new worktree, a second project referencing TorchVision or a cleaned
/// <c>obj/</c> copy the files (tens of milliseconds) instead of decompiling again (seconds).
/// </summary>
/// <remarks>
/// An entry is the folder <c>&lt;root&gt;/&lt;AssemblyName&gt;/&lt;MVID&gt;-&lt;format&gt;/</c>: the type files (without the
/// per-project header) and <c>netvizgen.stamp</c>, whose first line is the key and the rest the file names.
/// The MVID names one build of an assembly, and the format names the decompiler and its settings, so an entry
/// never changes once written. It is written into a temporary sibling folder and renamed into place, so a
/// reader sees a whole entry or none, and two builds writing the same entry at once both succeed (the second
/// rename finds the entry there and drops its own copy). An entry that does not read back whole (a file
/// deleted by hand) is a miss. Nothing is ever pruned: an entry is the size of the assembly's C# (TorchVision
/// 0.107.0: about 0.3 MB), one per assembly version and NetVizGen decompiler format.
/// </remarks>
internal static class SharedDecompileCache
{
    private const string StampName = "netvizgen.stamp";

    /// <summary>
    /// Where the cache lives when the project does not say: <c>%LOCALAPPDATA%\NetVizGen\decompiled</c> on
    /// Windows, <c>$XDG_CACHE_HOME/NetVizGen/decompiled</c> (default <c>~/.cache</c>) elsewhere. Null when
    /// no such folder can be named (no home directory).
    /// </summary>
    public static string? DefaultRoot()
    {
        string? basePath;
        if (OperatingSystem.IsWindows()) basePath = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
        else
        {
            basePath = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            if (string.IsNullOrEmpty(basePath) || !Path.IsPathRooted(basePath))
            {
                var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
                basePath = string.IsNullOrEmpty(home) ? null : Path.Combine(home, ".cache");
            }
        }
        return string.IsNullOrEmpty(basePath) ? null : Path.Combine(basePath, "NetVizGen", "decompiled");
    }

    /// <summary>The types of <paramref name="assemblyName"/> for <paramref name="mvid"/>, or null when the cache has no whole entry.</summary>
    public static IReadOnlyList<DecompiledType>? TryRead(string root, string assemblyName, Guid mvid)
    {
        var folder = EntryFolder(root, assemblyName, mvid);
        var stamp = Path.Combine(folder, StampName);
        try
        {
            if (!File.Exists(stamp)) return null;
            var lines = File.ReadAllLines(stamp, Encoding.UTF8);
            if (lines.Length == 0 || lines[0] != Key(mvid)) return null;
            var types = new List<DecompiledType>(lines.Length - 1);
            foreach (var name in lines.Skip(1).Where(l => l.Length > 0))
            {
                var path = Path.Combine(folder, name);
                if (!File.Exists(path)) return null;
                types.Add(new DecompiledType("", name, File.ReadAllText(path, Encoding.UTF8)));
            }
            return types;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// Adds the entry for <paramref name="assemblyName"/> and <paramref name="mvid"/> (written aside, then renamed
    /// into place). False when it could not be written (a read-only home, a full disk): the cache is an
    /// optimisation, the build goes on with the files under <c>obj/</c>.
    /// </summary>
    public static bool TryWrite(string root, string assemblyName, Guid mvid, IReadOnlyList<DecompiledType> types)
    {
        var folder = EntryFolder(root, assemblyName, mvid);
        var parent = Path.GetDirectoryName(folder)!;
        var temporary = Path.Combine(parent, ".tmp-" + Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(temporary);
            var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
            foreach (var t in types) File.WriteAllText(Path.Combine(temporary, t.FileName), t.Text, utf8);
            File.WriteAllLines(Path.Combine(temporary, StampName), new[] { Key(mvid) }.Concat(types.Select(t => t.FileName)), utf8);

            // An entry found damaged (TryRead said no while its folder is there) is replaced.
            if (Directory.Exists(folder) && TryRead(root, assemblyName, mvid) is null) Directory.Delete(folder, recursive: true);
            Directory.Move(temporary, folder);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Most often another build renamed the same entry into place first: it is just as good.
            TryDelete(temporary);
            return TryRead(root, assemblyName, mvid) is not null;
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left behind: a stray temporary folder is never read.
        }
    }

    private static string EntryFolder(string root, string assemblyName, Guid mvid) =>
        Path.Combine(root, assemblyName, mvid.ToString("N") + "-" + FormatHash);

    private static string Key(Guid mvid) => mvid.ToString("D") + ";" + DecompiledSourceCache.FormatVersion;

    // A short, file-name-safe name of the decompiler format (the full one is in each stamp's key).
    private static readonly string FormatHash =
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(DecompiledSourceCache.FormatVersion)), 0, 6).ToLowerInvariant();
}
