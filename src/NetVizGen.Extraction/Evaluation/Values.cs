using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using NetVizGen.Model.Specs;

namespace NetVizGen.Extraction.Evaluation;

/// <summary>
/// A value in the partial evaluator. Evaluation-time only: these objects hold Roslyn symbols and
/// are mutable (modules gain children as the constructor runs), so they never leave extraction.
/// </summary>
internal abstract class Value
{
    /// <summary>The one "could not be determined statically" value.</summary>
    public static readonly UnknownValue Unknown = new("unknown");

    /// <summary>The C# null.</summary>
    public static readonly PrimValue Null = new(null);
}

/// <summary>A value the evaluator could not determine; carries why, for diagnostics.</summary>
internal sealed class UnknownValue : Value
{
    public UnknownValue(string reason) => Reason = reason;
    public string Reason { get; }
}

/// <summary>A primitive: long, double, bool, string, char, an enum member name (<see cref="EnumName"/>) or null.</summary>
internal sealed class PrimValue : Value
{
    public PrimValue(object? raw) => Raw = raw;
    public object? Raw { get; }
    public bool IsNull => Raw is null;

    public static PrimValue Of(object? raw) => raw switch
    {
        int i => new PrimValue((long)i),
        short s => new PrimValue((long)s),
        byte b => new PrimValue((long)b),
        sbyte sb => new PrimValue((long)sb),
        uint ui => new PrimValue((long)ui),
        ulong ul => new PrimValue((long)ul),
        ushort us => new PrimValue((long)us),
        // A float keeps its shortest decimal form (0.1f is 0.1, not 0.10000000149011612).
        float f => new PrimValue(double.Parse(f.ToString("R", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture)),
        decimal m => new PrimValue((double)m),
        _ => new PrimValue(raw),
    };
}

/// <summary>An enum member or other named constant, kept by name (<c>PaddingModes.Zeros</c>).</summary>
internal sealed class EnumName
{
    public EnumName(string name, long ordinal) { Name = name; Ordinal = ordinal; }
    public string Name { get; }
    public long Ordinal { get; }
    public override bool Equals(object? obj) => obj is EnumName e && e.Name == Name;
    public override int GetHashCode() => Name.GetHashCode();
    public override string ToString() => Name;
}

/// <summary>An array, <c>List&lt;T&gt;</c>, collection expression or other ordered sequence.</summary>
internal sealed class ListValue : Value
{
    public ListValue(List<Value> items) => Items = items;
    public List<Value> Items { get; }

    /// <summary>A <c>HashSet&lt;T&gt;</c>: <c>Add</c> keeps one copy of equal items.</summary>
    public bool IsSet { get; init; }

    /// <summary>An array: fixed length, so <c>Add</c>/<c>Remove</c> do not apply.</summary>
    public bool IsArray { get; init; }

    /// <summary>Set when code the evaluator does not model may have changed the list: its contents are unknown from then on.</summary>
    public bool Poisoned { get; set; }
}

/// <summary>
/// A deferred LINQ query (<c>xs.Select(...)</c> before <c>ToList()</c>): like C#, it is computed
/// again each time it is enumerated, so it sees later changes to its source and repeats lambda side effects.
/// </summary>
internal sealed class SeqValue : Value
{
    public SeqValue(Func<IReadOnlyList<Value>?> produce) => Produce = produce;

    /// <summary>Enumerates the query now; null when some part is unknown.</summary>
    public Func<IReadOnlyList<Value>?> Produce { get; }
}

/// <summary>A <c>Dictionary</c>: entries in insertion order, found by structural key equality through a hash index.</summary>
internal sealed class DictValue : Value
{
    private readonly Dictionary<Value, int> _index = new(ValueKeyComparer.Instance);

    public List<KeyValuePair<Value, Value>> Entries { get; } = new();

    /// <summary>True when every key so far is hashable (primitives, enum members, tuples of them).</summary>
    public bool Indexed { get; private set; } = true;

    /// <summary>The entry index of <paramref name="key"/>: found, not found (-1), or null when it cannot be decided.</summary>
    public int? Find(Value key)
    {
        if (!ValueKeyComparer.IsHashable(key) || !Indexed) return null;
        return _index.TryGetValue(key, out var i) ? i : -1;
    }

    /// <summary>Adds or replaces; false when the key cannot be compared exactly.</summary>
    public bool Set(Value key, Value value)
    {
        var at = Find(key);
        if (at is null) { Indexed = false; return false; }
        if (at >= 0) { Entries[at.Value] = new KeyValuePair<Value, Value>(Entries[at.Value].Key, value); return true; }
        _index[key] = Entries.Count;
        Entries.Add(new KeyValuePair<Value, Value>(key, value));
        return true;
    }

    /// <summary>Code the evaluator does not model may have changed the dictionary: nothing is known from then on.</summary>
    public void Poison()
    {
        Indexed = false;
        Entries.Clear();
        _index.Clear();
    }

    public void Clear()
    {
        Entries.Clear();
        _index.Clear();
    }

    /// <summary>Removes a key; false when the key cannot be compared exactly.</summary>
    public bool Remove(Value key, out bool removed)
    {
        removed = false;
        var at = Find(key);
        if (at is null) return false;
        if (at < 0) return true;
        Entries.RemoveAt(at.Value);
        _index.Clear();
        for (int i = 0; i < Entries.Count; i++) _index[Entries[i].Key] = i;
        removed = true;
        return true;
    }
}

/// <summary>Structural equality and hashing of dictionary keys (C# value equality of primitives and tuples).</summary>
internal sealed class ValueKeyComparer : IEqualityComparer<Value>
{
    public static readonly ValueKeyComparer Instance = new();

    public static bool IsHashable(Value v)
    {
        if (v is PrimValue) return true;
        if (v is not TupleValue t) return false;
        for (int i = 0; i < t.Items.Count; i++) if (!IsHashable(t.Items[i])) return false;
        return true;
    }

    private int TupleHash(TupleValue t)
    {
        int h = 17;
        for (int i = 0; i < t.Items.Count; i++) h = unchecked(h * 31 + GetHashCode(t.Items[i]));
        return h;
    }

    public bool Equals(Value? x, Value? y)
    {
        switch (x, y)
        {
            case (PrimValue a, PrimValue b): return RawEquals(a.Raw, b.Raw);
            case (TupleValue a, TupleValue b):
                if (a.Items.Count != b.Items.Count) return false;
                for (int i = 0; i < a.Items.Count; i++) if (!Equals(a.Items[i], b.Items[i])) return false;
                return true;
            default: return ReferenceEquals(x, y);
        }
    }

    private static bool RawEquals(object? a, object? b) => (a, b) switch
    {
        (null, null) => true,
        (null, _) or (_, null) => false,
        (long l, double d) => l == d,
        (double d, long l) => l == d,
        (double d1, double d2) => d1.Equals(d2),
        _ => a!.Equals(b),
    };

    public int GetHashCode(Value v) => v switch
    {
        PrimValue { Raw: null } => 0,
        PrimValue { Raw: double d } when d == Math.Floor(d) && Math.Abs(d) < 9e18 => ((long)d).GetHashCode(),
        PrimValue p => p.Raw!.GetHashCode(),
        TupleValue t => TupleHash(t),
        _ => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(v),
    };
}

/// <summary>A value tuple.</summary>
internal sealed class TupleValue : Value
{
    public TupleValue(IReadOnlyList<Value> items) => Items = items;
    public IReadOnlyList<Value> Items { get; }
}

/// <summary>A <c>System.Index</c> (<c>^1</c> is <c>FromEnd</c> with offset 1).</summary>
internal sealed class IndexValue : Value
{
    public IndexValue(long offset, bool fromEnd) { Offset = offset; FromEnd = fromEnd; }
    public long Offset { get; }
    public bool FromEnd { get; }

    /// <summary>The position in a sequence of <paramref name="length"/> items.</summary>
    public long Resolve(long length) => FromEnd ? length - Offset : Offset;
}

/// <summary>A <c>System.Range</c> (<c>1..^1</c>).</summary>
internal sealed class RangeValue : Value
{
    public RangeValue(IndexValue start, IndexValue end) { Start = start; End = end; }
    public IndexValue Start { get; }
    public IndexValue End { get; }
}

/// <summary>A <c>TensorIndex</c> (<c>TensorIndex.Slice(1)</c>, <c>TensorIndex.Colon</c>) held as a value, for indexing elsewhere.</summary>
internal sealed class TensorIndexValue : Value
{
    public TensorIndexValue(NetVizGen.Model.Catalog.TensorIndexItem item) => Item = item;
    public NetVizGen.Model.Catalog.TensorIndexItem Item { get; }
}

/// <summary>
/// <c>TensorIndex.Tensor(t)</c>: advanced indexing by a tensor, kept as the tensor (a constructor tensor while
/// constructing, a traced one in forward) until it meets the tensor it indexes.
/// </summary>
internal sealed class TensorIndexByTensorValue : Value
{
    public TensorIndexByTensorValue(Value tensor) => Tensor = tensor;
    public Value Tensor { get; }
}

/// <summary>
/// A <c>Span&lt;T&gt;</c> over part of an array (<c>array.AsSpan(start)</c>): reads and writes go to the array's
/// items, so <c>array.AsSpan(n)[0] = v</c> and <c>s.CopyTo(array.AsSpan(n))</c> change the array, as in C#.
/// </summary>
internal sealed class SpanValue : Value
{
    public SpanValue(ListValue source, int offset, int length) { Source = source; Offset = offset; Length = length; }
    public ListValue Source { get; }
    public int Offset { get; }
    public int Length { get; }

    /// <summary>The items the span sees now; null when the array is no longer known.</summary>
    public List<Value>? Items => Source.Poisoned || Offset + Length > Source.Items.Count ? null : Source.Items.GetRange(Offset, Length);
}

/// <summary>A module's <c>_internal_submodules</c> (TorchSharp's registry of its children), for <c>Remove(name)</c>.</summary>
internal sealed class SubmodulesValue : Value
{
    public SubmodulesValue(NetVizGen.Extraction.Construction.ModuleValue module) => Module = module;
    public NetVizGen.Extraction.Construction.ModuleValue Module { get; }
}

/// <summary>A lambda, anonymous method, local function or method group, with its captured frame.</summary>
internal sealed class LambdaValue : Value
{
    public LambdaValue(IMethodSymbol method, IOperation? body, IReadOnlyList<IParameterSymbol> parameters, Frame? captured)
    {
        Method = method;
        Body = body;
        Parameters = parameters;
        Captured = captured;
    }

    public IMethodSymbol Method { get; }
    /// <summary>The body operation for lambdas; null for method groups (looked up from source).</summary>
    public IOperation? Body { get; }
    public IReadOnlyList<IParameterSymbol> Parameters { get; }
    public Frame? Captured { get; }
    /// <summary>For a method group bound to an instance (<c>this.MakeLayer</c>).</summary>
    public Value? Receiver { get; set; }
}

/// <summary>
/// <c>typeof(T)</c>: kept so that feature detection by reflection on a type the compilation knows
/// (<c>typeof(F).GetMember("scaled_dot_product_attention").Length != 0</c>) is answered from its symbol.
/// </summary>
internal sealed class TypeValue : Value
{
    public TypeValue(ITypeSymbol type) => Type = type;
    public ITypeSymbol Type { get; }
}

/// <summary>
/// <c>Options.Create(config)</c> (Microsoft.Extensions.Options): the configuration behind <c>IOptions&lt;T&gt;.Value</c>,
/// as models built for dependency injection take their sizes.
/// </summary>
internal sealed class OptionsValue : Value
{
    public OptionsValue(Value inner) => Inner = inner;
    public Value Inner { get; }
}

/// <summary>An instance of a plain (non-module) user class or record, e.g. a config object.</summary>
internal sealed class ObjectValue : Value
{
    public ObjectValue(INamedTypeSymbol type) => Type = type;
    public INamedTypeSymbol Type { get; }
    public Dictionary<string, Value> Fields { get; } = new(StringComparer.Ordinal);
}

/// <summary>A tensor during forward tracing: the output of flow node <see cref="NodeId"/>.</summary>
internal sealed class TensorValue : Value
{
    public TensorValue(int nodeId) => NodeId = nodeId;
    public int NodeId { get; }
    /// <summary>Known to hold integers (made by <c>to_type(ScalarType.Int64)</c>, <c>long()</c>, ...): usable as indices.</summary>
    public bool Integral { get; init; }
}

/// <summary>
/// A tensor created inside a constructor (a <c>Parameter</c> or buffer field): its shape, if known,
/// and whether it trains.
/// </summary>
internal sealed class ConstTensorValue : Value
{
    public ConstTensorValue(IReadOnlyList<long>? shape, bool isParameter, bool requiresGrad)
    {
        Shape = shape;
        IsParameter = isParameter;
        RequiresGrad = requiresGrad;
    }

    public IReadOnlyList<long>? Shape { get; }
    public bool IsParameter { get; }
    public bool RequiresGrad { get; }

    /// <summary>
    /// The items of a 1-D tensor whose values the constructor can know (<c>linspace(0, rate, n)</c>, a drop-path
    /// schedule read back with <c>data&lt;float&gt;()</c>); null when only the shape is known.
    /// </summary>
    public IReadOnlyList<double>? Values { get; init; }

    /// <summary>The built-in layer whose <c>weight</c> this is, when read as <c>layer.weight</c> in a constructor.</summary>
    public Construction.ModuleValue? WeightOf { get; init; }

    /// <summary>The same tensor registered as a buffer (<c>register_buffer</c> keeps no Parameter-ness).</summary>
    public ConstTensorValue AsBuffer() => IsParameter ? new ConstTensorValue(Shape, isParameter: false, requiresGrad: false) { Values = Values, Integral = Integral } : this;

    /// <summary>
    /// False for a buffer registered with <c>persistent: false</c>. TorchSharp's <c>named_buffers()</c> (and so
    /// <c>buffers()</c>) leaves a module's own non-persistent buffers out whatever <c>include_nonpersistent</c> says,
    /// so the counts leave them out too; forward still reads the tensor.
    /// </summary>
    public bool Persistent { get; init; } = true;

    /// <summary>False for a <c>Tensor</c> field whose value is not known: a Parameter or a buffer, the reader cannot tell.</summary>
    public bool KindKnown { get; init; } = true;

    /// <summary>Holds integers (made from an integer array or by <c>LongTensor</c>): it can index another tensor in forward.</summary>
    public bool Integral { get; init; }

    public long? Elements
    {
        get
        {
            if (Shape is null) return null;
            long n = 1;
            foreach (var d in Shape) n *= d;
            return n;
        }
    }
}

/// <summary>Helpers to move between evaluator values and spec argument values.</summary>
internal static class ValueConversions
{
    /// <summary>
    /// An integral C# type (int, long, short, byte, and their unsigned and nullable forms up to 32 bits): the
    /// types sizes, indices and counts are written in. One definition for the reader's every such check.
    /// </summary>
    public static bool IsIntegralType(ITypeSymbol? type)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable) type = nullable.TypeArguments[0];
        return type?.SpecialType is SpecialType.System_Int64 or SpecialType.System_Int32 or SpecialType.System_Int16 or SpecialType.System_Byte
            or SpecialType.System_SByte or SpecialType.System_UInt16 or SpecialType.System_UInt32;
    }

    public static ArgValue ToArg(Value v) => v switch
    {
        PrimValue { Raw: null } => ArgValue.Null,
        PrimValue { Raw: bool b } => ArgValue.FromBool(b),
        PrimValue { Raw: long l } => ArgValue.FromInt(l),
        PrimValue { Raw: double d } => ArgValue.FromFloat(d),
        PrimValue { Raw: string s } => ArgValue.FromString(s),
        PrimValue { Raw: char c } => ArgValue.FromString(c.ToString()),
        PrimValue { Raw: EnumName e } => ArgValue.FromSymbol(e.Name),
        TupleValue t => ArgValue.FromTuple(t.Items.Select(ToArg)),
        ListValue { Poisoned: true } => ArgValue.Unknown,
        ListValue l => ArgValue.FromTuple(l.Items.Select(ToArg)),
        SizeRefValue s => ArgValue.FromSymbol(s.Dim.ToString()),
        _ => ArgValue.Unknown,
    };

    public static bool TryLong(Value v, out long result)
    {
        switch (v)
        {
            case PrimValue { Raw: long l }: result = l; return true;
            case PrimValue { Raw: double d } when Math.Floor(d) == d: result = (long)d; return true;
            case PrimValue { Raw: char c }: result = c; return true;
            default: result = 0; return false;
        }
    }

    public static bool? TryBool(Value v) => v is PrimValue { Raw: bool b } ? b : null;
}
