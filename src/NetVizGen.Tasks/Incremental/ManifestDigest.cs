using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace NetVizGen.Tasks.Incremental;

/// <summary>
/// One line that changes exactly when the assembly's manifests change: how many, and SHA-256 over each
/// carried manifest's UTF-16 code units with its length before it (so no two lists hash alike by
/// running one manifest into the next). Order counts: the docs task reads them in metadata order too.
/// </summary>
internal static class ManifestDigest
{
    /// <summary>Bumped when the line's meaning changes, so an old digest file never matches a new one.</summary>
    private const string Format = "netvizgen-manifests 1";

    /// <summary>The digest line of <paramref name="carried"/> (manifests as <see cref="ManifestReader.ReadCarried"/> returns them).</summary>
    public static string Of(IReadOnlyList<string> carried)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> length = stackalloc byte[4];
        foreach (var manifest in carried)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(length, manifest.Length);
            hash.AppendData(length);
            hash.AppendData(MemoryMarshal.AsBytes(manifest.AsSpan()));
        }
        return string.Create(CultureInfo.InvariantCulture, $"{Format} {carried.Count} {Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant()}");
    }

    /// <summary>
    /// Writes <paramref name="line"/> to <paramref name="path"/> unless the file already holds exactly it, so the
    /// file's time moves only when the manifests changed (MSBuild's up-to-date check reads that time).
    /// Atomic (temp file and rename). True when written.
    /// </summary>
    public static bool WriteIfChanged(string path, string line) => ObjFile.WriteIfChanged(path, System.Text.Encoding.UTF8.GetBytes(line + "\n"));
}
