using NetVizGen.Model.Specs;
using NetVizGen.Rendering.Description;
using NetVizGen.Rendering.Tests.TestModels;

namespace NetVizGen.Rendering.Tests.Description;

public sealed class DescriptionTests
{
    [Fact]
    public void Reading_a_description_back_gives_the_same_model_and_the_same_text()
    {
        var model = ResNetLike.Create() with
        {
            Root = ResNetLike.Create().Root with
            {
                Args = new[]
                {
                    new ArgSpec("num_classes", ArgValue.FromInt(1000)), new ArgSpec("p", ArgValue.FromFloat(0.5)), new ArgSpec("one", ArgValue.FromFloat(1)),
                    new ArgSpec("eps", ArgValue.FromFloat(1e-5)), new ArgSpec("inf", ArgValue.FromFloat(double.PositiveInfinity)),
                    new ArgSpec("mode", ArgValue.FromSymbol("PaddingModes.Zeros")), new ArgSpec("name", ArgValue.FromString("a \"quoted\" <name>")),
                    new ArgSpec("none", ArgValue.Null), new ArgSpec("unknown", ArgValue.Unknown), new ArgSpec("bias", ArgValue.FromBool(false)),
                    new ArgSpec("kernel", ArgValue.FromTuple([ArgValue.FromInt(3), ArgValue.FromInt(3)])),
                }.ToEquatableArray(),
            },
        };
        var text = DescriptionWriter.Write(model, "/src/proj");
        var back = DescriptionReader.Read(text);
        Assert.Equal(text, DescriptionWriter.Write(back, "/src/proj"));
        Assert.Equal(model.Root.Args, back.Root.Args);
        Assert.Equal(model.Flow.Nodes.Select(n => n with { Source = null }), back.Flow.Nodes.Select(n => n with { Source = null }));
        Assert.Equal(model.Root.DescendantsAndSelf().Select(m => (m.Path, m.TypeName, m.Origin, m.Parameters, m.Args)),
            back.Root.DescendantsAndSelf().Select(m => (m.Path, m.TypeName, m.Origin, m.Parameters, m.Args)));
        Assert.Equal(model.Notes, back.Notes);
    }

    [Fact]
    public void A_blocks_names_for_its_inputs_and_outputs_are_read_back()
    {
        var model = ResNetLike.Create();
        var first = model.Flow.Nodes[1] with
        {
            Ports = new[] { new PortSpec("layer1", PortSide.Input, "inputs[0]", 0), new PortSpec("stem", PortSide.Output, "outs[2]", 2) }.ToEquatableArray(),
        };
        model = model with { Flow = new FlowSpec(model.Flow.Nodes.Select(n => n.Id == first.Id ? first : n).ToEquatableArray()) };

        var text = DescriptionWriter.Write(model, "/src/proj");
        var back = DescriptionReader.Read(text);

        Assert.Contains("\"side\": \"input\"", text, StringComparison.Ordinal);
        Assert.Equal(first.Ports, back.Flow.Nodes[1].Ports);
        Assert.True(back.Flow.Nodes[0].Ports.IsEmpty);
    }

    [Fact]
    public void Description_is_portable_readable_and_lf_only()
    {
        var text = DescriptionWriter.Write(ResNetLike.Create(), "/src/proj");
        Assert.DoesNotContain("\r", text);
        Assert.DoesNotContain("/src/proj", text);
        Assert.Contains("\"source\": \"Models/ResNet.cs:42\"", text);
        Assert.Contains("N×64×56×56", text); // not \u00D7
        Assert.StartsWith("{\n  \"schema\": \"netvizgen-description/1\"", text);
        // A path outside the project keeps only the file name, never a machine path.
        Assert.Contains("\"source\": \"ResNet.cs:42\"", DescriptionWriter.Write(ResNetLike.Create(), "/elsewhere"));
    }

    [Fact]
    public void Description_is_written_next_to_the_svg_by_the_docs_renderer()
    {
        var files = Support.RenderSamples();
        var description = files.Single(f => f.RelativePath == "ResNet18.model.json").Content;
        Assert.Equal(DescriptionWriter.Write(ResNetLike.Create(), Support.Options().ProjectDirectory), description);
    }

    [Fact]
    public void Other_documents_are_refused()
    {
        Assert.Throws<FormatException>(() => DescriptionReader.Read("{\"schema\":\"netvizgen-model/1\"}"));
        Assert.Throws<FormatException>(() => DescriptionReader.Read("not json"));
    }
}
