using System.Text;

namespace NetVizGen.Tasks.Decompilation;

/// <summary>
/// The decompiled C# of one referenced assembly under <c>obj/</c>, keyed by the assembly's MVID: a
/// build whose reference did not change reads a stamp file and decompiles nothing.
/// </summary>
/// <remarks>
/// Layout: <c>&lt;root&gt;/&lt;AssemblyName&gt;/*.cs</c> plus <c>netvizgen.stamp</c>, whose first line is the key
/// (MVID and <see cref="FormatVersion"/>) and the following lines the file names. The stamp is written
/// last, so an interrupted run leaves no stamp and the next build decompiles again; stale files of an
/// older version are deleted before new ones are written.
/// </remarks>
internal static class DecompiledSourceCache
{
    /// <summary>Bump when the decompiler version, its settings or the file layout change.</summary>
    public const string FormatVersion = "nvg-decompile-1;ICSharpCode.Decompiler-11.2.0.10050";

    private const string StampName = "netvizgen.stamp";

    /// <summary>The cached files of <paramref name="assemblyName"/> for <paramref name="mvid"/>, or null on a miss.</summary>
    public static IReadOnlyList<string>? TryRead(string root, string assemblyName, Guid mvid)
    {
        var folder = Path.Combine(root, assemblyName);
        var stamp = Path.Combine(folder, StampName);
        if (!File.Exists(stamp)) return null;
        var lines = File.ReadAllLines(stamp);
        if (lines.Length == 0 || lines[0] != Key(mvid)) return null;
        var files = lines.Skip(1).Where(l => l.Length > 0).Select(l => Path.Combine(folder, l)).ToList();
        return files.All(File.Exists) ? files : null;
    }

    /// <summary>Replaces the cached files of <paramref name="assemblyName"/> with <paramref name="types"/>.</summary>
    public static IReadOnlyList<string> Write(string root, string assemblyName, Guid mvid, string header, IReadOnlyList<DecompiledType> types)
    {
        var folder = Path.Combine(root, assemblyName);
        Directory.CreateDirectory(folder);
        var stamp = Path.Combine(folder, StampName);
        if (File.Exists(stamp)) File.Delete(stamp);
        foreach (var old in Directory.EnumerateFiles(folder, "*.cs")) File.Delete(old);

        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        var written = new List<string>(types.Count);
        foreach (var t in types)
        {
            var path = Path.Combine(folder, t.FileName);
            File.WriteAllText(path, header + t.Text.Replace("\r\n", "\n"), utf8);
            written.Add(path);
        }
        File.WriteAllLines(stamp, new[] { Key(mvid) }.Concat(types.Select(t => t.FileName)), utf8);
        return written;
    }

    private static string Key(Guid mvid) => mvid.ToString("D") + ";" + FormatVersion;
}
