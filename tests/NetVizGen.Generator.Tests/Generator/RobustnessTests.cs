using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NetVizGen.Generator.Tests.TestSupport;

namespace NetVizGen.Generator.Tests.Generator;

/// <summary>
/// Code the extractor cannot or should not fully evaluate must never make the generator throw:
/// a throw becomes CS8785 and drops every generated file of the user's project.
/// </summary>
public class RobustnessTests
{
    public static TheoryData<string, string> NastyModels => new()
    {
        { "infinite recursion in a helper", """
            [Diagram(Input = "N,4")]
            public sealed class M : Module<Tensor, Tensor>
            {
                private readonly Module<Tensor, Tensor> fc = Make(4);
                private static Module<Tensor, Tensor> Make(long n) => n > 0 ? Make(n + 1) : Linear(n, 2);
                public M() : base("M") { RegisterComponents(); }
                public override Tensor forward(Tensor x) => fc.forward(x);
            }
            """ },
        { "a loop that never ends", """
            [Diagram(Input = "N,4")]
            public sealed class M : Module<Tensor, Tensor>
            {
                private readonly ModuleList<Module<Tensor, Tensor>> layers = new();
                public M() : base("M")
                {
                    long i = 0;
                    while (true) { if (i < 0) break; i++; }
                    RegisterComponents();
                }
                public override Tensor forward(Tensor x) => x;
            }
            """ },
        { "values only known at run time", """
            [Diagram(Input = "N,4")]
            public sealed class M : Module<Tensor, Tensor>
            {
                private readonly Module<Tensor, Tensor> body;
                public M() : base("M")
                {
                    var width = int.Parse(Environment.GetEnvironmentVariable("WIDTH") ?? "8");
                    var layers = new List<Module<Tensor, Tensor>>();
                    for (int i = 0; i < new Random().Next(5); i++) layers.Add(Linear(width, width));
                    body = Sequential(layers);
                    RegisterComponents();
                }
                public override Tensor forward(Tensor x) => body.forward(x);
            }
            """ },
        { "a constructor that throws", """
            [Diagram(Input = "N,4")]
            public sealed class M : Module<Tensor, Tensor>
            {
                public M(int n = -1) : base("M")
                {
                    if (n < 0) throw new ArgumentOutOfRangeException(nameof(n));
                    RegisterComponents();
                }
                public override Tensor forward(Tensor x) => x;
            }
            """ },
        { "a module registered inside itself", """
            [Diagram(Input = "N,4")]
            public sealed class M : Module<Tensor, Tensor>
            {
                public M() : base("M") { register_module("self", this); RegisterComponents(); }
                public override Tensor forward(Tensor x) => x;
            }
            """ },
        { "a forward that calls itself", """
            [Diagram(Input = "N,4")]
            public sealed class M : Module<Tensor, Tensor>
            {
                private readonly Module<Tensor, Tensor> fc = Linear(4, 4);
                public M() : base("M") { RegisterComponents(); }
                public override Tensor forward(Tensor x) => forward(fc.forward(x));
            }
            """ },
        { "a generic block and a partial model", """
            public sealed class Wrap<T> : Module<Tensor, Tensor> where T : Module<Tensor, Tensor>
            {
                private readonly T inner;
                public Wrap(T inner) : base("Wrap") { this.inner = inner; RegisterComponents(); }
                public override Tensor forward(Tensor x) => inner.forward(x);
            }
            [Diagram(Input = "N,4")]
            public sealed partial class M : Module<Tensor, Tensor>
            {
                private readonly Wrap<Module<Tensor, Tensor>> w = new(Linear(4, 4));
                public M() : base("M") { RegisterComponents(); }
            }
            public sealed partial class M
            {
                public override Tensor forward(Tensor x) => w.forward(x);
            }
            """ },
    };

    [Theory]
    [MemberData(nameof(NastyModels))]
    public void Hard_code_gives_diagnostics_or_an_incomplete_model_but_never_a_crash(string what, string source)
    {
        var result = GeneratorHarness.Run(GeneratorHarness.Usings + source); // asserts no CS8785 and that the sources compile
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "NVG0999"); // no internal error either
        Assert.True(result.Models.Count <= 1, what);
    }

    [Fact]
    public void Code_that_does_not_compile_yet_as_while_typing_in_the_IDE_does_not_crash_the_generator()
    {
        var source = GeneratorHarness.Usings + """
            [Diagram(Input = "N,4")]
            public sealed class M : Module<Tensor, Tensor>
            {
                private readonly Module<Tensor, Tensor> fc = Linear(4, ;
                public M() : base("M") { RegisterComponents() }
                public override Tensor forward(Tensor x) => fc.forward(x).
            }
            """;
        var compilation = GeneratorHarness.Compile(source);
        GeneratorHarness.Driver().RunGeneratorsAndUpdateCompilation(compilation, out _, out var diagnostics);
        Assert.DoesNotContain(diagnostics, d => d.Id is "CS8784" or "CS8785");
    }
}
