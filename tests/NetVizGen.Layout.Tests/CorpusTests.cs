using NetVizGen.Layout.Tests.Support;

namespace NetVizGen.Layout.Tests;

/// <summary>The whole benchmark corpus laid out with the invariants checked (the hard targets of issue 5).</summary>
public class CorpusTests
{
    public static TheoryData<string> Graphs => Corpus.Names();

    [Theory]
    [MemberData(nameof(Graphs))]
    public void CorpusGraphSatisfiesTheInvariants(string name)
    {
        var spec = GraphSpec.LoadCorpus(Corpus.Path(name));
        var r = spec.Layout();
        Invariants.Check(spec, r);
    }

    [Fact]
    public void ResNetSpineIsStraight()
    {
        var r = GraphSpec.LoadCorpus(Corpus.Path("resnet50")).Layout();
        // The main path of a bottleneck block is one vertical line.
        var xs = new[] { "conv1", "bn1", "layer1.0.conv1", "layer1.0.bn3", "layer1.0.add", "layer1.1.conv2", "layer4.2.relu3" }
            .Select(id => r.Nodes[id].X).Distinct();
        Assert.Single(xs);
    }
}
