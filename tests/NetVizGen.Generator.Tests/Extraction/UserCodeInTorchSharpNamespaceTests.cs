using NetVizGen.Model.Specs;
using static NetVizGen.Generator.Tests.TestSupport.GeneratorHarness;

namespace NetVizGen.Generator.Tests.Extraction;

/// <summary>
/// TorchSharp's own examples use <c>namespace TorchSharp.Examples</c> and copies of TorchVision's
/// sources use <c>TorchSharp.Modules</c>: a type whose source is in the compilation is user code,
/// whatever its namespace, and is read like any other model.
/// </summary>
public class UserCodeInTorchSharpNamespaceTests
{
    [Theory]
    [InlineData("TorchSharp.Examples")]
    [InlineData("TorchSharp.Modules")]
    [InlineData("TorchSharp")]
    public void A_model_and_its_blocks_in_a_TorchSharp_namespace_are_interpreted_as_user_code(string ns)
    {
        var model = Single(Usings + $$"""
            namespace {{ns}}
            {
                public sealed class Block : Module<Tensor, Tensor>
                {
                    private readonly Module<Tensor, Tensor> fc;
                    public Block(int n) : base(nameof(Block)) { fc = Linear(n, n); RegisterComponents(); }
                    public override Tensor forward(Tensor x) => fc.forward(x) + x;
                }

                [Diagram(Input = "N,8")]
                public sealed class Net : Module<Tensor, Tensor>
                {
                    private readonly Module<Tensor, Tensor> b1 = new Block(8), b2 = new Block(8);
                    public Net() : base(nameof(Net)) { RegisterComponents(); }
                    public override Tensor forward(Tensor x) => b2.forward(b1.forward(x));
                }
            }
            """);
        Assert.Equal("Net", model.Id);
        Assert.Equal("b1:Block b1.fc:Linear b2:Block b2.fc:Linear", Paths(model.Root));
        Assert.Equal(ModuleOrigin.Custom, model.Root.Children[0].Origin);
        Assert.Equal("b1.fc b2.fc", Calls(model));
    }
}
