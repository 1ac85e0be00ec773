using Microsoft.CodeAnalysis;
using NetVizGen.Generator.Tests.TestSupport;
using NetVizGen.Model.Specs;

namespace NetVizGen.Generator.Tests.Extraction;

/// <summary>
/// Public TorchSharp code often runs a TorchScript file instead of modules written in C# (LamaCleaner_TorchSharp loads
/// big-LaMa with <c>jit.load&lt;Tensor, Tensor, Tensor&gt;("big-lama.pt")</c>). The layers are in the file, so the
/// reader must say so where the file is loaded, and never count or draw the module as if it were known.
/// </summary>
public class TorchScriptLoadTests
{
    private const string Wrapper = GeneratorHarness.Usings + """
        namespace Samples;
        [Diagram(Input = "image=N,3,64,64; mask=N,1,64,64")]
        public sealed class Refined : nn.Module<Tensor, Tensor, Tensor>
        {
            private readonly jit.ScriptModule<Tensor, Tensor, Tensor> inpaint;
            private readonly Module<Tensor, Tensor> head = Conv2d(3, 3, 1);
            public Refined(string path = "big-lama.pt") : base("Refined")
            {
                inpaint = jit.load<Tensor, Tensor, Tensor>(path);
                RegisterComponents();
            }
            public override Tensor forward(Tensor image, Tensor mask) => head.call(inpaint.forward(image, mask));
        }
        """;

    [Fact]
    public void A_loaded_TorchScript_module_is_a_warning_at_the_load_and_leaves_the_total_unknown()
    {
        var result = GeneratorHarness.Run(Wrapper);
        var model = Assert.Single(result.Models);

        var load = Assert.Single(result.Diagnostics, d => d.GetMessage().Contains("TorchScript", StringComparison.Ordinal));
        Assert.Equal(DiagnosticSeverity.Warning, load.Severity);
        Assert.Equal("jit.load<Tensor, Tensor, Tensor>(path)", load.Location.SourceTree!.GetText().ToString(load.Location.SourceSpan));

        Assert.Equal(-1, model.Root.Parameters);
        Assert.Contains(model.Incomplete, r => r.Contains("inpaint", StringComparison.Ordinal));
        var inpaint = model.Root.Children.Single(c => c.Path == "inpaint");
        Assert.Equal(ModuleOrigin.Unresolved, inpaint.Origin);
        Assert.Equal(12, model.Root.Children.Single(c => c.Path == "head").Parameters);
    }

    [Fact]
    public void A_call_of_a_loaded_module_is_drawn_on_its_path_and_it_is_not_reported_as_never_called()
    {
        var model = GeneratorHarness.Single(Wrapper);

        var call = Assert.Single(model.Flow.Nodes, n => n.Kind == FlowNodeKind.Unresolved);
        Assert.Equal("inpaint", call.ModulePath);
        Assert.Equal(2, call.Inputs.Count);
        Assert.Contains(model.Notes, n => n.Severity == NoteSeverity.Warning && n.Message.Contains("'inpaint' (ScriptModule) cannot be traced", StringComparison.Ordinal));
        // It is called: "never called, its parameters are counted" would be false twice over.
        Assert.DoesNotContain(model.Notes, n => n.Id == "NVG0106");
    }

    [Fact]
    public void A_factory_returning_a_loaded_module_has_no_diagram_and_both_places_are_warned()
    {
        var result = GeneratorHarness.Run(GeneratorHarness.Usings + """
            namespace Samples;
            public static class Models
            {
                [Diagram(Input = "image=N,3,64,64; mask=N,1,64,64")]
                public static jit.ScriptModule<Tensor, Tensor, Tensor> BigLama() => jit.load<Tensor, Tensor, Tensor>("big-lama.pt");
            }
            """);
        var model = Assert.Single(result.Models);
        Assert.Equal(ModuleOrigin.Unresolved, model.Root.Origin);
        Assert.Equal(-1, model.Root.Parameters);
        Assert.Contains(model.Incomplete, r => r.Contains("BigLama", StringComparison.Ordinal));
        Assert.Contains(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Warning && d.GetMessage().Contains("TorchScript", StringComparison.Ordinal)
                                                  && d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan).StartsWith("jit.load", StringComparison.Ordinal));
        Assert.Contains(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Warning && d.GetMessage().Contains("'BigLama'", StringComparison.Ordinal));
    }

    [Fact]
    public void Any_module_field_of_unknown_value_is_called_on_its_path()
    {
        // Not only jit.load: a module made by reflection is registered as unresolved, and forward's call is that module's.
        var model = GeneratorHarness.Single(GeneratorHarness.Usings + """
            namespace Samples;
            [Diagram(Input = "N,8")]
            public sealed class Plugged : Module<Tensor, Tensor>
            {
                private readonly Module<Tensor, Tensor> body;
                public Plugged() : base("Plugged")
                {
                    body = (Module<Tensor, Tensor>)Activator.CreateInstance(Type.GetType("Somewhere.Body")!)!;
                    RegisterComponents();
                }
                public override Tensor forward(Tensor x) => body.call(x);
            }
            """);
        Assert.Equal("body", Assert.Single(model.Flow.Nodes, n => n.Kind == FlowNodeKind.Unresolved).ModulePath);
        Assert.DoesNotContain(model.Notes, n => n.Id == "NVG0106");
        Assert.Equal(-1, model.Root.Parameters);
    }
}
