using NetVizGen.Model.Analysis;
using NetVizGen.Model.Specs;

namespace NetVizGen.Model.Tests.Analysis;

public class ShapeAnalysisTests
{
    /// <summary>LeNet-5 as in the PyTorch tutorial; fc1 in-features and bn channels can be broken on purpose.</summary>
    private static (ModelSpec Model, int Fc1Node, int BnNode) LeNet(long fc1In = 400, long bnFeatures = 6, string input = "N,1,32,32")
    {
        var b = new FlowBuilder()
            .Layer("conv1", "Conv2d", ("in_channels", 1), ("out_channels", 6), ("kernel_size", 5))
            .Layer("bn", "BatchNorm2d", ("num_features", bnFeatures))
            .Layer("conv2", "Conv2d", ("in_channels", 6), ("out_channels", 16), ("kernel_size", 5))
            .Layer("fc1", "Linear", ("inputSize", fc1In), ("outputSize", 120))
            .Layer("fc2", "Linear", ("inputSize", 120), ("outputSize", 84))
            .Layer("fc3", "Linear", ("inputSize", 84), ("outputSize", 10));
        int x = b.Input();
        x = b.Call("conv1", x);
        int bn = x = b.Call("bn", x);
        x = b.Op("relu", x);
        x = b.Op("max_pool2d", x, ("kernel_size", 2));
        x = b.Call("conv2", x);
        x = b.Op("relu", x);
        x = b.Op("max_pool2d", x, ("kernel_size", 2));
        x = b.Op("flatten", x, ("start_dim", 1));
        int fc1 = x = b.Call("fc1", x);
        x = b.Op("relu", x);
        x = b.Call("fc2", x);
        x = b.Op("relu", x);
        x = b.Call("fc3", x);
        b.Output(x);
        return (b.Build(input), fc1, bn);
    }

    [Fact]
    public void CorrectLeNetHasNoNotes()
    {
        var result = ShapeAnalysis.Run(LeNet().Model);
        Assert.Empty(result.Notes);
        var shapes = result.Model.Flow.Nodes.Select(n => n.Shape).ToArray();
        Assert.Equal(new[] { "N×1×32×32", "N×6×28×28", "N×6×28×28", "N×6×28×28", "N×6×14×14", "N×16×10×10", "N×16×10×10", "N×16×5×5",
            "N×400", "N×120", "N×120", "N×84", "N×84", "N×10", "N×10" }, shapes);
        Assert.Equal(61706 + 12, result.Parameters); // LeNet-5 61706 + BatchNorm2d(6) affine
        Assert.Equal(13, result.Buffers);
        Assert.Equal(result.Parameters, result.Model.Root.Parameters);
        Assert.Equal(156, result.Model.Root.Children[0].Parameters); // conv1: 6*1*5*5 + 6
        // conv1 28*28*6*25 + conv2 10*10*16*150 + fc 400*120 + 120*84 + 84*10
        Assert.Equal(117600 + 240000 + 48000 + 10080 + 840, result.MultiplyAdds);
        Assert.Equal("Conv2d 5×5 · 1→6", result.Nodes[1].Summary);
    }

    [Fact]
    public void IncrementalAnalysisOfAGrowingFlowGivesTheShapesOfTheWholeAnalysis()
    {
        // The extractor asks for shapes while the flow grows (ShapeAnalysis.Incremental): a node analysed early must
        // have the shape the analysis of the finished flow gives it, the broken fc1 included.
        var (model, fc1, _) = LeNet(fc1In: 256);
        var whole = ShapeAnalysis.Run(model);
        var incremental = new ShapeAnalysis.Incremental(model.Root, model.Input);
        var nodes = model.Flow.Nodes;
        foreach (var count in new[] { 1, 4, 9, nodes.Count })
            incremental.Advance(nodes.Take(count).ToList());
        foreach (var node in whole.Nodes)
            Assert.Equal(node.Outputs.Count == 1 ? node.Outputs[0].ToString() : null, incremental.OutputOf(node.Id)?.ToString());
        Assert.Equal("N×120", incremental.OutputOf(fc1)!.ToString()); // a mismatched layer passes on what it would produce
        Assert.Null(new ShapeAnalysis.Incremental(model.Root, "").OutputOf(0));
    }

    [Fact]
    public void WrongBatchNormIsAChannelMismatch()
    {
        var (model, _, bn) = LeNet(bnFeatures: 16);
        var result = ShapeAnalysis.Run(model);
        var note = Assert.Single(result.Notes);
        Assert.Equal(ShapeNoteIds.ChannelMismatch, note.Id);
        Assert.Equal(NoteSeverity.Warning, note.Severity);
        Assert.Contains("'bn' (BatchNorm2d 16) expects num_features 16 but receives 6 channels from 'conv1' (Conv2d 5×5 · 1→6)", note.Message);
        Assert.Equal(FlowBuilder.At(10 + bn), note.Source);
        Assert.Contains(note, result.Model.Notes);
        Assert.Equal("N×6×28×28", result.Model.Flow.Nodes[bn].Shape); // one bug, one note: shapes go on
    }

    [Fact]
    public void WrongLinearAfterFlattenIsAFeatureMismatchWithBothNumbers()
    {
        var (model, fc1, _) = LeNet(fc1In: 256);
        var result = ShapeAnalysis.Run(model);
        var note = Assert.Single(result.Notes);
        Assert.Equal(ShapeNoteIds.FeatureMismatch, note.Id);
        Assert.Contains("expects inputSize 256 but receives 400 features", note.Message);
        Assert.Equal("'fc1' (Linear 256→120) expects inputSize 256 but receives 400 features from 'flatten' (16×5×5 = 400), "
            + "reshaping the N×16×5×5 output of 'max_pool2d'.", note.Message);
        Assert.Equal(FlowBuilder.At(10 + fc1), note.Source);
    }

    [Fact]
    public void SymbolicInputPropagates()
    {
        var b = new FlowBuilder()
            .Layer("conv", "Conv2d", ("in_channels", 3), ("out_channels", 64), ("kernel_size", 7), ("stride", 2), ("padding", 3), ("bias", false))
            .Layer("pool", "MaxPool2d", ("kernel_size", 3), ("stride", 2), ("padding", 1));
        int x = b.Input();
        b.Output(b.Call("pool", b.Call("conv", x)));
        var result = ShapeAnalysis.Run(b.Build("N,3,H,W"));
        Assert.Equal("N×64×(H+3)/4×(W+3)/4", result.Model.Flow.Nodes[^1].Shape);
        Assert.Equal(-1, result.MultiplyAdds); // per-sample MACs of a conv over symbolic H, W are unknown
        Assert.Equal(9408, result.Parameters);
    }

    [Fact]
    public void CatMismatchAndViewElementCount()
    {
        var b = new FlowBuilder();
        int x = b.Input();
        int a = b.Op("max_pool2d", x, ("kernel_size", 2));
        int cat = b.Merge("cat", new[] { x, a }, ("dim", 1));
        int view = b.Op("view", x, ("shape", new[] { 1, 500 }));
        b.Output(cat);
        b.Output(view);
        var result = ShapeAnalysis.Run(b.Build("1,16,8,8"));
        Assert.Equal(new[] { ShapeNoteIds.ConcatMismatch, ShapeNoteIds.ElementCountMismatch }, result.Notes.Select(n => n.Id));
        Assert.Equal(FlowBuilder.At(10 + cat), result.Notes[0].Source);
        Assert.Contains("500", result.Notes[1].Message);
        Assert.Contains("1024", result.Notes[1].Message);
    }

    [Fact]
    public void ViewOfAnUnknownShapeToGivenSizesHasThemAndTheFlowGoesOn()
    {
        var b = new FlowBuilder();
        int x = b.Input();
        int data = b.Op("randperm", x);                               // an op the catalog does not know
        int view = b.Op("view", data, ("shape", new[] { 2, 16, 8, 8 }));
        int open = b.Op("view", data, ("shape", new[] { -1, 16, 8, 8 }));
        int sum = b.Merge("add", new[] { x, view });
        b.Output(sum);
        b.Output(open);
        var result = ShapeAnalysis.Run(b.Build("2,16,8,8"));
        var shapes = result.Model.Flow.Nodes.ToDictionary(n => n.Id, n => n.Shape);
        Assert.Equal("?", shapes[data]);
        Assert.Equal("2×16×8×8", shapes[view]);
        Assert.Equal("?", shapes[open]);
        Assert.Equal("2×16×8×8", shapes[sum]);
        // The unknown op's warning only: the views of its output add none.
        Assert.Equal(new[] { ShapeNoteIds.UnknownOp }, result.Notes.Select(n => n.Id));
    }

    [Fact]
    public void SpatialSizeThatVanishes()
    {
        var b = new FlowBuilder().Layer("conv", "Conv2d", ("in_channels", 3), ("out_channels", 8), ("kernel_size", 11));
        b.Output(b.Call("conv", b.Input()));
        var note = Assert.Single(ShapeAnalysis.Run(b.Build("N,3,8,8")).Notes);
        Assert.Equal(ShapeNoteIds.NonPositiveSize, note.Id);
    }

    [Fact]
    public void UnknownModuleAndOpMakeShapesUnknownDownstream()
    {
        var b = new FlowBuilder()
            .Layer("weird", "FancyLayer", ("size", 3))
            .Layer("fc", "Linear", ("inputSize", 10), ("outputSize", 2));
        int x = b.Input();
        int w = b.Call("weird", x);
        int fc = b.Call("fc", w);
        int op = b.Op("frobnicate", x);
        b.Output(fc);
        b.Output(op);
        var result = ShapeAnalysis.Run(b.Build("N,10"));
        Assert.Equal(new[] { ShapeNoteIds.UnknownModuleType, ShapeNoteIds.UnknownOp }, result.Notes.Select(n => n.Id));
        Assert.Equal(new[] { "N×10", "?", "?", "?", "?", "?" }, result.Model.Flow.Nodes.Select(n => n.Shape));
        Assert.Equal(-1, result.Parameters); // FancyLayer's parameters are unknown: never guessed
        Assert.Equal(22, result.Model.Root.Children[1].Parameters);
        Assert.Equal(-1, result.Model.Root.Children[0].Parameters);
    }

    [Theory]
    [InlineData("N,3,,224")]
    [InlineData("N;3")]
    [InlineData("N,3,0,4")]
    public void InvalidInputShapeIsReported(string input)
    {
        var result = ShapeAnalysis.Run(LeNet(input: input).Model);
        var note = Assert.Single(result.Notes);
        Assert.Equal(ShapeNoteIds.InvalidInputShape, note.Id);
        Assert.Equal(FlowBuilder.At(1), note.Source);
        Assert.All(result.Model.Flow.Nodes, n => Assert.Equal("?", n.Shape));
        Assert.Equal(61706 + 12, result.Parameters); // counts do not need shapes
    }

    [Fact]
    public void NoDeclaredInputLeavesShapesEmpty()
    {
        var result = ShapeAnalysis.Run(LeNet(input: "").Model);
        Assert.Empty(result.Notes);
        Assert.All(result.Model.Flow.Nodes, n => Assert.Equal("", n.Shape));
    }

    [Fact]
    public void LstmOutputIndexSelectsOneOutput()
    {
        var b = new FlowBuilder()
            .Layer("lstm", "LSTM", ("inputSize", 128), ("hiddenSize", 256), ("numLayers", 2))
            .Layer("head", "Linear", ("inputSize", 256), ("outputSize", 10));
        int x = b.Input();
        int lstm = b.Call("lstm", x);
        b.Output(b.Call("head", lstm));
        var model = b.Build("T,N,128");
        var nodes = model.Flow.Nodes.Select(n => n.Id == lstm ? n with { OutputIndex = 0 } : n).ToEquatableArray();
        var result = ShapeAnalysis.Run(model with { Flow = new FlowSpec(nodes) });
        Assert.Empty(result.Notes);
        Assert.Equal(new[] { "T×N×128", "T×N×256", "T×N×10", "T×N×10" }, result.Model.Flow.Nodes.Select(n => n.Shape));
        Assert.Equal(921600 + 2570, result.Parameters);
    }

    [Fact]
    public void CustomModulesSumChildrenAndTheirOwnTensors()
    {
        var conv = new ModuleSpec("block.conv", "Conv2d", ModuleOrigin.Builtin,
            Catalog.Args.Of(("in_channels", 3), ("out_channels", 8), ("kernel_size", 3)).ToEquatableArray(), EquatableArray<ModuleSpec>.Empty);
        var tensors = new[]
        {
            new TensorSpec("cls_token", new EquatableArray<long>(new long[] { 1, 1, 8 }), IsParameter: true, Trainable: true),
            new TensorSpec("frozen", new EquatableArray<long>(new long[] { 4 }), IsParameter: true, Trainable: false),
            new TensorSpec("mask", new EquatableArray<long>(new long[] { 2, 2 }), IsParameter: false, Trainable: false),
        }.ToEquatableArray();
        var block = new ModuleSpec("block", "Stem", ModuleOrigin.Custom, EquatableArray<ArgSpec>.Empty, new[] { conv }.ToEquatableArray(), Tensors: tensors);
        var seq = new ModuleSpec("empty", "Sequential", ModuleOrigin.Container, EquatableArray<ArgSpec>.Empty, EquatableArray<ModuleSpec>.Empty);
        var root = new ModuleSpec("", "Net", ModuleOrigin.Custom, EquatableArray<ArgSpec>.Empty, new[] { block, seq }.ToEquatableArray());
        var model = new ModelSpec("Net", "Net", "Net", FlowDirection.TopDown, "", -1, root, FlowSpec.Empty, EquatableArray<NoteSpec>.Empty, null);
        var result = ShapeAnalysis.Run(model);
        Assert.Equal((224L + 8 + 4, 224L + 8, 4L), (result.Parameters, result.Trainable, result.Buffers));

        var unknown = block with { Tensors = new[] { new TensorSpec("w", EquatableArray<long>.Empty, true, true) }.ToEquatableArray() };
        var result2 = ShapeAnalysis.Run(model with { Root = root with { Children = new[] { unknown, seq }.ToEquatableArray() } });
        Assert.Equal(-1, result2.Parameters);
        Assert.Equal(224, result2.Model.Root.Children[0].Children[0].Parameters);
    }
}
