using System.Globalization;

namespace NetVizGen.Rendering.Diff;

/// <summary>
/// The plan of one model as lines, shared by the text and Markdown formats so they always say the
/// same thing: <c>+</c> added, <c>-</c> removed, <c>~</c> changed (with indented <c>name: old → new</c>
/// details), in the style of <c>terraform plan</c>.
/// </summary>
internal static class PlanLines
{
    public static List<string> For(ModelDiff m)
    {
        var lines = new List<string>();
        foreach (var d in m.Model) lines.Add("    " + Detail(d));
        foreach (var c in m.Changes)
        {
            lines.Add("  " + Head(c));
            foreach (var d in c.Details) lines.Add("      " + Detail(d));
        }
        return lines;
    }

    public static string Head(Change c)
    {
        string name = c.IsOp ? OpName(c.Path) : c.Path.Length == 0 ? "(model)" : c.Path;
        if (c.IsOp) c = c with { Type = OpType(c) };
        string delta = c.ParameterDelta != 0 ? "  (" + Signed(c.ParameterDelta) + " parameters)" : "";
        return c.Kind switch
        {
            ChangeKind.Added => "+ " + name + "  " + c.Type + delta,
            ChangeKind.Removed => "- " + name + "  " + c.Type + delta,
            ChangeKind.Repeat => "~ " + name + "  " + c.Type + " ×" + N(c.OldCount) + " → ×" + N(c.NewCount) + delta,
            ChangeKind.Renamed => "~ " + name + "  " + c.Type + "  (renamed from " + c.OldPath + ")",
            _ => "~ " + name + "  " + c.Type + delta,
        };
    }

    /// <summary><c>relu</c> from the op key <c>layer1.0/relu</c> (the scope goes in <see cref="OpType"/>).</summary>
    public static string OpName(string key) => key.Substring(key.LastIndexOf('/') + 1);

    private static string OpType(Change c)
    {
        int slash = c.Path.LastIndexOf('/');
        return slash < 0 ? "op" : "op in " + c.Path.Substring(0, slash);
    }

    public static string Detail(ChangeDetail d)
    {
        if (d.Old.Length == 0) return d.Name + ": (none) → " + d.New;
        if (d.New.Length == 0) return d.Name + ": " + d.Old + " → (none)";
        var text = d.Name + ": " + d.Old + " → " + d.New;
        if (d.Name == "parameters" && TryCount(d.Old, out var a) && TryCount(d.New, out var b)) text += " (" + Signed(b - a) + ")";
        return text;
    }

    /// <summary>The counts of a model's plan: "1 added, 2 changed", or "no architecture change".</summary>
    public static string Verdict(ModelDiff m) => m.Status switch
    {
        ModelStatus.Added => "new model" + (m.NewParameters >= 0 ? " (" + Numbers.Grouped(m.NewParameters) + " parameters)" : ""),
        ModelStatus.Removed => "model removed",
        ModelStatus.Unchanged => "no architecture change",
        _ => Counts(m.Count(ChangeKind.Added), m.Count(ChangeKind.Removed), m.Count(ChangeKind.Changed) + m.Count(ChangeKind.Repeat), m.Count(ChangeKind.Renamed), m.Changes.Count == 0)
             + (m.OldParameters != m.NewParameters ? "; parameters " + DescriptionDiffer.Count(m.OldParameters) + " → " + DescriptionDiffer.Count(m.NewParameters)
                + (m.OldParameters >= 0 && m.NewParameters >= 0 ? " (" + Signed(m.NewParameters - m.OldParameters) + ")" : "") : ""),
    };

    public static string Counts(int added, int removed, int changed, int renamed, bool onlyModelLevel = false)
    {
        if (onlyModelLevel) return "model-level change";
        var parts = new List<string> { N(added) + " added", N(removed) + " removed", N(changed) + " changed" };
        if (renamed > 0) parts.Add(N(renamed) + " renamed");
        return string.Join(", ", parts);
    }

    /// <summary>The closing line over all models.</summary>
    public static string Summary(DiffReport r)
    {
        int changedModels = r.Models.Count(m => m.Status != ModelStatus.Unchanged);
        var text = "Plan: " + Counts(r.Count(ChangeKind.Added), r.Count(ChangeKind.Removed), r.Count(ChangeKind.Changed) + r.Count(ChangeKind.Repeat), r.Count(ChangeKind.Renamed))
            + " in " + N(changedModels) + " of " + N(r.Models.Count) + " model" + (r.Models.Count == 1 ? "" : "s");
        int newModels = r.Models.Count(m => m.Status == ModelStatus.Added), goneModels = r.Models.Count(m => m.Status == ModelStatus.Removed);
        if (newModels > 0) text += "; " + N(newModels) + " new model" + (newModels == 1 ? "" : "s");
        if (goneModels > 0) text += "; " + N(goneModels) + " model" + (goneModels == 1 ? "" : "s") + " removed";
        return text + ".";
    }

    public static string Signed(long v) => (v > 0 ? "+" : v < 0 ? "-" : "±") + Numbers.Grouped(Math.Abs(v));

    private static bool TryCount(string text, out long value) =>
        long.TryParse(text.Replace(",", ""), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
}
