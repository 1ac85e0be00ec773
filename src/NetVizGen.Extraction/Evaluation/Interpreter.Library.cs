using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace NetVizGen.Extraction.Evaluation;

/// <summary>The slice of the base class library model code uses to build layers: lists, dictionaries, LINQ, Math, strings.</summary>
internal sealed partial class Interpreter
{
    private static Value? TryCreateLibraryObject(INamedTypeSymbol type, List<Value> args)
    {
        var name = TorchNames.DisplayName(type.OriginalDefinition);
        if (name.StartsWith("System.Collections.Generic.List<", StringComparison.Ordinal) ||
            name.StartsWith("System.Collections.Generic.HashSet<", StringComparison.Ordinal) ||
            name.StartsWith("System.Collections.Generic.Queue<", StringComparison.Ordinal) ||
            name.StartsWith("System.Collections.Generic.Stack<", StringComparison.Ordinal))
        {
            var items = new List<Value>();
            if (args.Count == 1 && args[0] is ListValue source) items.AddRange(source.Items);
            return new ListValue(items);
        }
        if (name.StartsWith("System.Collections.Generic.Dictionary<", StringComparison.Ordinal) ||
            name.StartsWith("System.Collections.Generic.SortedDictionary<", StringComparison.Ordinal))
            return new DictValue();
        if (type.IsTupleType) return new TupleValue(args);
        return null;
    }

    private Value? TryLibraryCall(IMethodSymbol method, Value? receiver, List<Value> args, IOperation site)
    {
        var owner = TorchNames.DisplayName(method.ContainingType?.OriginalDefinition);
        if (owner == "System.Linq.Enumerable") return Linq(method.Name, args, site);
        if (owner == "System.Math" || owner == "System.MathF") return MathCall(method.Name, args);
        if (owner == "System.Convert") return args.Count == 1 && args[0] is PrimValue ? Convert(method, args[0]) : Value.Unknown;
        if (owner == "string" || owner == "System.String") return StringCall(method.Name, receiver, args);
        if (method.Name == "ToString" && receiver is PrimValue && args.Count == 0) return FormatPrim(receiver) is { } text ? new PrimValue(text) : Value.Unknown;

        switch (receiver)
        {
            case ListValue list: return ListCall(list, method.Name, args, site);
            case DictValue dict: return DictCall(dict, method.Name, args);
        }
        return null;
    }

    private static Value Convert(IMethodSymbol method, Value v) => (method.Name, v) switch
    {
        ("ToInt32" or "ToInt64", PrimValue { Raw: double d }) => new PrimValue((long)Math.Round(d)),
        ("ToInt32" or "ToInt64", PrimValue { Raw: long l }) => new PrimValue(l),
        ("ToDouble" or "ToSingle", PrimValue { Raw: long l }) => new PrimValue((double)l),
        ("ToDouble" or "ToSingle", PrimValue { Raw: double d }) => new PrimValue(d),
        _ => Value.Unknown,
    };

    private Value ListCall(ListValue list, string name, List<Value> args, IOperation site)
    {
        switch (name)
        {
            case "Add" or "Enqueue" or "Push" when args.Count == 1: list.Items.Add(args[0]); return Value.Unknown;
            case "AddRange" when args.Count == 1:
                var more = Enumerate(args[0]);
                if (more is null) return Value.Unknown;
                list.Items.AddRange(more);
                return Value.Unknown;
            case "Insert" when args.Count == 2 && ValueConversions.TryLong(args[0], out var at) && at >= 0 && at <= list.Items.Count:
                list.Items.Insert((int)at, args[1]);
                return Value.Unknown;
            case "RemoveAt" when args.Count == 1 && ValueConversions.TryLong(args[0], out var ri) && ri >= 0 && ri < list.Items.Count:
                list.Items.RemoveAt((int)ri);
                return Value.Unknown;
            case "Clear": list.Items.Clear(); return Value.Unknown;
            case "Contains" when args.Count == 1: return new PrimValue(list.Items.Any(i => ValuesEqual(i, args[0]) == true));
            case "IndexOf" when args.Count == 1: return new PrimValue((long)list.Items.FindIndex(i => ValuesEqual(i, args[0]) == true));
            case "ToArray" or "ToList" or "AsReadOnly": return new ListValue(list.Items.ToList());
            case "Reverse" when args.Count == 0: list.Items.Reverse(); return Value.Unknown;
        }
        return Linq(name, new List<Value> { list }.Concat(args).ToList(), site);
    }

    private static Value DictCall(DictValue dict, string name, List<Value> args)
    {
        switch (name)
        {
            case "Add" when args.Count == 2:
                dict.Entries.Add(new KeyValuePair<Value, Value>(args[0], args[1]));
                return Value.Unknown;
            case "ContainsKey" when args.Count == 1:
                return new PrimValue(dict.Entries.Any(e => ValuesEqual(e.Key, args[0]) == true));
            default:
                return Value.Unknown;
        }
    }

    private Value Linq(string name, List<Value> args, IOperation site)
    {
        if (name == "Range" && args.Count == 2 && ValueConversions.TryLong(args[0], out var start) && ValueConversions.TryLong(args[1], out var count))
        {
            if (count < 0 || count > _limits.MaxLoopIterations) return Value.Unknown;
            return new ListValue(Enumerable.Range(0, (int)count).Select(i => (Value)new PrimValue(start + i)).ToList());
        }
        if (name == "Repeat" && args.Count == 2 && ValueConversions.TryLong(args[1], out var times) && times >= 0 && times <= _limits.MaxLoopIterations)
            return new ListValue(Enumerable.Repeat(args[0], (int)times).ToList());
        if (args.Count == 0) return Value.Unknown;
        var source = Enumerate(args[0]);
        if (source is null) return Value.Unknown;
        var lambda = args.Count > 1 ? args[1] as LambdaValue : null;

        switch (name)
        {
            case "Select" when lambda is not null:
                return new ListValue(source.Select((item, i) => InvokeLambda(lambda, lambda.Parameters.Count == 2 ? new List<Value> { item, new PrimValue((long)i) } : new List<Value> { item }, site)).ToList());
            case "SelectMany" when lambda is not null:
                {
                    var result = new List<Value>();
                    foreach (var item in source)
                    {
                        var inner = Enumerate(InvokeLambda(lambda, new List<Value> { item }, site));
                        if (inner is null) return Value.Unknown;
                        result.AddRange(inner);
                    }
                    return new ListValue(result);
                }
            case "Where" when lambda is not null:
                {
                    var result = new List<Value>();
                    foreach (var item in source)
                    {
                        var keep = ValueConversions.TryBool(InvokeLambda(lambda, new List<Value> { item }, site));
                        if (keep is null) return Value.Unknown;
                        if (keep.Value) result.Add(item);
                    }
                    return new ListValue(result);
                }
            case "ToArray" or "ToList" or "AsEnumerable": return new ListValue(source.ToList());
            case "Count" when args.Count == 1: return new PrimValue((long)source.Count);
            case "Sum" when args.Count == 1: return SumOf(source);
            case "Max" or "Min" when args.Count == 1 && source.Count > 0:
                {
                    var longs = source.Select(v => ValueConversions.TryLong(v, out var l) ? (long?)l : null).ToList();
                    if (longs.Any(l => l is null)) return Value.Unknown;
                    return new PrimValue(name == "Max" ? longs.Max()!.Value : longs.Min()!.Value);
                }
            case "First" when args.Count == 1 && source.Count > 0: return source[0];
            case "Last" when args.Count == 1 && source.Count > 0: return source[source.Count - 1];
            case "ElementAt" when args.Count == 2 && ValueConversions.TryLong(args[1], out var ei) && ei >= 0 && ei < source.Count: return source[(int)ei];
            case "Skip" when args.Count == 2 && ValueConversions.TryLong(args[1], out var skip): return new ListValue(source.Skip((int)skip).ToList());
            case "Take" when args.Count == 2 && ValueConversions.TryLong(args[1], out var take): return new ListValue(source.Take((int)take).ToList());
            case "Reverse" when args.Count == 1: return new ListValue(source.Reverse().ToList());
            case "Concat" or "Append" when args.Count == 2:
                {
                    if (name == "Append") return new ListValue(source.Concat(new[] { args[1] }).ToList());
                    var other = Enumerate(args[1]);
                    return other is null ? Value.Unknown : new ListValue(source.Concat(other).ToList());
                }
            case "Prepend" when args.Count == 2: return new ListValue(new[] { args[1] }.Concat(source).ToList());
            case "Zip" when args.Count >= 2:
                {
                    var other = Enumerate(args[1]);
                    if (other is null) return Value.Unknown;
                    var selector = args.Count > 2 ? args[2] as LambdaValue : null;
                    var zipped = source.Zip(other, (a, b) => selector is null ? new TupleValue(new[] { a, b }) : InvokeLambda(selector, new List<Value> { a, b }, site));
                    return new ListValue(zipped.ToList());
                }
        }
        return Value.Unknown;
    }

    private static Value SumOf(IReadOnlyList<Value> items)
    {
        long total = 0;
        foreach (var v in items)
        {
            if (!ValueConversions.TryLong(v, out var l)) return Value.Unknown;
            total += l;
        }
        return new PrimValue(total);
    }

    private static Value MathCall(string name, List<Value> args)
    {
        if (args.Count == 2 && ValueConversions.TryLong(args[0], out var a) && ValueConversions.TryLong(args[1], out var b) && args.All(x => x is PrimValue { Raw: long }))
        {
            return name switch
            {
                "Max" => new PrimValue(Math.Max(a, b)),
                "Min" => new PrimValue(Math.Min(a, b)),
                _ => Value.Unknown,
            };
        }
        var ds = args.Select(x => x is PrimValue { Raw: long l } ? l : x is PrimValue { Raw: double d } ? d : double.NaN).ToList();
        if (ds.Any(double.IsNaN)) return Value.Unknown;
        return (name, ds.Count) switch
        {
            ("Max", 2) => new PrimValue(Math.Max(ds[0], ds[1])),
            ("Min", 2) => new PrimValue(Math.Min(ds[0], ds[1])),
            ("Abs", 1) => args[0] is PrimValue { Raw: long l } ? new PrimValue(Math.Abs(l)) : new PrimValue(Math.Abs(ds[0])),
            ("Floor", 1) => new PrimValue(Math.Floor(ds[0])),
            ("Ceiling", 1) => new PrimValue(Math.Ceiling(ds[0])),
            ("Round", 1) => new PrimValue(Math.Round(ds[0])),
            ("Sqrt", 1) => new PrimValue(Math.Sqrt(ds[0])),
            ("Pow", 2) => new PrimValue(Math.Pow(ds[0], ds[1])),
            ("Log2", 1) => new PrimValue(Math.Log(ds[0]) / Math.Log(2)),
            _ => Value.Unknown,
        };
    }

    private static Value StringCall(string name, Value? receiver, List<Value> args)
    {
        if (name == "Format" && args.Count >= 1 && args[0] is PrimValue { Raw: string format })
        {
            var parts = args.Skip(1).SelectMany(a => a is ListValue l ? l.Items : new List<Value> { a }).Select(a => (object?)FormatPrim(a)).ToArray();
            if (parts.Any(p => p is null)) return Value.Unknown;
            try { return new PrimValue(string.Format(CultureInfo.InvariantCulture, format, parts)); }
            catch (FormatException) { return Value.Unknown; }
        }
        if (name == "Concat")
        {
            var texts = args.SelectMany(a => a is ListValue l ? l.Items : new List<Value> { a }).Select(a => FormatPrim(a)).ToList();
            return texts.Any(t => t is null) ? Value.Unknown : new PrimValue(string.Concat(texts));
        }
        if (receiver is PrimValue { Raw: string s })
        {
            return name switch
            {
                "ToLowerInvariant" or "ToLower" => new PrimValue(s.ToLowerInvariant()),
                "ToUpperInvariant" or "ToUpper" => new PrimValue(s.ToUpperInvariant()),
                "StartsWith" when args.Count >= 1 && args[0] is PrimValue { Raw: string p } => new PrimValue(s.StartsWith(p, StringComparison.Ordinal)),
                "EndsWith" when args.Count >= 1 && args[0] is PrimValue { Raw: string p } => new PrimValue(s.EndsWith(p, StringComparison.Ordinal)),
                "Equals" when args.Count >= 1 && args[0] is PrimValue { Raw: string p } => new PrimValue(string.Equals(s, p, StringComparison.Ordinal)),
                _ => Value.Unknown,
            };
        }
        return Value.Unknown;
    }
}
