using System.Xml.Linq;
using NetVizGen.Rendering.Diff;
using static NetVizGen.Rendering.Tests.Diff.DiffModels;

namespace NetVizGen.Rendering.Tests.Diff;

public sealed class DiffDiagramTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static ModelDiff Edit(Knobs before, Knobs after) => DescriptionDiffer.Compare(Create(before), Create(after));

    private static XElement Node(XDocument doc, string id) => doc.Descendants(Svg + "g").Single(g => (string?)g.Attribute("id") == "n-" + id);

    private static bool IsFaded(XElement node) => (string?)node.Parent!.Attribute("opacity") == DiffMarks.FadedOpacity;

    [Fact]
    public void Changed_nodes_carry_old_and_new_added_ones_a_badge_and_the_rest_is_faded()
    {
        var diff = Edit(new(), new(Classes: 100, Dropout: false, ExtraRelu: true));
        var (light, dark) = DiffDiagram.Paint(diff, depth: -1);
        foreach (var svg in new[] { light, dark })
        {
            var doc = XDocument.Parse(svg);
            var fc = Node(doc, "m.fc");
            Assert.False(IsFaded(fc));
            Assert.Contains(doc.Descendants(Svg + "text"), t => t.Value == "outputSize 10 → 100 · parameters 170 → 1,700");
            // The changed node's outgoing edge says old → new on its label.
            Assert.Contains(doc.Descendants(Svg + "text"), t => t.Value == "N×10 → N×100");
            Assert.False(IsFaded(Node(doc, "op.relu")));
            Assert.True(IsFaded(Node(doc, "m.layer1.0.conv")));
            // Removed modules are listed (struck through) in the key box, not silently dropped.
            var key = doc.Descendants(Svg + "g").Single(g => (string?)g.Attribute("id") == "diff-key");
            Assert.Contains(key.Descendants(Svg + "text"), t => t.Value.StartsWith("drop", StringComparison.Ordinal) && (string?)t.Attribute("text-decoration") == "line-through");
        }
        // Marks are not colour alone: a badge with a drawn "+" / "~" sits on each marked node (fc, relu, output).
        Assert.Equal(3, XDocument.Parse(light).Descendants(Svg + "circle").Count(c => (string?)c.Attribute("r") == "9"));
        Assert.Contains("#1a7f37", light, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("#3fb950", dark, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_longer_repeat_marks_the_folded_card_with_its_old_and_new_count()
    {
        var (light, _) = DiffDiagram.Paint(Edit(new(Blocks: 2), new(Blocks: 3)), depth: 1);
        var doc = XDocument.Parse(light);
        var card = doc.Descendants(Svg + "g").Single(g => ((string?)g.Attribute("id") ?? "").StartsWith("n-b.layer1", StringComparison.Ordinal));
        Assert.False(IsFaded(card));
        Assert.Contains(card.Parent!.Descendants(Svg + "text"), t => t.Value == "×2 → ×3");
    }

    [Fact]
    public void Large_models_keep_the_change_with_one_hop_of_context_and_fold_the_rest()
    {
        var diff = Edit(new(Blocks: 20), new(Blocks: 20, Classes: 100));
        var (light, _) = DiffDiagram.Paint(diff, depth: -1);
        var doc = XDocument.Parse(light);
        var texts = doc.Descendants(Svg + "text").Select(t => t.Value).ToList();
        var fold = Assert.Single(texts, t => t.StartsWith("… ", StringComparison.Ordinal) && t.EndsWith(" unchanged", StringComparison.Ordinal));
        // 20 blocks × (conv, bn, relu, add) + stem + mean fold; the dropout (one hop before fc) stays.
        Assert.Equal("… 82 unchanged", fold);
        Assert.Contains(doc.Descendants(Svg + "g"), g => (string?)g.Attribute("id") == "n-m.fc");
        Assert.Contains(doc.Descendants(Svg + "g"), g => (string?)g.Attribute("id") == "n-m.drop");
        Assert.True(doc.Descendants(Svg + "g").Count(g => g.Parent?.Attribute("id")?.Value == "nodes" || g.Parent?.Parent?.Attribute("id")?.Value == "nodes") < 12);
    }

    [Fact]
    public void Diff_diagrams_are_deterministic()
    {
        var diff = Edit(new(), new(Blocks: 3, Classes: 100, Dropout: false, Stem: "conv_in", ExtraRelu: true));
        Assert.Equal(DiffDiagram.Paint(diff), DiffDiagram.Paint(diff));
        var look = Environment.GetEnvironmentVariable("NETVIZGEN_LOOK_DIR");
        if (look is null) return;
        Directory.CreateDirectory(look);
        foreach (var (name, d, depth) in new[] { ("edit", diff, 1), ("edit-full", diff, -1), ("large", Edit(new(Blocks: 20), new(Blocks: 20, Classes: 100)), -1) })
        {
            var (light, dark) = DiffDiagram.Paint(d, depth);
            File.WriteAllText(Path.Combine(look, name + ".diff.svg"), light);
            File.WriteAllText(Path.Combine(look, name + ".diff.dark.svg"), dark);
        }
    }
}
