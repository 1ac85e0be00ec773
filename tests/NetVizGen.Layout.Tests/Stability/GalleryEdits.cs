using NetVizGen.Layout;

namespace NetVizGen.Layout.Tests.Stability;

/// <summary>
/// Gallery-like graphs (VGG, ResNet, Inception, DenseNet, U-Net shapes with module-path ids and clusters) and
/// realistic one-step edits of each, for the stability suite (issue 10 §3). Shared by the tests and the bench
/// (linked into NetVizGen.Bench), so both measure the same edits. Public API only.
/// </summary>
public static class GalleryEdits
{
    /// <summary>One edit: a name, the graph before and after, and the node the edit is about (null if none).</summary>
    public sealed record Edit(string Model, string Kind, LayoutGraph Base, LayoutGraph Head, string? At);

    /// <summary>Every model with every edit kind that applies to it.</summary>
    public static IEnumerable<Edit> All()
    {
        foreach (var (model, build) in Models())
        {
            var b = build(Variant.None);
            foreach (var kind in new[] { Variant.SameSizeArgument, Variant.WiderArgument, Variant.AddLayer, Variant.RemoveLayer, Variant.RepeatPlusOne, Variant.InsertResidual })
            {
                var h = build(kind);
                if (h.Graph is null) continue;
                yield return new Edit(model, Describe(kind), b.Graph!, h.Graph, h.At);
            }
        }
    }

    /// <summary>Edit kinds.</summary>
    public enum Variant
    {
        /// <summary>The base graph.</summary>
        None,
        /// <summary>An argument changes, the box keeps its size (kernel 3 → 5).</summary>
        SameSizeArgument,
        /// <summary>An argument changes and the label gets longer (channels 64 → 1024).</summary>
        WiderArgument,
        /// <summary>A layer is added in the middle.</summary>
        AddLayer,
        /// <summary>A layer in the middle is removed.</summary>
        RemoveLayer,
        /// <summary>A repeated block ×N becomes ×N+1.</summary>
        RepeatPlusOne,
        /// <summary>A residual block is inserted in the middle.</summary>
        InsertResidual,
    }

    private static string Describe(Variant v) => v switch
    {
        Variant.SameSizeArgument => "argument, same size",
        Variant.WiderArgument => "argument, wider label",
        Variant.AddLayer => "add a layer",
        Variant.RemoveLayer => "remove a layer",
        Variant.RepeatPlusOne => "×N → ×N+1",
        Variant.InsertResidual => "insert a residual block",
        _ => "none",
    };

    private static IEnumerable<(string, Func<Variant, (LayoutGraph? Graph, string? At)>)> Models()
    {
        yield return ("vgg", Vgg);
        yield return ("resnet", ResNet);
        yield return ("inception", Inception);
        yield return ("densenet", DenseNet);
        yield return ("unet", UNet);
    }

    /// <summary>Builder with label-derived widths (7 px per character + 20, as the corpus).</summary>
    private sealed class B
    {
        public readonly LayoutGraph G = new();
        private int _edges;
        public string Node(string id, string label, string? parent = null)
        {
            G.AddNode(id, 20 + 7 * label.Length, 36, parent);
            return id;
        }
        public void Cluster(string id, string? parent = null) => G.AddCluster(id, parent, 7 * id.Length, 20);
        public void Edge(string s, string t) => G.AddEdge("e" + _edges++, s, t);
        /// <summary>A chain of layers; returns the last.</summary>
        public string Chain(string from, IEnumerable<(string Id, string Label)> layers, string? parent)
        {
            string prev = from;
            foreach (var (id, label) in layers) { Node(id, label, parent); Edge(prev, id); prev = id; }
            return prev;
        }
    }

    private static (LayoutGraph?, string?) Vgg(Variant v)
    {
        if (v == Variant.RepeatPlusOne) return (null, null);
        var b = new B();
        string x = b.Node("input", "Input 3×224×224");
        int[] channels = [64, 128, 256, 512, 512];
        string? at = null;
        for (int s = 0; s < 5; s++)
        {
            string c = $"stage{s + 1}";
            b.Cluster(c);
            int convs = s < 2 ? 2 : 3;
            for (int i = 0; i < convs; i++)
            {
                if (s == 2 && i == 1 && v == Variant.RemoveLayer) { at = $"{c}.conv{i}"; continue; }
                int cin = i == 0 ? (s == 0 ? 3 : channels[s - 1]) : channels[s];
                int k = s == 2 && i == 1 && v == Variant.SameSizeArgument ? 5 : 3;
                int cout = s == 2 && i == 1 && v == Variant.WiderArgument ? 1024 : channels[s];
                if (s == 2 && i == 1 && v is Variant.SameSizeArgument or Variant.WiderArgument) at = $"{c}.conv{i}";
                x = b.Chain(x, [($"{c}.conv{i}", $"Conv2d {k}×{k}, {cin}→{cout}"), ($"{c}.relu{i}", "ReLU")], c);
                if (s == 2 && i == 1 && v == Variant.AddLayer) { at = $"{c}.bn{i}"; x = b.Chain(x, [(at, $"BatchNorm2d {channels[s]}")], c); }
                if (s == 2 && i == 1 && v == Variant.InsertResidual) { at = $"{c}.res.conv1"; x = Residual(b, x, $"{c}.res", channels[s], c); }
            }
            x = b.Chain(x, [($"{c}.pool", "MaxPool2d 2×2")], c);
        }
        b.Chain(x, [("flatten", "Flatten"), ("fc1", "Linear 25088→4096"), ("fc2", "Linear 4096→4096"), ("fc3", "Linear 4096→1000")], null);
        return (b.G, at);
    }

    private static string Residual(B b, string x, string id, int ch, string? parent)
    {
        b.Cluster(id, parent);
        string y = b.Chain(x, [($"{id}.conv1", $"Conv2d 3×3, {ch}→{ch}"), ($"{id}.bn1", $"BatchNorm2d {ch}"), ($"{id}.relu", "ReLU"),
                               ($"{id}.conv2", $"Conv2d 3×3, {ch}→{ch}"), ($"{id}.bn2", $"BatchNorm2d {ch}")], id);
        b.Node($"{id}.add", "add", id);
        b.Edge(y, $"{id}.add");
        b.Edge(x, $"{id}.add");
        return b.Chain($"{id}.add", [($"{id}.relu_out", "ReLU")], id);
    }

    private static (LayoutGraph?, string?) ResNet(Variant v)
    {
        var b = new B();
        string x = b.Chain(b.Node("input", "Input 3×224×224"), [("conv1", "Conv2d 7×7, 3→64, s2"), ("bn1", "BatchNorm2d 64"), ("relu", "ReLU"), ("maxpool", "MaxPool2d 3×3, s2")], null);
        int[] blocks = [2, 2, 2, 2];
        if (v == Variant.RepeatPlusOne || v == Variant.InsertResidual) blocks[2] = 3;
        string? at = v is Variant.RepeatPlusOne or Variant.InsertResidual ? "layer3.2.conv1" : null;
        for (int s = 0; s < 4; s++)
        {
            int ch = 64 << s;
            string layer = $"layer{s + 1}";
            b.Cluster(layer);
            for (int k = 0; k < blocks[s]; k++)
            {
                string id = $"{layer}.{k}";
                b.Cluster(id, layer);
                int cin = k == 0 && s > 0 ? ch / 2 : ch;
                var convs = new List<(string, string)> { ($"{id}.conv1", $"Conv2d 3×3, {cin}→{ch}{(k == 0 && s > 0 ? ", s2" : "")}") };
                if (s == 1 && k == 1 && v == Variant.SameSizeArgument) convs[0] = ($"{id}.conv1", $"Conv2d 5×5, {cin}→{ch}");
                if (s == 1 && k == 1 && v == Variant.WiderArgument) convs[0] = ($"{id}.conv1", $"Conv2d 3×3, {cin}→{ch}, dilation 2");
                if (s == 1 && k == 1 && v is Variant.SameSizeArgument or Variant.WiderArgument) at = $"{id}.conv1";
                convs.Add(($"{id}.bn1", $"BatchNorm2d {ch}"));
                if (!(s == 1 && k == 1 && v == Variant.RemoveLayer)) convs.Add(($"{id}.relu", "ReLU"));
                else at = $"{id}.relu";
                convs.Add(($"{id}.conv2", $"Conv2d 3×3, {ch}→{ch}"));
                if (s == 1 && k == 1 && v == Variant.AddLayer) { at = $"{id}.drop"; convs.Add((at, "Dropout p=0.1")); }
                convs.Add(($"{id}.bn2", $"BatchNorm2d {ch}"));
                string y = b.Chain(x, convs, id);
                string skip = x;
                if (k == 0 && s > 0)
                {
                    b.Cluster($"{id}.downsample", id);
                    skip = b.Chain(x, [($"{id}.downsample.0", $"Conv2d 1×1, {ch / 2}→{ch}, s2"), ($"{id}.downsample.1", $"BatchNorm2d {ch}")], $"{id}.downsample");
                }
                b.Node($"{id}.add", "add", id);
                b.Edge(y, $"{id}.add");
                b.Edge(skip, $"{id}.add");
                x = b.Chain($"{id}.add", [($"{id}.relu_out", "ReLU")], id);
            }
        }
        b.Chain(x, [("avgpool", "AdaptiveAvgPool2d 1×1"), ("flatten", "Flatten"), ("fc", "Linear 512→1000")], null);
        return (b.G, at);
    }

    private static (LayoutGraph?, string?) Inception(Variant v)
    {
        if (v == Variant.InsertResidual) return (null, null);
        var b = new B();
        string x = b.Chain(b.Node("input", "Input 3×299×299"), [("stem.conv", "Conv2d 3×3, 3→64, s2"), ("stem.pool", "MaxPool2d 3×3, s2")], null);
        int modules = v == Variant.RepeatPlusOne ? 4 : 3;
        string? at = v == Variant.RepeatPlusOne ? "mixed3.concat" : null;
        for (int m = 0; m < modules; m++)
        {
            string id = $"mixed{m}";
            b.Cluster(id);
            var ends = new List<string>();
            var branches = new List<List<(string, string)>>
            {
                new() { ($"{id}.b1.conv", "Conv2d 1×1, 192→64") },
                new() { ($"{id}.b5.conv1", "Conv2d 1×1, 192→48"), ($"{id}.b5.conv2", "Conv2d 5×5, 48→64") },
                new() { ($"{id}.b3.conv1", "Conv2d 1×1, 192→64"), ($"{id}.b3.conv2", "Conv2d 3×3, 64→96"), ($"{id}.b3.conv3", "Conv2d 3×3, 96→96") },
                new() { ($"{id}.bp.pool", "AvgPool2d 3×3"), ($"{id}.bp.conv", "Conv2d 1×1, 192→32") },
            };
            if (m == 1)
            {
                if (v == Variant.SameSizeArgument) { branches[1][1] = ($"{id}.b5.conv2", "Conv2d 7×7, 48→64"); at = $"{id}.b5.conv2"; }
                if (v == Variant.WiderArgument) { branches[1][1] = ($"{id}.b5.conv2", "Conv2d 5×5, 48→64, dilation 2"); at = $"{id}.b5.conv2"; }
                if (v == Variant.AddLayer) { branches[1].Add(($"{id}.b5.conv3", "Conv2d 3×3, 64→64")); at = $"{id}.b5.conv3"; }
                if (v == Variant.RemoveLayer) { at = $"{id}.b3.conv3"; branches[2].RemoveAt(2); }
            }
            foreach (var br in branches) ends.Add(b.Chain(x, br, id));
            b.Node($"{id}.concat", "cat dim=1", id);
            foreach (var e in ends) b.Edge(e, $"{id}.concat");
            x = $"{id}.concat";
        }
        b.Chain(x, [("avgpool", "AdaptiveAvgPool2d 1×1"), ("fc", "Linear 256→1000")], null);
        return (b.G, at);
    }

    private static (LayoutGraph?, string?) DenseNet(Variant v)
    {
        if (v == Variant.InsertResidual) return (null, null);
        var b = new B();
        string x = b.Chain(b.Node("input", "Input 3×64×64"), [("conv0", "Conv2d 3×3, 3→24"), ("pool0", "MaxPool2d 3×3, s2")], null);
        string? at = null;
        for (int k = 0; k < 2; k++)
        {
            string block = $"denseblock{k + 1}";
            b.Cluster(block);
            int layers = k == 0 && v == Variant.RepeatPlusOne ? 7 : 6;
            if (k == 0 && v == Variant.RepeatPlusOne) at = $"{block}.layer6";
            var features = new List<string> { x };
            for (int i = 0; i < layers; i++)
            {
                if (k == 0 && i == 3 && v == Variant.RemoveLayer) { at = $"{block}.layer{i}"; continue; }
                string cat = b.Node($"{block}.cat{i}", "cat dim=1", block);
                foreach (var f in features) b.Edge(f, cat);
                string layer = $"{block}.layer{i}";
                string label = $"DenseLayer {24 + 12 * i}→12";
                if (k == 0 && i == 2 && v == Variant.SameSizeArgument) { label = $"DenseLayer {24 + 12 * i}→16"; at = layer; }
                if (k == 0 && i == 2 && v == Variant.WiderArgument) { label = $"DenseLayer {24 + 12 * i}→12, bottleneck 4"; at = layer; }
                b.Node(layer, label, block);
                b.Edge(cat, layer);
                string output = layer;
                if (k == 0 && i == 2 && v == Variant.AddLayer) { at = $"{block}.drop{i}"; output = b.Chain(layer, [(at, "Dropout p=0.2")], block); }
                features.Add(output);
            }
            string outCat = b.Node($"{block}.out", "cat dim=1", block);
            foreach (var f in features) b.Edge(f, outCat);
            x = outCat;
            if (k == 0) x = b.Chain(x, [("transition1.conv", "Conv2d 1×1, 96→48"), ("transition1.pool", "AvgPool2d 2×2")], null);
        }
        b.Chain(x, [("norm5", "BatchNorm2d 120"), ("classifier", "Linear 120→10")], null);
        return (b.G, at);
    }

    private static (LayoutGraph?, string?) UNet(Variant v)
    {
        if (v is Variant.RepeatPlusOne or Variant.InsertResidual) return (null, null);
        var b = new B();
        string x = b.Node("input", "Input 1×128×128");
        var skips = new List<string>();
        int[] ch = [64, 128, 256, 512];
        string? at = null;
        for (int d = 0; d < 4; d++)
        {
            string c = $"down{d + 1}";
            b.Cluster(c);
            string label = $"Conv2d 3×3, {ch[d]}→{ch[d]}";
            if (d == 1 && v == Variant.SameSizeArgument) { label = $"Conv2d 5×5, {ch[d]}→{ch[d]}"; at = $"{c}.conv2"; }
            if (d == 1 && v == Variant.WiderArgument) { label = $"Conv2d 3×3, {ch[d]}→{ch[d]}, pad 2"; at = $"{c}.conv2"; }
            var layers = new List<(string, string)> { ($"{c}.conv1", $"Conv2d 3×3, {(d == 0 ? 1 : ch[d - 1])}→{ch[d]}"), ($"{c}.relu1", "ReLU"), ($"{c}.conv2", label), ($"{c}.relu2", "ReLU") };
            if (d == 1 && v == Variant.AddLayer) { at = $"{c}.bn"; layers.Insert(3, (at, $"BatchNorm2d {ch[d]}")); }
            if (d == 1 && v == Variant.RemoveLayer) { at = $"{c}.relu1"; layers.RemoveAt(1); }
            x = b.Chain(x, layers, c);
            skips.Add(x);
            x = b.Chain(x, [($"{c}.pool", "MaxPool2d 2×2")], c);
        }
        x = b.Chain(x, [("bottleneck.conv1", "Conv2d 3×3, 512→1024"), ("bottleneck.conv2", "Conv2d 3×3, 1024→1024")], null);
        for (int u = 3; u >= 0; u--)
        {
            string c = $"up{u + 1}";
            b.Cluster(c);
            x = b.Chain(x, [($"{c}.upconv", $"ConvTranspose2d 2×2, {ch[u] * 2}→{ch[u]}")], c);
            b.Node($"{c}.cat", "cat dim=1", c);
            b.Edge(x, $"{c}.cat");
            b.Edge(skips[u], $"{c}.cat");
            x = b.Chain($"{c}.cat", [($"{c}.conv1", $"Conv2d 3×3, {ch[u] * 2}→{ch[u]}"), ($"{c}.conv2", $"Conv2d 3×3, {ch[u]}→{ch[u]}")], c);
        }
        b.Chain(x, [("head", "Conv2d 1×1, 64→2")], null);
        return (b.G, at);
    }
}

/// <summary>The stability figures of one edit (issue 10 §3) plus how much moved above the edit.</summary>
public static class EditMeasure
{
    /// <summary>Lays out base and head and compares them.</summary>
    /// <returns>The figures over all matched leaves; the share of matched leaves above the edited node (in the
    /// flow) that moved at all (more than 0.5 px after anchoring): 0 = the edit moved only what is below; and the
    /// share of matched leaves that moved sideways at all: 0 = what is below only slid down or up.</returns>
    public static (NetVizGen.Layout.Stability.StabilityFigures Figures, double AboveMoved, double Sideways, LayoutResult Base, LayoutResult Head) Run(GalleryEdits.Edit edit, LayoutOptions? o = null)
    {
        o ??= new LayoutOptions();
        var b = LayeredLayout.Run(edit.Base, o);
        var h = LayeredLayout.Run(edit.Head, o);
        var figures = NetVizGen.Layout.Stability.LayoutStability.Compare(b, h, o.Direction, o.NodeSpacing);
        double above = 0;
        var ids = b.Nodes.Keys.Where(h.Nodes.ContainsKey).ToList();
        var first = ids[0];
        double dx = b.Nodes[first].X - h.Nodes[first].X, dy = b.Nodes[first].Y - h.Nodes[first].Y;
        double sideways = (double)ids.Count(id => Math.Abs(h.Nodes[id].X + dx - b.Nodes[id].X) > 0.5) / ids.Count;
        if (edit.At is { } at)
        {
            // Above the edit: in the head if the edited node is there, else (removed) in the base.
            Func<string, bool> isAbove = h.Nodes.TryGetValue(at, out var ah)
                ? id => h.Nodes[id].Y < ah.Top
                : id => b.Nodes[id].Y < b.Nodes[at].Top;
            var aboveIds = ids.Where(isAbove).ToList();
            int moved = aboveIds.Count(id => Math.Abs(h.Nodes[id].X + dx - b.Nodes[id].X) > 0.5 || Math.Abs(h.Nodes[id].Y + dy - b.Nodes[id].Y) > 0.5);
            above = aboveIds.Count == 0 ? 0 : (double)moved / aboveIds.Count;
        }
        return (figures, above, sideways, b, h);
    }
}
