using NetVizGen.Model.Json;
using NetVizGen.Model.Specs;

namespace NetVizGen.Model.Tests.Json;

/// <summary>The manifest is the contract between generator and task: every field must survive the trip.</summary>
public class ManifestJsonTests
{
    private static ModelSpec Sample()
    {
        var span = new SourceSpan("Models/Net.cs", 0, 0, 12, 0, 14, 0);
        var conv = new ModuleSpec("body.conv", "Conv2d", ModuleOrigin.Builtin,
            new[]
            {
                new ArgSpec("kernel_size", ArgValue.FromTuple(new[] { ArgValue.FromInt(1), ArgValue.FromInt(7) })),
                new ArgSpec("padding_mode", ArgValue.FromSymbol("PaddingModes.Zeros")),
                new ArgSpec("bias", ArgValue.FromBool(false)),
                new ArgSpec("eps", ArgValue.FromFloat(1e-5)),
                new ArgSpec("fill", ArgValue.FromFloat(double.NegativeInfinity)),
                new ArgSpec("name", ArgValue.FromString("tab\t\"quote\" ünï")),
                new ArgSpec("stride", ArgValue.Null),
                new ArgSpec("groups", ArgValue.Unknown),
            }.ToEquatableArray(),
            EquatableArray<ModuleSpec>.Empty, 147, 147, 0, span);
        var shared = conv with { Path = "body.again", SharedWith = "body.conv" };
        var root = new ModuleSpec("", "Net", ModuleOrigin.Custom, new[] { new ArgSpec("width", ArgValue.FromInt(64)) }.ToEquatableArray(),
            new[] { new ModuleSpec("body", "Sequential", ModuleOrigin.Container, EquatableArray<ArgSpec>.Empty, new[] { conv, shared }.ToEquatableArray(), 147, 147, 0) }.ToEquatableArray(),
            1171, 1171, 0, span, new[] { new TensorSpec("pos", new long[] { 1, 16 }.ToEquatableArray(), true, true) }.ToEquatableArray());
        var flow = new FlowSpec(new[]
        {
            new FlowNodeSpec(0, FlowNodeKind.Input, "x", "", EquatableArray<int>.Empty, EquatableArray<ArgSpec>.Empty, "N×3×32×32"),
            new FlowNodeSpec(1, FlowNodeKind.Module, "Conv2d", "body.conv", new[] { 0 }.ToEquatableArray(), EquatableArray<ArgSpec>.Empty, "N×8×32×26", span, "body",
                Ports: new[] { new PortSpec("body", PortSide.Output, "outs[1]", 1), new PortSpec("head", PortSide.Input, "inputs[0]", 0) }.ToEquatableArray()),
            new FlowNodeSpec(2, FlowNodeKind.Op, "getitem", "", new[] { 1 }.ToEquatableArray(), new[] { new ArgSpec("index", ArgValue.FromInt(0)) }.ToEquatableArray(), "?", null, "", 0),
            new FlowNodeSpec(3, FlowNodeKind.Output, "output", "", new[] { 2 }.ToEquatableArray(), EquatableArray<ArgSpec>.Empty, "?"),
        }.ToEquatableArray());
        var notes = new[] { new NoteSpec("NVG0201", NoteSeverity.Warning, "line 1\nline 2", span) }.ToEquatableArray();
        return new ModelSpec("Net", "A \"net\"", "Models.Net", FlowDirection.LeftRight, "N,3,32,32", 0, root, flow, notes, span, 123_456_789_012);
    }

    [Fact]
    public void A_model_survives_write_and_read_unchanged()
    {
        var model = Sample();
        var back = ManifestJson.Read(ManifestJson.Write(model));
        Assert.Equal(model, back);
        Assert.Equal(123_456_789_012, back.MultiplyAdds);
        Assert.Equal(double.NegativeInfinity, back.Root.Children[0].Children[0].Arg("fill")!.Float);
    }

    [Fact]
    public void Writing_is_deterministic_and_culture_independent()
    {
        var model = Sample();
        var invariant = ManifestJson.Write(model);
        var saved = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            Assert.Equal(invariant, ManifestJson.Write(model));
        }
        finally { System.Globalization.CultureInfo.CurrentCulture = saved; }
        Assert.Contains("1E-05", invariant);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"schema\":\"other/1\"}")]
    [InlineData("{\"schema\":\"netvizgen-model/1\",\"id\":\"a\\")]
    [InlineData("{\"schema\":\"netvizgen-model/1\",\"id\":\"\\u00")]
    public void Malformed_manifests_are_format_errors(string json)
    {
        Assert.Throws<FormatException>(() => ManifestJson.Read(json));
    }
}
