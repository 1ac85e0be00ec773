using Microsoft.CodeAnalysis;
using NetVizGen.Generator.Tests.TestSupport;

namespace NetVizGen.Generator.Tests.Generator;

/// <summary>Bad input becomes a located diagnostic; other models still get their manifests.</summary>
public class DiagnosticsTests
{
    private const string Good = GeneratorHarness.Usings + """
        [Diagram(Input = "N,4")]
        public sealed class Good : Module<Tensor, Tensor>
        {
            private readonly Module<Tensor, Tensor> fc = Linear(4, 2);
            public Good() : base("Good") { RegisterComponents(); }
            public override Tensor forward(Tensor x) => fc.forward(x);
        }
        """;

    [Fact]
    public void A_malformed_input_shape_is_a_warning_at_the_attribute_and_other_models_are_still_extracted()
    {
        var bad = GeneratorHarness.Usings + """
            [Diagram(Input = "N,,28")]
            public sealed class Bad : Module<Tensor, Tensor>
            {
                private readonly Module<Tensor, Tensor> fc = Linear(28, 2);
                public Bad() : base("Bad") { RegisterComponents(); }
                public override Tensor forward(Tensor x) => fc.forward(x);
            }
            """;
        var result = GeneratorHarness.Run(Good, bad);
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error); // documentation never fails the build
        var error = Assert.Single(result.Diagnostics, d => d.Id == "NVG0208");
        Assert.Equal(DiagnosticSeverity.Warning, error.Severity);
        Assert.Equal("/src/Model1.cs", error.Location.GetLineSpan().Path);
        Assert.Equal(1, error.Location.GetLineSpan().StartLinePosition.Line); // the attribute's line
        Assert.Contains(result.Models, m => m.Id == "Good");
    }

    [Fact]
    public void A_finding_repeated_by_instances_and_models_is_one_warning_at_its_line_and_every_page_keeps_its_own()
    {
        // One block with a size known only at run time (arange(n) with n from the input's values), used twice
        // by one model and once by another: three notes at one line, one compiler warning that counts the others.
        var source = GeneratorHarness.Usings + """
            public sealed class Block : Module<Tensor, Tensor>
            {
                private readonly Module<Tensor, Tensor> fc = Linear(4, 4);
                public Block() : base("Block") { RegisterComponents(); }
                public override Tensor forward(Tensor x)
                {
                    var n = x.max().item<long>();
                    return fc.forward(x) + arange(n).sum();
                }
            }
            [Diagram(Input = "N,4")]
            public sealed class Twice : Module<Tensor, Tensor>
            {
                private readonly Module<Tensor, Tensor> a = new Block(), b = new Block();
                public Twice() : base("Twice") { RegisterComponents(); }
                public override Tensor forward(Tensor x) => b.forward(a.forward(x));
            }
            [Diagram(Input = "N,4")]
            public sealed class Once : Module<Tensor, Tensor>
            {
                private readonly Module<Tensor, Tensor> a = new Block();
                public Once() : base("Once") { RegisterComponents(); }
                public override Tensor forward(Tensor x) => a.forward(x);
            }
            """;
        var result = GeneratorHarness.Run(source);

        var pageNotes = result.Models.SelectMany(m => m.Notes.Where(n => n.Id == "NVG0210").Select(n => m.Id + ": " + n.Message)).ToList();
        Assert.True(pageNotes.Count == 3, string.Join("\n", pageNotes));
        var warning = Assert.Single(result.Diagnostics, d => d.Id == "NVG0210");
        Assert.Equal(8, warning.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains("'a'", warning.GetMessage(), StringComparison.Ordinal);
        Assert.EndsWith("(The same at this location in 1 more place.)", warning.GetMessage(), StringComparison.Ordinal); // 'b'; Once's 'a' says the same as Twice's
    }

    [Fact]
    public void An_attribute_on_a_class_that_is_not_a_module_is_reported()
    {
        var result = GeneratorHarness.Run(Good, GeneratorHarness.Usings + "[Diagram] public sealed class NotAModel { }");
        var d = Assert.Single(result.Diagnostics, d => d.Id == "NVG0002");
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.Contains("NotAModel", d.GetMessage());
    }

    [Fact]
    public void A_forgotten_RegisterComponents_is_reported_at_the_field_assignment()
    {
        var result = GeneratorHarness.Run(GeneratorHarness.Usings + """
            [Diagram(Input = "N,4")]
            public sealed class Forgot : Module<Tensor, Tensor>
            {
                private readonly Module<Tensor, Tensor> fc;
                public Forgot() : base("Forgot") { fc = Linear(4, 2); }
                public override Tensor forward(Tensor x) => fc.forward(x);
            }
            """);
        var d = Assert.Single(result.Diagnostics, d => d.Id == "NVG0104");
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.Contains("RegisterComponents", d.GetMessage());
        Assert.Equal(5, d.Location.GetLineSpan().StartLinePosition.Line); // the constructor line assigning fc
    }

    [Fact]
    public void A_module_assigned_after_RegisterComponents_is_reported()
    {
        var result = GeneratorHarness.Run(GeneratorHarness.Usings + """
            [Diagram(Input = "N,4")]
            public sealed class Late : Module<Tensor, Tensor>
            {
                private readonly Module<Tensor, Tensor> fc1 = Linear(4, 4);
                private readonly Module<Tensor, Tensor> fc2;
                public Late() : base("Late") { RegisterComponents(); fc2 = Linear(4, 2); }
                public override Tensor forward(Tensor x) => fc2.forward(fc1.forward(x));
            }
            """);
        Assert.Single(result.Diagnostics, d => d.Id == "NVG0105");
        var model = Assert.Single(result.Models);
        Assert.Equal("fc1", Assert.Single(model.Root.Children).Path); // fc2 is not in named_modules()
    }

    [Fact]
    public void Two_diagrams_with_one_name_are_an_error()
    {
        var result = GeneratorHarness.Run(Good, GeneratorHarness.Usings + """
            [Diagram(Input = "N,4", Name = "Good")]
            public sealed class Other : Module<Tensor, Tensor>
            {
                private readonly Module<Tensor, Tensor> fc = Linear(4, 2);
                public Other() : base("Other") { RegisterComponents(); }
                public override Tensor forward(Tensor x) => fc.forward(x);
            }
            """);
        Assert.Single(result.Diagnostics, d => d.Id == "NVG0003");
        Assert.Single(result.Models);
    }

    [Theory]
    [InlineData("ResNet:18")]
    [InlineData("../escape")]
    [InlineData("My Model")]
    [InlineData("Net..Block")]
    public void A_Name_that_is_not_a_portable_file_name_is_reported(string name)
    {
        var result = GeneratorHarness.Run(GeneratorHarness.Usings + $$"""
            [Diagram(Input = "N,4", Name = "{{name}}")]
            public sealed class Named : Module<Tensor, Tensor>
            {
                private readonly Module<Tensor, Tensor> fc = Linear(4, 2);
                public Named() : base("Named") { RegisterComponents(); }
                public override Tensor forward(Tensor x) => fc.forward(x);
            }
            """);
        var d = Assert.Single(result.Diagnostics, d => d.Id == "NVG0002");
        Assert.Contains("not a valid file name", d.GetMessage());
        Assert.Empty(result.Models);
    }
}
