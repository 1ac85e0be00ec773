using System.Globalization;
using System.Text;
using NetVizGen.Model.Shapes;

namespace NetVizGen.Model.Catalog;

/// <summary>What one position of a tensor index does (TorchSharp's <c>TensorIndex</c> kinds the reader follows).</summary>
public enum TensorIndexKind
{
    /// <summary>One position (<c>x[2]</c>, <c>TensorIndex.Single(2)</c>): the dim is dropped.</summary>
    Single,
    /// <summary>A range (<c>a..b</c>, <c>TensorIndex.Slice(a, b, step)</c>, <c>TensorIndex.Colon</c>).</summary>
    Slice,
    /// <summary><c>TensorIndex.Ellipsis</c>: as many full slices as the other positions leave.</summary>
    Ellipsis,
    /// <summary><c>TensorIndex.None</c>: a new dim of size 1.</summary>
    NewAxis,
}

/// <summary>
/// One position of a tensor index. Each bound is absent (<see cref="Absent"/>: the default, as in Python's
/// <c>x[:n]</c>), known, or present but not known at compile time (<see cref="Unknown"/>).
/// </summary>
public readonly struct TensorIndexItem : IEquatable<TensorIndexItem>
{
    private TensorIndexItem(TensorIndexKind kind, long? start, long? stop, long? step, byte unknown, string? startRef = null, string? stopRef = null)
    {
        Kind = kind;
        Start = start;
        Stop = stop;
        Step = step;
        _unknown = unknown;
        StartRef = startRef;
        StopRef = stopRef;
    }

    private readonly byte _unknown; // bit 0 start, 1 stop, 2 step

    /// <summary>What the position does.</summary>
    public TensorIndexKind Kind { get; }

    /// <summary>The position of a <see cref="TensorIndexKind.Single"/>, or a slice's start.</summary>
    public long? Start { get; }

    /// <summary>A slice's stop (exclusive); null when absent or unknown.</summary>
    public long? Stop { get; }

    /// <summary>A slice's step; null when absent (1) or unknown.</summary>
    public long? Step { get; }

    /// <summary>
    /// The start (or single position) when it is a size read from a traced tensor (<see cref="DimRef"/> text,
    /// <c>pe[:x.size(0)]</c>), resolved by shape analysis; null otherwise.
    /// </summary>
    public string? StartRef { get; }

    /// <summary>The stop when it is a size read from a traced tensor (<see cref="DimRef"/> text); null otherwise.</summary>
    public string? StopRef { get; }

    /// <summary>The start (or single position) is given but not known at compile time.</summary>
    public bool StartUnknown => (_unknown & 1) != 0;

    /// <summary>The stop is given but not known at compile time.</summary>
    public bool StopUnknown => (_unknown & 2) != 0;

    /// <summary>The step is given but not known at compile time.</summary>
    public bool StepUnknown => (_unknown & 4) != 0;

    /// <summary>A bound that is present but not known at compile time.</summary>
    public static readonly Bound Unknown = new(null, true);

    /// <summary>A bound that is not given (the default applies).</summary>
    public static readonly Bound Absent = new(null, false);

    /// <summary>A bound: a number, a size read from a traced tensor (<see cref="Ref"/>), <see cref="Absent"/> or <see cref="Unknown"/>.</summary>
    public readonly struct Bound
    {
        /// <summary>A bound of <paramref name="value"/> (null: absent or unknown, as <paramref name="unknown"/> says).</summary>
        public Bound(long? value, bool unknown)
        {
            Value = value;
            IsUnknown = unknown;
            Ref = null;
        }

        private Bound(string reference)
        {
            Value = null;
            IsUnknown = false;
            Ref = reference;
        }

        /// <summary>A bound that is the size <paramref name="reference"/> of a traced tensor (<see cref="DimRef"/>).</summary>
        public static Bound OfRef(DimRef reference) => new(reference.ToString());

        /// <summary>The number, when known.</summary>
        public long? Value { get; }

        /// <summary>The <see cref="DimRef"/> text when the bound is a size read from a traced tensor; resolved by shape analysis.</summary>
        public string? Ref { get; }

        /// <summary>Given, but not known at compile time.</summary>
        public bool IsUnknown { get; }

        /// <summary>A known bound.</summary>
        public static implicit operator Bound(long value) => new(value, false);
    }

    /// <summary>One position.</summary>
    public static TensorIndexItem Single(Bound index) => new(TensorIndexKind.Single, index.Value, null, null, (byte)(index.IsUnknown ? 1 : 0), index.Ref);

    /// <summary>A slice <c>start:stop:step</c> (a step read from a traced tensor counts as unknown).</summary>
    public static TensorIndexItem Slice(Bound start, Bound stop, Bound step) =>
        new(TensorIndexKind.Slice, start.Value, stop.Value, step.Value,
            (byte)((start.IsUnknown ? 1 : 0) | (stop.IsUnknown ? 2 : 0) | (step.IsUnknown || step.Ref is not null ? 4 : 0)), start.Ref, stop.Ref);

    /// <summary><c>:</c>, the whole dim.</summary>
    public static TensorIndexItem Colon => Slice(Absent, Absent, Absent);

    /// <summary><c>...</c></summary>
    public static TensorIndexItem Ellipsis => new(TensorIndexKind.Ellipsis, null, null, null, 0);

    /// <summary><c>None</c>, a new dim of 1.</summary>
    public static TensorIndexItem NewAxis => new(TensorIndexKind.NewAxis, null, null, null, 0);

    /// <summary>
    /// A C# range as TorchSharp converts it (<c>TensorIndex.Slice(Range)</c>): a from-end start <c>^k</c> is
    /// <c>-k</c>; a from-end end <c>^0</c> is no stop and <c>^k</c> is <c>-k</c>; a missing side is the
    /// range's default, kept absent (<c>..</c> is <c>[:]</c>, <c>..k</c> is <c>[:k]</c>, as the source reads). Checked
    /// against the runtime by the oracle tests.
    /// </summary>
    public static TensorIndexItem FromRange(Bound start, bool startFromEnd, Bound end, bool endFromEnd)
    {
        // ^size is a count from the end that only the runtime knows: unknown.
        Bound s = start.IsUnknown || start.Ref is not null && startFromEnd ? Unknown : start.Ref is not null ? start : start.Value is long a ? (startFromEnd ? -a : a) : Absent;
        Bound e = end.IsUnknown || end.Ref is not null && endFromEnd ? Unknown : end.Ref is not null ? end : end.Value is long b ? (endFromEnd ? (b == 0 ? Absent : (Bound)(-b)) : b) : Absent;
        return Slice(s, e, Absent);
    }

    /// <summary>A C# <c>System.Index</c> as a single position: <c>^k</c> is <c>-k</c>.</summary>
    public static TensorIndexItem FromIndex(Bound value, bool fromEnd) =>
        value.IsUnknown || value.Value is not long v ? Single(fromEnd || value.Ref is null ? Unknown : value) : Single(fromEnd ? -v : v);

    /// <inheritdoc/>
    public bool Equals(TensorIndexItem other) => Kind == other.Kind && Start == other.Start && Stop == other.Stop && Step == other.Step && _unknown == other._unknown
        && StartRef == other.StartRef && StopRef == other.StopRef;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is TensorIndexItem other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => ((int)Kind * 397) ^ (Start?.GetHashCode() ?? 0) ^ ((Stop?.GetHashCode() ?? 0) * 31) ^ _unknown;

    /// <summary>
    /// Python's notation: <c>2</c>, <c>:</c>, <c>1:-1</c>, <c>::2</c>, <c>...</c>, <c>None</c>; a size read from a
    /// traced tensor as its <see cref="DimRef"/> text (<c>:#3.size(0)</c>).
    /// </summary>
    public override string ToString() => Kind switch
    {
        TensorIndexKind.Single => Part(Start, StartUnknown, StartRef),
        TensorIndexKind.Ellipsis => "...",
        TensorIndexKind.NewAxis => "None",
        _ => Part(Start, StartUnknown, StartRef) + ":" + Part(Stop, StopUnknown, StopRef) + (Step is null && !StepUnknown ? "" : ":" + Part(Step, StepUnknown, null)),
    };

    private static string Part(long? value, bool unknown, string? reference) =>
        reference ?? (unknown ? "?" : value is long v ? v.ToString(CultureInfo.InvariantCulture) : "");
}

/// <summary>
/// Tensor indexing as an op of the data flow (<c>index</c>): the positions travel as one string argument
/// (<see cref="Encode"/>), and the shape rule applies PyTorch's basic indexing to the input shape.
/// </summary>
public static class TensorIndexing
{
    /// <summary>The op name in the flow graph and the catalog.</summary>
    public const string OpName = "index";

    /// <summary>The op of a write into a tensor (<c>x[...] = v</c>): the tensor with the value written in, same shape.</summary>
    public const string WriteOpName = "index_put";

    /// <summary>
    /// The op of indexing by an integer tensor (<c>table[indices]</c>, PyTorch's advanced indexing of dim 0): the
    /// rows of the first input picked by the second, shaped as the indices followed by the table's other dims.
    /// Its optional <c>dim</c> argument counts whole slices before the index tensor (<c>table[:, indices]</c>).
    /// </summary>
    public const string ByTensorOpName = "index_by_tensor";

    /// <summary>The argument holding the encoded positions.</summary>
    public const string ArgName = "indices";

    /// <summary>The positions as text: Python's notation joined by <c>", "</c> (also what the diagram shows).</summary>
    public static string Encode(IEnumerable<TensorIndexItem> items) => string.Join(", ", items.Select(i => i.ToString()));

    /// <summary>
    /// The encoded positions as the diagram shows them: a size read from a traced tensor loses its node
    /// number (<c>:#3.size(0)</c> → <c>:size(0)</c>), which means nothing to a reader (<see cref="DimRef.Display"/>).
    /// </summary>
    public static string Label(string encoded) => DimRef.Display(encoded);

    /// <summary>Reads <see cref="Encode"/>'s text back; null when it is not such text.</summary>
    public static IReadOnlyList<TensorIndexItem>? Decode(string text)
    {
        var items = new List<TensorIndexItem>();
        foreach (var raw in text.Split(new[] { ", " }, StringSplitOptions.None))
        {
            var part = raw.Trim();
            if (part == "...") items.Add(TensorIndexItem.Ellipsis);
            else if (part == "None") items.Add(TensorIndexItem.NewAxis);
            else if (part.IndexOf(':') < 0)
            {
                if (!TryBound(part, out var b) || b.Value is null && !b.IsUnknown && b.Ref is null) return null;
                items.Add(TensorIndexItem.Single(b));
            }
            else
            {
                var bounds = part.Split(':');
                if (bounds.Length > 3) return null;
                if (!TryBound(bounds[0], out var start) || !TryBound(bounds[1], out var stop)) return null;
                var step = TensorIndexItem.Absent;
                if (bounds.Length == 3 && !TryBound(bounds[2], out step)) return null;
                items.Add(TensorIndexItem.Slice(start, stop, step));
            }
        }
        return items;
    }

    private static bool TryBound(string text, out TensorIndexItem.Bound bound)
    {
        bound = TensorIndexItem.Absent;
        if (text.Length == 0) return true;
        if (text == "?")
        {
            bound = TensorIndexItem.Unknown;
            return true;
        }
        if (DimRef.TryParse(text, out var reference))
        {
            bound = TensorIndexItem.Bound.OfRef(reference!);
            return true;
        }
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v)) return false;
        bound = v;
        return true;
    }

    /// <summary>
    /// The shape of <paramref name="x"/> indexed by <paramref name="items"/> (PyTorch's basic indexing): a
    /// single position drops its dim (an error when a known position is outside a known size), a slice keeps
    /// its dim with Python's clamped length, <c>...</c> stands for the dims no other position takes, <c>None</c>
    /// inserts a dim of 1, and dims after the last position are kept. <paramref name="sizes"/> resolves bounds
    /// read from traced tensors (<see cref="TensorIndexItem.StartRef"/>, <see cref="TensorIndexItem.StopRef"/>);
    /// without it they are unknown.
    /// </summary>
    public static ShapeResult Apply(Shape x, IReadOnlyList<TensorIndexItem> items, Func<DimRef, Dim?>? sizes = null)
    {
        int consuming = items.Count(i => i.Kind is TensorIndexKind.Single or TensorIndexKind.Slice);
        int ellipses = items.Count(i => i.Kind == TensorIndexKind.Ellipsis);
        if (ellipses > 1) return ShapeResult.Fail(new ShapeError(ShapeErrorKind.InvalidArgument, "an index can hold only one ellipsis (...)"));
        if (consuming > x.Rank)
            return ShapeResult.Fail(new ShapeError(ShapeErrorKind.RankMismatch, "too many indices for a tensor of " + x.Rank + " dim(s): [" + Encode(items) + "] on " + x));

        var dims = new List<Dim>();
        int axis = 0;
        foreach (var item in items)
        {
            switch (item.Kind)
            {
                case TensorIndexKind.NewAxis:
                    dims.Add(1);
                    break;
                case TensorIndexKind.Ellipsis:
                    for (int k = 0; k < x.Rank - consuming; k++) dims.Add(x.Dims[axis++]);
                    break;
                case TensorIndexKind.Single:
                    {
                        var size = x.Dims[axis];
                        if (!item.StartUnknown && item.Start is long i && size.Value is long n && (i >= n || i < -n))
                            return ShapeResult.Fail(new ShapeError(ShapeErrorKind.InvalidArgument,
                                "index " + i + " is out of range for dim " + axis + " of size " + n + " in " + x, Axis: axis, Actual: i));
                        axis++;
                        break;
                    }
                default:
                    {
                        var size = x.Dims[axis];
                        var length = SliceLength(item, size, sizes, out var why);
                        if (length is null) return ShapeResult.Unknown("slice [" + item + "] of dim " + axis + " (" + size + "): " + why);
                        if (length.Value is long l && l < 0) return ShapeResult.Fail(new ShapeError(ShapeErrorKind.InvalidArgument, why));
                        dims.Add(length);
                        axis++;
                        break;
                    }
            }
        }
        while (axis < x.Rank) dims.Add(x.Dims[axis++]);
        return ShapeResult.Ok(Shape.Of(dims));
    }

    // Python's slice length on a dim of size n: bounds default to 0 and n, a negative bound counts from the
    // end, both are clamped to [0, n]; the step must be positive (TorchSharp and PyTorch reject others).
    // A bound read from a traced tensor (pe[:x.size(0)], the idiom that aligns one tensor to another's length)
    // is taken to lie within the dim: the slice is as long as that size says, and whatever combines the two
    // tensors next checks the sizes. A number on a dim of unknown size is not: x[:, :16] on a symbolic T
    // could be shorter than 16, so it stays unknown rather than a guess.
    private static Dim? SliceLength(TensorIndexItem item, Dim size, Func<DimRef, Dim?>? sizes, out string why)
    {
        why = "";
        if (item.StepUnknown)
        {
            why = "the step is not known at compile time";
            return null;
        }
        long step = item.Step ?? 1;
        if (step <= 0)
        {
            why = "slice step " + step + " must be positive";
            return -1;
        }
        if (item.StartUnknown || item.StopUnknown)
        {
            why = "a bound is not known at compile time";
            return null;
        }
        if (!TryResolve(item.StartRef, sizes, out var startRef) || !TryResolve(item.StopRef, sizes, out var stopRef))
        {
            why = "a bound is a size that shape analysis could not resolve";
            return null;
        }
        // A traced size that resolves to a number is a number from here on (clamped like any other).
        long? startNumber = startRef?.Value ?? item.Start, stopNumber = stopRef?.Value ?? item.Stop;
        if (startRef is { IsConcrete: true }) startRef = null;
        if (stopRef is { IsConcrete: true }) stopRef = null;
        bool noStart = startRef is null && (startNumber is null || startNumber == 0);
        bool noStop = stopRef is null && stopNumber is null;
        if (noStart && noStop && step == 1) return size;

        if (startRef is null && stopRef is null)
        {
            if (size.Value is not long n)
            {
                why = "the dim's size is not known at compile time";
                return null;
            }
            long start = Clamp(startNumber ?? 0, n);
            long stop = Clamp(stopNumber ?? n, n);
            return stop <= start ? 0 : (stop - start + step - 1) / step;
        }

        // At least one bound is a traced size (non-negative, within the dim); a number beside it counts from
        // the end when negative and is clamped when the dim's size is known.
        if (!TryBoundDim(startRef, startNumber, 0, size, isStart: true, out var s) || !TryBoundDim(stopRef, stopNumber, size, size, isStart: false, out var e))
        {
            why = "the dim's size is not known at compile time";
            return null;
        }
        var length = e - s;
        if (length.Value is long known) return known <= 0 ? 0 : (known + step - 1) / step;
        return step == 1 ? length : length.CeilDiv(step);
    }

    private static bool TryResolve(string? reference, Func<DimRef, Dim?>? sizes, out Dim? value)
    {
        value = null;
        if (reference is null) return true;
        if (sizes is null || !DimRef.TryParse(reference, out var parsed)) return false;
        value = sizes(parsed!);
        return value is not null;
    }

    private static bool TryBoundDim(Dim? reference, long? number, Dim absent, Dim size, bool isStart, out Dim value)
    {
        value = absent;
        if (reference is not null)
        {
            value = reference;
            return true;
        }
        if (number is not long b) return true;
        if (size.Value is long n)
        {
            value = Clamp(b, n);
            return true;
        }
        if (b < 0)
        {
            value = size + b;
            return true;
        }
        // A start before a traced-size stop lies within the dim as that stop does; a stop given as a number
        // could lie beyond a dim of unknown size.
        value = b;
        return isStart;
    }

    private static long Clamp(long bound, long n)
    {
        if (bound < 0) bound += n;
        return bound < 0 ? 0 : bound > n ? n : bound;
    }
}
