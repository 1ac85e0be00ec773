using System.Diagnostics;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using TorchSharp;
using static TorchSharp.torch;

namespace NetVizGen.Oracle.Tests;

/// <summary>
/// Runs a live TorchSharp module once (eval mode, no_grad) and records the runtime facts the static
/// extraction is checked against: the module tree, per-module parameter/buffer counts, the order in
/// which leaf modules are called and each call's output shape.
/// </summary>
public static class OracleHarness
{
    /// <summary>Runs <paramref name="model"/> on <paramref name="input"/> and reports what happened.</summary>
    public static RuntimeReport Run(nn.Module<Tensor, Tensor> model, Tensor input) =>
        Run(model, input.shape, () => model.call(input));

    /// <summary>
    /// Runs <paramref name="model"/> through <paramref name="forward"/> (which calls it with whatever
    /// arguments its <c>forward</c> takes: several tensors, an int, ...) and reports what happened.
    /// <paramref name="inputShape"/> is recorded as the input; the output shape is the first tensor the
    /// call returned (a tuple's first element).
    /// </summary>
    public static RuntimeReport Run(nn.Module model, long[] inputShape, Func<object?> forward)
    {
        TorchRuntime.Ensure();
        model.eval();

        var named = model.named_modules().ToList();
        // TorchSharp's named_modules() leaves out the root (PyTorch's includes it as ""): put it first.
        if (named.Count == 0 || named[0].name != "")
            named.Insert(0, ("", model));

        // One object under several names (shared weights): named_modules() lists every occurrence.
        var firstPath = new Dictionary<nn.Module, string>(ReferenceEqualityComparer.Instance);
        var modules = new List<RuntimeModule>(named.Count);
        foreach (var (path, module) in named)
        {
            string? sharedWith = firstPath.TryAdd(module, path) ? null : firstPath[module];
            long parameters = 0, trainable = 0, buffers = 0;
            foreach (var p in module.parameters(recurse: true))
            {
                parameters += p.numel();
                if (p.requires_grad) trainable += p.numel();
            }
            foreach (var b in module.buffers(recurse: true, include_nonpersistent: true))
                buffers += b.numel();
            bool isLeaf = !module.named_children().Any();
            modules.Add(new RuntimeModule(path, TypeNameOf(module), isLeaf, parameters, trainable, buffers, sharedWith));
        }

        var calls = new List<LeafCall>();
        var removers = new List<object>();
        try
        {
            // One hook per instance, reporting its first path: a hook sees the object, not the name it was
            // reached by (a shared leaf hooked under each name would report every call several times).
            foreach (var (path, module) in named)
            {
                if (module.named_children().Any() || firstPath[module] != path) continue;
                // An empty ModuleList (a U-Net built without attention gates) has no children and no forward to hook.
                if (!HookInstaller.IsHookable(module)) continue;
                removers.Add(HookInstaller.AddForwardHook(module, output => calls.Add(new LeafCall(path, ShapesOf(output)))));
            }

            var sw = Stopwatch.StartNew();
            long[] outputShape;
            using (torch.no_grad())
            using (var scope = torch.NewDisposeScope())
            {
                var outputs = ShapesOf(forward());
                outputShape = outputs.Count > 0 ? outputs[0] : [];
            }
            sw.Stop();

            var root = modules[0];
            return new RuntimeReport(
                model.GetType().Name, modules, calls, root.Parameters, root.Trainable, root.Buffers,
                inputShape, outputShape, sw.Elapsed);
        }
        finally
        {
            foreach (var r in removers) HookInstaller.Remove(r);
        }
    }

    /// <summary><c>GetType().Name</c> without a generic arity suffix (<c>ModuleList`1</c> → <c>ModuleList</c>).</summary>
    public static string TypeNameOf(nn.Module module)
    {
        var name = module.GetType().Name;
        int tick = name.IndexOf('`');
        return tick < 0 ? name : name[..tick];
    }

    private static IReadOnlyList<long[]> ShapesOf(object? output)
    {
        var shapes = new List<long[]>();
        Collect(output, shapes);
        return shapes;

        static void Collect(object? o, List<long[]> into)
        {
            switch (o)
            {
                case Tensor t: into.Add(t.shape); break;
                case ITuple tuple:
                    for (int i = 0; i < tuple.Length; i++) Collect(tuple[i], into);
                    break;
            }
        }
    }
}

/// <summary>
/// Registers a forward hook on any TorchSharp module, whatever its arity. TorchSharp's hooks are typed:
/// <c>Module&lt;T1..Tn, TResult&gt;</c> derives from <c>HookableModule&lt;TPreHook, TPostHook&gt;</c> where
/// <c>TPostHook</c> is <c>Func&lt;Module&lt;..&gt;, T1..Tn, TResult, TResult&gt;</c> (return non-null to
/// replace the result). This builds such a delegate with an expression tree that reports the result and
/// returns it unchanged, and calls <c>register_forward_hook(TPostHook)</c>.
/// </summary>
internal static class HookInstaller
{
    /// <summary>True when <paramref name="module"/> derives from a <c>HookableModule</c> (containers such as ModuleList do not).</summary>
    public static bool IsHookable(nn.Module module)
    {
        for (var t = module.GetType(); t != null; t = t.BaseType)
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(nn.HookableModule<,>)) return true;
        return false;
    }

    public static object AddForwardHook(nn.Module module, Action<object?> onOutput)
    {
        var hookable = module.GetType();
        while (hookable != null && !(hookable.IsGenericType && hookable.GetGenericTypeDefinition() == typeof(nn.HookableModule<,>)))
            hookable = hookable.BaseType;
        if (hookable == null)
            throw new NotSupportedException($"{module.GetType().Name} is not a HookableModule; cannot hook it");

        var postHookType = hookable.GetGenericArguments()[1];
        var invoke = postHookType.GetMethod("Invoke")!;
        var parameters = invoke.GetParameters().Select(p => Expression.Parameter(p.ParameterType, p.Name)).ToArray();
        var result = parameters[^1];
        var body = Expression.Block(
            Expression.Invoke(Expression.Constant(onOutput), Expression.Convert(result, typeof(object))),
            result);
        var hook = Expression.Lambda(postHookType, body, parameters).Compile();

        var register = hookable.GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Single(m => m.Name == "register_forward_hook" && m.GetParameters() is [var p] && p.ParameterType == postHookType);
        return register.Invoke(module, new object[] { hook })!;
    }

    public static void Remove(object remover)
    {
        var remove = remover.GetType().GetMethod("remove", BindingFlags.Public | BindingFlags.Instance)
                     ?? throw new MissingMethodException(remover.GetType().Name, "remove");
        remove.Invoke(remover, null);
    }
}
