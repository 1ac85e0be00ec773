using NetVizGen.Model.Specs;
using NetVizGen.Rendering.Describe;
using NetVizGen.Rendering.Diagram;
using static NetVizGen.Rendering.Tests.TestModels.SpecBuilder;

namespace NetVizGen.Rendering.Tests.Diagram;

/// <summary>Roles named: field names that say more than the type, always when siblings share a type; never noise.</summary>
public class RoleTests
{
    private static ModuleSpec Parent(params ModuleSpec[] children) => Node("attn", "Attention", ModuleOrigin.Custom, [], children);

    [Theory]
    [InlineData("lm_head", "Linear", "lm_head")]
    [InlineData("embed_tokens", "Embedding", "embed_tokens")]
    [InlineData("downsample", "Sequential", "downsample")]
    [InlineData("shortcut", "Conv2d", "shortcut")]
    [InlineData("fc", "Linear", "")]
    [InlineData("conv1", "Conv2d", "")]
    [InlineData("bn1", "BatchNorm2d", "")]
    [InlineData("relu", "ReLU", "")]
    [InlineData("act", "GELU", "")]
    [InlineData("drop_1", "Dropout", "")]
    [InlineData("norm", "RMSNorm", "")]
    [InlineData("linear", "Linear", "")]
    [InlineData("3", "Conv2d", "")]
    public void A_lone_child_shows_its_name_only_when_it_says_something_the_type_does_not(string name, string type, string expected)
    {
        var child = Leaf("attn." + name, type, 0);
        Assert.Equal(expected, Roles.For(child, Parent(child, Leaf("attn.other", "Identity", 0))));
    }

    [Fact]
    public void Siblings_of_one_type_always_show_their_names_but_never_positions()
    {
        var q = Leaf("attn.q_proj", "Linear", 0);
        var k = Leaf("attn.k_proj", "Linear", 0);
        var conv1 = Leaf("attn.conv1", "Conv2d", 0);
        var conv2 = Leaf("attn.conv2", "Conv2d", 0);
        var parent = Parent(q, k, conv1, conv2);
        Assert.Equal("q_proj", Roles.For(q, parent));
        Assert.Equal("conv2", Roles.For(conv2, parent));

        var zero = Leaf("seq.0", "Linear", 0);
        var one = Leaf("seq.1", "Linear", 0);
        Assert.Equal("", Roles.For(one, Node("seq", "Sequential", ModuleOrigin.Container, [], zero, one)));
    }

    [Fact]
    public void The_diagram_and_its_svg_name_the_query_key_and_value_projections()
    {
        var b = new TestModels.SpecBuilder();
        int x = b.Input("x", "N×16×64");
        int q = b.Module("q_proj", "N×16×64", "", x);
        int k = b.Module("k_proj", "N×16×64", "", x);
        int v = b.Module("v_proj", "N×16×64", "", x);
        int s = b.Merge("matmul", "N×16×16", "", q, k);
        b.Output("N×16×64", b.Merge("matmul", "N×16×64", "", s, v));
        ModuleSpec Proj(string name) => Leaf(name, "Linear", 4160, A("inputSize", 64), A("outputSize", 64));
        var root = Node("", "SelfAttention", ModuleOrigin.Custom, [], Proj("q_proj"), Proj("k_proj"), Proj("v_proj"));
        var model = new ModelSpec("Attn", "Attn", "Attn", FlowDirection.TopDown, "N,16,64", -1, root, b.Flow, EquatableArray<NoteSpec>.Empty, null);

        var g = DiagramBuilder.Build(model, root, -1, new BlockCatalog(root), "Attn", "");
        Assert.Equal(["q_proj", "k_proj", "v_proj"], g.Nodes.Where(n => n.Kind == DiagramNodeKind.Layer).Select(n => n.Role));

        var svg = DocumentationRenderer.Render([model], Support.Options()).Single(f => f.RelativePath == "Attn.svg").Content;
        Assert.Contains(">q_proj<", svg, StringComparison.Ordinal);
        Assert.Contains(">v_proj<", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void A_registered_module_the_reader_could_not_follow_is_drawn_with_its_name()
    {
        // inpaint = jit.load<Tensor, Tensor, Tensor>(path): a TorchScript module, called in forward, drawn as unknown.
        var b = new TestModels.SpecBuilder();
        int image = b.Input("image", "N×3×64×64");
        int mask = b.Input("mask", "N×1×64×64");
        b.Output("", b.Module("head", "", "", b.Unresolved("ScriptModule", "inpaint", image, mask)));
        var inpaint = new ModuleSpec("inpaint", "ScriptModule", ModuleOrigin.Unresolved, EquatableArray<ArgSpec>.Empty, EquatableArray<ModuleSpec>.Empty, -1, -1, -1);
        var root = Node("", "Refined", ModuleOrigin.Custom, [], inpaint, Leaf("head", "Conv2d", 12, A("in_channels", 3), A("out_channels", 3), A("kernel_size", 1)));
        var model = new ModelSpec("Refined", "Refined", "Refined", FlowDirection.TopDown, "image=N,3,64,64; mask=N,1,64,64", -1, root, b.Flow, EquatableArray<NoteSpec>.Empty, null);

        var g = DiagramBuilder.Build(model, root, -1, new BlockCatalog(root), "Refined", "");
        var node = Assert.Single(g.Nodes, n => n.Label == "ScriptModule ?");
        Assert.Equal("inpaint", node.Role);
        Assert.Equal(NodeCategory.Other, node.Category);
    }
}
