using System.Buffers.Binary;
using System.Text;

namespace NetVizGen.Oracle.Tests;

/// <summary>
/// Marks one symbol-version requirement of an ELF64 shared object as weak (VER_FLG_WEAK), in place.
/// </summary>
/// <remarks>
/// <para>Why: <c>libLibTorchSharp.so</c> in TorchSharp 0.107.0 was linked against GCC 13's libstdc++ and
/// lists a need for <c>GLIBCXX_3.4.32</c>; Debian 12's libstdc++ stops at 3.4.30, so the loader refuses it
/// ("version `GLIBCXX_3.4.32' not found"). The only symbol bound to that version is
/// <c>std::ios_base_library_init()</c>, a marker no relocation references. With the requirement weak,
/// glibc's loader only warns (in LD_DEBUG) and the library loads.</para>
/// <para>How: walk the section headers to the <c>SHT_GNU_VERNEED</c> section (<c>.gnu.version_r</c>);
/// it holds <c>vn_info</c> (sh_info) Verneed entries, one per needed library, each followed by a chain of
/// Vernaux entries (one per version name). Find the Vernaux whose name (an offset into the string table
/// that sh_link points at) is the version, and OR 0x2 into its 16-bit <c>vna_flags</c> (offset 4).
/// Only that flag changes; the file size and every other byte stay the same.</para>
/// <para>This is a port of <c>weaken_version_need.py</c>. It is only ever applied to the copy in the test
/// output folder, never to the NuGet package cache; applying it twice is a no-op.</para>
/// </remarks>
public static class NativeLibraryPatcher
{
    /// <summary>The version requirement TorchSharp 0.107.0's native library has that Debian 12 lacks.</summary>
    public const string DefaultVersion = "GLIBCXX_3.4.32";

    private const uint ShtGnuVerneed = 0x6FFFFFFE;
    private const ushort VerFlgWeak = 0x2;

    /// <summary>What <see cref="Weaken"/> found and did.</summary>
    public enum Outcome
    {
        /// <summary>The requirement was strong and is now weak (the file was rewritten).</summary>
        Patched,
        /// <summary>The requirement was already weak: nothing written.</summary>
        AlreadyWeak,
        /// <summary>The file needs no such version: nothing to do.</summary>
        NotNeeded,
    }

    /// <summary>Weakens <paramref name="version"/> in the ELF file at <paramref name="path"/>, in place.</summary>
    public static Outcome Weaken(string path, string version = DefaultVersion)
    {
        var data = File.ReadAllBytes(path);
        var outcome = Weaken(data, version);
        if (outcome == Outcome.Patched)
        {
            // Write a sibling then move it over the original, so a crash never leaves half a library.
            var tmp = path + ".netvizgen-tmp";
            File.WriteAllBytes(tmp, data);
            File.Move(tmp, path, overwrite: true);
        }
        return outcome;
    }

    /// <summary>Weakens <paramref name="version"/> in an ELF image held in memory.</summary>
    public static Outcome Weaken(byte[] data, string version = DefaultVersion)
    {
        var span = data.AsSpan();
        if (data.Length < 0x40 || span[0] != 0x7F || span[1] != (byte)'E' || span[2] != (byte)'L' || span[3] != (byte)'F')
            throw new InvalidDataException("not an ELF file");
        if (span[4] != 2 || span[5] != 1)
            throw new InvalidDataException("not a little-endian ELF64 file");

        ulong shoff = BinaryPrimitives.ReadUInt64LittleEndian(span[0x28..]);
        ushort shentsize = BinaryPrimitives.ReadUInt16LittleEndian(span[0x3A..]);
        ushort shnum = BinaryPrimitives.ReadUInt16LittleEndian(span[0x3C..]);

        var sections = new (uint Type, long Offset, uint Link, uint Info)[shnum];
        for (int i = 0; i < shnum; i++)
        {
            var sh = span[checked((int)shoff + i * shentsize)..];
            sections[i] = (
                BinaryPrimitives.ReadUInt32LittleEndian(sh[4..]),
                checked((long)BinaryPrimitives.ReadUInt64LittleEndian(sh[0x18..])),
                BinaryPrimitives.ReadUInt32LittleEndian(sh[0x28..]),
                BinaryPrimitives.ReadUInt32LittleEndian(sh[0x2C..]));
        }

        bool found = false, changed = false;
        foreach (var (type, offset, link, count) in sections)
        {
            if (type != ShtGnuVerneed) continue;
            long strtab = sections[link].Offset;
            long vn = offset;
            for (uint i = 0; i < count; i++)
            {
                // Elf64_Verneed: vn_version u16, vn_cnt u16, vn_file u32, vn_aux u32, vn_next u32.
                ushort vnCnt = BinaryPrimitives.ReadUInt16LittleEndian(span[(int)(vn + 2)..]);
                uint vnAux = BinaryPrimitives.ReadUInt32LittleEndian(span[(int)(vn + 8)..]);
                uint vnNext = BinaryPrimitives.ReadUInt32LittleEndian(span[(int)(vn + 12)..]);
                long aux = vn + vnAux;
                for (int j = 0; j < vnCnt; j++)
                {
                    // Elf64_Vernaux: vna_hash u32, vna_flags u16, vna_other u16, vna_name u32, vna_next u32.
                    ushort flags = BinaryPrimitives.ReadUInt16LittleEndian(span[(int)(aux + 4)..]);
                    uint name = BinaryPrimitives.ReadUInt32LittleEndian(span[(int)(aux + 8)..]);
                    uint next = BinaryPrimitives.ReadUInt32LittleEndian(span[(int)(aux + 12)..]);
                    if (CString(span, strtab + name) == version)
                    {
                        found = true;
                        if ((flags & VerFlgWeak) == 0)
                        {
                            BinaryPrimitives.WriteUInt16LittleEndian(span[(int)(aux + 4)..], (ushort)(flags | VerFlgWeak));
                            changed = true;
                        }
                    }
                    aux += next;
                }
                if (vnNext == 0) break;
                vn += vnNext;
            }
        }

        return !found ? Outcome.NotNeeded : changed ? Outcome.Patched : Outcome.AlreadyWeak;
    }

    /// <summary>True when <paramref name="path"/> needs <paramref name="version"/> as a weak requirement (or not at all).</summary>
    public static bool IsWeakOrAbsent(string path, string version = DefaultVersion)
    {
        var copy = File.ReadAllBytes(path);
        return Weaken(copy, version) != Outcome.Patched;
    }

    /// <summary>
    /// Patches <c>libLibTorchSharp.so</c> in the test output folder (<see cref="AppContext.BaseDirectory"/>
    /// and its <c>runtimes/linux-x64/native</c>), never anything else. Returns the files looked at.
    /// </summary>
    public static IReadOnlyList<(string Path, Outcome Outcome)> PatchTorchSharpInOutputFolder()
    {
        var results = new List<(string, Outcome)>();
        if (!OperatingSystem.IsLinux()) return results;
        var baseDir = AppContext.BaseDirectory;
        foreach (var candidate in new[]
                 {
                     Path.Combine(baseDir, "libLibTorchSharp.so"),
                     Path.Combine(baseDir, "runtimes", "linux-x64", "native", "libLibTorchSharp.so"),
                 })
        {
            if (!File.Exists(candidate)) continue;
            var full = Path.GetFullPath(candidate);
            if (IsInNuGetCache(full))
                throw new InvalidOperationException($"refusing to patch a file in the NuGet package cache: {full}");
            results.Add((full, Weaken(full)));
        }
        return results;
    }

    private static bool IsInNuGetCache(string fullPath)
    {
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
                    ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var root = Path.GetFullPath(cache).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return fullPath.StartsWith(root, StringComparison.Ordinal);
    }

    private static string CString(ReadOnlySpan<byte> data, long offset)
    {
        var s = data[(int)offset..];
        int end = s.IndexOf((byte)0);
        return Encoding.ASCII.GetString(end < 0 ? s : s[..end]);
    }
}
