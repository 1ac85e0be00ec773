using NetVizGen.Model.Specs;
using NetVizGen.Rendering.Description;
using NetVizGen.Rendering.Diff;
using NetVizGen.Rendering.Tests.Baselines;
using static NetVizGen.Rendering.Tests.Diff.DiffModels;

namespace NetVizGen.Rendering.Tests.Diff;

public sealed class DiffTests
{
    private static ModelDiff Compare(Knobs before, Knobs after) => DescriptionDiffer.Compare(Create(before), Create(after));

    [Fact]
    public void Identical_models_have_no_changes()
    {
        var d = Compare(new(), new());
        Assert.Equal(ModelStatus.Unchanged, d.Status);
        Assert.Empty(d.Changes);
        Assert.Equal("= Net: no architecture change\n\nPlan: 0 added, 0 removed, 0 changed in 0 of 1 model.\n", DiffFormatter.Text(new DiffReport([d])));
    }

    [Fact]
    public void An_argument_change_reports_old_and_new_argument_shape_and_parameters()
    {
        var d = Compare(new(), new(Classes: 100));
        var fc = Assert.Single(d.Changes, c => c.Path == "fc");
        Assert.Equal(ChangeKind.Changed, fc.Kind);
        Assert.Contains(new ChangeDetail("outputSize", "10", "100"), fc.Details);
        Assert.Contains(new ChangeDetail("output", "N×10", "N×100"), fc.Details);
        Assert.Contains(new ChangeDetail("parameters", "170", "1,700"), fc.Details);
        Assert.Equal(1530, fc.ParameterDelta);
        var root = Assert.Single(d.Changes, c => c.Path == "");
        Assert.Equal([new ChangeDetail("num_classes", "10", "100")], root.Details);
        Assert.Contains(new ChangeDetail("output", "N×10", "N×100"), d.Model);
        Assert.Equal(2, d.Changes.Count);
        Assert.Contains("      outputSize: 10 → 100\n", DiffFormatter.Text(new DiffReport([d])));
        Assert.Contains("      parameters: 170 → 1,700 (+1,530)\n", DiffFormatter.Text(new DiffReport([d])));
    }

    [Fact]
    public void A_removed_layer_and_an_added_layer_are_reported_at_their_top_module()
    {
        var removed = Compare(new(), new(Dropout: false));
        var line = Assert.Single(removed.Changes);
        Assert.Equal((ChangeKind.Removed, "drop", "Dropout"), (line.Kind, line.Path, line.Type));
        var added = Compare(new(Dropout: false), new());
        Assert.Equal((ChangeKind.Added, "drop"), (Assert.Single(added.Changes).Kind, added.Changes[0].Path));
        Assert.Contains("  + drop  Dropout\n", DiffFormatter.Text(new DiffReport([added])));
    }

    [Fact]
    public void A_longer_repeat_is_one_line_at_the_xN_level_with_its_parameter_delta()
    {
        var d = Compare(new(Blocks: 2), new(Blocks: 3));
        var r = Assert.Single(d.Changes);
        Assert.Equal((ChangeKind.Repeat, "layer1", "Block", 2, 3), (r.Kind, r.Path, r.Type, r.OldCount, r.NewCount));
        Assert.Equal(16 * 16 * 9 + 16 + 32, r.ParameterDelta);
        Assert.Contains("  ~ layer1  Block ×2 → ×3  (+2,352 parameters)\n", DiffFormatter.Text(new DiffReport([d])));
        // The block's ops are part of the repeat line, not separate additions.
        Assert.DoesNotContain(d.Changes, c => c.IsOp);
        var shorter = Assert.Single(Compare(new(Blocks: 3), new(Blocks: 1)).Changes);
        Assert.Equal((3, 1, -2 * 2352L), (shorter.OldCount, shorter.NewCount, shorter.ParameterDelta));
    }

    [Fact]
    public void A_renamed_layer_is_one_rename_not_an_addition_and_a_removal()
    {
        var d = Compare(new(Stem: "stem"), new(Stem: "conv_in"));
        var r = Assert.Single(d.Changes);
        Assert.Equal((ChangeKind.Renamed, "conv_in", "stem"), (r.Kind, r.Path, r.OldPath));
        Assert.Empty(r.Details);
        Assert.Contains("  ~ conv_in  Conv2d  (renamed from stem)\n", DiffFormatter.Text(new DiffReport([d])));
    }

    [Fact]
    public void A_same_typed_module_with_nothing_else_in_common_is_not_claimed_as_a_rename()
    {
        // Rename plus a different argument: not the same module any more; reported as removed + added.
        var d = Compare(new(Stem: "stem", Channels: 16), new(Stem: "conv_in", Channels: 32));
        Assert.Contains(d.Changes, c => c.Kind == ChangeKind.Removed && c.Path == "stem");
        Assert.Contains(d.Changes, c => c.Kind == ChangeKind.Added && c.Path == "conv_in");
        Assert.DoesNotContain(d.Changes, c => c.Kind == ChangeKind.Renamed);
    }

    [Fact]
    public void An_op_added_in_forward_is_one_line_and_its_consumer_is_not_reported_again()
    {
        var d = Compare(new(), new(ExtraRelu: true));
        var op = Assert.Single(d.Changes);
        Assert.Equal((ChangeKind.Added, "relu", true), (op.Kind, op.Path, op.IsOp));
        Assert.Contains("  + relu  op\n", DiffFormatter.Text(new DiffReport([d])));
        var back = Compare(new(ExtraRelu: true), new());
        Assert.Equal(ChangeKind.Removed, Assert.Single(back.Changes, c => c.IsOp).Kind);
    }

    [Fact]
    public void Rewiring_between_surviving_layers_is_reported_as_an_inputs_change()
    {
        // Same modules and ops, but the dropout now reads the stem output instead of the pooled one.
        var before = Create();
        var nodes = before.Flow.Nodes.ToList();
        var drop = nodes.Single(n => n.ModulePath == "drop");
        var stem = nodes.Single(n => n.ModulePath == "stem");
        nodes[nodes.IndexOf(drop)] = drop with { Inputs = new[] { stem.Id }.ToEquatableArray() };
        var after = before with { Flow = new FlowSpec(nodes.ToEquatableArray()) };
        var change = Assert.Single(DescriptionDiffer.Compare(before, after).Changes);
        Assert.Equal(("drop", new ChangeDetail("inputs", "mean", "stem")), (change.Path, Assert.Single(change.Details)));
    }

    [Fact]
    public void Models_added_and_removed_by_id()
    {
        var report = DescriptionDiffer.Compare([Create(new(Id: "Old"))], [Create(new(Id: "New"))]);
        Assert.Equal([("New", ModelStatus.Added), ("Old", ModelStatus.Removed)], report.Models.Select(m => (m.Id, m.Status)));
        Assert.EndsWith("Plan: 0 added, 0 removed, 0 changed in 2 of 2 models; 1 new model; 1 model removed.\n", DiffFormatter.Text(report));
    }

    [Fact]
    public void The_diff_of_descriptions_read_from_disk_equals_the_diff_of_the_models()
    {
        Knobs a = new(), b = new(Blocks: 3, Classes: 100, Dropout: false, Stem: "conv_in", ExtraRelu: true);
        var direct = DiffFormatter.Text(new DiffReport([Compare(a, b)]));
        var viaJson = DiffFormatter.Text(new DiffReport([DescriptionDiffer.Compare(
            DescriptionReader.Read(DescriptionWriter.Write(Create(a))), DescriptionReader.Read(DescriptionWriter.Write(Create(b))))]));
        Assert.Equal(direct, viaJson);
    }

    private static DiffReport Combined() => DescriptionDiffer.Compare(
        [Create(), Create(new(Id: "Same")), Create(new(Id: "Gone"))],
        [Create(new(Blocks: 3, Classes: 100, Dropout: false, Stem: "conv_in", ExtraRelu: true)), Create(new(Id: "Same"))]);

    [Fact]
    public void Text_plan_matches_golden() => BaselineAssert.Matches("Diff.plan.txt", DiffFormatter.Text(Combined()));

    [Fact]
    public void Markdown_comment_matches_golden() => BaselineAssert.Matches("Diff.comment.md", DiffFormatter.Markdown(Combined()));

    [Fact]
    public void Json_report_matches_golden() => BaselineAssert.Matches("Diff.report.json", DiffFormatter.Json(Combined()));

    [Fact]
    public void Markdown_escapes_user_names_and_code_fences_cannot_be_closed_from_inside()
    {
        var md = DiffFormatter.Markdown(DescriptionDiffer.Compare([Create(new(Id: "A<b>|c"))], [Create(new(Id: "A<b>|c", Stem: "s```x", Classes: 3))]));
        Assert.Contains("**A&lt;b&gt;\\|c**", md);
        Assert.Contains("````diff\n", md);
    }
}
