namespace NetVizGen.Tasks.Incremental;

/// <summary>
/// Bookkeeping files of NetVizGen's own in <c>obj/</c> (the render cache, the manifest digest): written atomically
/// (temp file and rename, so an interrupted build leaves the old file or the new one) and only when the bytes
/// differ, so that a file's time moves only when its content did.
/// </summary>
internal static class ObjFile
{
    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/> unless it already holds exactly them; true when written.</summary>
    public static bool WriteIfChanged(string path, byte[] bytes)
    {
        if (File.Exists(path) && new FileInfo(path).Length == bytes.Length && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes)) return false;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temp = path + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp";
        try
        {
            File.WriteAllBytes(temp, bytes);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
        return true;
    }
}
