using Microsoft.CodeAnalysis;

namespace NetVizGen.Extraction.Evaluation;

/// <summary>
/// Shapes of tensors computed in constructors (positional tables, fixed embeddings, masks): what a
/// TorchSharp op on <see cref="ConstTensorValue"/>s returns. Only the op's shape rule is followed, never
/// its data. An op whose rule is not here still yields a tensor, of unknown shape, so that a Parameter or
/// buffer made from it is registered and its total is said to be incomplete rather than left out.
/// </summary>
internal static class ConstTensorShapes
{
    /// <summary>Ops returning a tensor of their (first) input's shape.</summary>
    private static readonly HashSet<string> SameShape = new(StringComparer.Ordinal)
    {
        "sin", "cos", "tan", "exp", "log", "log2", "log10", "log1p", "sqrt", "rsqrt", "tanh", "sigmoid", "relu", "gelu", "abs", "neg",
        "reciprocal", "square", "sign", "floor", "ceil", "round", "trunc", "to", "to_type", "type", "float", "double", "half", "bfloat16",
        "clone", "detach", "contiguous", "cpu", "cuda", "alias", "softmax", "log_softmax", "triu", "tril", "masked_fill", "clamp", "clip",
        "MoveToOuterDisposeScope", "DetachFromDisposeScope", "MoveToOtherDisposeScope", "logical_not", "bool", "@long", "@int", "erf", "erfinv",
        "op_UnaryNegation", "op_UnaryPlus", "op_LogicalNot", "op_OnesComplement", "nan_to_num",
        // Factories shaped like their input (LLaMA's rotary table: polar(ones_like(freqs), freqs)).
        "zeros_like", "ones_like", "empty_like", "full_like", "rand_like", "randn_like", "randint_like",
        // The typed wrappers of a tensor (torch.LongTensor(t) is t.to(int64)).
        "LongTensor", "IntTensor", "ShortTensor", "ByteTensor", "BoolTensor", "FloatTensor", "DoubleTensor", "HalfTensor", "BFloat16Tensor",
    };

    /// <summary>The typed wrappers that make integers.</summary>
    private static readonly HashSet<string> IntegerWrappers = new(StringComparer.Ordinal) { "LongTensor", "IntTensor", "ShortTensor", "ByteTensor" };

    /// <summary>Ops that move or view values without changing them (an integer tensor stays one).</summary>
    private static readonly HashSet<string> KeepValues = new(StringComparer.Ordinal)
    {
        "view", "reshape", "contiguous", "clone", "detach", "flatten", "unsqueeze", "squeeze", "transpose", "permute", "t", "MoveToOuterDisposeScope", "DetachFromDisposeScope",
    };

    /// <summary>Element-wise ops between two tensors (or a tensor and a scalar): the broadcast shape.</summary>
    private static readonly HashSet<string> Broadcast = new(StringComparer.Ordinal)
    {
        "add", "sub", "mul", "div", "pow", "maximum", "minimum", "atan2", "eq", "ne", "lt", "le", "gt", "ge", "remainder", "fmod", "true_divide",
        // A complex tensor from magnitude and angle, or from real and imaginary parts.
        "polar", "complex",
        // Tensor's C# operators (a * b binds to Tensor.op_Multiply).
        "op_Addition", "op_Subtraction", "op_Multiply", "op_Division", "op_Modulus", "op_BitwiseAnd", "op_BitwiseOr", "op_ExclusiveOr",
    };

    /// <summary>The tensor <paramref name="method"/> returns when one of its inputs is a constructor tensor; null when it is not such an op.</summary>
    public static Value? Apply(IMethodSymbol method, Value? receiver, List<Value> args)
    {
        if (!TorchNames.IsTensor(method.ReturnType)) return null;
        var inputs = new List<ConstTensorValue>();
        if (receiver is ConstTensorValue r) inputs.Add(r);
        foreach (var a in args)
        {
            if (a is ConstTensorValue t) inputs.Add(t);
            else if (a is ListValue l && l.Items.Count > 0 && l.Items.All(i => i is ConstTensorValue)) inputs.AddRange(l.Items.Cast<ConstTensorValue>());
        }
        if (inputs.Count == 0) return null;
        return new ConstTensorValue(Shape(method, receiver, args, inputs), isParameter: false, requiresGrad: false)
        {
            Integral = IntegerWrappers.Contains(method.Name) || inputs[0].Integral && KeepValues.Contains(method.Name),
        };
    }

    private static IReadOnlyList<long>? Shape(IMethodSymbol method, Value? receiver, List<Value> args, List<ConstTensorValue> inputs)
    {
        var name = method.Name;
        var first = inputs[0].Shape;
        if (SameShape.Contains(name)) return first;
        // In-place ops (fill_, normal_, mul_, index_put_...) return their receiver.
        if (receiver is ConstTensorValue self && name.EndsWith("_", StringComparison.Ordinal)) return self.Shape;
        if (Broadcast.Contains(name)) return inputs.Count == 1 ? first : BroadcastShapes(inputs[0].Shape, inputs[1].Shape);
        // A view or reshape to sizes all given (no -1) has those sizes whatever went in (from_array(adj).reshape(22, 22)
        // over data built by a helper): another element count would throw at run time, so the model would not exist.
        if (name is "view" or "reshape" && List(method, args, "shape") is { Count: > 0 } target && target.All(d => d >= 0)) return target;
        if (first is null) return null;
        var dims = first.ToList();
        switch (name)
        {
            case "unsqueeze" when Named(method, args, "dim") is long d:
                {
                    int at = (int)(d < 0 ? d + dims.Count + 1 : d);
                    if (at < 0 || at > dims.Count) return null;
                    dims.Insert(at, 1);
                    return dims;
                }
            case "squeeze" when Named(method, args, "dim") is long d:
                {
                    int at = (int)(d < 0 ? d + dims.Count : d);
                    if (at < 0 || at >= dims.Count) return null;
                    if (dims[at] == 1) dims.RemoveAt(at);
                    return dims;
                }
            case "transpose" or "swapaxes" or "swapdims" when Named(method, args, "dim0") is long a && Named(method, args, "dim1") is long b:
                {
                    int i = (int)(a < 0 ? a + dims.Count : a), j = (int)(b < 0 ? b + dims.Count : b);
                    if (i < 0 || j < 0 || i >= dims.Count || j >= dims.Count) return null;
                    (dims[i], dims[j]) = (dims[j], dims[i]);
                    return dims;
                }
            case "t" when dims.Count == 2:
                return new[] { dims[1], dims[0] };
            case "view" or "reshape":
                return Reshape(dims, List(method, args, "shape"));
            case "flatten":
                {
                    long start = Named(method, args, "start_dim") ?? 0, end = Named(method, args, "end_dim") ?? -1;
                    int s = (int)(start < 0 ? start + dims.Count : start), e = (int)(end < 0 ? end + dims.Count : end);
                    if (s < 0 || e >= dims.Count || s > e) return null;
                    long n = 1;
                    for (int k = s; k <= e; k++) n *= dims[k];
                    dims.RemoveRange(s, e - s + 1);
                    dims.Insert(s, n);
                    return dims;
                }
            case "cat" or "concat" or "concatenate" when inputs.All(t => t.Shape is not null && t.Shape.Count == dims.Count):
                {
                    long d = Named(method, args, "dim") ?? 0;
                    int at = (int)(d < 0 ? d + dims.Count : d);
                    if (at < 0 || at >= dims.Count) return null;
                    dims[at] = inputs.Sum(t => t.Shape![at]);
                    return dims;
                }
            case "stack" when inputs.All(t => t.Shape is not null && t.Shape.SequenceEqual(first)):
                {
                    long d = Named(method, args, "dim") ?? 0;
                    int at = (int)(d < 0 ? d + dims.Count + 1 : d);
                    if (at < 0 || at > dims.Count) return null;
                    dims.Insert(at, inputs.Count);
                    return dims;
                }
            case "outer" or "ger" when inputs.Count == 2 && first.Count == 1 && inputs[1].Shape is { Count: 1 } other:
                return new[] { first[0], other[0] };
            case "repeat" when List(method, args, "repeats") is { } reps && reps.Count >= dims.Count:
                {
                    var result = reps.ToList();
                    int offset = reps.Count - dims.Count;
                    for (int k = 0; k < dims.Count; k++) result[offset + k] = reps[offset + k] * dims[k];
                    return result;
                }
            case "expand" when List(method, args, "sizes") is { } sizes && sizes.Count >= dims.Count:
                {
                    var result = sizes.ToList();
                    int offset = sizes.Count - dims.Count;
                    for (int k = 0; k < dims.Count; k++) if (result[offset + k] == -1) result[offset + k] = dims[k];
                    return result.Any(x => x < 0) ? null : result;
                }
        }
        return null;
    }

    private static IReadOnlyList<long>? Reshape(List<long> dims, IReadOnlyList<long>? target)
    {
        if (target is null) return null;
        long total = 1;
        foreach (var d in dims) total *= d;
        var result = target.ToList();
        int infer = result.IndexOf(-1);
        if (infer >= 0)
        {
            long known = 1;
            for (int k = 0; k < result.Count; k++) if (k != infer) known *= result[k];
            if (known <= 0 || total % known != 0) return null;
            result[infer] = total / known;
        }
        long product = 1;
        foreach (var d in result) product *= d;
        return product == total && result.All(d => d >= 0) ? result : null;
    }

    /// <summary>The broadcast shape of two tensors; null when unknown or incompatible.</summary>
    public static IReadOnlyList<long>? BroadcastOf(IReadOnlyList<long>? a, IReadOnlyList<long>? b) => BroadcastShapes(a, b);

    private static IReadOnlyList<long>? BroadcastShapes(IReadOnlyList<long>? a, IReadOnlyList<long>? b)
    {
        if (a is null || b is null) return null;
        int n = Math.Max(a.Count, b.Count);
        var result = new long[n];
        for (int k = 0; k < n; k++)
        {
            long x = k < n - a.Count ? 1 : a[k - (n - a.Count)];
            long y = k < n - b.Count ? 1 : b[k - (n - b.Count)];
            if (x != y && x != 1 && y != 1) return null;
            result[k] = x == 1 ? y : x;
        }
        return result;
    }

    /// <summary><c>torch.arange(end)</c>, <c>(start, end)</c> or <c>(start, end, step)</c>: ceil((end − start) / step) elements.</summary>
    public static IReadOnlyList<long>? Arange(IMethodSymbol method, List<Value> args)
    {
        var numbers = new List<double>();
        for (int i = 0; i < args.Count && i < method.Parameters.Length; i++)
        {
            var p = method.Parameters[i];
            if (p.Name is not ("start" or "end" or "stop" or "step")) continue;
            if (args[i] is PrimValue { Raw: long l }) numbers.Add(l);
            else if (args[i] is PrimValue { Raw: double d }) numbers.Add(d);
            else return null;
        }
        double start = 0, end, step = 1;
        switch (numbers.Count)
        {
            case 1: end = numbers[0]; break;
            case 2: start = numbers[0]; end = numbers[1]; break;
            case 3: start = numbers[0]; end = numbers[1]; step = numbers[2]; break;
            default: return null;
        }
        if (step == 0) return null;
        var count = Math.Ceiling((end - start) / step);
        return count < 0 || double.IsNaN(count) || count > int.MaxValue ? null : new[] { (long)count };
    }

    /// <summary>
    /// The values of <c>linspace(start, end, steps)</c> when its arguments are numbers (in float32, the default
    /// dtype, as the runtime computes them); null otherwise.
    /// </summary>
    public static IReadOnlyList<double>? LinspaceValues(IMethodSymbol method, List<Value> args, int maxItems)
    {
        if (method.Name != "linspace" || Number(method, args, "start") is not double start || Number(method, args, "end") is not double end
            || Named(method, args, "steps") is not long steps || steps < 1 || steps > maxItems || Bound(method, args, "dtype")) return null;
        var values = new double[steps];
        for (long i = 0; i < steps; i++)
            values[i] = (float)(steps == 1 ? start : start + (end - start) * i / (steps - 1));
        return values;
    }

    private static double? Number(IMethodSymbol method, List<Value> args, string name) => Argument(method, args, name) switch
    {
        PrimValue { Raw: long l } => l,
        PrimValue { Raw: double d } => d,
        _ => null,
    };

    // An argument given for the parameter (not left to its default): a dtype makes other values than float32's.
    private static bool Bound(IMethodSymbol method, List<Value> args, string name) =>
        Argument(method, args, name) is { } v && v is not PrimValue { IsNull: true };

    /// <summary>The integer argument bound to parameter <paramref name="name"/>.</summary>
    public static long? Named(IMethodSymbol method, List<Value> args, string name) =>
        Argument(method, args, name) is { } v && ValueConversions.TryLong(v, out var n) ? n : null;

    /// <summary>The value bound to parameter <paramref name="name"/> (arguments are in parameter order); null when there is none.</summary>
    public static Value? Argument(IMethodSymbol method, List<Value> args, string name)
    {
        for (int i = 0; i < method.Parameters.Length && i < args.Count; i++)
            if (method.Parameters[i].Name == name) return args[i];
        return null;
    }

    private static IReadOnlyList<long>? List(IMethodSymbol method, List<Value> args, string name)
    {
        for (int i = 0; i < method.Parameters.Length && i < args.Count; i++)
        {
            if (method.Parameters[i].Name != name) continue;
            var items = args[i] switch
            {
                ListValue l => l.Items,
                TupleValue t => t.Items.ToList(),
                _ => null,
            };
            if (items is null) return ValueConversions.TryLong(args[i], out var single) ? new[] { single } : null;
            var result = new List<long>();
            foreach (var item in items)
            {
                if (!ValueConversions.TryLong(item, out var d)) return null;
                result.Add(d);
            }
            return result;
        }
        return null;
    }
}
