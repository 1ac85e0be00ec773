using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace NetVizGen.Extraction.Evaluation;

/// <summary>
/// The slice of the base class library model code uses to build layers: lists, dictionaries, sets,
/// LINQ, Math, strings. Each member is modelled exactly or not at all: what the runtime would throw
/// on, what depends on the machine's culture, and floating-point functions whose last bit differs
/// between runtimes are unknown. A collection passed to a method that is not modelled may have been
/// changed by it, so its contents become unknown.
/// </summary>
internal sealed partial class Interpreter
{
    private Value? TryCreateLibraryObject(INamedTypeSymbol type, List<Value> args)
    {
        var name = TorchNames.DisplayName(type.OriginalDefinition);
        bool isList = name.StartsWith("System.Collections.Generic.List<", StringComparison.Ordinal) ||
                      name.StartsWith("System.Collections.Generic.Queue<", StringComparison.Ordinal);
        bool isSet = name.StartsWith("System.Collections.Generic.HashSet<", StringComparison.Ordinal);
        if (isList || isSet)
        {
            var items = new List<Value>();
            if (args.Count >= 1 && args[0] is not PrimValue { Raw: long })
            {
                // new List<T>(source) copies; new List<T>(capacity) does not; a comparer makes it unknown.
                if (args.Count > 1) return Value.Unknown;
                var source = Enumerate(args[0]);
                if (source is null) return Value.Unknown;
                foreach (var item in source) if (!isSet || !SetContains(items, item, out _)) items.Add(item);
            }
            return new ListValue(items) { IsSet = isSet };
        }
        if (name.StartsWith("System.Collections.Generic.Dictionary<", StringComparison.Ordinal))
        {
            if (args.Count >= 1 && args[0] is not PrimValue { Raw: long }) return Value.Unknown;
            return new DictValue();
        }
        if (type.IsTupleType || name.StartsWith("System.Tuple<", StringComparison.Ordinal)) return new TupleValue(args);
        if (type.SpecialType == SpecialType.System_String)
            return args.Count == 2 && args[0] is PrimValue { Raw: char c } && args[1] is PrimValue { Raw: long n } && n >= 0 && n <= _limits.MaxCollectionItems
                ? new PrimValue(new string(c, (int)n)) : Value.Unknown;
        if (name.StartsWith("System.Collections.", StringComparison.Ordinal) || name.StartsWith("System.Text.StringBuilder", StringComparison.Ordinal))
            return Value.Unknown; // Stack (LIFO order), SortedDictionary (sorted order), ...: not modelled
        return null;
    }

    private static bool SetContains(List<Value> items, Value item, out bool known)
    {
        known = true;
        foreach (var existing in items)
        {
            var eq = ValuesEqual(existing, item);
            if (eq == true) return true;
            if (eq is null) known = false;
        }
        return false;
    }

    private Value? TryLibraryCall(IMethodSymbol method, Value? receiver, List<Value> args, IOperation site) =>
        LibraryCall(TorchNames.DisplayName(method.ContainingType?.OriginalDefinition), method, receiver, args, site);

    /// <summary>After a call that is not modelled: the lists, dictionaries and sets it was given may have changed.</summary>
    private static void PoisonCollections(Value? receiver, IEnumerable<Value> args, string methodName)
    {
        if (receiver is ListValue or DictValue && !PureMembers.Contains(methodName)) Poison(receiver);
        foreach (var a in args) Poison(a);
    }

    /// <summary>Instance members of collections that only read.</summary>
    private static readonly HashSet<string> PureMembers = new(StringComparer.Ordinal)
    {
        "Contains", "ContainsKey", "ContainsValue", "IndexOf", "LastIndexOf", "Find", "FindIndex", "FindLast", "FindLastIndex", "FindAll",
        "Exists", "TrueForAll", "ConvertAll", "GetRange", "ToArray", "ToList", "Equals", "GetHashCode", "ToString", "GetType", "AsReadOnly",
        "GetEnumerator", "BinarySearch", "Peek", "TryGetValue", "GetValueOrDefault", "Clone", "GetLength", "AsSpan",
    };

    /// <summary><c>array.AsSpan()</c>, <c>AsSpan(start)</c>, <c>AsSpan(start, length)</c> (also of <c>x.shape</c>): a view of the array.</summary>
    private Value AsSpan(List<Value> args)
    {
        if (args.Count == 0 || WholeShape(args[0]) is not ListValue { Poisoned: false } array) return Value.Unknown;
        long start = 0, length = array.Items.Count;
        if (args.Count > 1 && !ValueConversions.TryLong(Concrete(args[1]) ?? Value.Unknown, out start)) return Value.Unknown;
        length -= start;
        if (args.Count > 2 && !ValueConversions.TryLong(Concrete(args[2]) ?? Value.Unknown, out length)) return Value.Unknown;
        if (start < 0 || length < 0 || start + length > array.Items.Count) return Value.Unknown; // throws in C#
        return new SpanValue(array, (int)start, (int)length);
    }

    /// <summary>Span members that copy, slice and turn into arrays; others are not modelled.</summary>
    private Value SpanCall(string name, Value? receiver, List<Value> args)
    {
        var items = receiver is null ? null : Enumerate(receiver);
        switch (name)
        {
            case "ToArray" when items is not null:
                return new ListValue(items.ToList()) { IsArray = true };
            case "Slice" when receiver is SpanValue or ListValue && args.Count is 1 or 2:
                {
                    var (source, offset, length) = receiver is SpanValue s ? (s.Source, s.Offset, s.Length) : ((ListValue)receiver!, 0, ((ListValue)receiver!).Items.Count);
                    if (!ValueConversions.TryLong(args[0], out var from) || from < 0 || from > length) return Value.Unknown;
                    long count = length - from;
                    if (args.Count == 2 && (!ValueConversions.TryLong(args[1], out count) || count < 0 || from + count > length)) return Value.Unknown;
                    return new SpanValue(source, offset + (int)from, (int)count);
                }
            case "CopyTo" when args.Count == 1:
                {
                    var (target, at, room) = args[0] switch
                    {
                        SpanValue t => (t.Source, t.Offset, t.Length),
                        ListValue l => (l, 0, l.Items.Count),
                        _ => ((ListValue?)null, 0, 0),
                    };
                    if (target is null) { Poison(args[0]); return Value.Unknown; }
                    if (items is null || items.Count > room || target.Poisoned) { target.Poisoned = true; return Value.Unknown; }
                    for (int i = 0; i < items.Count; i++) target.Items[at + i] = items[i];
                    return Value.Unknown;
                }
        }
        foreach (var a in args) Poison(a);
        if (receiver is SpanValue written) written.Source.Poisoned = true;
        return Value.Unknown;
    }

    /// <summary>Forgets what is known about a collection or object that code we do not model may have changed.</summary>
    private static void Poison(Value v)
    {
        switch (v)
        {
            case ListValue l: l.Poisoned = true; break;
            case DictValue d: d.Poison(); break;
            case LambdaValue f: ForgetCapturedWrites(f); break;
        }
    }

    private Value? LibraryCall(string owner, IMethodSymbol method, Value? receiver, List<Value> args, IOperation site)
    {
        if (owner == "System.Linq.Enumerable") return Linq(method, args, site);
        if (owner == "System.Type" && receiver is TypeValue type) return Reflect(type.Type, method, args);
        // foreach ((name, layer) in named_modules()) if (layer.GetType() == typeof(BatchNorm2d)): the class of what the reader built.
        if (method.Name == "GetType" && args.Count == 0 && method.ContainingType?.SpecialType == SpecialType.System_Object)
        {
            return receiver switch
            {
                Construction.ModuleValue { CustomType: { } custom } => new TypeValue(custom),
                Construction.ModuleValue { BuiltinType: { } builtin } => new TypeValue(builtin),
                ObjectValue o => new TypeValue(o.Type),
                _ => Value.Unknown,
            };
        }
        if (owner == "Microsoft.Extensions.Options.Options" && method.Name == "Create" && args.Count == 1) return new OptionsValue(args[0]);
        // Tuple.Create(a, b): a System.Tuple, read like a value tuple (Item1, deconstruction).
        if (owner == "System.Tuple" && method.Name == "Create") return new TupleValue(args);
        if (method.ContainingType?.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
        {
            if (receiver is UnknownValue or null) return Value.Unknown;
            bool isNull = receiver is PrimValue { IsNull: true };
            return (method.Name, args.Count) switch
            {
                ("GetValueOrDefault", 0) => isNull ? DefaultOf(((INamedTypeSymbol)method.ContainingType).TypeArguments[0]) : receiver,
                ("GetValueOrDefault", 1) => isNull ? args[0] : receiver,
                ("ToString", 0) => isNull ? new PrimValue("") : FormatPrim(receiver) is { } t ? new PrimValue(t) : Value.Unknown,
                _ => Value.Unknown,
            };
        }
        // Math.Max(qSize, kSize) of traced sizes: the numbers the shapes traced so far give them.
        if (owner == "System.Math" || owner == "System.MathF") return MathCall(method, args.Select(a => Concrete(a) ?? a).ToList());
        // C# 14 binds array.Contains(x) and array.SequenceEqual(y) to the span extensions of MemoryExtensions
        // (first-class spans); on an array the reader knows they mean what the LINQ ones do (YoloSharp's outputIndexs.Contains(i)).
        if (owner == "System.MemoryExtensions" && method.Name is "Contains" or "SequenceEqual" && args.Count == 2) return Linq(method, args, site);
        if (owner == "System.MemoryExtensions" && method.Name == "AsSpan") return AsSpan(args);
        if (owner is "System.Span<T>" or "System.ReadOnlySpan<T>") return SpanCall(method.Name, receiver, args);
        // DWConv's groups: (int)BigInteger.GreatestCommonDivisor(in_channels, out_channels).
        if (owner == "System.Numerics.BigInteger" && method.Name == "GreatestCommonDivisor" && args.Count == 2
            && ValueConversions.TryLong(args[0], out var ga) && ValueConversions.TryLong(args[1], out var gb))
        {
            ga = Math.Abs(ga); gb = Math.Abs(gb);
            while (gb != 0) (ga, gb) = (gb, ga % gb);
            return new PrimValue(ga);
        }
        if (owner == "System.Convert") return args.Count == 1 && args[0] is PrimValue ? Convert(method, args[0]) : Value.Unknown;
        if (owner == "string" || owner == "System.String") return StringCall(method.Name, receiver, args, site);
        if (owner == "System.Index" || owner == "System.Range") return IndexCall(method.Name, args);
        if (owner == "System.Collections.Generic.CollectionExtensions" && method.Name == "GetValueOrDefault" && args.Count >= 2 && args[0] is DictValue gd)
        {
            var at = gd.Find(args[1]);
            if (at is null) return Value.Unknown;
            return at >= 0 ? gd.Entries[at.Value].Value : args.Count > 2 ? args[2] : DefaultOf(method.ReturnType);
        }
        if (owner == "System.Array")
        {
            return method.Name switch
            {
                "IndexOf" when args.Count == 2 && args[0] is ListValue { Poisoned: false } al => IndexOf(al.Items, args[1]),
                "Sort" when args.Count == 1 && args[0] is ListValue sl => SortInPlace(sl),
                "Reverse" when args.Count == 1 && args[0] is ListValue { Poisoned: false } rl => Done(() => rl.Items.Reverse()),
                "Empty" => new ListValue(new List<Value>()) { IsArray = true },
                _ => PoisonThenUnknown(args),
            };
        }
        if (method.ContainingType?.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64 && method.Name == "Parse" && args.Count == 1 && args[0] is PrimValue { Raw: string text })
        {
            // Integer parsing does not depend on the culture for plain digits.
            if (text.Length > 0 && text.Length < 10 && text.All(char.IsDigit)) return new PrimValue(long.Parse(text, CultureInfo.InvariantCulture));
            return Value.Unknown;
        }
        if (method.Name == "ToString" && receiver is PrimValue or IndexValue)
        {
            string? format = null;
            foreach (var (p, a) in method.Parameters.Zip(args, (p, a) => (p, a)))
            {
                if (p.Type.SpecialType == SpecialType.System_String) format = (a as PrimValue)?.Raw as string ?? "?";
                else if (!IsInvariantProvider(site, p.Ordinal)) return Value.Unknown;
            }
            return FormatPrim(receiver, format) is { } text2 ? new PrimValue(text2) : Value.Unknown;
        }

        switch (receiver)
        {
            case ListValue list: return ListCall(list, method, args, site);
            case DictValue dict: return DictCall(dict, method, args, site);
        }
        return null;
    }

    /// <summary>True when argument <paramref name="ordinal"/> of the call is <c>CultureInfo.InvariantCulture</c> (or NumberFormatInfo.InvariantInfo).</summary>
    private static bool IsInvariantProvider(IOperation site, int ordinal)
    {
        if (site is not IInvocationOperation inv) return false;
        var arg = inv.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == ordinal)?.Value;
        while (arg is IConversionOperation c) arg = c.Operand;
        return arg is IPropertyReferenceOperation { Property.Name: "InvariantCulture" or "InvariantInfo" };
    }

    private static Value Done(Action action) { action(); return Value.Unknown; }

    private static Value IndexOf(List<Value> items, Value item)
    {
        for (int i = 0; i < items.Count; i++)
        {
            var eq = ValuesEqual(items[i], item);
            if (eq is null) return Value.Unknown;
            if (eq.Value) return new PrimValue((long)i);
        }
        return new PrimValue(-1L);
    }

    /// <summary>Sorts numbers in place (strings sort by culture, so they are not modelled).</summary>
    private static Value SortInPlace(ListValue list)
    {
        if (list.Poisoned || !list.Items.All(v => v is PrimValue { Raw: long or double }))
        {
            list.Poisoned = true;
            return Value.Unknown;
        }
        // Array.Sort/List.Sort are unstable, but equal numbers are indistinguishable.
        var sorted = list.Items.OrderBy(v => v is PrimValue { Raw: long l } ? l : (double)((PrimValue)v).Raw!).ToList();
        list.Items.Clear();
        list.Items.AddRange(sorted);
        return Value.Unknown;
    }

    private static Value IndexCall(string name, List<Value> args) => (name, args.Count) switch
    {
        ("FromEnd", 1) when ValueConversions.TryLong(args[0], out var e) && e >= 0 => new IndexValue(e, true),
        ("FromStart", 1) when ValueConversions.TryLong(args[0], out var s) && s >= 0 => new IndexValue(s, false),
        ("StartAt", 1) when args[0] is IndexValue i => new RangeValue(i, new IndexValue(0, true)),
        ("EndAt", 1) when args[0] is IndexValue i => new RangeValue(new IndexValue(0, false), i),
        _ => Value.Unknown,
    };

    private static Value Convert(IMethodSymbol method, Value v)
    {
        var target = method.ReturnType.SpecialType;
        switch (method.Name, v)
        {
            case ("ToInt32" or "ToInt64", PrimValue { Raw: double d }):
                {
                    // Convert rounds half to even and throws out of range.
                    var r = Math.Round(d);
                    if (double.IsNaN(d) || r < MinOf(target) || r > MaxOf(target)) return Value.Unknown;
                    return new PrimValue((long)r);
                }
            case ("ToInt32", PrimValue { Raw: long l }): return l is >= int.MinValue and <= int.MaxValue ? new PrimValue(l) : Value.Unknown;
            case ("ToInt64", PrimValue { Raw: long l }): return new PrimValue(l);
            case ("ToInt32" or "ToInt64", PrimValue { Raw: string s }) when s.Length is > 0 and < 10 && s.All(char.IsDigit):
                return new PrimValue(long.Parse(s, CultureInfo.InvariantCulture));
            case ("ToDouble", PrimValue { Raw: long l }): return new PrimValue((double)l);
            case ("ToDouble", PrimValue { Raw: double d }): return new PrimValue(d);
            case ("ToSingle", PrimValue { Raw: long l }): return PrimValue.Of((float)l);
            case ("ToSingle", PrimValue { Raw: double d }): return PrimValue.Of((float)d);
            case ("ToBoolean", PrimValue { Raw: bool b }): return new PrimValue(b);
            default: return Value.Unknown;
        }
    }

    private Value ListCall(ListValue list, IMethodSymbol method, List<Value> args, IOperation site)
    {
        var name = method.Name;
        if (list.Poisoned) return Value.Unknown;
        switch (name)
        {
            case "Add" when args.Count == 1 && list.IsSet:
                {
                    if (SetContains(list.Items, args[0], out var known)) return new PrimValue(false);
                    if (!known) { list.Poisoned = true; return Value.Unknown; }
                    list.Items.Add(args[0]);
                    return new PrimValue(true);
                }
            case "Add" or "Enqueue" when args.Count == 1 && !list.IsArray: list.Items.Add(args[0]); return Value.Unknown;
            case "AddRange" when args.Count == 1 && !list.IsSet:
                var more = Enumerate(args[0]);
                if (more is null) { list.Poisoned = true; return Value.Unknown; }
                list.Items.AddRange(more);
                return Value.Unknown;
            case "Dequeue" when args.Count == 0 && list.Items.Count > 0:
                {
                    var first = list.Items[0];
                    list.Items.RemoveAt(0);
                    return first;
                }
            case "Peek" when args.Count == 0 && list.Items.Count > 0: return list.Items[0];
            case "Insert" when args.Count == 2 && ValueConversions.TryLong(args[0], out var at) && at >= 0 && at <= list.Items.Count:
                list.Items.Insert((int)at, args[1]);
                return Value.Unknown;
            case "RemoveAt" when args.Count == 1 && ValueConversions.TryLong(args[0], out var ri) && ri >= 0 && ri < list.Items.Count:
                list.Items.RemoveAt((int)ri);
                return Value.Unknown;
            case "Remove" when args.Count == 1:
                {
                    var found = IndexOf(list.Items, args[0]);
                    if (found is not PrimValue { Raw: long fi }) break;
                    if (fi >= 0) list.Items.RemoveAt((int)fi);
                    return new PrimValue(fi >= 0);
                }
            case "Clear" when !list.IsArray: list.Items.Clear(); return Value.Unknown;
            case "Contains" when args.Count == 1:
                {
                    var found = IndexOf(list.Items, args[0]);
                    return found is PrimValue { Raw: long ci } ? new PrimValue(ci >= 0) : Value.Unknown;
                }
            case "IndexOf" when args.Count == 1: return IndexOf(list.Items, args[0]);
            case "LastIndexOf" when args.Count == 1:
                {
                    var reversed = list.Items.AsEnumerable().Reverse().ToList();
                    var found = IndexOf(reversed, args[0]);
                    return found is PrimValue { Raw: long li } ? new PrimValue(li < 0 ? -1 : list.Items.Count - 1 - li) : Value.Unknown;
                }
            case "ToArray" when args.Count == 0: return new ListValue(list.Items.ToList()) { IsArray = true };
            case "Clone" when args.Count == 0 && list.IsArray: return new ListValue(list.Items.ToList()) { IsArray = true };
            case "AsReadOnly": return new ListValue(list.Items.ToList());
            case "GetRange" when args.Count == 2 && ValueConversions.TryLong(args[0], out var gi) && ValueConversions.TryLong(args[1], out var gc) && gi >= 0 && gc >= 0 && gi + gc <= list.Items.Count:
                return new ListValue(list.Items.GetRange((int)gi, (int)gc));
            case "Reverse" when args.Count == 0 && !list.IsSet: list.Items.Reverse(); return Value.Unknown;
            case "Sort" when args.Count == 0: return SortInPlace(list);
            case "Find" or "FindIndex" or "Exists" or "TrueForAll" or "ConvertAll" or "RemoveAll" or "ForEach" when args.Count == 1 && args[0] is LambdaValue f:
                return ListLambdaCall(list, name, f, method, site);
        }
        // Not modelled: a mutating member leaves the list unknown; lambdas it was given may have run.
        if (!PureMembers.Contains(name)) list.Poisoned = true;
        foreach (var a in args) if (a is LambdaValue f) ForgetCapturedWrites(f);
        return Value.Unknown;
    }

    private Value ListLambdaCall(ListValue list, string name, LambdaValue f, IMethodSymbol method, IOperation site)
    {
        var result = ListLambdaCallCore(list, name, f, method, site);
        if (result is UnknownValue && name != "ForEach") ForgetCapturedWrites(f); // stopped part-way: later calls did not run
        return result;
    }

    private Value ListLambdaCallCore(ListValue list, string name, LambdaValue f, IMethodSymbol method, IOperation site)
    {
        var results = new List<Value>();
        foreach (var item in list.Items.ToList())
        {
            var r = InvokeLambda(f, new List<Value> { item }, site);
            if (name == "ForEach") continue;
            results.Add(r);
            if (name != "ConvertAll" && ValueConversions.TryBool(r) is null) return Value.Unknown;
        }
        switch (name)
        {
            case "ForEach": return Value.Unknown;
            case "ConvertAll": return new ListValue(results);
            case "Exists": return new PrimValue(results.Any(r => ValueConversions.TryBool(r) == true));
            case "TrueForAll": return new PrimValue(results.All(r => ValueConversions.TryBool(r) == true));
            case "FindIndex": return new PrimValue((long)results.FindIndex(r => ValueConversions.TryBool(r) == true));
            case "Find":
                {
                    var at = results.FindIndex(r => ValueConversions.TryBool(r) == true);
                    return at >= 0 ? list.Items[at] : DefaultOf(method.ReturnType);
                }
            case "RemoveAll":
                {
                    var kept = list.Items.Where((_, i) => ValueConversions.TryBool(results[i]) != true).ToList();
                    var removed = list.Items.Count - kept.Count;
                    list.Items.Clear();
                    list.Items.AddRange(kept);
                    return new PrimValue((long)removed);
                }
        }
        return Value.Unknown;
    }

    private Value DictCall(DictValue dict, IMethodSymbol method, List<Value> args, IOperation site)
    {
        switch (method.Name)
        {
            case "Add" when args.Count == 2:
                {
                    var at = dict.Find(args[0]);
                    if (at is null or >= 0) { dict.Poison(); return Value.Unknown; } // a duplicate key throws
                    dict.Set(args[0], args[1]);
                    return Value.Unknown;
                }
            case "TryAdd" when args.Count == 2:
                {
                    var at = dict.Find(args[0]);
                    if (at is null) { dict.Poison(); return Value.Unknown; }
                    if (at >= 0) return new PrimValue(false);
                    dict.Set(args[0], args[1]);
                    return new PrimValue(true);
                }
            case "ContainsKey" when args.Count == 1:
                {
                    var at = dict.Find(args[0]);
                    return at is null ? Value.Unknown : new PrimValue(at >= 0);
                }
            case "ContainsValue" when args.Count == 1 && dict.Indexed:
                return IndexOf(dict.Entries.Select(e => e.Value).ToList(), args[0]) is PrimValue { Raw: long vi } ? new PrimValue(vi >= 0) : Value.Unknown;
            case "TryGetValue" when args.Count == 2 && site is IInvocationOperation inv:
                {
                    var at = dict.Find(args[0]);
                    var outArg = inv.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 1)?.Value;
                    if (outArg is null || _currentFrame is null) return Value.Unknown;
                    if (at is null) { Assign(outArg, Value.Unknown, _currentFrame); return Value.Unknown; }
                    Assign(outArg, at >= 0 ? dict.Entries[at.Value].Value : DefaultOf(method.Parameters[1].Type), _currentFrame);
                    return new PrimValue(at >= 0);
                }
            case "Remove" when args.Count == 1:
                return dict.Remove(args[0], out var removed) ? new PrimValue(removed) : PoisonAndUnknown(dict);
            case "Clear":
                dict.Clear();
                return Value.Unknown;
            default:
                if (!PureMembers.Contains(method.Name)) dict.Poison();
                foreach (var a in args) if (a is LambdaValue f) ForgetCapturedWrites(f);
                return Value.Unknown;
        }
    }

    private static Value PoisonThenUnknown(List<Value> args)
    {
        foreach (var a in args) Poison(a);
        return Value.Unknown;
    }

    private static Value PoisonAndUnknown(DictValue dict)
    {
        dict.Poison();
        return Value.Unknown;
    }

    /// <summary>The frame of the invocation being evaluated (library calls with out arguments write to it).</summary>
    private Frame? _currentFrame;

    private static bool IsCheckedSum(IMethodSymbol method) => method.ReturnType.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64
        || method.ReturnType is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T };

    /// <summary>
    /// LINQ to Objects. Queries stay deferred (<see cref="SeqValue"/>) like C#; aggregates run at once.
    /// When the answer is unknown part-way, the lambdas may not all have run: what they assign becomes unknown.
    /// </summary>
    private Value Linq(IMethodSymbol method, List<Value> args, IOperation site)
    {
        var result = LinqCore(method, args, site);
        if (result is UnknownValue) foreach (var a in args) if (a is LambdaValue f) ForgetCapturedWrites(f);
        if (result is SeqValue seq && args.Any(a => a is LambdaValue))
        {
            return new SeqValue(() =>
            {
                var items = seq.Produce();
                if (items is null) foreach (var a in args) if (a is LambdaValue f) ForgetCapturedWrites(f);
                return items;
            });
        }
        return result;
    }

    private Value LinqCore(IMethodSymbol method, List<Value> args, IOperation site)
    {
        var name = method.Name;
        if (name == "Range" && args.Count == 2 && ValueConversions.TryLong(args[0], out var start) && ValueConversions.TryLong(args[1], out var count))
        {
            if (count < 0 || count > _limits.MaxCollectionItems || start + count - 1 > int.MaxValue) return Value.Unknown;
            return new ListValue(Enumerable.Range(0, (int)count).Select(i => (Value)new PrimValue(start + i)).ToList());
        }
        if (name == "Repeat" && args.Count == 2 && ValueConversions.TryLong(args[1], out var times) && times >= 0 && times <= _limits.MaxCollectionItems)
            return new ListValue(Enumerable.Repeat(args[0], (int)times).ToList());
        if (name == "Empty") return new ListValue(new List<Value>());
        if (args.Count == 0) return Value.Unknown;
        var sourceValue = args[0];
        if (sourceValue is UnknownValue) return Value.Unknown;
        var lambda = args.Count > 1 ? args[1] as LambdaValue : null;
        bool indexed = lambda is not null && lambda.Parameters.Count == 2;

        // Deferred operators: computed each time they are enumerated.
        switch (name)
        {
            case "Select" when lambda is not null:
                return Deferred(sourceValue, src => MapAll(src, (item, i) => InvokeLambda(lambda, indexed ? new List<Value> { item, new PrimValue((long)i) } : new List<Value> { item }, site)));
            // The second form pairs each item with each of its inner items through a result selector
            // (a grid of points: Range(0, h).SelectMany(x => Range(0, w), (x, y) => new { X = x, Y = y })).
            case "SelectMany" when lambda is not null && !indexed && (args.Count == 2 || args.Count == 3 && args[2] is LambdaValue):
                {
                    var selector = args.Count == 3 ? (LambdaValue)args[2] : null;
                    return Deferred(sourceValue, src =>
                    {
                        var result = new List<Value>();
                        foreach (var item in src)
                        {
                            var inner = Enumerate(InvokeLambda(lambda, new List<Value> { item }, site));
                            if (inner is null) return null;
                            if (selector is null) result.AddRange(inner);
                            else foreach (var each in inner) result.Add(InvokeLambda(selector, new List<Value> { item, each }, site));
                        }
                        return result;
                    });
                }
            case "Where" when lambda is not null:
                return Deferred(sourceValue, src => FilterAll(src, lambda, indexed, site, keepWhile: null));
            case "TakeWhile" or "SkipWhile" when lambda is not null && !indexed:
                return Deferred(sourceValue, src => FilterAll(src, lambda, false, site, keepWhile: name == "TakeWhile"));
            case "Skip" when args.Count == 2 && ValueConversions.TryLong(args[1], out var skip):
                return Deferred(sourceValue, src => src.Skip((int)Math.Min(skip, int.MaxValue)).ToList());
            case "Take" when args.Count == 2 && ValueConversions.TryLong(args[1], out var take):
                return Deferred(sourceValue, src => src.Take((int)Math.Min(take, int.MaxValue)).ToList());
            case "SkipLast" when args.Count == 2 && ValueConversions.TryLong(args[1], out var skipLast):
                return Deferred(sourceValue, src => src.Take(Math.Max(0, src.Count - (int)Math.Min(skipLast, int.MaxValue))).ToList());
            case "TakeLast" when args.Count == 2 && ValueConversions.TryLong(args[1], out var takeLast):
                return Deferred(sourceValue, src => src.Skip(Math.Max(0, src.Count - (int)Math.Max(0, Math.Min(takeLast, int.MaxValue)))).ToList());
            case "Reverse" when args.Count == 1:
                return Deferred(sourceValue, src => src.Reverse().ToList());
            case "Concat" when args.Count == 2:
                return Deferred(sourceValue, src => Enumerate(args[1]) is { } other ? src.Concat(other).ToList() : null);
            case "Append" when args.Count == 2:
                return Deferred(sourceValue, src => src.Concat(new[] { args[1] }).ToList());
            case "Prepend" when args.Count == 2:
                return Deferred(sourceValue, src => new[] { args[1] }.Concat(src).ToList());
            case "Zip" when args.Count == 2 || (args.Count == 3 && args[2] is LambdaValue):
                {
                    var selector = args.Count > 2 ? (LambdaValue)args[2] : null;
                    return Deferred(sourceValue, src =>
                    {
                        var other = Enumerate(args[1]);
                        if (other is null) return null;
                        return src.Zip(other, (a, b) => selector is null ? new TupleValue(new[] { a, b }) : InvokeLambda(selector, new List<Value> { a, b }, site)).ToList();
                    });
                }
            case "Distinct" when args.Count == 1:
                return Deferred(sourceValue, src =>
                {
                    var result = new List<Value>();
                    foreach (var item in src)
                    {
                        if (SetContains(result, item, out var known)) continue;
                        if (!known) return null;
                        result.Add(item);
                    }
                    return result;
                });
            case "AsEnumerable" or "Cast" when args.Count == 1:
                return sourceValue;
            case "OrderBy" or "OrderByDescending" when lambda is not null && args.Count == 2:
                return Deferred(sourceValue, src =>
                {
                    // Stable sort on numeric keys only (string keys compare by culture).
                    var keys = new List<double>();
                    foreach (var item in src)
                    {
                        var k = InvokeLambda(lambda, new List<Value> { item }, site);
                        if (k is PrimValue { Raw: long kl }) keys.Add(kl);
                        else if (k is PrimValue { Raw: double kd } && !double.IsNaN(kd)) keys.Add(kd);
                        else return null;
                    }
                    var order = Enumerable.Range(0, src.Count);
                    order = name == "OrderBy" ? order.OrderBy(i => keys[i]) : order.OrderByDescending(i => keys[i]);
                    return order.Select(i => src[i]).ToList();
                });
        }

        var source = Enumerate(sourceValue);
        if (source is null) return Value.Unknown;
        switch (name)
        {
            case "ToArray": return new ListValue(source.ToList()) { IsArray = true };
            case "ToList": return new ListValue(source.ToList());
            case "ToHashSet" when args.Count == 1:
                {
                    var set = new List<Value>();
                    foreach (var item in source)
                    {
                        if (SetContains(set, item, out var known)) continue;
                        if (!known) return Value.Unknown;
                        set.Add(item);
                    }
                    return new ListValue(set) { IsSet = true };
                }
            case "ToDictionary" when args.Count == 3 && args[1] is LambdaValue keyOf && args[2] is LambdaValue valueOf:
                {
                    var dict = new DictValue();
                    foreach (var item in source)
                    {
                        var key = InvokeLambda(keyOf, new List<Value> { item }, site);
                        if (dict.Find(key) is not -1) return Value.Unknown; // duplicate keys throw
                        dict.Set(key, InvokeLambda(valueOf, new List<Value> { item }, site));
                    }
                    return dict;
                }
            case "Count" or "LongCount" when args.Count == 1: return new PrimValue((long)source.Count);
            case "Count" when lambda is not null && !indexed:
                {
                    var kept = FilterAll(source, lambda, false, site, null);
                    return kept is null ? Value.Unknown : new PrimValue((long)kept.Count);
                }
            case "Any" when args.Count == 1: return new PrimValue(source.Count > 0);
            case "Any" or "All" when lambda is not null && !indexed:
                foreach (var item in source)
                {
                    var b = ValueConversions.TryBool(InvokeLambda(lambda, new List<Value> { item }, site));
                    if (b is null) return Value.Unknown;
                    if (name == "Any" && b.Value) return new PrimValue(true);
                    if (name == "All" && !b.Value) return new PrimValue(false);
                }
                return new PrimValue(name == "All");
            case "Contains" when args.Count == 2:
                return IndexOf(source.ToList(), args[1]) is PrimValue { Raw: long ci } ? new PrimValue(ci >= 0) : Value.Unknown;
            case "SequenceEqual" when args.Count == 2:
                {
                    var other = Enumerate(args[1]);
                    if (other is null) return Value.Unknown;
                    if (other.Count != source.Count) return new PrimValue(false);
                    for (int i = 0; i < source.Count; i++)
                    {
                        var eq = ValuesEqual(Concrete(source[i]) ?? source[i], Concrete(other[i]) ?? other[i]);
                        if (eq is null) return Value.Unknown;
                        if (!eq.Value) return new PrimValue(false);
                    }
                    return new PrimValue(true);
                }
            case "Sum" or "Max" or "Min" or "Average":
                {
                    IReadOnlyList<Value>? items = source;
                    if (args.Count == 2)
                    {
                        if (lambda is null || indexed) return Value.Unknown;
                        items = MapAll(source, (item, _) => InvokeLambda(lambda, new List<Value> { item }, site));
                        if (items is null) return Value.Unknown;
                    }
                    else if (args.Count != 1) return Value.Unknown;
                    return Aggregate(name, items, method);
                }
            case "Aggregate":
                {
                    if (args.Count == 2 && lambda is not null)
                    {
                        if (source.Count == 0) return Value.Unknown; // throws
                        var acc = source[0];
                        for (int i = 1; i < source.Count; i++) acc = InvokeLambda(lambda, new List<Value> { acc, source[i] }, site);
                        return acc;
                    }
                    if (args.Count == 3 && args[2] is LambdaValue folder)
                    {
                        var acc = args[1];
                        foreach (var item in source) acc = InvokeLambda(folder, new List<Value> { acc, item }, site);
                        return acc;
                    }
                    return Value.Unknown;
                }
            case "First" or "Last" or "Single" or "FirstOrDefault" or "LastOrDefault" or "SingleOrDefault":
                {
                    IReadOnlyList<Value>? items = source;
                    if (args.Count == 2)
                    {
                        if (lambda is null || indexed) return Value.Unknown;
                        items = FilterAll(source, lambda, false, site, null);
                        if (items is null) return Value.Unknown;
                    }
                    else if (args.Count != 1) return Value.Unknown;
                    bool orDefault = name.EndsWith("OrDefault", StringComparison.Ordinal);
                    if (items.Count == 0) return orDefault ? DefaultOf(method.ReturnType) : Value.Unknown;
                    if (name.StartsWith("Single", StringComparison.Ordinal)) return items.Count == 1 ? items[0] : Value.Unknown;
                    return name.StartsWith("First", StringComparison.Ordinal) ? items[0] : items[items.Count - 1];
                }
            case "ElementAt" when args.Count == 2 && ValueConversions.TryLong(args[1], out var ei):
                return ei >= 0 && ei < source.Count ? source[(int)ei] : Value.Unknown;
            case "ElementAtOrDefault" when args.Count == 2 && ValueConversions.TryLong(args[1], out var eo):
                return eo >= 0 && eo < source.Count ? source[(int)eo] : DefaultOf(method.ReturnType);
        }
        return Value.Unknown;
    }

    private Value Deferred(Value sourceValue, Func<IReadOnlyList<Value>, IReadOnlyList<Value>?> step) =>
        new SeqValue(() => Enumerate(sourceValue) is { } src ? step(src) : null);

    private static IReadOnlyList<Value>? MapAll(IReadOnlyList<Value> source, Func<Value, int, Value> f)
    {
        var result = new List<Value>(source.Count);
        for (int i = 0; i < source.Count; i++) result.Add(f(source[i], i));
        return result;
    }

    /// <summary>Where (keepWhile null), TakeWhile (true) or SkipWhile (false); null when a predicate is unknown.</summary>
    private IReadOnlyList<Value>? FilterAll(IReadOnlyList<Value> source, LambdaValue predicate, bool indexed, IOperation site, bool? keepWhile)
    {
        var result = new List<Value>();
        bool skipping = true;
        for (int i = 0; i < source.Count; i++)
        {
            var item = source[i];
            if (keepWhile == false && !skipping) { result.Add(item); continue; }
            var b = ValueConversions.TryBool(InvokeLambda(predicate, indexed ? new List<Value> { item, new PrimValue((long)i) } : new List<Value> { item }, site));
            if (b is null) return null;
            if (keepWhile is null) { if (b.Value) result.Add(item); }
            else if (keepWhile == true) { if (!b.Value) break; result.Add(item); }
            else if (!b.Value) { skipping = false; result.Add(item); }
        }
        return result;
    }

    /// <summary>Sum/Max/Min/Average in the element type: int sums are checked (overflow throws), float sums round.</summary>
    private static Value Aggregate(string name, IReadOnlyList<Value> items, IMethodSymbol method)
    {
        var ret = method.ReturnType is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } n ? n.TypeArguments[0] : method.ReturnType;
        var type = ret.SpecialType;
        if (type is SpecialType.System_Decimal or SpecialType.System_UInt64 || method.ReturnType.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T) return Value.Unknown;
        if (items.Count == 0) return name == "Sum" ? (type is SpecialType.System_Double or SpecialType.System_Single ? new PrimValue(0.0) : new PrimValue(0L)) : Value.Unknown;
        if (items.All(v => v is PrimValue { Raw: long }) && type is SpecialType.System_Int32 or SpecialType.System_Int64 && name != "Average")
        {
            long acc = name == "Sum" ? 0 : ((PrimValue)items[0]).Raw is long f ? f : 0;
            foreach (var v in items)
            {
                var l = (long)((PrimValue)v).Raw!;
                try
                {
                    acc = name switch { "Sum" => checked(acc + l), "Max" => Math.Max(acc, l), _ => Math.Min(acc, l) };
                }
                catch (OverflowException) { return Value.Unknown; }
                if (type == SpecialType.System_Int32 && (acc > int.MaxValue || acc < int.MinValue)) return Value.Unknown;
            }
            return new PrimValue(acc);
        }
        if (!items.All(v => v is PrimValue { Raw: long or double })) return Value.Unknown;
        var ds = items.Select(v => ((PrimValue)v).Raw is long l ? l : (double)((PrimValue)v).Raw!).ToList();
        if (type == SpecialType.System_Single) return Value.Unknown; // float sums accumulate in double or float depending on the runtime
        if (name == "Average")
        {
            // Average of ints accumulates in long; of doubles in double.
            if (items.All(v => v is PrimValue { Raw: long }))
            {
                long total = 0;
                foreach (var v in items) total += (long)((PrimValue)v).Raw!;
                return new PrimValue((double)total / items.Count);
            }
            return Value.Unknown;
        }
        if (name == "Sum")
        {
            double acc = 0;
            foreach (var d in ds) acc += d;
            return new PrimValue(acc);
        }
        if (ds.Any(double.IsNaN)) return Value.Unknown;
        return new PrimValue(name == "Max" ? ds.Max() : ds.Min());
    }

    private static Value MathCall(IMethodSymbol method, List<Value> args)
    {
        var name = method.Name;
        var type = method.ReturnType.SpecialType;
        bool isFloat = method.ContainingType.Name == "MathF" || type == SpecialType.System_Single;
        if (type is SpecialType.System_Decimal or SpecialType.System_UInt64 or SpecialType.System_UInt32) return Value.Unknown;
        if (type is SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Int16 or SpecialType.System_SByte or SpecialType.System_Byte)
        {
            if (!args.All(a => a is PrimValue { Raw: long })) return name == "Sign" && args.Count == 1 && args[0] is PrimValue { Raw: double sd } && !double.IsNaN(sd) ? new PrimValue((long)Math.Sign(sd)) : Value.Unknown;
            var ls = args.Select(a => (long)((PrimValue)a).Raw!).ToList();
            return (name, ls.Count) switch
            {
                ("Max", 2) => new PrimValue(Math.Max(ls[0], ls[1])),
                ("Min", 2) => new PrimValue(Math.Min(ls[0], ls[1])),
                ("Abs", 1) => (type == SpecialType.System_Int32 && ls[0] == int.MinValue) || ls[0] == long.MinValue ? Value.Unknown : new PrimValue(Math.Abs(ls[0])),
                ("Sign", 1) => new PrimValue((long)Math.Sign(ls[0])),
                ("Clamp", 3) => ls[1] > ls[2] ? Value.Unknown : new PrimValue(Math.Min(Math.Max(ls[0], ls[1]), ls[2])),
                ("DivRem", 2) => Value.Unknown,
                _ => Value.Unknown,
            };
        }
        var ds = args.Select(x => x is PrimValue { Raw: long l } ? l : x is PrimValue { Raw: double d } ? d : (double?)null).ToList();
        if (ds.Any(d => d is null)) return Value.Unknown;
        var v = ds.Select(d => isFloat ? (double)(float)d!.Value : d!.Value).ToList();
        // Only functions whose result is exact (correctly rounded by IEEE 754) on every runtime;
        // Pow, Exp, Log, Sin... may differ in the last bit between the compiler's runtime and the program's.
        double? r = (name, v.Count) switch
        {
            ("Max", 2) => Math.Max(v[0], v[1]),
            ("Min", 2) => Math.Min(v[0], v[1]),
            ("Abs", 1) => Math.Abs(v[0]),
            ("Floor", 1) => Math.Floor(v[0]),
            ("Ceiling", 1) => Math.Ceiling(v[0]),
            ("Truncate", 1) => Math.Truncate(v[0]),
            ("Round", 1) => Math.Round(v[0]),
            ("Sqrt", 1) => Math.Sqrt(v[0]),
            ("Clamp", 3) when v[1] <= v[2] => Math.Min(Math.Max(v[0], v[1]), v[2]),
            ("Pow", 2) => ExactPow(v[0], v[1]),
            ("Log2", 1) => ExactLog(v[0], 2),
            ("Log10", 1) => ExactLog(v[0], 10),
            ("Sign", 1) => double.IsNaN(v[0]) ? null : Math.Sign(v[0]),
            _ => null,
        };
        if (r is null) return Value.Unknown;
        if (name == "Sign") return new PrimValue((long)r.Value);
        return isFloat ? PrimValue.Of((float)r.Value) : new PrimValue(r.Value);
    }

    /// <summary>x^y when both are small integers and the result is exact; otherwise unknown.</summary>
    private static double? ExactPow(double x, double y)
    {
        if (y != Math.Floor(y) || x != Math.Floor(x) || y < 0 || y > 64 || Math.Abs(x) > 1 << 20) return null;
        double acc = 1;
        for (int i = 0; i < (int)y; i++) acc *= x;
        return Math.Abs(acc) <= 9007199254740992.0 ? acc : null;
    }

    /// <summary>log_b(x) for exact powers of b; otherwise unknown.</summary>
    private static double? ExactLog(double x, int b)
    {
        if (x <= 0 || x != Math.Floor(x) || x > 1e18) return null;
        int k = 0;
        double p = 1;
        while (p < x) { p *= b; k++; }
        return p == x ? k : null;
    }

    private Value StringCall(string name, Value? receiver, List<Value> args, IOperation site)
    {
        if (name == "Format" && args.Count >= 1 && args[0] is PrimValue { Raw: string format })
        {
            var parts = args.Skip(1).SelectMany(a => a is ListValue l ? l.Items : new List<Value> { a }).Select(a => FormatPrim(a)).ToArray();
            if (parts.Any(p => p is null) || format.Contains(':')) return Value.Unknown;
            try { return new PrimValue(string.Format(CultureInfo.InvariantCulture, format, parts.Cast<object?>().ToArray())); }
            catch (FormatException) { return Value.Unknown; }
        }
        if (name == "Concat")
        {
            var texts = args.SelectMany(a => a is ListValue l ? l.Items : new List<Value> { a }).Select(a => FormatPrim(a)).ToList();
            return texts.Any(t => t is null) ? Value.Unknown : new PrimValue(string.Concat(texts));
        }
        if (name == "Join" && args.Count == 2 && args[0] is PrimValue { Raw: string or char } sep)
        {
            var items = args[1] is ListValue { Poisoned: false } l ? l.Items : Enumerate(args[1]);
            if (items is null) return Value.Unknown;
            var texts = items.Select(i => FormatPrim(i)).ToList();
            return texts.Any(t => t is null) ? Value.Unknown : new PrimValue(string.Join(FormatPrim(sep), texts));
        }
        if (name is "IsNullOrEmpty" or "IsNullOrWhiteSpace" && args.Count == 1 && args[0] is PrimValue { Raw: string or null } ns)
        {
            var str = ns.Raw as string;
            return new PrimValue(name == "IsNullOrEmpty" ? string.IsNullOrEmpty(str) : string.IsNullOrWhiteSpace(str));
        }
        if (name == "Equals" && receiver is null && args.Count >= 2 && args[0] is PrimValue { Raw: string or null } ea && args[1] is PrimValue { Raw: string or null } eb)
        {
            if (args.Count == 2) return new PrimValue(string.Equals(ea.Raw as string, eb.Raw as string, StringComparison.Ordinal));
            return args[2] is PrimValue { Raw: EnumName { Name: var cmp } } && cmp.EndsWith(".Ordinal", StringComparison.Ordinal)
                ? new PrimValue(string.Equals(ea.Raw as string, eb.Raw as string, StringComparison.Ordinal))
                : args[2] is PrimValue { Raw: EnumName { Name: var cmp2 } } && cmp2.EndsWith(".OrdinalIgnoreCase", StringComparison.Ordinal)
                    ? new PrimValue(string.Equals(ea.Raw as string, eb.Raw as string, StringComparison.OrdinalIgnoreCase))
                    : Value.Unknown;
        }
        if (receiver is not PrimValue { Raw: string s }) return Value.Unknown;
        string? Str(int i) => i < args.Count && args[i] is PrimValue { Raw: string a } ? a : null;
        bool Long(int i, out long v) { v = 0; return i < args.Count && args[i] is PrimValue { Raw: long } && ValueConversions.TryLong(args[i], out v); }
        char? Ch(int i) => i < args.Count && args[i] is PrimValue { Raw: char c } ? c : null;
        // Culture-sensitive members agree with the ordinal answer on plain ASCII text.
        bool Plain(string t) => t.All(ch => ch is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '_' or '.' or ' ' or ',' or '-' or ':' or '/');
        switch (name)
        {
            case "ToLowerInvariant": return new PrimValue(s.ToLowerInvariant());
            case "ToUpperInvariant": return new PrimValue(s.ToUpperInvariant());
            case "ToLower" or "ToUpper" when args.Count == 0 && Plain(s) && s.IndexOf('i') < 0 && s.IndexOf('I') < 0:
                return new PrimValue(name == "ToLower" ? s.ToLowerInvariant() : s.ToUpperInvariant());
            case "StartsWith" or "EndsWith" when args.Count == 1 && Ch(0) is char c:
                return new PrimValue(name == "StartsWith" ? s.Length > 0 && s[0] == c : s.Length > 0 && s[s.Length - 1] == c);
            case "StartsWith" or "EndsWith" when Str(0) is string p && (args.Count == 1 && Plain(s) && Plain(p) || args.Count == 2 && IsOrdinal(args[1])):
                return new PrimValue(name == "StartsWith" ? s.StartsWith(p, StringComparison.Ordinal) : s.EndsWith(p, StringComparison.Ordinal));
            case "Contains" when args.Count == 1 && Str(0) is string cs: return new PrimValue(s.Contains(cs));
            case "Contains" when args.Count == 1 && Ch(0) is char cc: return new PrimValue(s.IndexOf(cc) >= 0);
            case "IndexOf" when args.Count == 1 && Ch(0) is char ic: return new PrimValue((long)s.IndexOf(ic));
            case "LastIndexOf" when args.Count == 1 && Ch(0) is char lc: return new PrimValue((long)s.LastIndexOf(lc));
            case "IndexOf" when args.Count == 2 && Str(0) is string istr && IsOrdinal(args[1]): return new PrimValue((long)s.IndexOf(istr, StringComparison.Ordinal));
            case "Equals" when args.Count == 1: return args[0] is PrimValue { Raw: string or null } other ? new PrimValue(string.Equals(s, other.Raw as string, StringComparison.Ordinal)) : Value.Unknown;
            case "Substring" when Long(0, out var from) && from >= 0 && from <= s.Length:
                if (args.Count == 1) return new PrimValue(s.Substring((int)from));
                return Long(1, out var len) && len >= 0 && from + len <= s.Length ? new PrimValue(s.Substring((int)from, (int)len)) : Value.Unknown;
            case "Replace" when args.Count == 2 && Str(0) is string oldText && oldText.Length > 0 && args[1] is PrimValue { Raw: string or null } nt:
                return new PrimValue(s.Replace(oldText, nt.Raw as string ?? ""));
            case "Replace" when args.Count == 2 && Ch(0) is char oc && Ch(1) is char nc: return new PrimValue(s.Replace(oc, nc));
            case "Trim" or "TrimStart" or "TrimEnd" when args.Count == 0:
                return new PrimValue(name == "Trim" ? s.Trim() : name == "TrimStart" ? s.TrimStart() : s.TrimEnd());
            case "PadLeft" or "PadRight" when Long(0, out var width) && width >= 0 && width < 10_000:
                {
                    var pad = args.Count > 1 ? Ch(1) : ' ';
                    if (pad is null) return Value.Unknown;
                    return new PrimValue(name == "PadLeft" ? s.PadLeft((int)width, pad.Value) : s.PadRight((int)width, pad.Value));
                }
            case "Insert" when Long(0, out var ins) && ins >= 0 && ins <= s.Length && Str(1) is string what: return new PrimValue(s.Insert((int)ins, what));
            case "Remove" when args.Count == 1 && Long(0, out var rem) && rem >= 0 && rem < s.Length: return new PrimValue(s.Remove((int)rem));
            case "ToCharArray" when args.Count == 0: return new ListValue(s.Select(ch => (Value)new PrimValue(ch)).ToList()) { IsArray = true };
            case "Split" when args.Count == 2 && Ch(0) is char sc && args[1] is PrimValue { Raw: EnumName { Ordinal: 0 } }:
                return new ListValue(s.Split(sc).Select(part => (Value)new PrimValue(part)).ToList()) { IsArray = true };
            case "ToString" when args.Count == 0: return receiver;
            case "GetHashCode": return Value.Unknown;
        }
        return Value.Unknown;
    }

    private static bool IsOrdinal(Value v) => v is PrimValue { Raw: EnumName { Name: var n } } && n.EndsWith(".Ordinal", StringComparison.Ordinal);

    /// <summary>
    /// Reflection that asks whether a type has a member (feature detection, e.g. GPT ports checking for
    /// scaled_dot_product_attention): public members of that name on the type and its base types, from its
    /// symbol. Everything else about a type stays unknown.
    /// </summary>
    private static Value Reflect(ITypeSymbol type, IMethodSymbol method, List<Value> args)
    {
        if (method.Name is not ("GetMember" or "GetMethod" or "GetProperty" or "GetField") || args.Count != 1
            || args[0] is not PrimValue { Raw: string name }) return Value.Unknown;
        var members = new List<ISymbol>();
        for (var t = type; t is not null; t = t.BaseType)
            members.AddRange(t.GetMembers(name).Where(m => m.DeclaredAccessibility == Accessibility.Public && m.Kind switch
            {
                SymbolKind.Method => method.Name is "GetMember" or "GetMethod",
                SymbolKind.Property => method.Name is "GetMember" or "GetProperty",
                SymbolKind.Field => method.Name is "GetMember" or "GetField",
                _ => method.Name == "GetMember",
            }));
        if (method.Name == "GetMember") return new ListValue(members.Select(_ => (Value)Value.Unknown).ToList()) { IsArray = true };
        // GetMethod and the like: "not there" is exact (null); what they return otherwise is not modelled.
        return members.Count == 0 ? Value.Null : Value.Unknown;
    }
}
