using System.Collections;

namespace NetVizGen.Model.Specs;

/// <summary>
/// An immutable array with structural equality, so that records holding it compare by value.
/// </summary>
/// <remarks>
/// Roslyn's incremental pipeline caches a step's output and skips downstream work when the new
/// output equals the old one. Plain arrays compare by reference and would defeat that cache.
/// </remarks>
public readonly struct EquatableArray<T> : IEquatable<EquatableArray<T>>, IReadOnlyList<T>
    where T : IEquatable<T>
{
    private readonly T[]? _items;

    /// <summary>Wraps <paramref name="items"/>; the caller must not mutate the array afterwards.</summary>
    public EquatableArray(T[] items) => _items = items;

    /// <summary>The empty array.</summary>
    public static EquatableArray<T> Empty => new(Array.Empty<T>());

    /// <inheritdoc/>
    public int Count => _items?.Length ?? 0;

    /// <inheritdoc/>
    public T this[int index] => _items![index];

    /// <summary>True when there are no items.</summary>
    public bool IsEmpty => Count == 0;

    /// <inheritdoc/>
    public bool Equals(EquatableArray<T> other)
    {
        var a = _items ?? Array.Empty<T>();
        var b = other._items ?? Array.Empty<T>();
        if (a.Length != b.Length) return false;
        for (int i = 0; i < a.Length; i++)
        {
            if (!EqualityComparer<T>.Default.Equals(a[i], b[i])) return false;
        }
        return true;
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is EquatableArray<T> other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        unchecked
        {
            int hash = 17;
            foreach (var item in _items ?? Array.Empty<T>()) hash = hash * 31 + (item?.GetHashCode() ?? 0);
            return hash;
        }
    }

    /// <inheritdoc/>
    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)(_items ?? Array.Empty<T>())).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Structural equality.</summary>
    public static bool operator ==(EquatableArray<T> left, EquatableArray<T> right) => left.Equals(right);

    /// <summary>Structural inequality.</summary>
    public static bool operator !=(EquatableArray<T> left, EquatableArray<T> right) => !left.Equals(right);
}

/// <summary>Helpers to build <see cref="EquatableArray{T}"/> values.</summary>
public static class EquatableArray
{
    /// <summary>Copies a sequence into an equatable array.</summary>
    public static EquatableArray<T> ToEquatableArray<T>(this IEnumerable<T> items) where T : IEquatable<T>
        => new(items.ToArray());
}
