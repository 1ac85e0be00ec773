using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Microsoft.CodeAnalysis.Text;

namespace NetVizGen.Extraction.Incremental;

/// <summary>
/// SHA-256 of a text's characters (its UTF-16 code units, exactly), so two texts are equal only when every
/// character is. Computed once per <see cref="SourceText"/> object.
/// </summary>
/// <remarks>
/// Not <see cref="SourceText.GetChecksum"/>: that hashes the <em>encoded bytes</em> (the file's bytes for a
/// text read from disk, else UTF-8), where distinct texts can collide (an unpaired surrogate and U+FFFD
/// both encode to EF BF BD; a character the encoding cannot map becomes '?'), and the same bytes decode to
/// different text under another code page. Hashing the characters keys the cache on what the parser saw.
/// Cost: one pass over the text (about 2 ms per MB), paid once per text object; an unchanged document
/// keeps its text object across the IDE's compilations.
/// </remarks>
internal readonly struct ContentHash : IEquatable<ContentHash>
{
    private static readonly ConditionalWeakTable<SourceText, Box> s_texts = new();

    private sealed class Box
    {
        public Box(ContentHash value) => Value = value;
        public readonly ContentHash Value;
    }

    private readonly ulong _a, _b, _c, _d;

    private ContentHash(ulong a, ulong b, ulong c, ulong d)
    {
        _a = a;
        _b = b;
        _c = c;
        _d = d;
    }

    /// <summary>The hash of <paramref name="text"/>'s characters.</summary>
    public static ContentHash Of(SourceText text)
    {
        if (s_texts.TryGetValue(text, out var box)) return box.Value;
        var value = Compute(text);
        return s_texts.GetValue(text, _ => new Box(value)).Value;
    }

    private static ContentHash Compute(SourceText text)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var chars = new char[4096];
        var bytes = new byte[chars.Length * 2];
        for (int position = 0; position < text.Length;)
        {
            int n = Math.Min(chars.Length, text.Length - position);
            text.CopyTo(position, chars, 0, n);
            // Code units as they are in memory: the hash is only ever compared within one process.
            Buffer.BlockCopy(chars, 0, bytes, 0, n * 2);
            sha.AppendData(bytes, 0, n * 2);
            position += n;
        }
        var h = sha.GetHashAndReset();
        return new ContentHash(BitConverter.ToUInt64(h, 0), BitConverter.ToUInt64(h, 8), BitConverter.ToUInt64(h, 16), BitConverter.ToUInt64(h, 24));
    }

    /// <inheritdoc/>
    public bool Equals(ContentHash other) => _a == other._a && _b == other._b && _c == other._c && _d == other._d;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ContentHash other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => unchecked((int)_a);
}
