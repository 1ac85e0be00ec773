using NetVizGen;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace ModelZoo;

/// <summary>
/// A block that never calls <c>RegisterComponents()</c> itself: TorchSharp registers its fields when its
/// parent (or a <c>ModuleList</c>) registers it, because <c>register_module</c> runs the child's
/// <c>RegisterComponents()</c>. Its <c>Parameter</c> trains; its plain tensor is a buffer.
/// </summary>
public sealed class QuietBlock : Module<Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor> fc;
    private readonly Parameter gain;
    private readonly Tensor offset;

    public QuietBlock(long dim) : base(nameof(QuietBlock))
    {
        fc = Linear(dim, dim);
        gain = new Parameter(torch.ones(dim));
        offset = torch.zeros(dim);
    }

    public override Tensor forward(Tensor x) => fc.call(x) * gain + offset;
}

/// <summary>
/// TorchSharp's registration rules in one model, checked against the runtime by the oracle: blocks
/// registered by their parent and by a <c>ModuleList</c>, one block shared by the list and a field,
/// a positional table made from <c>arange</c>/<c>sin</c>/<c>cos</c>/<c>cat</c> in a static helper and
/// wrapped in a <c>Parameter</c>, and a plain tensor field (a buffer, not a parameter).
/// </summary>
[Diagram(Input = "N,8,16", Title = "Registration semantics")]
public sealed class RegistrationSemantics : Module<Tensor, Tensor>
{
    private readonly Parameter position;
    private readonly Tensor scale;
    private readonly ModuleList<QuietBlock> blocks;
    private readonly QuietBlock tied;
    private readonly Module<Tensor, Tensor> head;

    public RegistrationSemantics(long length = 8, long dim = 16, long classes = 4) : base(nameof(RegistrationSemantics))
    {
        position = Table(length, dim);
        scale = torch.ones(length, dim);
        var first = new QuietBlock(dim);
        blocks = new ModuleList<QuietBlock>(first, new QuietBlock(dim));
        tied = first;
        head = Linear(dim, classes);
        RegisterComponents();
    }

    private static Parameter Table(long length, long dim)
    {
        var positions = torch.arange(length).unsqueeze(1).to(ScalarType.Float32);
        var frequencies = torch.exp(torch.arange(0, dim, 2).to(ScalarType.Float32) * (-Math.Log(10000.0) / dim));
        var table = torch.cat(new[] { torch.sin(positions * frequencies), torch.cos(positions * frequencies) }, dim: 1);
        return new Parameter(table);
    }

    public override Tensor forward(Tensor x)
    {
        x = x * scale + position;
        foreach (var block in blocks) x = block.call(x);
        x = tied.call(x);
        return head.call(x);
    }
}
